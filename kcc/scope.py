"""Questions editors marked as out of scope ("buiten bereik"): the no-guessing rule's explicit half.

The calibrated confidence (kcc.calibration) judges how well the KB answers a question. Some questions look
municipal to an embedder yet are not the municipality's business ("Hoe vraag ik een visum voor Amerika
aan?" lands near the passport articles). Editors list such questions, one per line, in a text file;
a question that is a near-paraphrase of a listed example, and closer to it than to any KB section, gets
no answer. Adding a line is how an editor stops the chatbot from answering a kind of question.

Usage::

    examples = OutOfScopeExamples.from_file(Path("kb/buiten-bereik.txt"), embedder)
    similarity, example = examples.nearest(query_vector)
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ingest.embedders import DenseEmbedder, embedder_identity

if TYPE_CHECKING:
    from kcc.settings import Settings


def load_examples(path: Path) -> list[str]:
    """The example questions in ``path``: one per line; blank lines and ``#`` comments are skipped.

    :raises OSError: when the file cannot be read.
    """
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


log = logging.getLogger("kcc.scope")


def vector_cache(settings: Settings) -> Path:
    """Where ``embed_questions`` keeps vectors between starts: ``KCC_VECTOR_CACHE_DIR``, else in the data folder,
    beside the index."""
    return settings.vector_cache_dir or settings.data_dir / "vectors"


_MEMORY: OrderedDict[str, np.ndarray] = OrderedDict()  # the last few lists' vectors, whatever folder they came from
_MEMORY_LOCK = threading.Lock()
MEMORY_LISTS = 8


def embed_questions(embedder: DenseEmbedder, questions: tuple[str, ...], folder: Path | None = None) -> np.ndarray:
    """The questions' query vectors, kept per process by the list's text and the embedder (every app and every
    KB version on the same runtime shares them) and, with ``folder``, on disk: a start does not embed the
    out-of-scope examples, the referral guide and the product catalogue again (seconds of every start)."""
    key = hashlib.sha256("\n".join([embedder_identity(embedder), *questions]).encode("utf-8")).hexdigest()
    with _MEMORY_LOCK:
        if key in _MEMORY:
            _MEMORY.move_to_end(key)
            return _MEMORY[key]
    vectors = _load_or_embed(embedder, questions, key, folder)
    vectors.setflags(write=False)  # shared by every caller
    with _MEMORY_LOCK:
        _MEMORY[key] = vectors
        while len(_MEMORY) > MEMORY_LISTS:
            _MEMORY.popitem(last=False)
    return vectors


def forget_vectors() -> None:
    """Drop the vectors kept in this process (as a new process starts: from the disk, else embedded)."""
    with _MEMORY_LOCK:
        _MEMORY.clear()


def _load_or_embed(embedder: DenseEmbedder, questions: tuple[str, ...], key: str, folder: Path | None) -> np.ndarray:
    if folder is None:
        return np.asarray(embedder.embed_queries(list(questions)), dtype=np.float32)
    path = folder / f"{key[:32]}.npy"
    try:
        vectors = np.load(path, allow_pickle=False)
        if vectors.shape == (len(questions), embedder.dim) and vectors.dtype == np.float32:
            return vectors
    except (OSError, ValueError):
        pass  # not there yet, or unreadable: embedded again below
    vectors = np.asarray(embedder.embed_queries(list(questions)), dtype=np.float32)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npy")
        np.save(partial, vectors, allow_pickle=False)
        partial.replace(path)
    except OSError as exc:  # a read-only data folder: embedded again at the next start, nothing lost
        log.warning("could not keep the example questions' vectors in %s: %s", folder, exc)
    return vectors


class OutOfScopeExamples:
    """Embedded out-of-scope example questions and a nearest-neighbour look-up."""

    def __init__(self, questions: list[str], embedder: DenseEmbedder, folder: Path | None = None):
        """:param folder: where their vectors are kept between starts (``embed_questions``)."""
        self.questions = list(questions)
        self._index = {q: i for i, q in enumerate(self.questions)}
        self._vectors = embed_questions(embedder, tuple(self.questions), folder) if self.questions else None

    @classmethod
    def from_file(cls, path: Path | None, embedder: DenseEmbedder) -> OutOfScopeExamples:
        return cls(load_examples(path) if path is not None and path.is_file() else [], embedder)

    def nearest(self, query_vector: list[float] | np.ndarray, exclude: str | None = None) -> tuple[float, str | None]:
        """The cosine of the closest example (vectors are normalised) and its text; ``(0.0, None)`` when empty.

        :param exclude: an example to leave out (when the query is that example itself)."""
        if self._vectors is None:
            return 0.0, None
        scores = self._vectors @ np.asarray(query_vector, dtype=np.float32)
        if exclude is not None and exclude in self._index:
            scores = scores.copy()
            scores[self._index[exclude]] = -1.0
        best = int(np.argmax(scores))
        return float(scores[best]), self.questions[best]
