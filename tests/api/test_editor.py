"""The editors' overview through the API: article statuses, question variants from the floor, the work list per
owner team, and the audit log."""

from __future__ import annotations

import pytest

from tests.api.conftest import AGENT_KEY, EDITOR_KEY

EDITOR = {"X-API-Key": EDITOR_KEY}
AGENT = {"X-API-Key": AGENT_KEY}


def resolved_contact(client, question: str, article_id: str, outcome: str = "Zelfstandig afgehandeld"):
    response = client.post("/v1/contacts", headers=AGENT, json={
        "channel": "phone", "question": question, "answer_status": "answered", "sources": [{"article_id": article_id}],
        "outcome": outcome, "duration_seconds": 90, "agent_id": "agent-07"})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def test_resolved_questions_become_variants_an_editor_approves_into_the_index(editing):
    client, settings = editing
    question = "Moet ik voor mijn viervoeter ieder jaar iets aan de gemeente betalen?"
    contact = resolved_contact(client, question, "hondenbelasting")
    resolved_contact(client, question.lower(), "hondenbelasting")  # the same wording twice: counted, not repeated
    resolved_contact(client, "Mijn BSN is 111222333, wat kost mijn hond?", "hondenbelasting")  # about one person
    resolved_contact(client, "Kan mijn hond gratis mee?", "hondenbelasting", outcome="Doorverbonden")  # not resolved
    assert client.post("/v1/editor/variants/collect", headers=EDITOR).json()["added"] == 1
    suggested = client.get("/v1/editor/variants", params={"status": "voorgesteld"}, headers=EDITOR).json()["variants"]
    assert [(v["question"], v["count"], v["article_id"]) for v in suggested] == [(question, 2, "hondenbelasting")]
    assert suggested[0]["contact_id"] >= contact
    decided = client.post("/v1/editor/variants/decide", json={"ids": [suggested[0]["id"]], "decision": "goedgekeurd"},
                          headers=EDITOR)
    assert decided.status_code == 200, decided.text
    assert "hondenbelasting" in decided.json()["versions"]
    text = (settings.kb_dir / "hondenbelasting.md").read_text(encoding="utf-8")
    assert "vragen:" in text and "viervoeter" in text
    found = client.get("/v1/search", params={"q": "viervoeter"}).json()["results"]
    assert found[0]["article_id"] == "hondenbelasting"
    assert client.post("/v1/editor/variants/collect", headers=EDITOR).json()["added"] == 0  # in the article now


def test_a_rejected_variant_is_not_suggested_again_and_is_audited(editing):
    client, _ = editing
    resolved_contact(client, "Hoe laat gaan jullie grofvuil ophalen morgen?", "grofvuil")
    client.post("/v1/editor/variants/collect", headers=EDITOR)
    variant = next(v for v in client.get("/v1/editor/variants", params={"status": "voorgesteld"},
                                         headers=EDITOR).json()["variants"] if v["article_id"] == "grofvuil")
    assert client.post("/v1/editor/variants/decide", json={"ids": [variant["id"]], "decision": "afgewezen"},
                       headers=EDITOR).status_code == 200
    resolved_contact(client, "Hoe laat gaan jullie grofvuil ophalen morgen?", "grofvuil")
    assert client.post("/v1/editor/variants/collect", headers=EDITOR).json()["added"] == 0
    entries = client.get("/v1/editor/audit", params={"target": "artikel:grofvuil"}, headers=EDITOR).json()["entries"]
    assert entries[0]["action"] == "variant afgewezen" and entries[0]["actor"] == "els"


def test_the_overview_shows_broken_files_and_drafts(editing):
    client, settings = editing
    path = settings.kb_dir / "naturalisatie.md"
    good = path.read_text(encoding="utf-8")
    client.put("/v1/articles/huwelijk", headers=EDITOR, json={
        "markdown": (settings.kb_dir / "huwelijk.md").read_text(encoding="utf-8") + "\nNog een zin.\n",
        "status": "draft"})
    path.write_text(good.replace("owner: Burgerzaken\n", ""), encoding="utf-8")  # an edit made in the folder itself
    try:
        rows = {r["article_id"]: r for r in client.get("/v1/editor/articles", headers=EDITOR).json()["articles"]}
        assert rows["naturalisatie"]["status"] == "fouten" and "owner" in rows["naturalisatie"]["errors"][0]
        assert rows["naturalisatie"]["title"] == "Nederlander worden (naturalisatie)"  # from the last good version
        assert rows["huwelijk"]["status"] == "concept" and rows["huwelijk"]["draft_version"] >= 2
        assert rows["parkeervergunning"]["status"] == "ok"
        source = client.get("/v1/articles/naturalisatie/source", headers=EDITOR).json()
        assert source["errors"][0]["line"] == 1 and "owner" in source["errors"][0]["message"]
    finally:
        path.write_text(good, encoding="utf-8")


def test_the_work_list_gathers_a_teams_signals_gaps_and_findings(editing):
    client, settings = editing
    contact = resolved_contact(client, "Wat kost een parkeervergunning?", "parkeervergunning")
    assert client.post("/v1/feedback", headers=AGENT, json={
        "article_id": "parkeervergunning", "comment": "Prijs klopt niet meer", "agent_id": "agent-07",
        "contact_id": contact}).status_code == 201
    assert client.post("/v1/stats/gaps/decisions", headers=EDITOR, json={
        "questions": ["Mag ik op de stoep parkeren met een bus?"], "decision": "toegewezen",
        "team": "Parkeren"}).status_code in (200, 201)
    old = (settings.kb_dir / "parkeervergunning.md").read_text(encoding="utf-8").replace(
        "reviewed: 2026-05-01", "reviewed: 2024-01-15")
    assert client.put("/v1/articles/parkeervergunning", headers=EDITOR,
                      json={"markdown": old, "status": "published"}).status_code == 200
    items = client.get("/v1/editor/worklist", params={"team": "Parkeren"}, headers=EDITOR).json()["items"]
    kinds = {i["kind"] for i in items}
    assert {"signaal", "kennisgat", "controle"} <= kinds
    assert all(i["team"] == "Parkeren" and i["due"] for i in items)
    signal = next(i for i in items if i["kind"] == "signaal")
    assert signal["contact_id"] == contact and signal["article_id"] == "parkeervergunning"
    review = next(i for i in items if i["kind"] == "controle")
    assert review["due"] < "2026-01-01"  # overdue: 12 months after 2024-01-15
    for item in (signal, review):
        assert client.post("/v1/editor/worklist/status", headers=EDITOR,
                           json={"key": item["key"], "status": "in behandeling"}).status_code == 200
    busy = client.get("/v1/editor/worklist", params={"team": "Parkeren", "status": "in behandeling"},
                      headers=EDITOR).json()["items"]
    assert {i["key"] for i in busy} == {signal["key"], review["key"]}
    other = client.get("/v1/editor/worklist", params={"team": "Afval"}, headers=EDITOR).json()["items"]
    assert all(i["team"] == "Afval" for i in other) and signal["key"] not in {i["key"] for i in other}
    missing = client.post("/v1/editor/worklist/status", headers=EDITOR, json={"key": "taal:bestaat-niet",
                                                                             "status": "opgelost"})
    assert missing.status_code == 404


@pytest.mark.parametrize("path", ["/v1/editor/articles", "/v1/editor/findings", "/v1/editor/worklist",
                                  "/v1/editor/variants", "/v1/editor/audit"])
def test_agents_and_the_public_cannot_see_the_editors_overview(editing, path):
    client, _ = editing
    for headers in ({}, AGENT):
        response = client.get(path, headers=headers)
        assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert client.get(path, headers=EDITOR).status_code == 200


def test_a_new_article_saved_as_a_draft_shows_in_the_overview_and_answers_nothing(editing):
    client, settings = editing
    markdown = ("---\nid: kerstmarkt\ntitle: Kerstmarkt op het plein\ntype: product\naudience: public\n"
                "owner: Publiekszaken\nreviewed: 2026-11-01\n---\n## Wat is het?\nDe kerstmarkt is op 19 december.\n")
    assert client.put("/v1/articles/kerstmarkt", headers=EDITOR,
                      json={"markdown": markdown, "status": "draft"}).status_code == 200
    rows = {r["article_id"]: r for r in client.get("/v1/editor/articles", headers=EDITOR).json()["articles"]}
    assert rows["kerstmarkt"]["status"] == "concept" and rows["kerstmarkt"]["title"] == "Kerstmarkt op het plein"
    assert not (settings.kb_dir / "kerstmarkt.md").exists()
    assert client.get("/v1/articles/kerstmarkt").status_code == 404
