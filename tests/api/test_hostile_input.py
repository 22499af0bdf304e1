"""Hostile input never reaches a 500: every case a security review found, on every route it applies to, on SQLite
and on PostgreSQL; and the OpenAPI document declares what the routes accept.

The cases: a NUL character (PostgreSQL refuses it in text) and a lone surrogate (no UTF-8 for it) in every text
field, as the JSON escapes ``\\u0000`` / ``\\ud800`` and as the query bytes ``%00`` / ``%ED%A0%80``; dates at the
ends of the calendar (``end=9999-12-31``); integers beyond every column and ``LIMIT``/``OFFSET`` (``2**63``,
``-1``); ``created_at`` from a client (agents may not set it; an admin import only within the retention period,
also with extreme time zones); a database that goes away after the start (503); and any other error (a Dutch
500 without its internals).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import get_session
from kcc.answer import CHANNELS
from kcc.contacts.db import Contact, Database
from kcc.contacts.inputs import MAX_ID
from kcc.contacts.log import EARLIEST_CREATED_AT, MAX_CLOCK_SKEW
from kcc.contacts.period import INTERVALS
from tests.api.conftest import ADMIN_KEY, AGENT_KEY
from tests.pg import fresh_database

AGENT, ADMIN = {"X-API-Key": AGENT_KEY}, {"X-API-Key": ADMIN_KEY}
NUL, SURROGATE = "\u0000", "\ud800"
CONTACT = {"channel": "phone", "question": "Wat kost een paspoort?", "answer_id": "b8aeef6a9cbd39b9",
           "answer_status": "answered", "sources": [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"}],
           "answer_text": "Een paspoort kost € 84,45.", "outcome": "Zelfstandig afgehandeld", "forwarded_to": "Balie",
           "duration_seconds": 60, "agent_id": "agent-hostile"}
FEEDBACK = {"article_id": "paspoort-aanvragen", "section": "Wat kost het?", "comment": "Klopt niet.", "agent_id": "a"}
GRADE = {"grader": "kwaliteit-01", "juist": True, "volledig": True, "bron_klopt": True, "begrijpelijk": True,
         "comment": "Prima"}
PERIOD_ROUTES = ["/v1/contacts", "/v1/stats/fcr", "/v1/stats/gaps", "/v1/stats/grades", "/v1/grades/sample"]
INTERNALS = ("Traceback", "sqlalchemy", "psycopg", "sqlite", "Error:", "/work/", "SELECT")


# --- the app under attack: the session's index, this module's contact log (SQLite, then PostgreSQL) ---

@pytest.fixture(scope="module")
def hostile(sample_runtime, api_settings, log_db) -> Iterator[TestClient]:
    """The API with its contact log opened the way production opens it (the lifespan, from the URL); server
    errors come back as responses, so a 500 is a failed assertion and not an exception."""
    settings = api_settings.model_copy(update={"database_url": log_db.url.render_as_string(hide_password=False),
                                               "refresh_seconds": 0.0})
    with TestClient(create_app(settings, runtime=sample_runtime), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def contact_id(hostile) -> int:
    response = hostile.post("/v1/contacts", headers=AGENT, json=CONTACT)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def send_json(client: TestClient, path: str, body: Any, headers: dict[str, str]):
    # json.dumps escapes a NUL as \u0000 and a lone surrogate as \ud800: valid JSON, as a hostile client sends it
    return client.post(path, content=json.dumps(body).encode("ascii"),
                       headers={**headers, "content-type": "application/json"})


def get_query(client: TestClient, path: str, params: dict[str, Any], headers: dict[str, str]):
    # UTF-8 with surrogatepass: a lone surrogate goes out as the bytes %ED%A0%80, as a hostile client sends it
    query = "&".join(f"{name}={quote(str(value).encode('utf-8', 'surrogatepass'), safe='')}"
                     for name, value in params.items())
    return client.get(f"{path}?{query}", headers=headers)


def error_of(response, status: int) -> dict[str, str]:
    """The error body of a response that must have ``status``: Dutch, and nothing of the server's internals."""
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) == {"code", "message"} and error["message"][0].isupper()
    assert not any(word in error["message"] for word in INTERNALS), error["message"]
    return error


def with_field(body: dict, path: tuple[str | int, ...], value: Any) -> dict:
    body = json.loads(json.dumps(body))  # a deep copy
    target = body
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return body


# --- NUL and lone surrogates in text ---

@dataclass(frozen=True)
class BodyField:
    path: str
    body: dict
    field: tuple[str | int, ...]
    code: str = "invalid_characters"  # closed sets answer a NUL with their own code; a surrogate is never text

    def __str__(self) -> str:
        return f"POST {self.path} {'.'.join(map(str, self.field))}"


BODY_FIELDS = [
    BodyField("/v1/answer", {"question": "Wat kost een paspoort?", "channel": "chat"}, ("question",)),
    BodyField("/v1/answer", {"question": "Wat kost een paspoort?", "channel": "chat"}, ("channel",),
              "unknown_channel"),
    *(BodyField("/v1/contacts", CONTACT, (name,)) for name in
      ("question", "answer_id", "answer_text", "outcome", "forwarded_to", "agent_id")),
    BodyField("/v1/contacts", CONTACT, ("sources", 0, "article_id")),
    BodyField("/v1/contacts", CONTACT, ("sources", 0, "section")),
    BodyField("/v1/contacts", CONTACT, ("channel",), "unknown_channel"),
    BodyField("/v1/contacts", CONTACT, ("answer_status",), "unknown_answer_status"),
    *(BodyField("/v1/feedback", FEEDBACK, (name,)) for name in ("article_id", "section", "comment", "agent_id")),
    *(BodyField("/v1/grades", GRADE, (name,)) for name in ("grader", "comment")),
]


@pytest.mark.parametrize("where", ["alone", "inside"])
@pytest.mark.parametrize("character", [NUL, SURROGATE], ids=["nul", "surrogate"])
@pytest.mark.parametrize("target", BODY_FIELDS, ids=str)
def test_nul_and_lone_surrogates_in_json_text_get_a_422(hostile, contact_id, target, character, where):
    value = character if where == "alone" else f"Wat kost{character} een paspoort?"
    body = with_field({**target.body, "contact_id": contact_id} if target.path == "/v1/grades" else target.body,
                      target.field, value)
    error = error_of(send_json(hostile, target.path, body, AGENT), 422)
    assert error["code"] == (target.code if character == NUL else "invalid_characters")
    assert f"'{'.'.join(map(str, target.field))}'" in error["message"]  # names the field


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/v1/answer", {"question": "Wat kost een paspoort?", "channel": "chat"}, "question"),
    ("/v1/contacts", CONTACT, "question"), ("/v1/feedback", FEEDBACK, "comment")])
def test_surrogate_bytes_that_are_no_utf8_get_a_422(hostile, path, body, field):
    # not the JSON escape but the raw bytes ED A0 80: a JSON text that is not UTF-8 at all
    raw = json.dumps({**body, field: "PLACEHOLDER"}).encode().replace(b"PLACEHOLDER", b"\xed\xa0\x80 paspoort")
    response = hostile.post(path, content=raw, headers={**AGENT, "content-type": "application/json"})
    assert error_of(response, 422)["code"] == "invalid_characters"


@dataclass(frozen=True)
class QueryField:
    path: str
    name: str
    nul: tuple[int, str]  # (status, code) for a NUL
    surrogate: tuple[int, str | None]  # a surrogate arrives as U+FFFD (replacement characters): plain text

    def __str__(self) -> str:
        return f"GET {self.path} {self.name}"


TEXT = ((422, "invalid_characters"), (200, None))  # free text: NUL refused, U+FFFD searched for like any text
BAD_DATE = ((422, "invalid_date"), (422, "invalid_date"))
QUERY_FIELDS = [
    QueryField("/v1/search", "q", *TEXT),
    QueryField("/v1/search", "channel", (422, "unknown_channel"), (422, "unknown_channel")),
    QueryField("/v1/contacts", "channel", (422, "unknown_channel"), (422, "unknown_channel")),
    QueryField("/v1/contacts", "outcome", (422, "invalid_characters"), (422, "unknown_outcome")),
    QueryField("/v1/contacts", "agent_id", *TEXT),
    QueryField("/v1/stats/fcr", "channel", (422, "unknown_channel"), (422, "unknown_channel")),
    QueryField("/v1/stats/fcr", "team", *TEXT),
    QueryField("/v1/stats/fcr", "article", *TEXT),
    QueryField("/v1/stats/fcr", "interval", (422, "unknown_interval"), (422, "unknown_interval")),
    QueryField("/v1/stats/grades", "interval", (422, "unknown_interval"), (422, "unknown_interval")),
    QueryField("/v1/feedback", "article_id", *TEXT),
    QueryField("/v1/feedback", "owner", *TEXT),
    *(QueryField(path, name, *BAD_DATE) for path in PERIOD_ROUTES for name in ("start", "end")),
]


@pytest.mark.parametrize("character", [NUL, SURROGATE], ids=["nul", "surrogate"])
@pytest.mark.parametrize("target", QUERY_FIELDS, ids=str)
def test_nul_and_lone_surrogates_in_query_parameters_never_reach_the_database(hostile, target, character):
    params = {"q": "paspoort"} if target.path == "/v1/search" else {}
    response = get_query(hostile, target.path, {**params, target.name: f"paspoort{character}"}, AGENT)
    status, code = target.nul if character == NUL else target.surrogate
    if code is None:
        assert response.status_code == status, response.text
    else:
        assert error_of(response, status)["code"] == code


@pytest.mark.parametrize("key", [None, AGENT_KEY], ids=["public", "agent"])
@pytest.mark.parametrize("question", ["%ED%A0%80", "%ED%A0%80%ED%B0%80", "%00", "%EF%BF%BD", "%ED%A0%80paspoort"])
def test_the_public_search_survives_raw_surrogate_and_nul_bytes(hostile, question, key):
    response = hostile.get(f"/v1/search?q={question}", headers={"X-API-Key": key} if key else {})
    if question == "%00":
        assert error_of(response, 422)["code"] == "invalid_characters"
    else:  # the bytes decode to replacement characters (U+FFFD): odd text, searched like any other
        assert response.status_code == 200, response.text
        assert response.json()["query"].startswith("\ufffd")


@pytest.mark.parametrize("article_id", ["%00", "%ED%A0%80", "paspoort-aanvragen%00"])
def test_nul_and_surrogates_in_an_article_id_are_not_found(hostile, article_id):
    assert error_of(hostile.get(f"/v1/articles/{article_id}"), 404)["code"] == "article_not_found"


# --- the ends of the calendar ---

@pytest.mark.parametrize("period", [{"end": "9999-12-31"}, {"start": "0001-01-01", "end": "9999-12-31"},
                                    {"start": "9999-12-31"}, {"start": "9999-12-31", "end": "9999-12-31"},
                                    {"start": "0001-01-01", "end": "0001-01-01"}],
                         ids=["end-max", "everything", "start-max", "last-day", "first-day"])
@pytest.mark.parametrize("path", PERIOD_ROUTES)
def test_periods_at_the_ends_of_the_calendar(hostile, contact_id, path, period):
    response = get_query(hostile, path, period, AGENT)
    assert response.status_code == 200, response.text
    if path == "/v1/contacts":
        ids = {c["id"] for c in response.json()["contacts"]}
        # today's contact lies in every period that reaches 9999-12-31 from before today, and in no other
        assert (contact_id in ids) is (period.get("start", "0001-01-01") == "0001-01-01"
                                       and period.get("end") == "9999-12-31")


@pytest.mark.parametrize("value", ["10000-01-01", "0000-12-31", "9999-12-32", "+9999-12-31", "2026-11-30T00:00"])
@pytest.mark.parametrize("path", PERIOD_ROUTES)
def test_dates_beyond_the_calendar_get_a_422(hostile, path, value):
    for name in ("start", "end"):
        assert error_of(get_query(hostile, path, {name: value}, AGENT), 422)["code"] == "invalid_date"


# --- integers beyond columns, LIMIT and OFFSET ---

HUGE = [2**31, 2**63, 2**64, 10**30]
INT_PARAMETERS = [
    ("/v1/contacts", "offset", [-1, *HUGE]),
    ("/v1/contacts", "limit", [0, -1, 501, *HUGE]),
    ("/v1/feedback", "limit", [0, -1, 501, *HUGE]),
    ("/v1/stats/gaps", "limit", [0, -1, 101, *HUGE]),
    ("/v1/search", "limit", [0, -1, 51, *HUGE]),
    ("/v1/grades/sample", "n", [0, -1, 101, *HUGE]),
    ("/v1/grades/sample", "seed", [-1, 2**64, 10**30]),
]


@pytest.mark.parametrize(("path", "name", "value"), [(path, name, value) for path, name, values in INT_PARAMETERS
                                                     for value in values])
def test_out_of_range_query_integers_get_a_422(hostile, path, name, value):
    params = {"q": "paspoort"} if path == "/v1/search" else {}
    error = error_of(get_query(hostile, path, {**params, name: value}, AGENT), 422)
    assert error["code"] == "invalid_request" and f"'{name}'" in error["message"]


@pytest.mark.parametrize("path", ["/v1/contacts", "/v1/grades/sample"])
def test_the_largest_allowed_integers_work(hostile, contact_id, path):
    params = {"offset": MAX_ID, "limit": 500} if path == "/v1/contacts" else {"n": 100, "seed": 2**63 - 1}
    response = get_query(hostile, path, params, AGENT)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("value", [0, -1, MAX_ID + 1, 2**63, 2**64, 10**30])
@pytest.mark.parametrize("path", ["/v1/feedback", "/v1/grades"])
def test_out_of_range_contact_ids_get_a_422(hostile, path, value):
    body = {**(FEEDBACK if path == "/v1/feedback" else GRADE), "contact_id": value}
    error = error_of(send_json(hostile, path, body, AGENT), 422)
    assert error["code"] == "invalid_request" and "'contact_id'" in error["message"]


@pytest.mark.parametrize("path", ["/v1/feedback", "/v1/grades"])
def test_the_largest_contact_id_is_looked_up_and_not_found(hostile, path):
    body = {**(FEEDBACK if path == "/v1/feedback" else GRADE), "contact_id": MAX_ID}
    assert error_of(send_json(hostile, path, body, AGENT), 404)["code"] == "unknown_contact"


@pytest.mark.parametrize("value", [-1, 86_401, 2**63, 2**64, 10**30])
def test_out_of_range_durations_get_a_422(hostile, value):
    body = {**CONTACT, "duration_seconds": value}
    assert error_of(send_json(hostile, "/v1/contacts", body, AGENT), 422)["code"] == "invalid_duration"


# --- created_at: set by the server; an admin import only within limits ---

def stored_created_at(log_db: Database, contact: int) -> datetime:
    with log_db.session() as session:
        return session.scalar(sa.select(Contact.created_at).where(Contact.id == contact))


def test_the_server_sets_created_at(hostile, log_db):
    before = datetime.now(UTC)
    response = hostile.post("/v1/contacts", headers=AGENT, json=CONTACT)
    after = datetime.now(UTC)
    assert response.status_code == 201, response.text
    assert before - timedelta(seconds=1) <= stored_created_at(log_db, response.json()["id"]) <= after


@pytest.mark.parametrize("value", ["2026-11-02T10:30:00+01:00", "9999-12-31T23:59:59Z", "2020-01-01T00:00:00"])
def test_an_agent_may_not_set_created_at(hostile, log_db, value):
    with log_db.session() as session:
        before = session.scalar(sa.select(sa.func.count()).select_from(Contact))
    error = error_of(hostile.post("/v1/contacts", headers=AGENT, json={**CONTACT, "created_at": value}), 403)
    assert error["code"] == "created_at_not_allowed" and "created_at" in error["message"]
    with log_db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Contact)) == before  # nothing stored


def test_an_admin_import_keeps_its_created_at_in_utc(hostile, log_db):
    when = (datetime.now(UTC) - timedelta(days=3)).replace(microsecond=0)
    given = when.astimezone(UTC).replace(tzinfo=None).isoformat() + "+01:00"  # the same wall time, an hour east
    response = hostile.post("/v1/contacts", headers=ADMIN, json={**CONTACT, "created_at": given})
    assert response.status_code == 201, response.text
    assert stored_created_at(log_db, response.json()["id"]) == when - timedelta(hours=1)


def test_a_clock_a_little_ahead_is_accepted(hostile):
    ahead = datetime.now(UTC) + MAX_CLOCK_SKEW - timedelta(seconds=30)
    response = hostile.post("/v1/contacts", headers=ADMIN, json={**CONTACT, "created_at": ahead.isoformat()})
    assert response.status_code == 201, response.text


def _future() -> str:
    return (datetime.now(UTC) + MAX_CLOCK_SKEW + timedelta(minutes=1)).isoformat()


@pytest.mark.parametrize("value", [
    "9999-12-31T23:59:59Z",  # escapes every purge
    "9999-12-31T23:59:59-23:59",  # beyond year 9999 in UTC
    "0001-01-01T00:00:00+23:59",  # before year 1 in UTC
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59.999999+00:00",
    (EARLIEST_CREATED_AT - timedelta(seconds=1)).isoformat(),
    "future",
])
def test_an_admin_import_outside_the_limits_gets_a_422(hostile, value):
    value = _future() if value == "future" else value
    error = error_of(hostile.post("/v1/contacts", headers=ADMIN, json={**CONTACT, "created_at": value}), 422)
    assert error["code"] == "invalid_created_at" and "created_at" in error["message"]


@pytest.fixture
def retention_client(sample_runtime, api_settings, tmp_path) -> Iterator[TestClient]:
    settings = api_settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'kcc.sqlite'}",
                                               "contact_retention_days": 30, "refresh_seconds": 0.0})
    with TestClient(create_app(settings, runtime=sample_runtime), raise_server_exceptions=False) as client:
        yield client


def test_an_admin_import_may_not_reach_before_the_retention_period(retention_client):
    def post(days_ago: float):
        when = datetime.now(UTC) - timedelta(days=days_ago)
        return retention_client.post("/v1/contacts", headers=ADMIN, json={**CONTACT, "created_at": when.isoformat()})

    assert post(29).status_code == 201
    error = error_of(post(31), 422)
    assert error["code"] == "invalid_created_at" and "30 dagen" in error["message"]


# --- a database that goes away after the start ---

DATABASE_ROUTES = [
    ("POST", "/v1/contacts", CONTACT), ("GET", "/v1/contacts", None), ("GET", "/v1/stats/fcr", None),
    ("GET", "/v1/stats/gaps", None), ("GET", "/v1/stats/grades", None), ("POST", "/v1/feedback", FEEDBACK),
    ("GET", "/v1/feedback", None), ("GET", "/v1/grades/sample", None),
    ("POST", "/v1/grades", {**GRADE, "contact_id": 1}),
]


@pytest.fixture
def gone_client(request, sample_runtime, api_settings, log_db, tmp_path) -> Iterator[TestClient]:
    """An API whose contact log worked at the start and then went away: PostgreSQL's database is dropped, the
    SQLite file's folder is replaced by a file (a lost volume)."""
    backend = log_db.url.get_backend_name()
    folder = tmp_path / "volume"
    with fresh_database(request, backend, folder) as url:
        settings = api_settings.model_copy(update={"database_url": url, "refresh_seconds": 0.0})
        with TestClient(create_app(settings, runtime=sample_runtime), raise_server_exceptions=False) as client:
            assert client.post("/v1/contacts", headers=AGENT, json=CONTACT).status_code == 201  # it worked
            db: Database = client.app.state.kcc.db
            if backend == "postgresql":
                request.getfixturevalue("postgres").drop_database(url)
            else:
                db.engine.dispose()
                shutil.rmtree(folder)
                folder.write_text("not a folder")
            yield client


@pytest.mark.parametrize(("method", "path", "body"), DATABASE_ROUTES, ids=[f"{m} {p}" for m, p, _ in DATABASE_ROUTES])
def test_a_database_gone_after_the_start_gives_503(gone_client, method, path, body):
    response = gone_client.request(method, path, headers=AGENT, json=body)
    error = error_of(response, 503)
    assert error["code"] == "unavailable" and "contactlog" in error["message"]
    # residents still get answers
    assert gone_client.post("/v1/answer", json={"question": "Wat kost een paspoort?", "channel": "chat"}
                            ).status_code == 200


# --- whatever else goes wrong: a Dutch 500, without internals ---

def test_an_unexpected_error_is_a_dutch_500_without_internals(hostile):
    def broken():
        raise RuntimeError("geheim: /work/main/kcc.sqlite SELECT * FROM contacts")

    hostile.app.dependency_overrides[get_session] = broken
    try:
        response = hostile.get("/v1/contacts", headers=AGENT)
    finally:
        hostile.app.dependency_overrides.pop(get_session, None)
    error = error_of(response, 500)
    assert error["code"] == "internal_error" and "geheim" not in response.text


# --- the OpenAPI document declares what is allowed ---

@pytest.fixture(scope="module")
def openapi(hostile) -> dict:
    return hostile.get("/openapi.json").json()


def schema_of(openapi: dict, ref_or_schema: dict) -> dict:
    if "$ref" in ref_or_schema:
        return openapi["components"]["schemas"][ref_or_schema["$ref"].rsplit("/", 1)[1]]
    return ref_or_schema


def parameter(openapi: dict, method: str, path: str, name: str) -> dict:
    found = [p for p in openapi["paths"][path][method]["parameters"] if p["name"] == name]
    assert len(found) == 1, f"{method} {path} has no parameter {name}"
    schema = found[0]["schema"]
    return next((s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"), schema)


def body_property(openapi: dict, model: str, name: str) -> dict:
    schema = openapi["components"]["schemas"][model]["properties"][name]
    return schema_of(openapi, next((s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"), schema))


def test_closed_sets_are_enums(openapi):
    channels = list(CHANNELS)
    assert body_property(openapi, "AnswerRequest", "channel")["enum"] == channels
    assert body_property(openapi, "ContactIn", "channel")["enum"] == channels
    assert body_property(openapi, "ContactIn", "answer_status")["enum"] == ["answered", "no_answer"]
    assert parameter(openapi, "get", "/v1/search", "channel")["enum"] == channels
    assert parameter(openapi, "get", "/v1/contacts", "channel")["enum"] == channels
    assert parameter(openapi, "get", "/v1/stats/fcr", "channel")["enum"] == channels
    for path in ("/v1/stats/fcr", "/v1/stats/grades"):
        assert parameter(openapi, "get", path, "interval")["enum"] == list(INTERVALS)


@pytest.mark.parametrize("path", PERIOD_ROUTES)
def test_periods_are_dates(openapi, path):
    for name in ("start", "end"):
        assert parameter(openapi, "get", path, name)["format"] == "date"


@pytest.mark.parametrize(("model", "name", "low", "high"), [
    ("ContactIn", "agent_id", 1, 64), ("ContactIn", "question", 1, None), ("ContactIn", "answer_text", None, 20_000),
    ("ContactIn", "forwarded_to", None, 128), ("FeedbackIn", "comment", 1, 2000), ("GradeIn", "grader", 1, 64),
    ("AnswerRequest", "question", 1, None), ("SourceIn", "article_id", 1, 128), ("SourceIn", "section", None, 255),
])
def test_text_lengths_are_declared_and_nul_is_excluded(openapi, model, name, low, high):
    schema = body_property(openapi, model, name)
    assert (schema.get("minLength"), schema.get("maxLength")) == (low, high)
    assert schema["pattern"] == "^[^\\x00]*$"


def test_numbers_have_bounds(openapi):
    for model in ("FeedbackIn", "GradeIn"):
        contact = body_property(openapi, model, "contact_id")
        assert (contact["minimum"], contact["maximum"]) == (1, MAX_ID)
    duration = body_property(openapi, "ContactIn", "duration_seconds")
    assert (duration["minimum"], duration["maximum"]) == (0, 86_400)
    offset = parameter(openapi, "get", "/v1/contacts", "offset")
    assert (offset["minimum"], offset["maximum"]) == (0, MAX_ID)
    assert parameter(openapi, "get", "/v1/grades/sample", "seed")["maximum"] == 2**63 - 1
    created_at = body_property(openapi, "ContactIn", "created_at")
    assert created_at["format"] == "date-time"


STAFF_PATHS = ["/v1/contacts", "/v1/outcomes", "/v1/stats/fcr", "/v1/stats/gaps", "/v1/stats/grades", "/v1/feedback",
               "/v1/grades/sample", "/v1/grades", "/v1/admin/reindex", "/v1/contacts/{contact_id}/questions",
               "/v1/contacts/{contact_id}/questions/{question_id}", "/v1/callbacks", "/v1/callbacks/{callback_id}",
               "/v1/teams", "/v1/me"]
DATABASE_PATHS = ["/v1/contacts", "/v1/stats/fcr", "/v1/stats/gaps", "/v1/stats/grades", "/v1/feedback",
                  "/v1/grades/sample", "/v1/grades", "/v1/contacts/{contact_id}/questions",
                  "/v1/contacts/{contact_id}/questions/{question_id}", "/v1/callbacks", "/v1/callbacks/{callback_id}",
                  "/v1/answers/{answer_id}/feedback"]


def test_every_error_a_route_can_return_is_documented_with_the_error_model(openapi):
    for path, operations in openapi["paths"].items():
        for method, operation in operations.items():
            documented = {int(status) for status in operation["responses"] if status.isdigit()}
            label = f"{method.upper()} {path}"
            if path.startswith("/v1/"):
                assert {401, 429, 500} <= documented, label  # a wrong key, too many requests, our fault
            if method == "post":
                assert {413} <= documented, label
                if "requestBody" in operation:
                    assert {400, 422} <= documented, label
            if path in STAFF_PATHS:
                assert 401 in documented, label
            if path in DATABASE_PATHS:
                assert 503 in documented, label
            for status, response in operation["responses"].items():
                if status.isdigit() and int(status) >= 400:
                    content = response["content"]["application/json"]["schema"]
                    assert content == {"$ref": "#/components/schemas/ErrorOut"}, f"{label} {status}"
                    assert response["description"][0].isupper()
    assert "HTTPValidationError" not in openapi["components"]["schemas"]  # FastAPI's default 422 is not ours
    specific = {("post", "/v1/contacts"): {403}, ("post", "/v1/admin/reindex"): {403, 409},
                ("get", "/v1/articles/{article_id}"): {404}, ("post", "/v1/feedback"): {404},
                ("post", "/v1/grades"): {404}, ("post", "/v1/contacts/{contact_id}/questions"): {403, 404, 409},
                ("delete", "/v1/contacts/{contact_id}/questions/{question_id}"): {403, 404, 409},
                ("patch", "/v1/callbacks/{callback_id}"): {404, 409}, ("post", "/v1/callbacks"): {404}}
    for (method, path), statuses in specific.items():
        assert statuses <= {int(s) for s in openapi["paths"][path][method]["responses"]}, (method, path)
