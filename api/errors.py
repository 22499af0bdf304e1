"""Every error as ``{"error": {"code", "message"}}`` with a Dutch message; bad requests are 4xx, never 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from kcc.answer import QuestionError
from kcc.contacts.errors import ContactLogError

log = logging.getLogger("kcc.api")

STATUS_MESSAGES = {
    401: ("unauthorized", "Ongeldige API-sleutel."),
    403: ("forbidden", "U heeft geen toegang tot deze functie."),
    404: ("not_found", "Niet gevonden."),
    405: ("method_not_allowed", "Deze methode is hier niet toegestaan."),
    503: ("unavailable", "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw."),
}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str):
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": {"code": code, "message": message}})


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    for error in exc.errors():
        kind = error.get("type", "")
        field = ".".join(str(p) for p in error.get("loc", ())[1:]) or "body"
        if kind in ("json_invalid", "json_type") or (kind == "model_attributes_type" and field == "body"):
            return "invalid_json", "De aanvraag is geen geldig JSON-object."
        if kind == "missing":
            return "missing_field", f"Het veld '{field}' ontbreekt."
        if kind.endswith("_type") or kind.endswith("_parsing"):
            return "invalid_field", f"Het veld '{field}' heeft een verkeerd type."
    return "invalid_request", "De aanvraag is niet geldig."


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(ContactLogError)
    async def contact_log_error(_: Request, exc: ContactLogError) -> JSONResponse:
        return error_response(404 if exc.kind == "not_found" else 422, exc.code, exc.message)

    @app.exception_handler(QuestionError)
    async def question_error(_: Request, exc: QuestionError) -> JSONResponse:
        return error_response(422, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        code, message = _validation_message(exc)
        return error_response(400 if code == "invalid_json" else 422, code, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = STATUS_MESSAGES.get(exc.status_code, ("error", "Er ging iets mis met de aanvraag."))
        return error_response(exc.status_code, code, message)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        # the cause goes to the log, never to the caller
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal_error", "Er ging iets mis aan onze kant. Probeer het later opnieuw.")
