"""Alembic environment: migrates the connection it is handed (``kcc.contacts.db.migrate.upgrade``), or, from the
``alembic`` command line (``alembic -c kcc/contacts/db/alembic.ini ...``), the database of the KCC settings."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from kcc.contacts.db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    # batch mode lets later migrations alter columns on SQLite, which has no ALTER COLUMN
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def database_url() -> str:
    from kcc.settings import Settings

    return config.get_main_option("sqlalchemy.url") or Settings().database


if context.is_offline_mode():
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (shared := config.attributes.get("connection")) is not None:
    run_migrations(shared)
else:
    from kcc.contacts.db.engine import make_engine

    engine = make_engine(database_url())
    try:
        with engine.begin() as connection:
            run_migrations(connection)
    finally:
        engine.dispose()
