"""Query filters shared by the contact log, the statistics and the grading sample: periods and intervals.

Dates are whole UTC days and inclusive: ``start=2026-11-02&end=2026-11-02`` is that one day. Any date from
0001-01-01 to 9999-12-31 is a valid bound; ``end=9999-12-31`` (the last day there is) means no upper bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal, get_args

from sqlalchemy import ColumnElement

from kcc.answer import CHANNELS
from kcc.contacts.errors import ContactLogError

Interval = Literal["day", "week"]
INTERVALS: tuple[str, ...] = get_args(Interval)
NONE_LABEL = "(geen)"  # the group of contacts without a team or article, as the contract names it


@dataclass(frozen=True)
class Period:
    start: date | None = None
    end: date | None = None

    @property
    def start_at(self) -> datetime | None:
        return datetime.combine(self.start, time.min, UTC) if self.start else None

    @property
    def end_before(self) -> datetime | None:
        """The first moment after the period (the end date is inclusive); None when there is no end, or the end is
        the last day there is (its next day does not exist)."""
        if self.end is None or self.end == date.max:
            return None
        return datetime.combine(self.end + timedelta(days=1), time.min, UTC)

    def conditions(self, column: ColumnElement[datetime]) -> list[ColumnElement[bool]]:
        conditions = []
        if self.start_at is not None:
            conditions.append(column >= self.start_at)
        if self.end_before is not None:
            conditions.append(column < self.end_before)
        return conditions


def parse_date(value: str | None, name: str) -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ContactLogError("invalid", "invalid_date", f"Ongeldige datum '{value}' voor '{name}'. Gebruik "
                                                         "JJJJ-MM-DD, bijvoorbeeld 2026-11-02.") from None


def make_period(start: str | None, end: str | None) -> Period:
    period = Period(parse_date(start, "start"), parse_date(end, "end"))
    if period.start and period.end and period.end < period.start:
        raise ContactLogError("invalid", "invalid_period", f"De einddatum ({period.end}) ligt vóór de begindatum "
                                                           f"({period.start}).")
    return period


def check_channel(channel: str | None) -> str | None:
    if channel is not None and channel not in CHANNELS:
        raise ContactLogError("invalid", "unknown_channel",
                              f"Onbekend kanaal '{channel}'. Kies uit: {', '.join(CHANNELS)}.")
    return channel


def check_interval(interval: str) -> str:
    if interval not in INTERVALS:
        raise ContactLogError("invalid", "unknown_interval", f"Onbekend interval '{interval}'. Kies uit: day, week.")
    return interval


def period_label(day: date, interval: str) -> str:
    """The bucket a day falls in: the day itself, or the Monday that starts its ISO week."""
    return (day - timedelta(days=day.weekday()) if interval == "week" else day).isoformat()


def rate(part: int, total: int) -> float | None:
    return round(part / total, 4) if total else None
