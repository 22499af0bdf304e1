"""Incremental ingest on both store backends, with the real default embedder."""

from __future__ import annotations

from ingest.index_view import read_index
from ingest.pipeline import Indexer
from kb.loader import load_kb
from tests.conftest import SMALL_KB, article_text


def sync(indexer, folder):
    return indexer.sync(load_kb(folder).articles)


def test_first_ingest_adds_every_article(store, counting_embedder, small_kb):
    report = sync(Indexer(store, counting_embedder), small_kb)
    assert sorted(report.added) == ["doorverbindlijst", "grofvuil", "paspoort"]
    assert report.chunks_embedded == 6 == store.count()
    assert set(read_index(store).hashes) == {"doorverbindlijst", "grofvuil", "paspoort"}


def test_second_ingest_without_change_embeds_nothing(store, counting_embedder, small_kb):
    indexer = Indexer(store, counting_embedder)
    sync(indexer, small_kb)
    counting_embedder.document_texts.clear()
    report = sync(indexer, small_kb)
    assert counting_embedder.document_texts == []
    assert report.chunks_embedded == 0
    assert sorted(report.unchanged) == ["doorverbindlijst", "grofvuil", "paspoort"]
    assert report.summary().startswith("Niets veranderd")


def test_editing_one_article_re_embeds_only_that_article(store, counting_embedder, small_kb):
    indexer = Indexer(store, counting_embedder)
    sync(indexer, small_kb)
    before = read_index(store).hashes
    counting_embedder.document_texts.clear()
    (small_kb / "grofvuil.md").write_text(SMALL_KB["grofvuil"].replace("€ 25", "€ 27,50"), encoding="utf-8")
    report = sync(indexer, small_kb)
    assert report.changed == ["grofvuil"] and report.added == [] and report.removed == []
    assert len(counting_embedder.document_texts) == 2
    assert all(t.startswith("Grofvuil laten ophalen") for t in counting_embedder.document_texts)
    after = read_index(store).hashes
    assert after["grofvuil"] != before["grofvuil"]
    assert after["paspoort"] == before["paspoort"]
    assert store.count() == 6  # the old version's chunks are gone


def test_deleted_article_leaves_the_index(store, counting_embedder, small_kb):
    indexer = Indexer(store, counting_embedder)
    sync(indexer, small_kb)
    (small_kb / "grofvuil.md").unlink()
    report = sync(indexer, small_kb)
    assert report.removed == ["grofvuil"]
    assert "grofvuil" not in read_index(store).hashes
    assert store.count() == 4


def test_new_version_is_written_before_the_old_one_is_deleted(store, counting_embedder, small_kb):
    calls: list[tuple[str, str]] = []

    class Recording:
        def __getattr__(self, name):
            return getattr(store, name)

        def write(self, documents):
            calls.extend(("write", d.meta["article_id"]) for d in documents)
            return store.write(documents)

        def delete_article_versions(self, article_id, keep_hash):
            calls.append(("delete", article_id))
            return store.delete_article_versions(article_id, keep_hash)

    indexer = Indexer(Recording(), counting_embedder)
    sync(indexer, small_kb)
    calls.clear()
    (small_kb / "paspoort.md").write_text(SMALL_KB["paspoort"].replace("84,45", "85,00"), encoding="utf-8")
    sync(indexer, small_kb)
    assert calls.index(("write", "paspoort")) < calls.index(("delete", "paspoort"))


def test_scope_keeps_other_sources_untouched(store, counting_embedder, small_kb, tmp_path):
    indexer = Indexer(store, counting_embedder)
    sync(indexer, small_kb)
    other = tmp_path / "other"
    other.mkdir()
    (other / "ref-beleid.md").write_text(article_text("ref-beleid", "Beleid", "## Deel 1\nTekst."), encoding="utf-8")
    report = indexer.sync(load_kb(other).articles, scope=lambda i: i.startswith("ref-"))
    assert report.added == ["ref-beleid"] and report.removed == []
    assert {"paspoort", "grofvuil", "doorverbindlijst", "ref-beleid"} == set(read_index(store).hashes)


def test_a_leftover_version_is_deleted_without_embedding_again(store, counting_embedder, small_kb):
    """A run killed between writing and deleting leaves two versions; the next run keeps the one that answers,
    deletes the other and says so, embedding nothing (tests/ingest/test_crash_safety.py kills real runs)."""
    indexer = Indexer(store, counting_embedder)
    sync(indexer, small_kb)
    (small_kb / "grofvuil.md").write_text(SMALL_KB["grofvuil"].replace("€ 25", "€ 27,50"), encoding="utf-8")
    edited = {a.id: a for a in load_kb(small_kb).articles}["grofvuil"]
    indexer._index([edited])  # written, not yet cleaned up: the state a kill leaves
    assert len(read_index(store).versions["grofvuil"]) == 2
    counting_embedder.document_texts.clear()
    report = sync(indexer, small_kb)
    assert report.repaired == ["grofvuil"] and report.changed == [] and counting_embedder.document_texts == []
    assert "Hersteld na een onderbroken indexering: 1 artikel (grofvuil)" in report.summary()
    assert read_index(store).clean("grofvuil", edited.hash) and store.count() == 6


def test_a_sync_given_the_index_as_read_reads_nothing_decides_the_same_and_leaves_that_view_whole(
        store, counting_embedder, small_kb, monkeypatch):
    """A re-index reads the index once for its two syncs (articles, reference documents)."""
    import pytest

    import ingest.pipeline

    indexer = Indexer(store, counting_embedder)
    sync(indexer, small_kb)
    (small_kb / "grofvuil.md").write_text(SMALL_KB["grofvuil"].replace("€ 25", "€ 27,50"), encoding="utf-8")
    view = read_index(store)
    monkeypatch.setattr(ingest.pipeline, "read_index", lambda *a: pytest.fail("the index was read again"))
    report = indexer.sync(load_kb(small_kb).articles, view=view)
    assert report.changed == ["grofvuil"] and sorted(report.unchanged) == ["doorverbindlijst", "paspoort"]
    assert sorted(view.articles) == ["doorverbindlijst", "grofvuil", "paspoort"]  # the caller's, still whole
