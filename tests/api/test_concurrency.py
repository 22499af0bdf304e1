"""Many callers at once and a re-index in the middle: nothing blocks, nothing changes under a caller's feet."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

from tests.api.conftest import EDITOR_KEY, ask
from tests.conftest import REPO
from tests.kcc.other_kb import OTHER_KB

EDITOR = {"X-API-Key": EDITOR_KEY}
QUESTION = "Wat kost de hondenbelasting per jaar?"


def gold_questions(n: int) -> list[str]:
    lines = (REPO / "eval" / "gold" / "lindewaard.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines[:n]]


def test_concurrent_answers_equal_sequential_ones(sample_runtime):
    """Store, embedder and answer core shared by 8 threads give what one caller gets, question by question."""
    questions = gold_questions(60)
    settings = sample_runtime.settings.model_copy(update={"answer_cache_size": 0})  # every answer computed
    service = sample_runtime.answer_service(settings)
    sequential = [service.answer(q, channel="web", agent=True) for q in questions]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda q: service.answer(q, channel="web", agent=True), questions * 2))
    for expected, got in zip(sequential * 2, parallel, strict=True):
        assert got.status == expected.status and got.confidence == expected.confidence
        assert (got.answer.id if got.answer else None) == (expected.answer.id if expected.answer else None)
        assert got.internal_notes == expected.internal_notes


def test_a_question_asked_again_comes_from_the_cache_until_the_kb_changes(sample_runtime):
    service = sample_runtime.answer_service()
    first = service.answer("Wat kost een paspoort?", channel="phone", agent=False)
    again = service.answer("Wat  kost een paspoort?", channel="phone", agent=False)
    assert again == first and again is not first  # a copy: a caller changing it cannot change the cache
    assert service.answer("Wat kost een paspoort?", channel="phone", agent=True).internal_notes  # agent: own entry


def test_answers_and_health_go_on_during_a_reindex_and_the_new_version_switches_in_at_once(other_app):
    client, settings, runtime = other_app
    before = ask(client, QUESTION).json()
    assert "€ 78,60" in before["answer"]["markdown"]
    (settings.kb_dir / "hondenbelasting.md").write_text(OTHER_KB["hondenbelasting"].replace("€ 78,60", "€ 81,00"),
                                                        encoding="utf-8")
    # hold the re-index after it wrote the new version (at the calibration), to look at the API meanwhile
    written, release = threading.Event(), threading.Event()
    calibrate = runtime.calibrate

    def held_calibrate(*args, **kwargs):
        written.set()
        assert release.wait(60)
        return calibrate(*args, **kwargs)

    runtime.calibrate = held_calibrate
    with ThreadPoolExecutor(max_workers=1) as pool:
        reindex = pool.submit(client.post, "/v1/admin/reindex", headers=EDITOR)
        assert written.wait(60)
        assert client.get("/health").json()["status"] == "ok"
        during = ask(client, QUESTION).json()
        assert during["answer"]["id"] == before["answer"]["id"]  # the old version, whole and unchanged
        assert client.post("/v1/admin/reindex", headers=EDITOR).status_code == 409  # one re-index at a time
        release.set()
        assert reindex.result(timeout=120).json()["ok"] is True
    after = ask(client, QUESTION).json()
    assert "€ 81,00" in after["answer"]["markdown"] and "€ 78,60" not in after["answer"]["markdown"]
    view = runtime.view()
    assert len(view.versions["hondenbelasting"]) == 1  # the old version is gone once the new one answers
