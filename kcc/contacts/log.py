"""The contact log: agents record each contact's question, the answer shown and how it ended.

The FCR rule: a contact counts as resolved at first contact when its outcome does so in
``settings.outcomes`` (see ``kcc.settings.DEFAULT_OUTCOMES``), unless the agent says otherwise
(``resolved_first_contact`` true or false); such an override is kept, and flagged when it differs from the rule.

Example::

    contact = log_contact(session, ContactIn(channel="phone", question="Wat kost een paspoort?",
                                             outcome="Zelfstandig afgehandeld", duration_seconds=120,
                                             agent_id="agent-01"), settings, articles)
    contact.resolved_first_contact, contact.team      # (True, None)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from kb.model import Article
from kcc.answer import normalise_question
from kcc.contacts.db.models import Contact, Feedback, as_utc, utcnow
from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import ContactIn
from kcc.contacts.period import Period, check_channel
from kcc.privacy import mask_personal_data
from kcc.settings import Settings

ANSWER_STATUSES = ("answered", "no_answer")
MAX_DURATION = 24 * 3600
MAX_SOURCES = 20
MAX_ANSWER_TEXT = 20_000
MAX_NAME = 64
MAX_TEAM = 128


def resolved_by_rule(outcomes: Mapping[str, bool], outcome: str, override: bool | None = None) -> tuple[bool, bool]:
    """``(resolved_first_contact, overridden)`` for an outcome and the agent's optional override.

    :raises ContactLogError: 422 ``unknown_outcome`` when the outcome is not configured.
    """
    if outcome not in outcomes:
        raise ContactLogError("invalid", "unknown_outcome", f"Onbekende afhandeling '{outcome}'. Kies uit: "
                                                            f"{', '.join(outcomes)}.")
    rule = outcomes[outcome]
    if override is None:
        return rule, False
    return override, override != rule


def check_name(value: str, field: str, code: str, limit: int = MAX_NAME) -> str:
    value = (value or "").strip()
    if not value or len(value) > limit:
        raise ContactLogError("invalid", code, f"Het veld '{field}' moet 1 tot {limit} tekens bevatten.")
    return value


def optional_text(value: str | None, field: str, limit: int) -> str | None:
    value = (value or "").strip()
    if len(value) > limit:
        raise ContactLogError("invalid", f"{field}_too_long",
                              f"Het veld '{field}' is te lang: hoogstens {limit} tekens.")
    return value or None


def derive_team(forwarded_to: str | None, article_id: str | None, articles: Mapping[str, Article]) -> str | None:
    """The team a contact belongs to: where it was handed to, else the owner of the main article shown."""
    if forwarded_to:
        return forwarded_to
    article = articles.get(article_id) if article_id else None
    return article.owner if article else None


def build_contact(body: ContactIn, settings: Settings, articles: Mapping[str, Article]) -> Contact:
    """A validated, derived contact row (not yet added to a session).

    :raises ContactLogError: 422 with a Dutch message for every value outside the contract.
    :raises QuestionError: empty or over-long question.
    """
    check_channel(body.channel)
    # the log keeps the question, not the person: BSN, phone, e-mail and IBAN are masked before storage
    question = mask_personal_data(normalise_question(body.question, settings.max_question_chars))
    if body.answer_status is not None and body.answer_status not in ANSWER_STATUSES:
        raise ContactLogError("invalid", "unknown_answer_status",
                              f"Onbekende antwoordstatus '{body.answer_status}'. Kies uit: answered, no_answer, of "
                              "laat het veld leeg.")
    resolved, overridden = resolved_by_rule(settings.outcomes, body.outcome, body.resolved_first_contact)
    if not 0 <= body.duration_seconds <= MAX_DURATION:
        raise ContactLogError("invalid", "invalid_duration", f"De duur moet tussen 0 en {MAX_DURATION} seconden liggen "
                                                             f"(niet {body.duration_seconds}).")
    if len(body.sources) > MAX_SOURCES:
        raise ContactLogError("invalid", "too_many_sources", f"Hoogstens {MAX_SOURCES} bronnen per contact.")
    sources = [{"article_id": check_name(s.article_id, "sources.article_id", "invalid_source", MAX_TEAM),
                "section": optional_text(s.section, "section", 255)} for s in body.sources]
    forwarded_to = optional_text(body.forwarded_to, "forwarded_to", MAX_TEAM)
    article_id = sources[0]["article_id"] if sources else None
    return Contact(
        created_at=as_utc(body.created_at) if body.created_at else utcnow(), channel=body.channel,
        question=question,
        answer_id=optional_text(body.answer_id, "answer_id", 64), answer_status=body.answer_status,
        sources=sources, answer_text=optional_text(body.answer_text, "answer_text", MAX_ANSWER_TEXT),
        outcome=body.outcome, resolved_first_contact=resolved, resolved_overridden=overridden,
        forwarded_to=forwarded_to, team=derive_team(forwarded_to, article_id, articles), article_id=article_id,
        duration_seconds=body.duration_seconds, agent_id=check_name(body.agent_id, "agent_id", "invalid_agent_id"))


def log_contact(session: Session, body: ContactIn, settings: Settings, articles: Mapping[str, Article]) -> Contact:
    contact = build_contact(body, settings, articles)
    session.add(contact)
    session.commit()
    return contact


@dataclass(frozen=True)
class ContactFilter:
    period: Period = Period()
    channel: str | None = None
    outcome: str | None = None
    agent_id: str | None = None

    def conditions(self, outcomes: Mapping[str, bool]) -> list[ColumnElement[bool]]:
        conditions = self.period.conditions(Contact.created_at)
        if check_channel(self.channel):
            conditions.append(Contact.channel == self.channel)
        if self.outcome is not None:
            resolved_by_rule(outcomes, self.outcome)  # an unknown outcome is a mistake, not an empty list
            conditions.append(Contact.outcome == self.outcome)
        if self.agent_id:
            conditions.append(Contact.agent_id == self.agent_id)
        return conditions


def list_contacts(session: Session, where: ContactFilter, outcomes: Mapping[str, bool], *, limit: int = 50,
                  offset: int = 0) -> tuple[list[Contact], int]:
    """A page of contacts, newest first, and the number of all contacts that match."""
    conditions = where.conditions(outcomes)
    total = session.scalar(select(func.count()).select_from(Contact).where(*conditions)) or 0
    rows = session.scalars(select(Contact).where(*conditions).order_by(Contact.created_at.desc(), Contact.id.desc())
                           .limit(limit).offset(offset)).all()
    return list(rows), total


@dataclass(frozen=True)
class Purged:
    contacts: int
    feedback: int


def purge_before(session: Session, cutoff: datetime) -> Purged:
    """Delete contacts and feedback logged before ``cutoff`` (the retention period, AVG). Grades of a deleted
    contact go with it (ON DELETE CASCADE); feedback that pointed at one keeps its text, without the link."""
    cutoff = as_utc(cutoff)
    contacts = session.execute(delete(Contact).where(Contact.created_at < cutoff)).rowcount
    feedback = session.execute(delete(Feedback).where(Feedback.created_at < cutoff)).rowcount
    session.commit()
    return Purged(contacts or 0, feedback or 0)


def count_contacts(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Contact)) or 0
