"""Migrations are the truth: upgrades keep data, the models agree with the head revision, start-up migrates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy.exc import IntegrityError

from cli.main import main
from kcc.contacts.db import Base, Contact, ContactQuestion, Database, Grade, current_revision, head_revision
from tests.api.conftest import BACKENDS
from tests.pg import fresh_database

# the contacts table as revision 0001 created it, written the way code of that time would have written it
CONTACTS_0001 = sa.table(
    "contacts", sa.column("created_at", sa.DateTime(timezone=True)), sa.column("sources", sa.JSON),
    *(sa.column(name) for name in (
        "id", "channel", "question", "answer_id", "answer_status", "answer_text", "outcome", "resolved_first_contact",
        "resolved_overridden", "forwarded_to", "team", "article_id", "duration_seconds", "agent_id")))

@pytest.fixture(params=BACKENDS)
def empty_db(request, tmp_path) -> Iterator[Database]:
    with fresh_database(request, request.param, tmp_path) as url:
        database = Database(url)
        yield database
        database.close()


def rows(database: Database, table: str) -> list[tuple]:
    with database.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(sa.text(f"SELECT * FROM {table} ORDER BY id"))]


def test_upgrade_from_0001_keeps_every_contact(empty_db):
    empty_db.upgrade("0001")
    assert current_revision(empty_db.engine) == "0001"
    assert set(sa.inspect(empty_db.engine).get_table_names()) == {"alembic_version", "contacts"}
    contacts = [{"created_at": datetime(2026, 10, i, 9, 30, tzinfo=UTC), "channel": "phone",
                 "question": f"Vraag {i}", "answer_id": "abc" if i % 2 else None,
                 "answer_status": "answered" if i % 2 else "no_answer", "outcome": "Doorverbonden",
                 "sources": [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"}] if i % 2 else [],
                 "answer_text": "Tekst" if i % 2 else None, "resolved_first_contact": False,
                 "resolved_overridden": i == 3, "forwarded_to": "Burgerzaken", "team": "Burgerzaken",
                 "article_id": "paspoort-aanvragen" if i % 2 else None, "duration_seconds": 60 * i,
                 "agent_id": f"agent-0{i}"} for i in range(1, 6)]
    with empty_db.engine.begin() as connection:
        connection.execute(CONTACTS_0001.insert(), contacts)
    before = rows(empty_db, "contacts")

    empty_db.upgrade()
    assert current_revision(empty_db.engine) == head_revision() == "0008"
    assert rows(empty_db, "contacts") == before
    copied = ("question", "answer_id", "answer_status", "sources", "answer_text", "outcome", "resolved_first_contact",
              "resolved_overridden", "forwarded_to", "team", "article_id")
    with empty_db.session() as session:
        kept = session.scalars(sa.select(Contact).order_by(Contact.id)).all()
        assert [(c.question, c.created_at, c.sources, c.duration_seconds) for c in kept] == [
            (c["question"], c["created_at"], c["sources"], c["duration_seconds"]) for c in contacts]
        # 0003: each contact logged before holds one question, the contact's own
        assert [[(q.position, *(getattr(q, name) for name in copied)) for q in c.questions] for c in kept] == [
            [(0, *(c[name] for name in copied))] for c in contacts]
    questions = rows(empty_db, "contact_questions")
    empty_db.upgrade()  # a second upgrade finds nothing to do
    assert rows(empty_db, "contacts") == before
    assert rows(empty_db, "contact_questions") == questions
    # the new tables work with the old contacts, and new contacts continue the numbering
    with empty_db.session() as session:
        session.add(Grade(contact_id=kept[0].id, grader="g", juist=True, volledig=True, bron_klopt=True,
                          begrijpelijk=True))
        session.add(Contact(channel="chat", question="Nieuw", outcome="Doorverbonden", resolved_first_contact=False,
                            duration_seconds=1, agent_id="a",
                            questions=[ContactQuestion(position=0, question="Nieuw", outcome="Doorverbonden",
                                                       resolved_first_contact=False)]))
        session.commit()
        assert session.scalar(sa.select(sa.func.max(Contact.id))) == max(c.id for c in kept) + 1


def test_models_match_the_head_migration(empty_db):
    empty_db.upgrade()
    with empty_db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_foreign_keys_are_enforced(empty_db):
    empty_db.upgrade()
    grade = {"created_at": datetime.now(UTC), "grader": "g", "juist": True, "volledig": True, "bron_klopt": True,
             "begrijpelijk": True}
    grades = sa.table("grades", *(sa.column(n) for n in ("contact_id", *grade)))
    with pytest.raises(IntegrityError), empty_db.engine.begin() as connection:
        connection.execute(grades.insert().values(contact_id=999, **grade))
    questions = sa.table("contact_questions", *(sa.column(n) for n in (
        "contact_id", "position", "question", "sources", "outcome", "resolved_first_contact", "resolved_overridden")))
    with pytest.raises(IntegrityError), empty_db.engine.begin() as connection:
        connection.execute(questions.insert().values(contact_id=999, position=0, question="q", sources="[]",
                                                     outcome="o", resolved_first_contact=True,
                                                     resolved_overridden=False))


def test_the_api_migrates_its_database_at_start(client):
    assert current_revision(client.app.state.kcc.db.engine) == head_revision()


def test_kcc_db_upgrade(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    result = CliRunner().invoke(main, ["db", "upgrade", "--revision", "0001"], env={"KCC_DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    assert result.output == f"Database {url} staat op revisie 0001.\n"
    result = CliRunner().invoke(main, ["db", "upgrade"], env={"KCC_DATABASE_URL": url})
    assert result.output == f"Database {url} staat op revisie 0008.\n"
    result = CliRunner().invoke(main, ["db", "upgrade", "--revision", "9999"], env={"KCC_DATABASE_URL": url})
    assert result.exit_code == 1 and "mislukt" in result.output
