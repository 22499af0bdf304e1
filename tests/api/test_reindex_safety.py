"""A broken edit or a missing KB folder never takes an answer away (through /v1/answer, as a resident sees it)."""

from __future__ import annotations

import shutil

import pytest

from ingest.components.article_splitter import ArticleSplitter
from ingest.components.bm25_embedder import Bm25DocumentEmbedder
from ingest.components.dense_embedder import DenseDocumentEmbedder
from kb.loader import load_article
from tests.api.conftest import EDITOR_KEY, ask
from tests.kcc.other_kb import OTHER_KB

EDITOR = {"X-API-Key": EDITOR_KEY}
QUESTION = "Wat kost de hondenbelasting per jaar?"


@pytest.fixture
def app_client(other_app):
    client, settings, _ = other_app
    return client, settings


def test_a_broken_edit_keeps_answering_from_the_last_good_version(app_client):
    client, settings = app_client
    before = ask(client, QUESTION).json()
    assert before["sources"][0]["article_id"] == "hondenbelasting"
    (settings.kb_dir / "hondenbelasting.md").write_text(
        OTHER_KB["hondenbelasting"].replace("title: Hondenbelasting", "title: [Hondenbelasting"), encoding="utf-8")
    result = client.post("/v1/admin/reindex", headers=EDITOR).json()
    assert result["ok"] is False and result["articles"].startswith("Fout:")
    assert any("hondenbelasting.md" in e for e in result["errors"])
    after = ask(client, QUESTION).json()
    assert after["status"] == "answered" and after["answer"]["id"] == before["answer"]["id"]
    assert after["sources"] == before["sources"]
    article = client.get("/v1/articles/hondenbelasting").json()
    assert article["title"] == "Hondenbelasting" and article["version"] == before["sources"][0]["version"]
    found = client.get("/v1/search", params={"q": "hond belasting"}).json()["results"]
    assert found[0]["article_id"] == "hondenbelasting"


@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_a_missing_or_empty_kb_folder_is_refused_and_nothing_is_deleted(app_client, folder):
    client, settings = app_client
    before = ask(client, QUESTION).json()
    chunks = client.get("/health").json()["indexed_chunks"]
    shutil.rmtree(settings.kb_dir)
    if folder == "empty":
        settings.kb_dir.mkdir()
    response = client.post("/v1/admin/reindex", headers=EDITOR)
    assert response.status_code == 409
    assert "Er is niets uit de index verwijderd" in response.json()["error"]["message"]
    assert client.get("/health").json()["indexed_chunks"] == chunks
    assert ask(client, QUESTION).json()["answer"]["id"] == before["answer"]["id"]


def test_search_and_answers_ignore_a_leftover_version_of_an_article(app_client):
    client, settings = app_client
    runtime = client.app.state.kcc.runtime
    # an interrupted re-index left half of another version of the article in the index (not its last chunk)
    path = settings.kb_dir / "hondenbelasting.md"
    path.write_text(OTHER_KB["hondenbelasting"].replace("€ 78,60", "€ 99,99"), encoding="utf-8")
    docs = [d for d in ArticleSplitter().run(articles=[load_article(path)[0]])["documents"] if "99,99" in d.content]
    docs = Bm25DocumentEmbedder().run(documents=docs)["documents"]
    docs = DenseDocumentEmbedder(runtime.embedder).run(documents=docs)["documents"]
    runtime.store.write(docs)
    client.app.state.kcc.service = runtime.answer_service()
    found = client.get("/v1/search", params={"q": "hondenbelasting tarieven per jaar", "limit": 20}).json()["results"]
    assert found and all("99,99" not in r["markdown"] for r in found)
    assert "€ 78,60" in ask(client, QUESTION).json()["answer"]["markdown"]
