"""The contact log in a backup: which database it is, SQLite's online backup and restore, ``pg_dump`` and
``pg_restore`` for PostgreSQL (found on the PATH or in Debian's versioned folders), and its row counts.

- SQLite through its online backup API, under SQLite's own locks: a copy of the file could miss what the WAL holds.
- PostgreSQL with ``pg_dump --format=custom`` (one snapshot transaction); restored by ``pg_restore --clean
  --if-exists`` in a single transaction.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine, func, inspect, select, table
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from kcc.backup.archive import DatabaseKind
from kcc.backup.errors import BackupError
from kcc.contacts.db import normalise_url, safe_url
from kcc.settings import Settings

LOG_TABLES = ("contacts", "feedback", "grades")
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"


def database_kind(settings: Settings) -> DatabaseKind:
    backend = normalise_url(settings.database).get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise BackupError(f"Een contactlog op {backend} kan kcc niet bewaren; alleen SQLite en PostgreSQL.")
    return backend


def sqlite_path(settings: Settings) -> Path:
    database = normalise_url(settings.database).database
    if not database or database == ":memory:":
        raise BackupError("Het contactlog staat in het geheugen (KCC_DATABASE_URL): daar is geen back-up van.")
    return Path(database)


def backup_sqlite(path: Path, target: Path) -> None:
    try:
        # the source must exist (mode=rw never creates one); an API writing meanwhile waits or is waited for
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=30)) as source, \
                closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    except sqlite3.Error as exc:
        raise BackupError(f"Het contactlog {path} kan niet worden gelezen: {exc}. Bestaat het ('kcc db "
                          "upgrade')?") from exc


def restore_sqlite(copy: Path, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # through the backup API into the live file, in one transaction: a running API's WAL stays coherent
        with closing(sqlite3.connect(copy)) as source, closing(sqlite3.connect(path, timeout=30)) as live:
            source.backup(live)
    except sqlite3.Error as exc:
        raise BackupError(f"Het contactlog {path} kan niet worden teruggezet: {exc}") from exc


def log_rows(url: str | URL) -> dict[str, int]:
    """Rows in each contact log table that exists."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            present = set(inspect(connection).get_table_names())
            return {name: connection.scalar(select(func.count()).select_from(table(name))) or 0
                    for name in LOG_TABLES if name in present}
    except SQLAlchemyError as exc:
        raise BackupError(f"Het contactlog {safe_url(url)} kan niet worden gelezen: {exc}") from exc
    finally:
        engine.dispose()


def log_rows_if_any(settings: Settings) -> dict[str, int]:
    """:func:`log_rows`, without creating a SQLite file that is not there."""
    if database_kind(settings) == "sqlite" and not sqlite_path(settings).exists():
        return {}
    return log_rows(settings.database)


def pg_tool(name: str) -> Path:
    """``pg_dump`` or ``pg_restore``: on the PATH, else the newest in Debian's ``/usr/lib/postgresql/*/bin``.

    :raises BackupError: not found (says what to install)."""
    if found := shutil.which(name):
        return Path(found)
    candidates = sorted(glob.glob(f"{PG_BIN_GLOB}/{name}"), key=lambda p: int(Path(p).parts[-3]))
    if candidates:
        return Path(candidates[-1])
    raise BackupError(f"{name} niet gevonden: installeer de PostgreSQL-clientprogramma's (apt-get install "
                      f"postgresql-client, dezelfde of een nieuwere versie dan de server) of zet de map met {name} "
                      "op het PATH.")


def run_pg(name: str, args: list[str], url: str) -> None:
    """Run a PostgreSQL client tool against ``url``; the password travels in the environment, not in ``ps``."""
    parsed = normalise_url(url)
    libpq = URL.create("postgresql", username=parsed.username, host=parsed.host, port=parsed.port,
                       database=parsed.database, query=parsed.query).render_as_string(hide_password=False)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    result = subprocess.run([str(pg_tool(name)), f"--dbname={libpq}", *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise BackupError(f"{name} op {safe_url(url)} mislukt: {result.stderr.strip() or result.returncode}")
