"""The contact log: the FCR rule, what a logged contact derives, listing, staff-only access and bad input.

Runs on SQLite and on PostgreSQL (the ``log_db`` fixture), against the session's API and real sample KB.
"""

from __future__ import annotations

import uuid

import pytest

from kcc.contacts.errors import ContactLogError
from kcc.contacts.log import resolved_by_rule
from kcc.settings import DEFAULT_OUTCOMES
from tests.api.conftest import ADMIN, AGENT_KEY, AUTH


def contact(**fields) -> dict:
    body = {"channel": "phone", "question": "Wat kost een paspoort?", "outcome": "Zelfstandig afgehandeld",
            "duration_seconds": 120, "agent_id": "agent-01"}
    return {**body, **fields}


def post(client, **fields):
    # a contact's time is the server's: only an admin (an import) may set created_at
    return client.post("/v1/contacts", json=contact(**fields), headers=ADMIN if "created_at" in fields else AUTH)


# --- the FCR rule ---

@pytest.mark.parametrize(("outcome", "resolved"), list(DEFAULT_OUTCOMES.items()))
@pytest.mark.parametrize("override", [None, True, False])
def test_fcr_rule_follows_the_outcome_unless_the_agent_overrides(log_client, outcome, resolved, override):
    response = post(log_client, outcome=outcome, resolved_first_contact=override)
    assert response.status_code == 201
    logged = response.json()
    expected = resolved if override is None else override
    assert logged["resolved_first_contact"] is expected
    # an override is flagged only when it disagrees with the rule
    assert logged["resolved_overridden"] is (override is not None and override != resolved)


def test_fcr_rule_takes_the_configured_outcomes():
    outcomes = {"Opgelost": True, "Niet opgelost": False}
    assert resolved_by_rule(outcomes, "Opgelost") == (True, False)
    assert resolved_by_rule(outcomes, "Niet opgelost", override=True) == (True, True)
    with pytest.raises(ContactLogError) as raised:
        resolved_by_rule(outcomes, "Zelfstandig afgehandeld")
    assert raised.value.code == "unknown_outcome" and "Opgelost, Niet opgelost" in raised.value.message


def test_outcomes_come_in_settings_order_with_the_target(log_client):
    body = log_client.get("/v1/outcomes", headers=AUTH).json()
    assert [(o["name"], o["resolved_first_contact"]) for o in body["outcomes"]] == list(DEFAULT_OUTCOMES.items())
    assert body["target"] == 0.8


# --- what a contact derives ---

def test_a_contact_echoes_its_fields_and_derives_team_and_article(log_client):
    sources = [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"},
               {"article_id": "grofvuil-ophalen", "section": None}]
    response = post(log_client, question="  Wat kost   een paspoort? ", answer_id="abc123", answer_status="answered",
                    sources=sources, answer_text="Een paspoort kost € 84,45.", channel="counter",
                    duration_seconds=0)
    assert response.status_code == 201
    logged = response.json()
    assert isinstance(logged["id"], int)
    assert logged["question"] == "Wat kost een paspoort?"  # normalised like /v1/answer does
    assert logged["sources"] == sources
    assert (logged["answer_id"], logged["answer_status"], logged["channel"]) == ("abc123", "answered", "counter")
    assert logged["answer_text"] == "Een paspoort kost € 84,45." and logged["duration_seconds"] == 0
    assert logged["article_id"] == "paspoort-aanvragen"  # the first source is the main article shown
    assert logged["team"] == "Burgerzaken"  # ... and its owner the team
    assert logged["created_at"].endswith("Z")


@pytest.mark.parametrize(("forwarded_to", "sources", "team", "article_id"), [
    ("Vergunningen", [{"article_id": "paspoort-aanvragen"}], "Vergunningen", "paspoort-aanvragen"),
    (None, [{"article_id": "grofvuil-ophalen"}], "Afval", "grofvuil-ophalen"),
    (None, [{"article_id": "artikel-dat-niet-bestaat"}], None, "artikel-dat-niet-bestaat"),
    (None, [], None, None),
    ("  ", [], None, None),
])
def test_team_is_the_handover_else_the_main_articles_owner(log_client, forwarded_to, sources, team, article_id):
    logged = post(log_client, forwarded_to=forwarded_to, sources=sources).json()
    assert (logged["team"], logged["article_id"]) == (team, article_id)


@pytest.mark.parametrize(("given", "stored"), [
    ("2026-11-02T09:30:00Z", "2026-11-02T09:30:00Z"),
    ("2026-11-02T10:30:00+01:00", "2026-11-02T09:30:00Z"),  # Dutch winter time, stored as UTC
    ("2026-11-02T09:30:00", "2026-11-02T09:30:00Z"),  # no zone: taken as UTC
])
def test_created_at_is_stored_in_utc(log_client, given, stored):
    logged = post(log_client, created_at=given).json()
    assert logged["created_at"] == stored
    listed = log_client.get("/v1/contacts?start=2026-11-02&end=2026-11-02&limit=500", headers=AUTH).json()
    assert logged["id"] in {c["id"] for c in listed["contacts"]}


# --- listing ---

def test_list_is_newest_first_with_filters_and_paging(log_client):
    ids = [post(log_client, agent_id="agent-lijst", channel=channel, outcome=outcome,
                created_at=f"2026-10-0{day}T12:00:00Z").json()["id"]
           for day, channel, outcome in [(1, "phone", "Doorverbonden"), (2, "email", "Zelfstandig afgehandeld"),
                                         (3, "phone", "Zelfstandig afgehandeld"), (4, "chat", "Doorverbonden")]]

    def listed(query: str) -> tuple[list[int], int]:
        body = log_client.get(f"/v1/contacts?agent_id=agent-lijst&{query}", headers=AUTH).json()
        return [c["id"] for c in body["contacts"]], body["total"]

    assert listed("") == (ids[::-1], 4)
    assert listed("limit=2") == (ids[:1:-1], 4)
    assert listed("limit=2&offset=2") == (ids[1::-1], 4)
    assert listed("channel=phone") == ([ids[2], ids[0]], 2)
    assert listed("outcome=Doorverbonden") == ([ids[3], ids[0]], 2)
    assert listed("start=2026-10-02&end=2026-10-03") == ([ids[2], ids[1]], 2)
    assert listed("start=2026-10-04") == ([ids[3]], 1)
    assert listed("end=2026-10-01") == ([ids[0]], 1)


# --- access ---

ROUTES = [("get", "/v1/outcomes", None), ("post", "/v1/contacts", contact()), ("get", "/v1/contacts", None),
          ("get", "/v1/stats/fcr", None), ("get", "/v1/stats/gaps", None), ("get", "/v1/stats/grades", None),
          ("post", "/v1/feedback", {"article_id": "paspoort-aanvragen", "comment": "x", "agent_id": "a"}),
          ("get", "/v1/feedback", None), ("get", "/v1/grades/sample", None),
          ("post", "/v1/grades", {"contact_id": 1, "grader": "g", "juist": True, "volledig": True,
                                  "bron_klopt": True, "begrijpelijk": True})]


@pytest.mark.parametrize(("method", "path", "body"), ROUTES)
def test_every_contact_log_route_is_staff_only(log_client, method, path, body):
    public = log_client.request(method.upper(), path, json=body)
    assert public.status_code == 401
    assert public.json()["error"]["code"] == "api_key_required"
    assert "X-API-Key" in public.json()["error"]["message"]
    wrong = log_client.request(method.upper(), path, json=body, headers={"X-API-Key": "fout"})
    assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "invalid_api_key")


def test_every_staff_key_may_log(log_client):
    from tests.api.conftest import EDITOR_KEY

    for key in (AGENT_KEY, "second-agent-key", EDITOR_KEY):
        assert log_client.post("/v1/contacts", json=contact(), headers={"X-API-Key": key}).status_code == 201


# --- bad input: 4xx with a Dutch message, never a 500 ---

@pytest.mark.parametrize(("fields", "code"), [
    ({"outcome": "Opgelost"}, "unknown_outcome"),
    ({"channel": "fax"}, "unknown_channel"),
    ({"question": "   "}, "empty_question"),
    ({"question": "paspoort " * 100}, "question_too_long"),
    ({"duration_seconds": -1}, "invalid_duration"),
    ({"duration_seconds": 10**7}, "invalid_duration"),
    ({"answer_status": "misschien"}, "unknown_answer_status"),
    ({"agent_id": ""}, "invalid_agent_id"),
    ({"agent_id": "a" * 65}, "invalid_agent_id"),
    ({"sources": [{"article_id": ""}]}, "invalid_source"),
    ({"sources": [{"article_id": "paspoort-aanvragen"}] * 21}, "too_many_sources"),
    ({"duration_seconds": "lang"}, "invalid_field"),
    ({"created_at": "gisteren"}, "invalid_field"),
    ({"outcome": None}, "missing_question"),
    ({"question": None}, "missing_question"),
    ({"questions": []}, "questions_and_question"),
    ({"questions": [{"question": "Paspoort?", "outcome": "Doorverbonden"}]}, "questions_and_question"),
])
def test_bad_contacts_get_a_dutch_422(log_client, fields, code):
    response = post(log_client, **fields)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"][0].isupper()


def test_missing_fields_and_bad_json(log_client):
    response = log_client.post("/v1/contacts", json={"channel": "phone"}, headers=AUTH)
    assert (response.status_code, response.json()["error"]["code"]) == (422, "missing_field")
    response = log_client.post("/v1/contacts", content=b"{", headers={**AUTH, "content-type": "application/json"})
    assert (response.status_code, response.json()["error"]["code"]) == (400, "invalid_json")


@pytest.mark.parametrize(("query", "code"), [
    ("start=2026-13-01", "invalid_date"),
    ("end=gisteren", "invalid_date"),
    ("start=2026-11-05&end=2026-11-01", "invalid_period"),
    ("channel=fax", "unknown_channel"),
    ("outcome=Opgelost", "unknown_outcome"),
    ("limit=0", "invalid_request"),
    ("offset=-1", "invalid_request"),
])
def test_bad_list_filters_get_a_dutch_422(log_client, query, code):
    response = log_client.get(f"/v1/contacts?{query}", headers=AUTH)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_personal_data_in_the_question_is_masked_before_it_is_stored(log_client):
    logged = post(log_client, question="Mijn BSN is 111222333, bel me op 06-12345678 over mijn paspoort").json()
    assert logged["question"] == "Mijn BSN is [BSN], bel me op [telefoonnummer] over mijn paspoort"
    listed = log_client.get("/v1/contacts?agent_id=agent-01&limit=500", headers=AUTH).json()["contacts"]
    stored = next(c for c in listed if c["id"] == logged["id"])
    assert "111222333" not in stored["question"] and "[BSN]" in stored["question"]


# --- a contact with several questions ---
# (the module's log is shared: each test logs under its own agent, on its own day)

def several(*questions, agent: str, day: str = "2026-01-05") -> dict:
    return {"channel": "phone", "duration_seconds": 300, "agent_id": agent, "questions": list(questions),
            "created_at": f"{day}T10:00:00Z"}


def post_several(client, *questions, agent: str, day: str = "2026-01-05"):
    return client.post("/v1/contacts", json=several(*questions, agent=agent, day=day), headers=ADMIN)


def logged_by(client, agent: str) -> dict:
    return client.get("/v1/contacts", params={"agent_id": agent}, headers=AUTH).json()


PASSPORT = {"question": "Wat kost een paspoort?", "answer_status": "answered",
            "sources": [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"}],
            "outcome": "Zelfstandig afgehandeld"}
BULKY_WASTE = {"question": "Hoe laat ik grofvuil ophalen?", "answer_status": "answered",
               "sources": [{"article_id": "grofvuil-ophalen"}], "outcome": "Doorverbonden", "forwarded_to": "Afval"}


def test_a_call_with_two_questions_is_one_contact_with_two_outcomes(log_client):
    response = post_several(log_client, PASSPORT, BULKY_WASTE, agent="agent-two")
    assert response.status_code == 201, response.text
    logged = response.json()
    assert [(q["position"], q["question"], q["outcome"], q["resolved_first_contact"], q["team"], q["article_id"])
            for q in logged["questions"]] == [
        (0, "Wat kost een paspoort?", "Zelfstandig afgehandeld", True, "Burgerzaken", "paspoort-aanvragen"),
        (1, "Hoe laat ik grofvuil ophalen?", "Doorverbonden", False, "Afval", "grofvuil-ophalen")]
    # the contact is resolved only when every question is; its own fields are the unresolved question's
    assert logged["resolved_first_contact"] is False
    assert (logged["question"], logged["outcome"], logged["team"]) == (
        "Hoe laat ik grofvuil ophalen?", "Doorverbonden", "Afval")
    listed = logged_by(log_client, "agent-two")
    assert listed["total"] == 1 and listed["contacts"][0]["questions"] == logged["questions"]


def test_all_questions_resolved_resolves_the_contact(log_client):
    logged = post_several(log_client, PASSPORT, {**BULKY_WASTE, "outcome": "Zelfstandig afgehandeld"},
                          agent="agent-all").json()
    assert logged["resolved_first_contact"] is True
    assert logged["question"] == "Wat kost een paspoort?"  # no unresolved question: the first leads


def test_fcr_per_question_and_per_contact(log_client):
    day = "2026-01-07"
    post_several(log_client, PASSPORT, BULKY_WASTE, agent="agent-fcr", day=day)
    log_client.post("/v1/contacts", json={**contact(agent_id="agent-fcr"), "created_at": f"{day}T11:00:00Z"},
                    headers=ADMIN)
    stats = log_client.get("/v1/stats/fcr", params={"start": day, "end": day}, headers=AUTH).json()
    assert (stats["total"], stats["resolved_first_contact"]) == (2, 1)
    assert stats["questions"] == {"total": 3, "resolved_first_contact": 2, "rate": pytest.approx(2 / 3, abs=1e-4)}
    # per article and per outcome every question counts, the second of a call too
    assert stats["by_article"]["grofvuil-ophalen"]["total"] == 1
    assert stats["by_outcome"]["Zelfstandig afgehandeld"]["total"] == 2
    assert stats["by_team"]["Afval"] == {"total": 1, "resolved_first_contact": 0, "rate": 0.0}


@pytest.mark.parametrize(("questions", "code"), [
    ([{**PASSPORT, "outcome": "Opgelost"}], "unknown_outcome"),
    ([PASSPORT, {**PASSPORT, "question": "  "}], "empty_question"),
    ([{**PASSPORT, "sources": [{"article_id": "x"}] * 21}], "too_many_sources"),
    ([PASSPORT] * 21, "too_many_questions"),
])
def test_a_bad_question_refuses_the_whole_contact(log_client, questions, code):
    response = post_several(log_client, *questions, agent="agent-bad")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert logged_by(log_client, "agent-bad")["total"] == 0


def test_every_question_is_masked_before_storage(log_client):
    logged = post_several(log_client, PASSPORT, {**BULKY_WASTE, "question": "Grofvuil voor bsn 111222333?"},
                          agent="agent-mask").json()
    assert logged["questions"][1]["question"] == "Grofvuil voor bsn [BSN]?"


# --- the next question of a call, logged at once; undo of a mis-click ---

def test_a_calls_next_question_is_added_to_its_contact(log_client):
    first = log_client.post("/v1/contacts", json=contact(agent_id="agent-add"), headers=AUTH).json()
    response = log_client.post(f"/v1/contacts/{first['id']}/questions", json={**BULKY_WASTE, "duration_seconds": 400},
                               headers=AUTH)
    assert response.status_code == 201, response.text
    added = response.json()
    assert [q["question"] for q in added["questions"]] == ["Wat kost een paspoort?", "Hoe laat ik grofvuil ophalen?"]
    assert [q["position"] for q in added["questions"]] == [0, 1]
    assert added["duration_seconds"] == 400
    assert added["resolved_first_contact"] is False and added["outcome"] == "Doorverbonden"
    assert logged_by(log_client, "agent-add")["total"] == 1


def test_a_request_repeated_with_its_idempotency_key_logs_once(log_client):
    key = {**AUTH, "Idempotency-Key": uuid.uuid4().hex}
    first = log_client.post("/v1/contacts", json=contact(agent_id="agent-twice"), headers=key)
    again = log_client.post("/v1/contacts", json=contact(agent_id="agent-twice"), headers=key)
    assert first.status_code == again.status_code == 201 and again.json()["id"] == first.json()["id"]
    path, next_key = f"/v1/contacts/{first.json()['id']}/questions", {**AUTH, "Idempotency-Key": str(uuid.uuid4())}
    for _ in range(2):
        added = log_client.post(path, json=BULKY_WASTE, headers=next_key)
        assert added.status_code == 201 and len(added.json()["questions"]) == 2
    assert logged_by(log_client, "agent-twice")["total"] == 1
    # the same key for another contact is another request: refused, nothing logged
    other = log_client.post("/v1/contacts", json=contact(agent_id="agent-twice"), headers=AUTH).json()
    reused = log_client.post(f"/v1/contacts/{other['id']}/questions", json=BULKY_WASTE, headers=next_key)
    assert reused.status_code == 409 and reused.json()["error"]["code"] == "request_key_in_use"
    assert logged_by(log_client, "agent-twice")["total"] == 2


@pytest.mark.parametrize("value", ["kort", "x" * 65, "een sleutel met spaties"])
def test_a_malformed_idempotency_key_is_refused(log_client, value):
    response = log_client.post("/v1/contacts", json=contact(agent_id="agent-badkey"),
                               headers={**AUTH, "Idempotency-Key": value})
    assert response.status_code == 422 and "Idempotency-Key" in response.text
    assert logged_by(log_client, "agent-badkey")["total"] == 0


def test_undo_takes_back_the_last_question_and_the_contact_with_its_only_one(log_client):
    first = log_client.post("/v1/contacts", json=contact(agent_id="agent-undo", outcome="Doorverbonden"),
                            headers=AUTH).json()
    added = log_client.post(f"/v1/contacts/{first['id']}/questions", json=PASSPORT, headers=AUTH).json()
    second = added["questions"][1]["id"]
    response = log_client.delete(f"/v1/contacts/{first['id']}/questions/{second}", headers=AUTH)
    assert response.status_code == 200
    assert [q["question"] for q in response.json()["questions"]] == ["Wat kost een paspoort?"]
    assert response.json()["outcome"] == "Doorverbonden"
    only = first["questions"][0]["id"]
    assert log_client.delete(f"/v1/contacts/{first['id']}/questions/{only}", headers=AUTH).status_code == 204
    assert logged_by(log_client, "agent-undo")["total"] == 0
    gone = log_client.delete(f"/v1/contacts/{first['id']}/questions/{only}", headers=AUTH)
    assert gone.status_code == 404 and gone.json()["error"]["code"] == "contact_not_found"


def test_undo_is_refused_after_the_undo_time(log_client):
    # an import dated an hour ago: its question was logged then, long past KCC_UNDO_SECONDS (60)
    old = log_client.post("/v1/contacts", json=several(PASSPORT, agent="agent-late", day="2026-01-09"),
                          headers=ADMIN).json()
    response = log_client.delete(f"/v1/contacts/{old['id']}/questions/{old['questions'][0]['id']}", headers=AUTH)
    assert response.status_code == 409 and response.json()["error"]["code"] == "undo_too_late"
    assert logged_by(log_client, "agent-late")["total"] == 1
    # ... and a contact that old takes no more questions
    closed = log_client.post(f"/v1/contacts/{old['id']}/questions", json=PASSPORT, headers=AUTH)
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "contact_closed"


@pytest.mark.parametrize(("path", "method", "status", "code"), [
    ("/v1/contacts/999999/questions", "post", 404, "contact_not_found"),
    ("/v1/contacts/999999/questions/1", "delete", 404, "contact_not_found"),
])
def test_a_question_of_no_contact_is_a_404(log_client, path, method, status, code):
    response = getattr(log_client, method)(path, headers=AUTH, **({"json": PASSPORT} if method == "post" else {}))
    assert response.status_code == status and response.json()["error"]["code"] == code


def test_adding_and_undoing_need_a_staff_key(log_client):
    assert log_client.post("/v1/contacts/1/questions", json=PASSPORT).status_code == 401
    assert log_client.delete("/v1/contacts/1/questions/1").status_code == 401
