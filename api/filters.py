"""The period filter of the contact-log routes as a FastAPI dependency (the rules: ``kcc.contacts.period``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from kcc.contacts.period import Period, make_period


def get_period(start: Annotated[str | None, Query(description="First day, YYYY-MM-DD (UTC, inclusive).")] = None,
               end: Annotated[str | None, Query(description="Last day, YYYY-MM-DD (UTC, inclusive).")] = None,
               ) -> Period:
    return make_period(start, end)


PeriodDep = Annotated[Period, Depends(get_period)]
