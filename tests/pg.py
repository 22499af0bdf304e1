"""A throwaway PostgreSQL for the tests: ``KCC_TEST_DATABASE_URL`` when set, else a cluster of Debian's
binaries (``initdb`` + ``pg_ctl``) in a temporary folder, on 127.0.0.1 and a free port, stopped at session end.

Every test module gets its own database (:func:`PostgresServer.create_database`), so modules never see each
other's contacts. Without binaries and without the variable the PostgreSQL tests skip, saying what to install.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import make_url

INSTALL_HINT = ("PostgreSQL niet gevonden: installeer postgresql (apt-get install postgresql) of zet "
                "KCC_TEST_DATABASE_URL=postgresql+psycopg://gebruiker:wachtwoord@host/database")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


class PostgresServer:
    """An admin URL on a server where the tests may create databases."""

    def __init__(self, admin_url: str):
        self.admin_url = make_url(admin_url).set(drivername="postgresql+psycopg")

    def create_database(self, prefix: str = "kcc_test") -> str:
        """A new, empty database; returns its SQLAlchemy URL."""
        import psycopg

        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self._conninfo(), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = make_url(url).database
        with psycopg.connect(self._conninfo(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _conninfo(self) -> str:
        return self.admin_url.set(drivername="postgresql").render_as_string(hide_password=False)


class LocalCluster:
    """``initdb`` + ``pg_ctl`` in ``folder``; as root, the server runs as the ``postgres`` user (it refuses root)."""

    def __init__(self, folder: Path, binaries: Path):
        self.folder, self.bin = folder, binaries
        self.data = folder / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")

    def start(self) -> str:
        if self.as_root:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        # fsync off: a test database that is thrown away need not survive a power cut
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.folder / "server.log"), "-w",
                  "-t", "60", "start")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the session; skips the requesting tests when there is none."""
    url = os.environ.get("KCC_TEST_DATABASE_URL")
    if url:
        yield PostgresServer(url)
        return
    binaries = _binaries()
    if binaries is None:
        pytest.skip(INSTALL_HINT)
    # not under pytest's tmp folder: its parents are private to root, and the server runs as postgres
    folder = Path(tempfile.mkdtemp(prefix="kcc-pg-"))
    cluster = LocalCluster(folder, binaries)
    try:
        admin_url = cluster.start()
        try:
            yield PostgresServer(admin_url)
        finally:
            cluster.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_database(request: pytest.FixtureRequest, backend: str, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database on ``backend`` ("sqlite" or "postgresql"); dropped afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'kcc.sqlite'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    url = server.create_database()
    try:
        yield url
    finally:
        server.drop_database(url)
