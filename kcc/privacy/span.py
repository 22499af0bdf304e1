"""A found piece of personal data: where it is in the text and of what kind."""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    start: int
    end: int
    kind: str
