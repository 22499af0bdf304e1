"""Editors change articles through the API: draft, publish (answered from at once, on every channel), a broken
file refused with its line and fix, history, restore, and no writes for public or agent keys."""

from __future__ import annotations

import pytest

from tests.api.conftest import AGENT_KEY, EDITOR_KEY, ask
from tests.kcc.other_kb import OTHER_KB

EDITOR = {"X-API-Key": EDITOR_KEY}
AGENT = {"X-API-Key": AGENT_KEY}
QUESTION = "Wat kost de hondenbelasting per jaar?"
CHANNELS = ("phone", "counter", "email", "chat", "web")


def put(client, article_id: str, markdown: str, status: str = "published", reason: str = "test", headers=EDITOR):
    return client.put(f"/v1/articles/{article_id}", json={"markdown": markdown, "status": status, "reason": reason},
                      headers=headers)


def test_publishing_changes_the_answer_on_every_channel_at_once(editing):
    client, settings = editing
    before = ask(client, QUESTION).json()
    assert "€ 78,60" in before["answer"]["markdown"]
    response = put(client, "hondenbelasting", OTHER_KB["hondenbelasting"].replace("€ 78,60", "€ 81,15"),
                   reason="tarief 2027")
    after = {channel: ask(client, QUESTION, channel).json() for channel in CHANNELS}
    assert response.status_code == 200, response.text
    saved = response.json()
    assert saved["status"] == "published" and saved["version"] >= 2 and saved["seconds"] is not None
    assert "€ 81,15" in (settings.kb_dir / "hondenbelasting.md").read_text(encoding="utf-8")
    for channel, answer in after.items():
        assert "€ 81,15" in answer["answer"]["markdown"], channel
        assert "€ 78,60" not in answer["answer"]["markdown"], channel
    assert len({a["answer"]["id"] for a in after.values()}) == 1  # the same answer on every channel
    staff = ask(client, QUESTION, "phone", key=AGENT_KEY).json()
    assert "€ 81,15" in staff["answer"]["markdown"]
    article = client.get("/v1/articles/hondenbelasting").json()
    assert any("€ 81,15" in s["markdown"] for s in article["sections"])
    client.app.state.kcc.publisher.wait_until_calibrated()
    assert "€ 81,15" in ask(client, QUESTION).json()["answer"]["markdown"]  # and after the recalibration


def test_a_draft_is_kept_but_never_answered(editing):
    client, settings = editing
    on_disk = (settings.kb_dir / "grofvuil.md").read_text(encoding="utf-8")
    response = put(client, "grofvuil", on_disk.replace("€ 30,00", "€ 45,00"), status="draft", reason="voorstel")
    assert response.status_code == 200 and response.json()["seconds"] is None
    assert (settings.kb_dir / "grofvuil.md").read_text(encoding="utf-8") == on_disk
    answer = ask(client, "Wat kost het ophalen van grofvuil?").json()["answer"]["markdown"]
    assert "€ 45,00" not in answer
    source = client.get("/v1/articles/grofvuil/source", headers=EDITOR).json()
    assert "€ 45,00" in source["draft"] and "€ 30,00" in source["markdown"]


@pytest.mark.parametrize(("broken", "line", "words"), [
    (lambda text: text.replace("title: Hondenbelasting", "title: [Hondenbelasting"), 3, "YAML"),
    (lambda text: text.replace("owner: Belastingen\n", ""), 1, "owner"),
    (lambda text: text.replace("audience: public", "audience: iedereen"), 5, "audience"),
    (lambda text: text.replace("id: hondenbelasting", "id: paspoort"), 2, "id"),
    (lambda text: text.replace("---\n", "", 1), 1, "front matter"),
])
def test_a_broken_article_is_refused_with_its_line_and_fix_and_the_published_one_keeps_answering(
        editing, broken, line, words):
    client, settings = editing
    path = settings.kb_dir / "hondenbelasting.md"
    on_disk = path.read_text(encoding="utf-8")
    before = ask(client, QUESTION).json()
    versions = client.get("/v1/articles/hondenbelasting/versions", headers=EDITOR).json()["versions"]
    response = put(client, "hondenbelasting", broken(on_disk))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_article" and words in error["message"] and "Oplossing:" in error["message"]
    assert error["problems"][0]["fix"] and error["problems"][0]["line"] == line
    assert path.read_text(encoding="utf-8") == on_disk
    assert client.get("/v1/articles/hondenbelasting/versions", headers=EDITOR).json()["versions"] == versions
    assert ask(client, QUESTION).json()["answer"]["id"] == before["answer"]["id"]
    preview = client.post("/v1/articles/hondenbelasting/preview", json={"markdown": broken(on_disk)},
                          headers=EDITOR).json()
    assert preview["ok"] is False and preview["problems"][0]["line"] == line


def test_history_shows_who_why_and_the_diff_and_restore_publishes_an_earlier_version(editing):
    client, settings = editing
    path = settings.kb_dir / "parkeervergunning.md"
    first = path.read_text(encoding="utf-8")
    assert put(client, "parkeervergunning", first.replace("€ 96,00", "€ 120,00"), reason="nieuw tarief"
               ).status_code == 200
    versions = client.get("/v1/articles/parkeervergunning/versions", headers=EDITOR).json()["versions"]
    newest, original = versions[0], versions[-1]
    assert newest["author"] == "els" and newest["reason"] == "nieuw tarief" and newest["status"] == "published"
    assert "-Een bewonersvergunning kost € 96,00" in newest["diff"]
    assert "+Een bewonersvergunning kost € 120,00" in newest["diff"]
    assert original["author"] == "kb-map" and original["diff"] == ""  # the folder's text was kept first
    question = "Wat kost een parkeervergunning voor bewoners?"
    assert "€ 120,00" in ask(client, question).json()["answer"]["markdown"]
    restored = client.post("/v1/articles/parkeervergunning/restore", json={"version": original["version"]},
                           headers=EDITOR)
    assert restored.status_code == 200, restored.text
    assert restored.json()["version"] == newest["version"] + 1
    assert path.read_text(encoding="utf-8") == first
    assert "€ 96,00" in ask(client, question).json()["answer"]["markdown"]
    latest = client.get("/v1/articles/parkeervergunning/versions", headers=EDITOR).json()["versions"][0]
    assert latest["restored_from"] == original["version"] and "+Een bewonersvergunning kost € 96,00" in latest["diff"]
    missing = client.post("/v1/articles/parkeervergunning/restore", json={"version": 99}, headers=EDITOR)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "version_not_found"


def test_a_new_article_is_published_and_answered(editing):
    client, settings = editing
    text = OTHER_KB["grofvuil"].replace("id: grofvuil", "id: kerstbomen").replace(
        "title: Grof huisvuil laten ophalen", "title: Kerstboom inleveren").split("---\n", 2)[1]
    markdown = ("---\n" + text + "---\n## Omschrijving\nIn januari haalt de gemeente kerstbomen op. Leg de boom op "
                "de stoep op woensdag 7 januari.\n")
    assert put(client, "kerstbomen", markdown).status_code == 200
    assert (settings.kb_dir / "kerstbomen.md").is_file()
    answer = ask(client, "Wanneer halen jullie de kerstboom op?").json()
    assert answer["sources"][0]["article_id"] == "kerstbomen"


@pytest.mark.parametrize("headers", [{}, AGENT], ids=["public", "agent"])
def test_public_and_agent_keys_cannot_write(editing, headers):
    client, settings = editing
    on_disk = (settings.kb_dir / "huwelijk.md").read_text(encoding="utf-8")
    for response in (
        put(client, "huwelijk", on_disk.replace("€ 395,00", "€ 1,00"), headers=headers),
        put(client, "huwelijk", on_disk, status="draft", headers=headers),
        client.post("/v1/articles/huwelijk/restore", json={"version": 1}, headers=headers),
        client.get("/v1/articles/huwelijk/versions", headers=headers),
        client.get("/v1/articles/huwelijk/source", headers=headers),
        client.post("/v1/articles/huwelijk/preview", json={"markdown": on_disk}, headers=headers),
        client.post("/v1/admin/reindex", headers=headers),
    ):
        assert response.status_code == 403, response.text
        assert response.json()["error"]["code"] == "forbidden"
    assert (settings.kb_dir / "huwelijk.md").read_text(encoding="utf-8") == on_disk


def test_every_change_is_audited(editing):
    client, settings = editing
    from sqlalchemy import select

    from kcc.contacts.db.models import AuditEntry

    text = (settings.kb_dir / "naturalisatie.md").read_text(encoding="utf-8")
    assert put(client, "naturalisatie", text + "\nExtra zin.\n", status="draft").status_code == 200
    assert put(client, "naturalisatie", text.replace("1 jaar", "12 maanden"), reason="termijn").status_code == 200
    assert client.post("/v1/articles/naturalisatie/restore", json={"version": 1}, headers=EDITOR).status_code == 200
    with client.app.state.kcc.db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.target == "artikel:naturalisatie")).all()
    assert [(e.actor, e.role, e.action) for e in entries] == [
        ("els", "editor", "concept opgeslagen"), ("els", "editor", "gepubliceerd"), ("els", "editor", "teruggezet")]
    assert "termijn" in entries[1].detail and "uit versie 1" in entries[2].detail


def test_no_write_route_of_the_editors_or_admins_takes_a_public_or_agent_key(editing):
    client, settings = editing
    before = {p.name: p.read_text(encoding="utf-8") for p in settings.kb_dir.glob("*.md")}
    writes = [(method, path) for path, item in client.app.openapi()["paths"].items()
              for method in item if method in ("put", "post", "patch", "delete")
              and path.startswith(("/v1/articles", "/v1/editor", "/v1/admin"))]
    assert len(writes) >= 10  # articles, versions, variants, the work list, re-index, the settings lists
    for headers in ({}, AGENT):
        for method, path in writes:
            url = path.replace("{article_id}", "huwelijk").replace("{name}", "teams")
            response = client.request(method.upper(), url, headers=headers, json={})
            assert response.status_code == 403, (method, path, response.text)
    assert {p.name: p.read_text(encoding="utf-8") for p in settings.kb_dir.glob("*.md")} == before


@pytest.mark.parametrize("article_id", ["Paspoort", "a_b", "..%2F..%2Fgeheim", "-x"])
def test_an_article_id_must_be_a_slug(editing, article_id):
    client, _ = editing
    for response in (client.get(f"/v1/articles/{article_id}/source", headers=EDITOR),
                     put(client, article_id, OTHER_KB["huwelijk"])):
        assert response.status_code in (404, 422), response.text
        if response.status_code == 422:
            assert response.json()["error"]["code"] in ("invalid_article_id", "invalid_article")
