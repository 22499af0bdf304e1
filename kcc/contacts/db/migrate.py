"""Alembic, driven from code: ``upgrade`` runs in the API's lifespan and in ``kcc db upgrade``."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# any constant will do: it only has to be the same for every replica that migrates the same database
ADVISORY_LOCK = 5_020_260_001


def alembic_config() -> Config:
    """The package's migrations without an ini file, so an installed wheel can migrate too."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (idempotent: a database already there is left alone)."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # several API replicas may start at once; one migrates, the others wait and then find nothing to do
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK})
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
