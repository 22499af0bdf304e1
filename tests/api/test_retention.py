"""The retention period: ``kcc db purge`` deletes what is older, keeps the rest, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from cli.main import main
from kcc.contacts.db import Callback, Contact, Database, Feedback, Grade
from tests.api.conftest import BACKENDS
from tests.pg import fresh_database


@pytest.fixture(params=BACKENDS)
def database(request, tmp_path) -> Iterator[tuple[Database, str]]:
    with fresh_database(request, request.param, tmp_path) as url:
        db = Database(url)
        db.upgrade()
        yield db, url
        db.close()


def contact(days_ago: int, question: str) -> Contact:
    return Contact(created_at=datetime.now(UTC) - timedelta(days=days_ago), channel="phone", question=question,
                   sources=[], outcome="Doorverbonden", resolved_first_contact=False, duration_seconds=60,
                   agent_id="a")


def test_purge_keeps_the_retention_period_and_takes_grades_along(database):
    db, url = database
    with db.session() as session:
        old, recent = contact(400, "oud"), contact(10, "recent")
        session.add_all([old, recent])
        session.flush()
        session.add_all([Grade(contact_id=old.id, grader="g", juist=True, volledig=True, bron_klopt=True,
                               begrijpelijk=True),
                         Grade(contact_id=recent.id, grader="g", juist=True, volledig=False, bron_klopt=True,
                               begrijpelijk=True),
                         Feedback(created_at=datetime.now(UTC) - timedelta(days=10), article_id="paspoort-aanvragen",
                                  comment="recent, over een oud contact", agent_id="a", owner="Burgerzaken",
                                  contact_id=old.id),
                         Feedback(created_at=datetime.now(UTC) - timedelta(days=500), article_id="paspoort-aanvragen",
                                  comment="oud", agent_id="a", owner="Burgerzaken"),
                         *(Callback(created_at=datetime.now(UTC) - timedelta(days=days), name="J. de Vries",
                                    phone="06-12345678", question=question, team="Belastingen",
                                    due=date(2025, 1, 1), status="open", agent_id="a", contact_id=old.id)
                           for days, question in ((400, "oud verzoek"), (5, "recent verzoek")))])
        session.commit()

    result = CliRunner().invoke(main, ["db", "purge", "--days", "365"], env={"KCC_DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    assert "Verwijderd: 1 contacten, 1 feedbackmeldingen en 1 terugbelverzoeken" in result.output

    with db.session() as session:
        assert session.scalars(sa.select(Contact.question)).all() == ["recent"]
        assert [g.volledig for g in session.scalars(sa.select(Grade))] == [False]  # the old contact's grade went
        remaining = session.scalars(sa.select(Feedback)).all()
        assert [(f.comment, f.contact_id) for f in remaining] == [("recent, over een oud contact", None)]
        # a callback request goes with the contacts of its time; a recent one about an old contact stays
        assert [(c.question, c.contact_id) for c in session.scalars(sa.select(Callback))] == [("recent verzoek", None)]


def test_purge_needs_a_retention_period(tmp_path, monkeypatch):
    monkeypatch.delenv("KCC_CONTACT_RETENTION_DAYS", raising=False)
    result = CliRunner().invoke(main, ["db", "purge"], env={"KCC_DATABASE_URL": f"sqlite:///{tmp_path}/log.sqlite"})
    assert result.exit_code == 1
    assert "KCC_CONTACT_RETENTION_DAYS" in result.output
