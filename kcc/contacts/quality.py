"""Agents' feedback on articles, and the human grading of answers (a sample, then four yes/no criteria)."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from kb.model import Article
from kcc.contacts.db.models import AnswerFeedback, Contact, Feedback, Grade
from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import ANSWER_ID_PATTERN, MAX_COMMENT, MAX_SECTION, AnswerFeedbackIn, FeedbackIn, GradeIn
from kcc.contacts.log import check_name, optional_text
from kcc.contacts.period import Period
from kcc.privacy import mask_personal_data


def _comment(value: str) -> str:
    comment = (value or "").strip()
    if not comment:
        raise ContactLogError("invalid", "empty_comment", "Schrijf een opmerking: het veld 'comment' is leeg.")
    if len(comment) > MAX_COMMENT:
        raise ContactLogError("invalid", "comment_too_long", f"De opmerking is te lang ({len(comment)} tekens). "
                                                             f"Gebruik hoogstens {MAX_COMMENT} tekens.")
    return mask_personal_data(comment)


def _optional_comment(value: str | None) -> str | None:
    comment = optional_text(value, "comment", MAX_COMMENT)
    return mask_personal_data(comment) if comment else None


def _contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise ContactLogError("not_found", "unknown_contact", f"Contact {contact_id} bestaat niet.")
    return contact


def add_feedback(session: Session, body: FeedbackIn, articles: Mapping[str, Article]) -> Feedback:
    """Store feedback for the article's owner.

    :raises ContactLogError: 404 ``unknown_article`` / ``unknown_contact``; 422 for an unknown section or a bad comment.
    """
    article = articles.get(body.article_id)
    if article is None:
        raise ContactLogError("not_found", "unknown_article", f"Artikel '{body.article_id}' bestaat niet.")
    section = optional_text(body.section, "section", MAX_SECTION)
    if section is not None and section not in {s.heading for s in article.sections}:
        raise ContactLogError("invalid", "unknown_section", f"Het artikel '{article.id}' heeft geen kopje '{section}'.")
    comment = _comment(body.comment)
    agent_id = check_name(body.agent_id, "agent_id", "invalid_agent_id")
    if body.contact_id is not None:
        _contact(session, body.contact_id)
    feedback = Feedback(article_id=article.id, section=section, comment=comment, agent_id=agent_id,
                        owner=article.owner, contact_id=body.contact_id)
    session.add(feedback)
    session.commit()
    return feedback


def list_feedback(session: Session, *, article_id: str | None = None, owner: str | None = None,
                  status: str | None = None, limit: int = 50) -> list[Feedback]:
    query = select(Feedback).order_by(Feedback.created_at.desc(), Feedback.id.desc()).limit(limit)
    if status:
        query = query.where(Feedback.status == status)
    if article_id:
        query = query.where(Feedback.article_id == article_id)
    if owner:
        query = query.where(Feedback.owner == owner)
    return list(session.scalars(query).all())


def grading_sample(session: Session, n: int, period: Period, seed: int | None = None) -> list[Contact]:
    """``n`` answered contacts that nobody graded yet, at random; the same seed gives the same sample."""
    ungraded = ~exists().where(Grade.contact_id == Contact.id)
    ids = list(session.scalars(select(Contact.id).where(Contact.answer_id.is_not(None), ungraded,
                                                        *period.conditions(Contact.created_at))
                               .order_by(Contact.id)).all())
    chosen = random.Random(seed).sample(ids, min(n, len(ids)))
    by_id = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(chosen))).all()}
    return [by_id[i] for i in chosen]


def add_grade(session: Session, body: GradeIn) -> Grade:
    """:raises ContactLogError: 404 ``unknown_contact``; 422 when the contact had no answer to grade."""
    contact = _contact(session, body.contact_id)
    if contact.answer_id is None:
        raise ContactLogError("invalid", "not_gradable", f"Contact {contact.id} kreeg geen antwoord uit de kennisbank; "
                                                         "er is niets te beoordelen.")
    grade = Grade(contact_id=contact.id, grader=check_name(body.grader, "grader", "invalid_grader"),
                  juist=body.juist, volledig=body.volledig, bron_klopt=body.bron_klopt,
                  begrijpelijk=body.begrijpelijk, comment=_optional_comment(body.comment))
    session.add(grade)
    session.commit()
    return grade


def add_answer_feedback(session: Session, answer_id: str, body: AnswerFeedbackIn) -> AnswerFeedback:
    """Store a resident's "Heeft dit antwoord u geholpen?" (no personal data: the answer, the channel, yes/no).

    :raises ContactLogError: 422 ``invalid_answer_id`` for an id that is no answer's.
    """
    if not re.fullmatch(ANSWER_ID_PATTERN, answer_id):
        raise ContactLogError("invalid", "invalid_answer_id", "Onbekend antwoord-id.")
    feedback = AnswerFeedback(answer_id=answer_id, channel=body.channel, helpful=body.helpful)
    session.add(feedback)
    session.commit()
    return feedback
