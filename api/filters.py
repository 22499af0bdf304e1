"""The period filter of the contact-log routes as a FastAPI dependency (the rules: ``kcc.contacts.period``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from pydantic import WithJsonSchema

from kcc.contacts.period import Period, make_period

# a date in the OpenAPI document; parsed by the core, so a bad one gets the core's own code (invalid_date)
DateText = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]


def get_period(start: Annotated[DateText | None, Query(description="First day, YYYY-MM-DD (UTC, inclusive).")] = None,
               end: Annotated[DateText | None, Query(description="Last day, YYYY-MM-DD (UTC, inclusive); 9999-12-31 "
                                                                 "= no end.")] = None) -> Period:
    return make_period(start, end)


PeriodDep = Annotated[Period, Depends(get_period)]
