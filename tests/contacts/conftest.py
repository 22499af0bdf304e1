"""The contact-log core's fixtures: a migrated session on SQLite and on PostgreSQL, and a small KB's articles."""

from __future__ import annotations

import pytest

from kb.loader import load_kb
from kcc.contacts.db import Database
from tests.api.conftest import BACKENDS
from tests.conftest import SMALL_KB, write_kb
from tests.pg import fresh_database, postgres  # noqa: F401  (the session fixture behind "postgresql")


@pytest.fixture(params=BACKENDS)
def session(request, tmp_path):
    with fresh_database(request, request.param, tmp_path) as url:
        database = Database(url)
        database.upgrade()
        with database.session() as session:
            yield session
        database.close()


@pytest.fixture
def articles(tmp_path):
    return {a.id: a for a in load_kb(write_kb(tmp_path / "kb", SMALL_KB)).articles}
