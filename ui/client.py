"""The console's only way to the KCC Kennisbank API: a small HTTP client over httpx.

The UI holds no retrieval or answer logic; every figure and answer comes from the API.

Example::

    client = KccClient("http://127.0.0.1:8000", api_key="agent-key")
    result = client.answer("Wat kost een paspoort?", channel="phone")
"""

from __future__ import annotations

from datetime import date
from typing import Any
from urllib.parse import quote

import httpx

JsonDict = dict[str, Any]


class ApiError(Exception):
    """The API refused or failed a request; ``message`` is Dutch and fit to show to the user."""

    def __init__(self, message: str, *, code: str = "error", status: int | None = None,
                 problems: list[dict] | None = None):
        super().__init__(message)
        self.message, self.code, self.status = message, code, status
        self.problems = problems or []  # invalid_article: every problem with its line and fix


class ApiUnavailable(ApiError):
    """The API could not be reached at all (not started, wrong URL, timed out)."""


class KccClient:
    """Thin wrapper around the v1 endpoints; returns the API's JSON as dicts.

    :param base_url: the API's base URL (``KCC_API_URL``).
    :param api_key: a staff key (the first ``KCC_AGENT_API_KEY``); ``None`` asks as the public.
    :param timeout: seconds per request; an answer takes well under a second on the sample KB.
    """

    def __init__(self, base_url: str, api_key: str | None = None, *, timeout: float = 30.0):
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http(s) URL, got {base_url!r}")
        self.base_url = base_url.rstrip("/")
        headers = {"X-API-Key": api_key} if api_key else {}
        self._http = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    # -- answers and articles (issue 3) -------------------------------------------------------------------------

    def answer(self, question: str, channel: str) -> JsonDict:
        return self._request("POST", "/v1/answer", json={"question": question, "channel": channel})

    def articles(self) -> list[JsonDict]:
        return self._request("GET", "/v1/articles")["articles"]

    def article(self, article_id: str) -> JsonDict:
        return self._request("GET", f"/v1/articles/{quote(article_id, safe='')}")

    # -- contact log, feedback and grades (issue 5) ---------------------------------------------------------------

    def outcomes(self) -> JsonDict:
        return self._request("GET", "/v1/outcomes")

    def teams(self) -> list[str]:
        return self._request("GET", "/v1/teams")["teams"]

    def referrals(self) -> list[JsonDict]:
        return self._request("GET", "/v1/referrals")["organisations"]

    def create_callback(self, callback: JsonDict) -> JsonDict:
        return self._request("POST", "/v1/callbacks", json=callback)

    def callbacks(self, **filters: Any) -> JsonDict:
        return self._request("GET", "/v1/callbacks", params=_params(filters))

    def update_callback(self, callback_id: int, status: str) -> JsonDict:
        return self._request("PATCH", f"/v1/callbacks/{callback_id}", json={"status": status})

    def me(self) -> JsonDict:
        return self._request("GET", "/v1/me")

    def log_contact(self, contact: JsonDict, request_key: str | None = None) -> JsonDict:
        """``request_key``: the same for every try of one question, so a repeat logs it once (Idempotency-Key)."""
        return self._request("POST", "/v1/contacts", json=contact, headers=_request_key(request_key))

    def add_question(self, contact_id: int, question: JsonDict, request_key: str | None = None) -> JsonDict:
        return self._request("POST", f"/v1/contacts/{contact_id}/questions", json=question,
                             headers=_request_key(request_key))

    def undo_question(self, contact_id: int, question_id: int) -> JsonDict | None:
        """The contact without the question; None when it was the contact's only one (the contact is gone)."""
        return self._request("DELETE", f"/v1/contacts/{contact_id}/questions/{question_id}") or None

    def contacts(self, **filters: Any) -> JsonDict:
        return self._request("GET", "/v1/contacts", params=_params(filters))

    def fcr_stats(self, **filters: Any) -> JsonDict:
        return self._request("GET", "/v1/stats/fcr", params=_params(filters))

    def gaps(self, **filters: Any) -> JsonDict:
        return self._request("GET", "/v1/stats/gaps", params=_params(filters))

    def flag_article(self, feedback: JsonDict) -> JsonDict:
        return self._request("POST", "/v1/feedback", json=feedback)

    def feedback(self, **filters: Any) -> JsonDict:
        return self._request("GET", "/v1/feedback", params=_params(filters))

    def update_feedback(self, feedback_id: int, status: str) -> JsonDict:
        return self._request("PATCH", f"/v1/feedback/{feedback_id}", json={"status": status})

    def contact(self, contact_id: int) -> JsonDict:
        return self._request("GET", f"/v1/contacts/{contact_id}")

    def decide_gap(self, questions: list[str], decision: str, decided_by: str, team: str | None = None) -> JsonDict:
        return self._request("POST", "/v1/stats/gaps/decisions",
                             json={"questions": questions, "decision": decision, "decided_by": decided_by,
                                   "team": team})

    def gap_decisions(self) -> JsonDict:
        return self._request("GET", "/v1/stats/gaps/decisions")

    def undo_gap_decision(self, decision_id: int) -> None:
        self._request("DELETE", f"/v1/stats/gaps/decisions/{decision_id}")

    def grade_sample(self, **filters: Any) -> JsonDict:
        return self._request("GET", "/v1/grades/sample", params=_params(filters))

    def save_grade(self, grade: JsonDict) -> JsonDict:
        return self._request("POST", "/v1/grades", json=grade)

    def grade_stats(self, **filters: Any) -> JsonDict:
        return self._request("GET", "/v1/stats/grades", params=_params(filters))

    # -- editors (issue 13) --------------------------------------------------------------------------------------------

    def editor_articles(self, team: str | None = None) -> list[JsonDict]:
        return self._request("GET", "/v1/editor/articles", params=_params({"team": team}))["articles"]

    def findings(self, **filters: Any) -> list[JsonDict]:
        return self._request("GET", "/v1/editor/findings", params=_params(filters))["findings"]

    def article_source(self, article_id: str) -> JsonDict:
        return self._request("GET", f"/v1/articles/{quote(article_id, safe='')}/source")

    def preview(self, article_id: str, markdown: str) -> JsonDict:
        return self._request("POST", f"/v1/articles/{quote(article_id, safe='')}/preview", json={"markdown": markdown})

    def save_article(self, article_id: str, markdown: str, status: str, reason: str) -> JsonDict:
        return self._request("PUT", f"/v1/articles/{quote(article_id, safe='')}",
                             json={"markdown": markdown, "status": status, "reason": reason})

    def versions(self, article_id: str) -> list[JsonDict]:
        return self._request("GET", f"/v1/articles/{quote(article_id, safe='')}/versions")["versions"]

    def restore(self, article_id: str, version: int) -> JsonDict:
        return self._request("POST", f"/v1/articles/{quote(article_id, safe='')}/restore", json={"version": version})

    def variants(self, **filters: Any) -> list[JsonDict]:
        return self._request("GET", "/v1/editor/variants", params=_params(filters))["variants"]

    def collect_variants(self) -> JsonDict:
        return self._request("POST", "/v1/editor/variants/collect")

    def decide_variants(self, ids: list[int], decision: str) -> JsonDict:
        return self._request("POST", "/v1/editor/variants/decide", json={"ids": ids, "decision": decision})

    def worklist(self, **filters: Any) -> list[JsonDict]:
        return self._request("GET", "/v1/editor/worklist", params=_params(filters))["items"]

    def set_work_status(self, key: str, status: str) -> JsonDict:
        return self._request("POST", "/v1/editor/worklist/status", json={"key": key, "status": status})

    def lists(self) -> JsonDict:
        return self._request("GET", "/v1/admin/lists")

    def put_list(self, name: str, values: list[str] | dict[str, bool]) -> JsonDict:
        return self._request("PUT", f"/v1/admin/lists/{quote(name, safe='')}", json={"values": values})

    def reset_list(self, name: str) -> JsonDict:
        return self._request("DELETE", f"/v1/admin/lists/{quote(name, safe='')}")

    def put_referral_guide(self, text: str) -> JsonDict:
        return self._request("PUT", "/v1/admin/referral-guide", json={"yaml": text})

    # -- plumbing ----------------------------------------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> JsonDict:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise ApiUnavailable(f"De kennisbank reageert niet op tijd ({self.base_url}). Probeer het opnieuw.",
                                 code="timeout") from exc
        except httpx.TransportError as exc:
            raise ApiUnavailable(
                f"De kennisbank is niet bereikbaar op {self.base_url}. Controleer of de API draait "
                "('kcc serve' of 'kcc run') en probeer het daarna opnieuw.", code="unreachable") from exc
        if response.status_code == 204:
            return {}
        if response.is_success:
            try:
                return response.json()
            except ValueError as exc:
                raise ApiError("De kennisbank gaf een onleesbaar antwoord.", code="invalid_response",
                               status=response.status_code) from exc
        raise _error_from(response)


def _request_key(key: str | None) -> dict[str, str]:
    return {} if key is None else {"Idempotency-Key": key}


def _error_from(response: httpx.Response) -> ApiError:
    """The API's own Dutch message when it sent one (``{"error": {"code", "message"}}``)."""
    try:
        body = response.json()["error"]
        return ApiError(str(body["message"]), code=str(body["code"]), status=response.status_code,
                        problems=body.get("problems"))
    except (ValueError, KeyError, TypeError):
        return ApiError(f"De kennisbank gaf een onverwachte fout (HTTP {response.status_code}).",
                        status=response.status_code)


def _params(filters: dict[str, Any]) -> dict[str, str | int]:
    """Query parameters without the unset filters; dates as YYYY-MM-DD."""
    params: dict[str, str | int] = {}
    for name, value in filters.items():
        if value is None or value == "":
            continue
        params[name] = value.isoformat() if isinstance(value, date) else value
    return params
