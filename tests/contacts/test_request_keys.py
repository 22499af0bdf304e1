"""A request sent twice logs one question: the Idempotency-Key stored with the question, on SQLite and PostgreSQL,
through the core alone (the API test sends the header)."""

from __future__ import annotations

import uuid

import pytest

from kcc.contacts import log
from kcc.contacts.db import Contact, ContactQuestion
from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import ContactIn, QuestionIn
from kcc.contacts.log import add_question, log_contact
from kcc.settings import Settings


def first(question: str = "Wat kost een paspoort?", agent: str = "agent-01") -> ContactIn:
    return ContactIn(channel="phone", question=question, outcome="Zelfstandig afgehandeld", duration_seconds=60,
                     agent_id=agent)


def next_question(question: str = "Wanneer komt het grofvuil?") -> QuestionIn:
    return QuestionIn(question=question, outcome="Doorverbonden", forwarded_to="Afval")


def counts(session) -> tuple[int, int]:
    return session.query(Contact).count(), session.query(ContactQuestion).count()


def test_a_new_contact_sent_twice_is_logged_once(session, articles):
    key = uuid.uuid4().hex
    logged = log_contact(session, first(), Settings(), articles, request_key=key)
    again = log_contact(session, first(), Settings(), articles, request_key=key)
    assert again.id == logged.id and counts(session) == (1, 1)
    # without a key, or with another one, a second contact is a second contact
    log_contact(session, first(), Settings(), articles)
    log_contact(session, first(), Settings(), articles, request_key=uuid.uuid4().hex)
    assert counts(session) == (3, 3)


def test_a_next_question_sent_twice_is_logged_once(session, articles):
    contact = log_contact(session, first(), Settings(), articles, request_key=uuid.uuid4().hex)
    key = uuid.uuid4().hex
    add_question(session, contact.id, next_question(), 90, Settings(), articles, request_key=key)
    again = add_question(session, contact.id, next_question(), 95, Settings(), articles, request_key=key)
    assert [q.question for q in again.questions] == ["Wat kost een paspoort?", "Wanneer komt het grofvuil?"]
    assert again.duration_seconds == 90  # the repeat changed nothing
    assert again.resolved_first_contact is False and counts(session) == (1, 2)


def test_a_key_of_another_agent_or_contact_is_a_conflict_not_a_repeat(session, articles):
    key = uuid.uuid4().hex
    contact = log_contact(session, first(), Settings(), articles, request_key=key)
    with pytest.raises(ContactLogError) as error:
        log_contact(session, first(agent="agent-02"), Settings(), articles, request_key=key)
    assert (error.value.kind, error.value.code) == ("conflict", "request_key_in_use")
    other = log_contact(session, first(), Settings(), articles)
    with pytest.raises(ContactLogError) as error:
        add_question(session, other.id, next_question(), None, Settings(), articles, request_key=key)
    assert error.value.code == "request_key_in_use"
    assert [len(c.questions) for c in (contact, other)] == [1, 1]


def test_two_copies_at_the_same_moment_log_one_question(session, articles, monkeypatch):
    """The second copy checked before the first committed: its commit fails on the unique key, and it returns the
    first copy's contact."""
    key = uuid.uuid4().hex
    logged = log_contact(session, first(), Settings(), articles, request_key=key)
    contact_id = logged.id
    added_key = uuid.uuid4().hex
    add_question(session, contact_id, next_question(), 90, Settings(), articles, request_key=added_key)
    monkeypatch.setattr(log, "replayed", lambda *args: None)  # the check that came too early
    again = log_contact(session, first(), Settings(), articles, request_key=key)
    assert again.id == contact_id
    again = add_question(session, contact_id, next_question(), 95, Settings(), articles, request_key=added_key)
    assert again.id == contact_id and len(again.questions) == 2 and counts(session) == (1, 2)
