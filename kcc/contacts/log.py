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
from datetime import UTC, date, datetime, timedelta
from typing import get_args

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.orm import Session

from kb.model import Article
from kcc.answer import normalise_question
from kcc.contacts.db.models import Callback, Contact, ContactQuestion, Feedback, as_utc, utcnow
from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import (
    MAX_ANSWER_ID,
    MAX_ANSWER_TEXT,
    MAX_DURATION,
    MAX_NAME,
    MAX_QUESTIONS,
    MAX_SECTION,
    MAX_SOURCES,
    MAX_TEAM,
    AnswerStatus,
    ContactIn,
    QuestionIn,
)
from kcc.contacts.period import Period, check_channel
from kcc.contacts.request_keys import commit_once, replayed
from kcc.contacts.teams import known_teams, team_named
from kcc.privacy import mask_personal_data
from kcc.settings import Settings

ANSWER_STATUSES: tuple[str, ...] = get_args(AnswerStatus)
# an imported contact's time: no later than now (give or take a clock that runs a little ahead), and no earlier
# than the retention period allows (without one: this floor), or it would escape the purge or predate any log
MAX_CLOCK_SKEW = timedelta(minutes=5)
EARLIEST_CREATED_AT = datetime(2000, 1, 1, tzinfo=UTC)


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


def derive_team(forwarded_to: str | None, article_id: str | None, articles: Mapping[str, Article],
                teams: list[str] | None = None) -> str | None:
    """The team a question belongs to: the known team it was handed to (``kcc.contacts.teams``; what was typed,
    when it names none), else the owner of the main article shown."""
    if forwarded_to:
        return team_named(forwarded_to, teams or []) or forwarded_to
    article = articles.get(article_id) if article_id else None
    return article.owner if article else None


def check_created_at(value: datetime, retention_days: int | None, now: datetime | None = None) -> datetime:
    """An imported contact's time in UTC, when the contact log may hold it.

    :raises ContactLogError: 422 ``invalid_created_at`` in the future (beyond ``MAX_CLOCK_SKEW``), before the
        retention period (``KCC_CONTACT_RETENTION_DAYS``), or before ``EARLIEST_CREATED_AT``.
    """
    now = now or utcnow()
    try:
        value = as_utc(value)
    except OverflowError:  # 0001-01-01T00:00:00+23:59: no such moment in UTC
        raise ContactLogError("invalid", "invalid_created_at", "Het tijdstip in 'created_at' valt buiten de jaren "
                                                               "1 tot en met 9999 (UTC).") from None
    if value > now + MAX_CLOCK_SKEW:
        raise ContactLogError("invalid", "invalid_created_at",
                              f"Het tijdstip in 'created_at' ({value:%Y-%m-%d %H:%M} UTC) ligt in de toekomst.")
    earliest, why = EARLIEST_CREATED_AT, f"vóór {EARLIEST_CREATED_AT:%Y-%m-%d}"
    # compared in days first: a retention of a million days reaches before year 1
    if retention_days is not None and retention_days < (now - EARLIEST_CREATED_AT).days:
        earliest = now - timedelta(days=retention_days)
        why = f"buiten de bewaartermijn van {retention_days} dagen (vóór {earliest:%Y-%m-%d %H:%M} UTC)"
    if value < earliest:
        raise ContactLogError("invalid", "invalid_created_at",
                              f"Het tijdstip in 'created_at' ({value:%Y-%m-%d %H:%M} UTC) ligt {why}.")
    return value


def contact_questions(body: ContactIn) -> list[QuestionIn]:
    """The contact's questions: ``questions``, or the single question on the contact itself.

    :raises ContactLogError: 422 ``questions_and_question`` for both forms at once, ``missing_question`` for
        neither (or a single question without an outcome), ``too_many_questions``.
    """
    single = body.question is not None or body.outcome is not None
    if body.questions is not None:
        if single:
            raise ContactLogError("invalid", "questions_and_question",
                                  "Geef de vraag en uitkomst óf in 'question' en 'outcome' (één vraag) óf in "
                                  "'questions' (één of meer vragen), niet allebei.")
        if not body.questions:
            raise ContactLogError("invalid", "missing_question", "Een contact heeft minstens één vraag.")
        if len(body.questions) > MAX_QUESTIONS:
            raise ContactLogError("invalid", "too_many_questions",
                                  f"Hoogstens {MAX_QUESTIONS} vragen per contact.")
        return body.questions
    if body.question is None or body.outcome is None:
        raise ContactLogError("invalid", "missing_question",
                              "Geef de vraag ('question') en de uitkomst ('outcome'), of de vragen in 'questions'.")
    return [QuestionIn(question=body.question, answer_id=body.answer_id, answer_status=body.answer_status,
                       sources=body.sources, answer_text=body.answer_text, outcome=body.outcome,
                       resolved_first_contact=body.resolved_first_contact, forwarded_to=body.forwarded_to)]


def build_question(item: QuestionIn, position: int, settings: Settings, articles: Mapping[str, Article],
                   teams: list[str], today: date | None = None) -> ContactQuestion:
    """A validated, derived question row.

    :param today: the day the question was asked (an imported contact's own day; default today): a whole date
        beside a name reads as a date of birth when it lies two years or more before that day (kcc.privacy).

    :raises ContactLogError: 422 with a Dutch message for every value outside the contract.
    :raises QuestionError: empty or over-long question.
    """
    # the log keeps the question, not the person: personal data is masked before storage (kcc.privacy)
    question = mask_personal_data(normalise_question(item.question, settings.max_question_chars), today=today)
    if item.answer_status is not None and item.answer_status not in ANSWER_STATUSES:
        raise ContactLogError("invalid", "unknown_answer_status",
                              f"Onbekende antwoordstatus '{item.answer_status}'. Kies uit: answered, no_answer, of "
                              "laat het veld leeg.")
    resolved, overridden = resolved_by_rule(settings.outcomes, item.outcome, item.resolved_first_contact)
    if len(item.sources) > MAX_SOURCES:
        raise ContactLogError("invalid", "too_many_sources", f"Hoogstens {MAX_SOURCES} bronnen per vraag.")
    sources = [{"article_id": check_name(s.article_id, "sources.article_id", "invalid_source", MAX_TEAM),
                "section": optional_text(s.section, "section", MAX_SECTION)} for s in item.sources]
    # typed by the agent ("doorverbonden met mw. Jansen"): masked like the question, and so is the team from it
    forwarded_to = optional_text(item.forwarded_to, "forwarded_to", MAX_TEAM)
    forwarded_to = mask_personal_data(forwarded_to, today=today) if forwarded_to else None
    article_id = sources[0]["article_id"] if sources else None
    return ContactQuestion(
        position=position, question=question,
        answer_id=optional_text(item.answer_id, "answer_id", MAX_ANSWER_ID), answer_status=item.answer_status,
        sources=sources, answer_text=optional_text(item.answer_text, "answer_text", MAX_ANSWER_TEXT),
        outcome=item.outcome, resolved_first_contact=resolved, resolved_overridden=overridden,
        forwarded_to=forwarded_to, article_id=article_id,
        team=derive_team(forwarded_to, article_id, articles, teams))


SUMMARY_COLUMNS = ("question", "answer_id", "answer_status", "sources", "answer_text", "outcome", "forwarded_to",
                   "team", "article_id")


def summarise(contact: Contact) -> Contact:
    """The contact's own question columns from its lead question (the first one not resolved at first contact,
    else the first); resolved when every question was, overridden when any was."""
    questions = sorted(contact.questions, key=lambda q: q.position)
    lead = next((q for q in questions if not q.resolved_first_contact), questions[0])
    for column in SUMMARY_COLUMNS:
        setattr(contact, column, getattr(lead, column))
    contact.resolved_first_contact = all(q.resolved_first_contact for q in questions)
    contact.resolved_overridden = any(q.resolved_overridden for q in questions)
    return contact


def build_contact(body: ContactIn, settings: Settings, articles: Mapping[str, Article], *,
                  import_created_at: bool = False, now: datetime | None = None) -> Contact:
    """A validated, derived contact row with its questions (not yet added to a session).

    :param import_created_at: the caller may set ``created_at`` (an admin importing older contacts); otherwise
        the time is the server's, so no contact can be dated out of reach of the retention purge.
    :raises ContactLogError: 422 with a Dutch message for every value outside the contract; 403
        ``created_at_not_allowed`` for a ``created_at`` without ``import_created_at``.
    :raises QuestionError: empty or over-long question.
    """
    if body.created_at is not None and not import_created_at:
        raise ContactLogError("forbidden", "created_at_not_allowed",
                              "Het tijdstip van een contact ('created_at') zet de server. Laat het veld weg; alleen "
                              "een beheerder (admin-sleutel) mag het meegeven, bij een import.")
    now = now or utcnow()
    created_at = now if body.created_at is None else check_created_at(body.created_at,
                                                                       settings.contact_retention_days, now)
    check_channel(body.channel)
    teams = known_teams(settings, articles)  # once per contact: on a big KB it walks every article
    questions = [build_question(item, position, settings, articles, teams, created_at.date())
                 for position, item in enumerate(contact_questions(body))]
    check_duration(body.duration_seconds)
    for question in questions:
        question.created_at = created_at
    contact = Contact(created_at=created_at, channel=body.channel, questions=questions,
                      duration_seconds=body.duration_seconds,
                      agent_id=check_name(body.agent_id or "", "agent_id", "invalid_agent_id"))
    return summarise(contact)


def check_duration(seconds: int) -> int:
    if not 0 <= seconds <= MAX_DURATION:
        raise ContactLogError("invalid", "invalid_duration", f"De duur moet tussen 0 en {MAX_DURATION} seconden liggen "
                                                             f"(niet {seconds}).")
    return seconds


def _open_contact(session: Session, contact_id: int, agent_id: str | None) -> Contact:
    """The contact, for a change by the agent who logged it (``agent_id`` None: any staff member may).

    :raises ContactLogError: 404 ``contact_not_found``; 403 ``not_your_contact``.
    """
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise ContactLogError("not_found", "contact_not_found", f"Contact {contact_id} bestaat niet (meer).")
    if agent_id is not None and contact.agent_id != agent_id:
        raise ContactLogError("forbidden", "not_your_contact",
                              "Dit contact is door een andere medewerker vastgelegd; alleen die kan het aanvullen.")
    return contact


def add_question(session: Session, contact_id: int, item: QuestionIn, duration_seconds: int | None,
                 settings: Settings, articles: Mapping[str, Article], *, agent_id: str | None = None,
                 now: datetime | None = None, request_key: str | None = None) -> Contact:
    """The next question of a contact still going on (a call's second question), logged at once: nothing waits
    for the end of the call. ``duration_seconds`` is the contact's time so far. A request with the
    ``request_key`` of one already logged changes nothing and returns the contact (``kcc.contacts.request_keys``).

    :raises ContactLogError: 404, 403 (see ``_open_contact``); 409 ``contact_closed`` for a contact older than
        the longest contact (``MAX_DURATION``), ``request_key_in_use``; 422 ``too_many_questions`` and every
        rule of ``build_question``.
    """
    contact = _open_contact(session, contact_id, agent_id)
    if (done := replayed(session, request_key, agent_id, contact_id)) is not None:
        return done
    now = now or utcnow()
    if now - contact.created_at > timedelta(seconds=MAX_DURATION):
        raise ContactLogError("conflict", "contact_closed", "Dit contact is al afgesloten; leg een nieuw contact vast.")
    if len(contact.questions) >= MAX_QUESTIONS:
        raise ContactLogError("invalid", "too_many_questions", f"Hoogstens {MAX_QUESTIONS} vragen per contact.")
    question = build_question(item, max((q.position for q in contact.questions), default=-1) + 1, settings,
                              articles, known_teams(settings, articles))
    question.created_at, question.request_key = now, request_key
    contact.questions.append(question)
    if duration_seconds is not None:
        contact.duration_seconds = check_duration(duration_seconds)
    summarise(contact)
    return commit_once(session, contact, request_key, agent_id, contact_id)


def undo_question(session: Session, contact_id: int, question_id: int, settings: Settings, *,
                  agent_id: str | None = None, now: datetime | None = None) -> Contact | None:
    """Take back a question logged less than ``settings.undo_seconds`` ago (a mis-clicked outcome); the contact
    goes with its last question (None is returned then).

    :raises ContactLogError: 404 ``question_not_found``; 403 ``not_your_contact``; 409 ``undo_too_late``.
    """
    contact = _open_contact(session, contact_id, agent_id)
    question = next((q for q in contact.questions if q.id == question_id), None)
    if question is None:
        raise ContactLogError("not_found", "question_not_found",
                              f"Vraag {question_id} hoort niet (meer) bij contact {contact_id}.")
    if (now or utcnow()) - question.created_at > timedelta(seconds=settings.undo_seconds):
        raise ContactLogError("conflict", "undo_too_late",
                              f"Ongedaan maken kan tot {settings.undo_seconds} seconden na het vastleggen. Vraag een "
                              "teamleider om het contact te corrigeren.")
    contact.questions.remove(question)
    if not contact.questions:
        session.delete(contact)
        session.commit()
        return None
    summarise(contact)
    session.commit()
    return contact


def log_contact(session: Session, body: ContactIn, settings: Settings, articles: Mapping[str, Article], *,
                import_created_at: bool = False, request_key: str | None = None) -> Contact:
    """Store a contact (:func:`build_contact` says what is checked). A request with the ``request_key`` of one
    already logged stores nothing and returns that contact (``kcc.contacts.request_keys``)."""
    if (done := replayed(session, request_key, body.agent_id or "")) is not None:
        return done
    contact = build_contact(body, settings, articles, import_created_at=import_created_at)
    contact.questions[0].request_key = request_key
    session.add(contact)
    return commit_once(session, contact, request_key, contact.agent_id)


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
    callbacks: int = 0


def purge_before(session: Session, cutoff: datetime) -> Purged:
    """Delete contacts, feedback and callback requests made before ``cutoff`` (the retention period, AVG). Grades
    and questions of a deleted contact go with it (ON DELETE CASCADE); feedback that pointed at one keeps its text,
    without the link."""
    cutoff = as_utc(cutoff)
    contacts = session.execute(delete(Contact).where(Contact.created_at < cutoff)).rowcount
    feedback = session.execute(delete(Feedback).where(Feedback.created_at < cutoff)).rowcount
    callbacks = session.execute(delete(Callback).where(Callback.created_at < cutoff)).rowcount
    session.commit()
    return Purged(contacts or 0, feedback or 0, callbacks or 0)


def count_contacts(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Contact)) or 0
