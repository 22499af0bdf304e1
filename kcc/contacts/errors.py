"""The contact log's own errors: a rule refused the input. Dutch message, machine-readable code; the API
answers ``invalid`` with 422, ``not_found`` with 404, ``forbidden`` (a value this caller may not set) with
403 and ``conflict`` (too late for this change) with 409; the CLI prints the message."""

from __future__ import annotations

from typing import Literal


class ContactLogError(ValueError):
    def __init__(self, kind: Literal["invalid", "not_found", "forbidden", "conflict"], code: str, message: str):
        super().__init__(message)
        self.kind, self.code, self.message = kind, code, message
