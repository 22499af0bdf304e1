"""Engine and sessions for the contact log: SQLite by default, PostgreSQL (psycopg 3) by URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from kcc.contacts.db.migrate import upgrade


def normalise_url(url: str | URL) -> URL:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 here: it is the driver this package installs."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL without its password, for messages and logs."""
    return normalise_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _: Any) -> None:
    # SQLite ignores foreign keys unless every connection asks for them; WAL lets readers (statistics, the
    # console's lists) go on while a contact is written, and survives a crash without a rollback journal
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_engine(url: str | URL) -> Engine:
    """An engine that is safe to share between FastAPI's worker threads.

    :param url: a SQLAlchemy URL, e.g. ``sqlite:////srv/kcc/kcc.sqlite`` or ``postgresql+psycopg://u:p@host/kcc``.
    """
    parsed = normalise_url(url)
    if parsed.get_backend_name() != "sqlite":
        # pre-ping: a PostgreSQL restart or failover must not surface as a 500 on the next request
        return create_engine(parsed, pool_pre_ping=True)
    options: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if parsed.database in (None, "", ":memory:"):
        options["poolclass"] = StaticPool  # one shared connection, or each thread would see its own empty database
    else:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, **options)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Database:
    """The engine and a session factory; the API keeps one in its state, the CLI opens one per command.

    Usage::

        db = Database("sqlite:///data/kcc.sqlite")
        db.upgrade()
        with db.session() as session:
            ...
        db.close()
    """

    def __init__(self, url: str | URL):
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        # objects stay readable after commit: routes return them after the session's work is done
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    def upgrade(self, revision: str = "head") -> None:
        upgrade(self.engine, revision)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
