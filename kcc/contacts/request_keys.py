"""One question per request, however often it is sent: a double click, two runs of a console callback or a retry
after a timeout send the same ``Idempotency-Key`` (stored on the question the request logged), and a repeat returns
the contact as it is instead of logging the question again.

The unique constraint on ``contact_questions.request_key`` settles two copies that arrive at the same moment: the
second commit fails, and the contact the first one made is returned.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kcc.contacts.db.models import Contact, ContactQuestion
from kcc.contacts.errors import ContactLogError


def replayed(session: Session, request_key: str | None, agent_id: str | None,
             contact_id: int | None = None) -> Contact | None:
    """The contact a request with this key already logged a question in; None when no request did.

    :param agent_id: the agent of this request (None: any staff member may repeat it).
    :param contact_id: the contact this request adds a question to (None: the request makes a new contact).
    :raises ContactLogError: 409 ``request_key_in_use`` when the key logged a question of another agent or of
        another contact: a different request, not this one again.
    """
    if request_key is None:
        return None
    question = session.scalars(select(ContactQuestion).where(ContactQuestion.request_key == request_key)).first()
    if question is None:
        return None
    contact = question.contact
    if (agent_id is not None and contact.agent_id != agent_id) or \
            (contact_id is not None and contact.id != contact_id):
        raise ContactLogError("conflict", "request_key_in_use",
                              "Deze Idempotency-Key hoort bij een ander verzoek. Stuur bij elke nieuwe vraag een "
                              "nieuwe sleutel mee.")
    return contact


def commit_once(session: Session, contact: Contact, request_key: str | None, agent_id: str | None,
                contact_id: int | None = None) -> Contact:
    """Commit the contact with its new question; when a copy of the same request committed first, the contact
    that copy logged.

    :raises IntegrityError: a constraint other than the request key's failed.
    """
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        if (done := replayed(session, request_key, agent_id, contact_id)) is not None:
            return done
        raise
    return contact
