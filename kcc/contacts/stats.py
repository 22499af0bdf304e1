"""First-contact resolution and grading statistics, aggregated in the database (SQLite or PostgreSQL).

Example::

    stats = fcr_stats(session, settings, FcrFilter(period=Period(date(2026, 11, 2), date(2026, 11, 8))))
    stats["rate"], stats["by_channel"]["phone"]["rate"]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from kcc.contacts.db.models import AnswerFeedback, Contact, ContactQuestion, Grade
from kcc.contacts.period import NONE_LABEL, Period, check_channel, check_interval, period_label, rate
from kcc.settings import Settings

CRITERIA = ("juist", "volledig", "bron_klopt", "begrijpelijk")


def utc_day(session: Session, column: ColumnElement[Any]) -> ColumnElement[Any]:
    """The UTC calendar day of a timestamp column, in the session's SQL dialect."""
    if session.get_bind().dialect.name == "postgresql":
        return func.date(func.timezone("UTC", column))
    return func.date(column)  # SQLite stores naive UTC text; date() cuts it to YYYY-MM-DD


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _count_true(column: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((column, 1), else_=0)), 0)


@dataclass(frozen=True)
class FcrFilter:
    period: Period = Period()
    channel: str | None = None
    team: str | None = None  # "(geen)" selects contacts without a team
    article: str | None = None  # "(geen)" selects contacts without an article
    interval: str = "day"

    def conditions(self, rows: type[Contact] | type[ContactQuestion] = Contact) -> list[ColumnElement[bool]]:
        """The filter on contacts, or on questions (joined to their contact): the team and article are then the
        question's own."""
        check_channel(self.channel)
        check_interval(self.interval)
        conditions = self.period.conditions(Contact.created_at)
        if self.channel:
            conditions.append(Contact.channel == self.channel)
        for column, value in ((rows.team, self.team), (rows.article_id, self.article)):
            if value == NONE_LABEL:
                conditions.append(column.is_(None))
            elif value:
                conditions.append(column == value)
        return conditions


def _rates(total: int, resolved: int) -> dict[str, Any]:
    return {"total": total, "resolved_first_contact": resolved, "rate": rate(resolved, total)}


def fcr_stats(session: Session, settings: Settings, where: FcrFilter) -> dict[str, Any]:
    """Totals and rates per channel and per day or week over contacts (a contact is resolved when all its
    questions are); over questions the totals (``questions``) and the rates per team, article and outcome (each
    question has its own).

    :raises ContactLogError: 422 for an unknown channel or interval.
    """
    conditions = where.conditions()
    resolved = _count_true(Contact.resolved_first_contact)
    questions = select(ContactQuestion).join(Contact, ContactQuestion.contact_id == Contact.id).where(
        *where.conditions(ContactQuestion))
    question_resolved = _count_true(ContactQuestion.resolved_first_contact)

    def grouped(column: ColumnElement[Any]) -> dict[str, dict[str, Any]]:
        if column.table is ContactQuestion.__table__:
            query = questions.with_only_columns(column, func.count(), question_resolved)
        else:
            query = select(column, func.count(), resolved).where(*conditions)
        rows = session.execute(query.group_by(column).order_by(func.count().desc())).all()
        return {(NONE_LABEL if key is None else str(key)): _rates(total, hits) for key, total, hits in rows}

    total, hits = session.execute(select(func.count(), resolved).select_from(Contact).where(*conditions)).one()
    asked, asked_resolved = session.execute(questions.with_only_columns(func.count(), question_resolved)).one()
    day = utc_day(session, Contact.created_at)
    buckets: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for value, count, count_resolved in session.execute(
            select(day, func.count(), resolved).where(*conditions).group_by(day)).all():
        bucket = buckets[period_label(_as_date(value), where.interval)]
        bucket[0] += count
        bucket[1] += count_resolved
    return {**_rates(total, hits), "target": settings.fcr_target, "questions": _rates(asked, asked_resolved),
            "self_service": self_service(session, where.period),
            "by_channel": grouped(Contact.channel), "by_team": grouped(ContactQuestion.team),
            "by_article": grouped(ContactQuestion.article_id), "by_outcome": grouped(ContactQuestion.outcome),
            "over_time": [{"period": key, **_rates(*buckets[key])} for key in sorted(buckets)],
            "interval": where.interval}


SELF_SERVICE_CHANNELS = ("chat", "web")


def self_service(session: Session, period: Period) -> dict[str, dict[str, Any]]:
    """Per channel of the chat page and the website: answers a resident said helped ("Heeft dit antwoord u
    geholpen?" Ja) of all answered that question, in the period."""
    rows = dict((channel, (total, helpful)) for channel, total, helpful in session.execute(
        select(AnswerFeedback.channel, func.count(), _count_true(AnswerFeedback.helpful))
        .where(*period.conditions(AnswerFeedback.created_at)).group_by(AnswerFeedback.channel)).all())
    return {channel: {"total": (row := rows.get(channel, (0, 0)))[0], "helpful": row[1], "rate": rate(row[1], row[0])}
            for channel in SELF_SERVICE_CHANNELS}


def _grade_rates(row: Any) -> dict[str, Any]:
    total = row[0]
    return {"total": total, **{name: rate(value, total) for name, value in zip(CRITERIA, row[1:], strict=True)}}


def grade_stats(session: Session, period: Period, interval: str = "week") -> dict[str, Any]:
    """Share of "yes" per criterion, overall, per article and per day or week.

    The period and the buckets go by the *contact's* date: the quality of the answers given then, whenever
    they were graded.
    """
    check_interval(interval)
    conditions = period.conditions(Contact.created_at)
    measures = [func.count(Grade.id), *(_count_true(getattr(Grade, name)) for name in CRITERIA)]
    joined = select(*measures).select_from(Grade).join(Contact, Grade.contact_id == Contact.id).where(*conditions)
    overall = _grade_rates(session.execute(joined).one())
    by_article = {(NONE_LABEL if row[0] is None else row[0]): _grade_rates(row[1:]) for row in session.execute(
        joined.with_only_columns(Contact.article_id, *measures)
        .group_by(Contact.article_id).order_by(func.count(Grade.id).desc())).all()}
    day = utc_day(session, Contact.created_at)
    buckets: dict[str, list[int]] = defaultdict(lambda: [0] * (1 + len(CRITERIA)))
    for row in session.execute(joined.with_only_columns(day, *measures).group_by(day)).all():
        bucket = buckets[period_label(_as_date(row[0]), interval)]
        for i, value in enumerate(row[1:]):
            bucket[i] += value
    return {"total": overall["total"], "criteria": {name: overall[name] for name in CRITERIA},
            "by_article": by_article,
            "over_time": [{"period": key, **_grade_rates(buckets[key])} for key in sorted(buckets)],
            "interval": interval}
