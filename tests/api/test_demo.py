"""Demo data: a plausible, deterministic month of contacts with genuine answers from the real answer core."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from cli.demo import AGENTS, DemoError, fill, generate
from cli.main import main
from kcc.contacts.db import Contact, Database, Feedback, Grade
from kcc.settings import DEFAULT_OUTCOMES

END = date(2026, 11, 20)  # a Friday
START = END - timedelta(days=29)
NOW = datetime(2026, 11, 21, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def answers() -> dict:
    """Answers by question, shared by every generation in this module (each costs a real answer once)."""
    return {}


@pytest.fixture(scope="module")
def service(client):
    return client.app.state.kcc.service


def make(tmp_path, service, answers, **options):
    database = Database(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    database.upgrade()
    with database.session() as session:
        summary = generate(session, service, service.settings, **{"days": 30, "end": END, "seed": 42, "now": NOW,
                                                                   **options}, answers=answers)
    return database, summary


def row(c: Contact) -> tuple:
    return (c.created_at, c.channel, c.question, c.answer_id, c.answer_status, c.sources, c.outcome,
            c.resolved_first_contact, c.resolved_overridden, c.team, c.article_id, c.duration_seconds, c.agent_id)


def contact_rows(database: Database) -> list[tuple]:
    with database.session() as session:
        return [row(c) for c in session.scalars(select(Contact).order_by(Contact.id))]


@pytest.fixture(scope="module")
def month(tmp_path_factory, service, answers):
    database, summary = make(tmp_path_factory.mktemp("demo"), service, answers)
    with database.session() as session:
        yield summary, session.scalars(select(Contact)).all(), session.scalars(select(Feedback)).all(), \
            session.scalars(select(Grade)).all()
    database.close()


def test_a_month_of_contacts_is_plausible(month):
    summary, contacts, feedback, grades = month
    assert summary.contacts == len(contacts) and summary.start == START and summary.end == END
    assert 0.6 <= summary.fcr <= 0.9
    assert summary.resolved == sum(c.resolved_first_contact for c in contacts)
    assert {c.outcome for c in contacts} == set(DEFAULT_OUTCOMES)
    days = Counter(c.created_at.date() for c in contacts)
    assert min(days) >= START and max(days) <= END
    weekdays = [n for d, n in days.items() if d.weekday() < 5]
    weekend = [n for d, n in days.items() if d.weekday() >= 5]
    assert len(weekdays) == 22 and all(40 <= n <= 92 for n in weekdays)
    assert all(4 <= n <= 12 for n in weekend)
    channels = Counter(c.channel for c in contacts)
    assert channels["phone"] > channels["counter"] > channels["email"] > channels["chat"] > 0
    assert {c.channel for c in contacts if c.created_at.weekday() >= 5} <= {"email", "chat"}
    assert {c.agent_id for c in contacts} == set(AGENTS)

    def median(channel: str) -> float:
        return statistics.median(c.duration_seconds for c in contacts if c.channel == channel)

    assert median("counter") > median("phone") and all(c.duration_seconds > 0 for c in contacts)
    # ~3% overrides, flagged
    assert 0.01 < sum(c.resolved_overridden for c in contacts) / len(contacts) < 0.06
    assert all(c.resolved_first_contact != DEFAULT_OUTCOMES[c.outcome] for c in contacts if c.resolved_overridden)
    # the team learns: the second half of the month resolves more at first contact than the first
    half = START + timedelta(days=15)
    first, second = ([c.resolved_first_contact for c in contacts if (c.created_at.date() < half) == early]
                     for early in (True, False))
    assert sum(second) / len(second) > sum(first) / len(first)
    assert len(feedback) == summary.feedback == 8 and len(grades) == summary.grades == 60
    answered = {c.id for c in contacts if c.answer_id}
    assert {g.contact_id for g in grades} <= answered and len({g.contact_id for g in grades}) == 60


def test_outcomes_depend_on_the_answer(month):
    _, contacts, _, _ = month

    def fcr(selected: list[Contact]) -> float:
        return sum(c.resolved_first_contact for c in selected) / len(selected)

    no_answer = [c for c in contacts if c.answer_status == "no_answer"]
    answered = [c for c in contacts if c.answer_status == "answered"]
    assert no_answer and answered
    assert fcr(no_answer) < 0.5 < 0.75 < fcr(answered)
    handed_over = Counter(c.outcome for c in no_answer).most_common(3)
    assert {name for name, _ in handed_over} & {"Doorverbonden", "Terugbelnotitie gemaakt"}
    assert all(c.team == c.forwarded_to for c in contacts if c.forwarded_to)


def test_the_answers_are_the_answer_cores_own(month, service):
    _, contacts, _, _ = month
    for contact in contacts[:: len(contacts) // 5]:
        result = service.answer(contact.question, channel=contact.channel, agent=False)
        assert contact.answer_status == result.status
        assert contact.answer_id == (result.answer.id if result.answer else None)
        assert contact.sources == [{"article_id": s.article_id, "section": s.section} for s in result.sources]
        assert contact.answer_text == (result.answer.text if result.answer else None)


def test_the_same_seed_gives_the_same_month(month, tmp_path, service, answers):
    again, summary = make(tmp_path / "again", service, answers)
    assert contact_rows(again) == [row(c) for c in sorted(month[1], key=lambda c: c.id)]
    assert summary == month[0]
    short = make(tmp_path / "short", service, answers, days=2)[0]
    other = make(tmp_path / "other", service, answers, days=2, seed=43)[0]
    assert contact_rows(short) != contact_rows(other)
    for database in (again, short, other):
        database.close()


def test_nothing_is_dated_after_now(tmp_path, service, answers):
    now = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
    database, summary = make(tmp_path, service, answers, days=1, now=now)
    rows = contact_rows(database)
    assert rows and summary.contacts == len(rows) and max(r[0] for r in rows) <= now
    database.close()


def test_fill_only_if_empty_and_replace(tmp_path, sample_runtime, service, answers):
    settings = service.settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'fill.sqlite'}"})
    # the demo dates nothing after the real clock, so the period lies safely in the past
    options = {"days": 2, "end": date.today() - timedelta(days=3), "service": service, "answers": answers}
    filled = fill(settings, sample_runtime, **options)
    assert filled is not None and filled.contacts > 0
    assert fill(settings, sample_runtime, only_if_empty=True, **options) is None
    with pytest.raises(DemoError, match="--replace"):
        fill(settings, sample_runtime, **options)
    replaced = fill(settings, sample_runtime, replace=True, **options)
    assert replaced == filled
    with Database(settings.database) as database, database.session() as session:
        assert len(session.scalars(select(Contact)).all()) == filled.contacts


def test_demo_data_command_refuses_a_locked_index(sample_runtime):
    result = CliRunner().invoke(main, ["demo-data", "--data", str(sample_runtime.settings.data_dir)])
    assert result.exit_code == 1
    assert "in gebruik door een ander proces. Stop eerst 'kcc serve'" in result.output


def test_demo_data_command_needs_an_index(tmp_path):
    result = CliRunner().invoke(main, ["demo-data", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "De index is leeg: voer eerst 'kcc ingest' uit." in result.output
