"""Every error as ``{"error": {"code", "message"}}`` with a Dutch message; bad requests are 4xx, never 500.

The request models' own rules (``kcc.contacts.inputs``: closed sets, text without NUL or lone surrogates, bounded
integers) come back from pydantic as validation errors; :func:`validation_error_body` turns the first one into a
code and a Dutch message that names the field. A contact log that stops answering after the start is a 503, like
one that was never there.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException

from kb.loader import Problem
from kcc.answer import QuestionError
from kcc.contacts.errors import ContactLogError
from kcc.editorial.publish import ArticleRejected, PublishBusy

log = logging.getLogger("kcc.api")

STATUS_MESSAGES = {
    401: ("unauthorized", "Ongeldige API-sleutel."),
    403: ("forbidden", "U heeft geen toegang tot deze functie."),
    404: ("not_found", "Niet gevonden."),
    405: ("method_not_allowed", "Deze methode is hier niet toegestaan."),
    503: ("unavailable", "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw."),
}
CONTACT_LOG_STATUS = {"invalid": 422, "not_found": 404, "forbidden": 403, "conflict": 409}
CONTACT_LOG_UNAVAILABLE = "Het contactlog is niet beschikbaar. Probeer het later opnieuw."
# the database went away, refuses connections, is locked or has no free connection: the request may work later
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError, DisconnectionError, PoolTimeoutError)
RANGE_ERRORS = {"greater_than_equal": "minstens {ge}", "greater_than": "groter dan {gt}",
                "less_than_equal": "hoogstens {le}", "less_than": "kleiner dan {lt}"}
NOT_ENCODABLE = re.compile("[\ud800-\udfff]")
ECHO_CHARS = 60


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str, problems: list[dict] | None = None) -> JSONResponse:
    # a message may quote the caller's input: a lone surrogate in it would make the JSON response itself fail
    body: dict[str, Any] = {"code": code, "message": NOT_ENCODABLE.sub("\ufffd", message)}
    if problems is not None:
        body["problems"] = [{k: NOT_ENCODABLE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in p.items()}
                            for p in problems]
    return JSONResponse(status_code=status, content={"error": body})


def problem_dicts(problems: list[Problem]) -> list[dict]:
    return [{"line": p.line, "message": p.message, "fix": p.fix, "severity": p.severity} for p in problems]


def _quote(value: Any) -> str:
    text = str(value)
    return text if len(text) <= ECHO_CHARS else text[:ECHO_CHARS] + "…"


def _choices(expected: str) -> str:
    # pydantic's "'day' or 'week'" in Dutch
    return expected.replace("'", "").replace(" or ", " of ")


def validation_error_body(errors: list[dict[str, Any]]) -> tuple[int, str, str]:
    """``(status, code, Dutch message)`` for the first of pydantic's errors (FastAPI collects them all)."""
    for error in errors:
        kind = error.get("type", "")
        loc = [str(part) for part in error.get("loc", ())[1:]]
        field = ".".join(loc) or "body"
        name = next((part for part in reversed(loc) if not part.isdigit()), field)  # sources.0.article_id: article_id
        ctx = error.get("ctx") or {}
        if kind in ("json_invalid", "json_type") or (kind == "model_attributes_type" and field == "body"):
            return 400, "invalid_json", "De aanvraag is geen geldig JSON-object."
        if kind == "missing":
            return 422, "missing_field", f"Het veld '{field}' ontbreekt."
        if kind in ("invalid_characters", "string_unicode"):  # string_unicode: a lone surrogate in a closed set
            return 422, "invalid_characters", (f"Het veld '{field}' bevat een teken dat niet is toegestaan: een "
                                               "nul-teken (\\u0000) of een losse surrogaat (\\ud800-\\udfff).")
        if kind in ("literal_error", "enum"):
            return 422, f"unknown_{name}", (f"Onbekende waarde '{_quote(error.get('input'))}' voor '{field}'. Kies "
                                            f"uit: {_choices(ctx.get('expected', ''))}.")
        if kind == "datetime_out_of_range":
            return 422, f"invalid_{name}", (f"Het tijdstip in '{field}' valt buiten de jaren 1 tot en met 9999 "
                                            "(UTC).")
        if kind in RANGE_ERRORS:
            return 422, "invalid_request", f"Het veld '{field}' moet {RANGE_ERRORS[kind].format(**ctx)} zijn."
        if kind == "string_too_long":
            return 422, f"{name}_too_long", (f"Het veld '{field}' is te lang: hoogstens {ctx.get('max_length')} "
                                             "tekens.")
        if kind == "string_too_short":
            return 422, f"{name}_too_short", (f"Het veld '{field}' is te kort: minstens {ctx.get('min_length')} "
                                              "tekens.")
        if kind == "string_pattern_mismatch":
            return 422, f"invalid_{name}", (f"Het veld '{field}' heeft niet de vorm die de API verwacht (patroon "
                                            f"{ctx.get('pattern')}).")
        if kind.endswith("_type") or kind.endswith("_parsing"):
            return 422, "invalid_field", f"Het veld '{field}' heeft een verkeerd type."
    return 422, "invalid_request", "De aanvraag is niet geldig."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(ContactLogError)
    async def contact_log_error(_: Request, exc: ContactLogError) -> JSONResponse:
        return error_response(CONTACT_LOG_STATUS[exc.kind], exc.code, exc.message)

    @app.exception_handler(ArticleRejected)
    async def article_rejected(_: Request, exc: ArticleRejected) -> JSONResponse:
        return error_response(422, "invalid_article", str(exc), problem_dicts(exc.problems))

    @app.exception_handler(PublishBusy)
    async def publish_busy(_: Request, exc: PublishBusy) -> JSONResponse:
        return error_response(409, "reindex_running", str(exc))

    @app.exception_handler(QuestionError)
    async def question_error(_: Request, exc: QuestionError) -> JSONResponse:
        return error_response(422, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(*validation_error_body(list(exc.errors())))

    for unavailable in DATABASE_UNAVAILABLE:
        @app.exception_handler(unavailable)
        async def database_unavailable(_: Request, exc: Exception) -> JSONResponse:
            # the driver's own message (no SQL, no parameters: they may hold a resident's question) to the log
            log.error("contact log unavailable: %s", getattr(exc, "orig", None) or type(exc).__name__)
            return error_response(503, "unavailable", CONTACT_LOG_UNAVAILABLE)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = STATUS_MESSAGES.get(exc.status_code, ("error", "Er ging iets mis met de aanvraag."))
        return error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        # the cause goes to the log, never to the caller
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal_error", "Er ging iets mis aan onze kant. Probeer het later opnieuw.")
