"""Callback requests (contactverzoeken): an agent promises that a team calls or mails a resident back before a
due date; the team works its list (open, in behandeling, afgehandeld).

The request holds the resident's name and phone number or e-mail address, because the team needs them; the
question is masked like every stored question. Once handled, the name, phone and e-mail are replaced by
placeholders, and the retention purge (``KCC_CONTACT_RETENTION_DAYS``) deletes requests with the contacts of
their time. The console's export leaves name, phone and e-mail out.

Example::

    callback = create_callback(session, CallbackIn(name="J. de Vries", phone="06-12345678", question="WOZ",
                                                   team="Belastingen", due=date(2026, 12, 2)), settings, articles,
                               agent_id="anna.devries")
    update_callback(session, callback.id, "afgehandeld").phone      # '[telefoonnummer]'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from kb.model import Article
from kcc.answer import normalise_question
from kcc.contacts.db.models import Callback, Contact, utcnow
from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import MAX_TEAM, CallbackIn
from kcc.contacts.log import check_name
from kcc.contacts.teams import known_teams, team_spelled
from kcc.privacy import PLACEHOLDERS, mask_personal_data
from kcc.settings import Settings

DONE = "afgehandeld"
MAX_DUE_DAYS = 365
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}")


def _phone(value: str | None) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise ContactLogError("invalid", "invalid_phone", "Het telefoonnummer klopt niet. Schrijf bijvoorbeeld "
                                                          "06-12345678 of +32 470 12 34 56.")
    return value


def _email(value: str | None) -> str | None:
    value = (value or "").strip()
    if value and not _EMAIL.fullmatch(value):
        raise ContactLogError("invalid", "invalid_email", "Het e-mailadres klopt niet. Schrijf bijvoorbeeld "
                                                          "naam@voorbeeld.nl.")
    return value or None


def check_team(value: str, teams: list[str]) -> str:
    """The known team ``value`` is (in any case), in the list's own spelling.

    :raises ContactLogError: 422 ``unknown_team`` with the teams to choose from.
    """
    team = team_spelled(value, teams)
    if team is None:
        raise ContactLogError("invalid", "unknown_team", f"Onbekend team '{value.strip()}'. Kies uit: "
                                                         f"{', '.join(teams) or '(geen teams ingesteld)'}.")
    return team


def create_callback(session: Session, body: CallbackIn, settings: Settings, articles: Mapping[str, Article], *,
                    agent_id: str | None = None, today: date | None = None) -> Callback:
    """Store an open callback request.

    :raises ContactLogError: 422 for a missing name, neither phone nor e-mail, a wrong phone number or e-mail
        address, an unknown team, a due date in the past or more than a year ahead; 404 for an unknown contact.
    :raises QuestionError: empty or over-long question.
    """
    today = today or date.today()
    name = check_name(body.name, "name", "invalid_name", MAX_TEAM)
    phone, email = _phone(body.phone), _email(body.email)
    if phone is None and email is None:
        raise ContactLogError("invalid", "missing_contact_details",
                              "Vul een telefoonnummer of een e-mailadres in: anders kan het team niet terugbellen.")
    team = check_team(body.team, known_teams(settings, articles))
    if not today <= body.due <= today + timedelta(days=MAX_DUE_DAYS):
        raise ContactLogError("invalid", "invalid_due", f"De datum 'terugbellen vóór' moet tussen vandaag en "
                                                        f"{MAX_DUE_DAYS} dagen vooruit liggen.")
    if body.contact_id is not None and session.get(Contact, body.contact_id) is None:
        raise ContactLogError("not_found", "contact_not_found", f"Contact {body.contact_id} bestaat niet (meer).")
    callback = Callback(name=name, phone=phone, email=email, team=team, due=body.due, status="open",
                        question=mask_personal_data(normalise_question(body.question, settings.max_question_chars)),
                        contact_id=body.contact_id,
                        agent_id=check_name(agent_id or body.agent_id or "", "agent_id", "invalid_agent_id"))
    session.add(callback)
    session.commit()
    return callback


def list_callbacks(session: Session, *, team: str | None = None, status: str | None = None,
                   limit: int = 200) -> list[Callback]:
    """Callback requests, the earliest due first; per team (as spelled in the list) and status."""
    query = select(Callback)
    if team:
        query = query.where(Callback.team == team)
    if status:
        query = query.where(Callback.status == status)
    return list(session.scalars(query.order_by(Callback.due, Callback.id).limit(limit)).all())


def update_callback(session: Session, callback_id: int, status: str, now: datetime | None = None) -> Callback:
    """Move a request to ``status``; a handled request keeps no name, phone or e-mail.

    :raises ContactLogError: 404 ``callback_not_found``; 409 ``callback_closed`` for a handled request.
    """
    callback = session.get(Callback, callback_id)
    if callback is None:
        raise ContactLogError("not_found", "callback_not_found", f"Terugbelverzoek {callback_id} bestaat niet (meer).")
    if callback.status == DONE:
        raise ContactLogError("conflict", "callback_closed", "Dit terugbelverzoek is al afgehandeld; maak zo nodig "
                                                             "een nieuw verzoek.")
    callback.status = status
    callback.updated_at = now or utcnow()
    if status == DONE:
        _forget_person(callback)
    session.commit()
    return callback


def _forget_person(callback: Callback) -> None:
    callback.name = PLACEHOLDERS["name"]
    callback.phone = PLACEHOLDERS["phone"] if callback.phone else None
    callback.email = PLACEHOLDERS["email"] if callback.email else None
