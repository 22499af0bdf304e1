"""GET /v1/search, /v1/articles/{id}, /health, /v1/admin/reindex and the OpenAPI document."""

from __future__ import annotations

from tests.api.conftest import AGENT_KEY, EDITOR_KEY


def test_search_ranks_sections_and_hides_internal_ones_from_the_public(client):
    public = client.get("/v1/search", params={"q": "toestelnummer vergunningen doorverbinden"}).json()
    assert public["results"] and not any(r["internal"] for r in public["results"])
    agent = client.get("/v1/search", params={"q": "toestelnummer vergunningen doorverbinden"},
                       headers={"X-API-Key": AGENT_KEY}).json()
    assert any(r["internal"] and r["article_id"] == "doorverbindlijst" for r in agent["results"])
    assert [r["rank"] for r in agent["results"]] == list(range(1, len(agent["results"]) + 1))


def test_reference_documents_never_reach_the_public(client):
    public = client.get("/v1/search", params={"q": "visie op dienstverlening", "references": "true"}).json()
    assert all(r["source"] == "article" and not r["internal"] for r in public["results"])


def test_public_article_shows_public_sections_only(client):
    public = client.get("/v1/articles/paspoort-aanvragen").json()
    agent = client.get("/v1/articles/paspoort-aanvragen", headers={"X-API-Key": AGENT_KEY}).json()
    assert not any(s["internal"] for s in public["sections"])
    assert any(s["internal"] for s in agent["sections"])
    assert len(agent["sections"]) == len(public["sections"]) + 1
    assert public["version"] == agent["version"]


def test_internal_article_is_not_found_for_the_public(client):
    response = client.get("/v1/articles/doorverbindlijst")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "article_not_found"
    assert client.get("/v1/articles/doorverbindlijst", headers={"X-API-Key": AGENT_KEY}).status_code == 200


def test_health_and_openapi(client, sample_runtime):
    health = client.get("/health").json()
    assert health["status"] == "ok" and health["store"] == "qdrant-edge"
    assert health["articles"] >= 60 and health["indexed_chunks"] == sample_runtime.store.count()
    spec = client.get("/openapi.json").json()
    assert {"/v1/answer", "/v1/search", "/v1/articles/{article_id}", "/health"} <= set(spec["paths"])


def test_editor_can_reindex_while_the_api_runs(client):
    response = client.post("/v1/admin/reindex", headers={"X-API-Key": EDITOR_KEY})
    assert response.status_code == 200
    assert response.json()["articles"].startswith("Niets veranderd")


def test_chat_page_is_served_with_a_strict_policy(client):
    page = client.get("/chat")
    assert page.status_code == 200 and 'lang="nl"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/chat.js").status_code == 200
