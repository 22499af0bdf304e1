"""One size of ``kcc bench``, in its own process (so peak memory is this size's own): make the synthetic KB,
ingest it with the time split between embedder, store and the rest, time the start-up and retrieval, profile
the answer path, and compare with qdrant-client's local mode and in-process BM25 (``bm25s``) on the same data.

Run by :mod:`eval.bench`; prints one JSON object::

    python -m eval.bench_size --size 1000 --work /tmp/bench/1000 --embed all
"""

from __future__ import annotations

import hashlib
import json
import re
import resource
import shutil
import statistics
import time
from pathlib import Path

import click
import numpy as np
from haystack import Document

from eval.synthetic import questions, synthetic_articles, write_kb
from ingest.embedders import DenseEmbedder, make_embedder
from kb.loader import load_kb
from kcc.settings import Settings

CANONICAL = re.compile(r"\(wijk [^)]*\)|\bwijk \S+|\d", re.IGNORECASE)


def percentiles(seconds: list[float]) -> dict[str, float]:
    ms = np.array(seconds) * 1000 if seconds else np.zeros(1)
    return {"p50_ms": round(float(np.percentile(ms, 50)), 2), "p95_ms": round(float(np.percentile(ms, 95)), 2),
            "max_ms": round(float(ms.max()), 2)}


STORE_QUERIES = ("query", "query_many", "query_ids_many", "fetch")  # every way the answer path reads the store


class Timed:
    """Wraps an object and adds the wall time of the named methods to ``seconds``."""

    def __init__(self, inner: object, names: tuple[str, ...]):
        self._inner, self._names, self.seconds = inner, names, 0.0

    def __getattr__(self, name: str):
        attr = getattr(self._inner, name)
        if name not in self._names:
            return attr

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return attr(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
        return timed


class ReuseEmbedder:
    """For the sizes where embedding every synthetic chunk would take hours on this machine: a chunk with the
    same text as another but for its district and numbers gets that chunk's vector (embedded for real once),
    with a small deterministic jitter so no two vectors are equal. Questions are embedded for real."""

    def __init__(self, real: DenseEmbedder):
        self.real, self.spec, self.dim = real, real.spec, real.dim
        self.cache: dict[str, np.ndarray] = {}
        self.embedded = 0

    def warm_up(self) -> None:
        self.real.warm_up()

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.real.embed_queries(texts)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        keys = [CANONICAL.sub("", t) for t in texts]
        missing = [k for k in dict.fromkeys(keys) if k not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.real.embed_documents(missing), strict=True))
            self.embedded += len(missing)
        out = []
        for text, key in zip(texts, keys, strict=True):
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            vector = self.cache[key] + np.random.default_rng(seed).normal(0, 0.01, self.dim).astype(np.float32)
            out.append(vector / np.linalg.norm(vector))
        return np.array(out, dtype=np.float32)


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


LOCAL_MODE_MAX_CHUNKS = 60_000  # qdrant-client's local mode scans every point in Python: 0.1 s a query at 1,600
LOCAL_MODE_QUESTIONS = 20


def compare_stores(runtime, asked: list[str], docs: list) -> dict:
    """The same chunks and questions in qdrant-client's local mode and in bm25s, next to Qdrant Edge."""
    import bm25s
    import Stemmer

    from ingest.stores.base import QueryOptions, QueryVectors
    from ingest.stores.qdrant_server import QdrantServerStore
    from kcc.search import audience_filter

    searcher = runtime.searcher
    retrievals = searcher.retrieve_many(asked, top_k=1)
    vectors = [QueryVectors(dense=r.dense, sparse=r.sparse) for r in retrievals]
    options = QueryOptions(mode="hybrid", limit=10, filter=audience_filter("public"))
    out = {}
    edge = []
    for v in vectors:
        start = time.perf_counter()
        runtime.store.query(v, options)
        edge.append(time.perf_counter() - start)
    out["qdrant_edge"] = percentiles(edge)
    fused = []  # what the product does: both branch lists from the store, fused in the retriever
    for retrieval in retrievals:
        start = time.perf_counter()
        searcher.requery(retrieval, top_k=10)
        fused.append(time.perf_counter() - start)
    out["retriever_fused"] = percentiles(fused)
    if len(docs) <= LOCAL_MODE_MAX_CHUNKS and all(d.embedding is not None for d in docs):
        local = QdrantServerStore(dim=runtime.embedder.dim, index="bench", location=":memory:")
        start = time.perf_counter()
        for i in range(0, len(docs), 512):
            local.write(docs[i:i + 512])
        loaded = time.perf_counter() - start
        times = []
        for v in vectors[:LOCAL_MODE_QUESTIONS]:
            start = time.perf_counter()
            local.query(v, options)
            times.append(time.perf_counter() - start)
        out["qdrant_local_mode"] = {**percentiles(times), "load_s": round(loaded, 1)}
        local.close()
    stemmer = Stemmer.Stemmer("dutch")
    public = [d.content for d in docs if d.meta.get("audience") == "public"]
    start = time.perf_counter()
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(public, stopwords="nl", stemmer=stemmer, show_progress=False),
                    show_progress=False)
    indexed = time.perf_counter() - start
    times = []
    for question in asked:
        start = time.perf_counter()
        retriever.retrieve(bm25s.tokenize([question], stopwords="nl", stemmer=stemmer, show_progress=False),
                           k=10, show_progress=False)
        times.append(time.perf_counter() - start)
    out["bm25s_in_process"] = {**percentiles(times), "load_s": round(indexed, 1)}
    return out


def answer_profile(service, asked: list[str], embedder: Timed, store: Timed) -> dict:
    """CPU of the answer path split into embedding, store queries and the rest (one caller, no cache)."""
    embedder.seconds = store.seconds = 0.0
    cpu = time.process_time()
    start = time.perf_counter()
    for question in asked:
        service.answer(question, channel="web", agent=False)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    n = len(asked)
    return {"cpu_ms_per_answer": round(cpu / n * 1000, 1), "embedder_ms": round(embedder.seconds / n * 1000, 1),
            "store_ms": round(store.seconds / n * 1000, 1),
            "rest_ms": round((wall - embedder.seconds - store.seconds) / n * 1000, 1)}


@click.command()
@click.option("--size", type=int, required=True)
@click.option("--work", type=click.Path(path_type=Path), required=True)
@click.option("--source", type=click.Path(path_type=Path, exists=True), default=Path("kb/articles"))
@click.option("--embed", type=click.Choice(["all", "reuse"]), default="all")
@click.option("--questions", "count", type=int, default=200)
@click.option("--compare/--no-compare", default=True)
def main(size: int, work: Path, source: Path, embed: str, count: int, compare: bool) -> None:
    from kcc.runtime import Runtime

    articles = synthetic_articles(load_kb(source).articles, size)
    kb_dir = write_kb(articles, work / "kb")
    asked = questions(articles, count)
    (work / "questions.json").write_text(json.dumps(asked, ensure_ascii=False), encoding="utf-8")
    settings = Settings(kb_dir=kb_dir, data_dir=work / "data", qdrant_url=None, out_of_scope_file=None,
                        answer_cache_size=0)
    real = make_embedder(settings.embedder)
    inner = ReuseEmbedder(real) if embed == "reuse" else real
    embedder = Timed(inner, ("embed_documents", "embed_queries"))
    result: dict = {"size": size, "embed": embed}
    runtime = Runtime(settings, embedder=embedder)
    store = Timed(runtime.store, ("write", "delete_article_versions", *STORE_QUERIES, "scroll_meta"))
    runtime.store = store
    written: list = []
    write = store._inner.write

    def tee(documents):  # keep the chunks for the comparison with other stores (vectors only while needed)
        keep_vectors = compare and len(written) + len(documents) <= LOCAL_MODE_MAX_CHUNKS
        written.extend(d if keep_vectors else Document(content=d.content, meta={"audience": d.meta["audience"]})
                       for d in documents)
        return write(documents)
    store._inner.write = tee
    calibrate = runtime.calibrate
    calibration_s = 0.0
    in_calibration = [0.0, 0.0]  # embedder and store seconds spent by the calibration, not the indexing

    def timed_calibrate(*args, **kwargs):
        nonlocal calibration_s
        begun, embedded, stored = time.perf_counter(), embedder.seconds, store.seconds
        try:
            return calibrate(*args, **kwargs)
        finally:
            calibration_s += time.perf_counter() - begun
            in_calibration[0] += embedder.seconds - embedded
            in_calibration[1] += store.seconds - stored
    runtime.calibrate = timed_calibrate
    start = time.perf_counter()
    outcome = runtime.ingest()
    total = time.perf_counter() - start
    chunks = outcome.articles.chunks_embedded
    indexing = total - calibration_s
    embed_s, store_s = embedder.seconds - in_calibration[0], store.seconds - in_calibration[1]
    result["ingest"] = {
        "articles": size, "chunks": chunks, "seconds": round(total, 1), "calibration_s": round(calibration_s, 1),
        "chunks_per_s": round(chunks / indexing, 1) if indexing else 0.0,
        "embedder_s": round(embed_s, 1), "store_s": round(store_s, 1),
        "rest_s": round(indexing - embed_s - store_s, 1),
        "embedded_for_real": inner.embedded if isinstance(inner, ReuseEmbedder) else chunks,
        "peak_mb": peak_mb()}
    runtime.close()
    snapshots = runtime.snapshot_dir
    kept = snapshots.with_name(snapshots.name + ".kept")
    shutil.move(snapshots, kept)  # a cold start first: no snapshot of this KB version (it is written again)
    start = time.perf_counter()
    with Runtime(settings, embedder=embedder) as cold:
        cold.answer_service()
    result["startup_cold_s"] = round(time.perf_counter() - start, 2)
    shutil.rmtree(snapshots)
    shutil.move(kept, snapshots)
    start = time.perf_counter()
    runtime = Runtime(settings, embedder=embedder)  # start-up: open the index, its calibration and snapshot
    service = runtime.answer_service()
    result["startup_s"] = round(time.perf_counter() - start, 2)
    store = Timed(runtime.store, STORE_QUERIES)
    runtime.store = store
    service.searcher._retriever.store = store
    times = []
    for question in asked:
        begun = time.perf_counter()
        runtime.searcher.retrieve(question, top_k=10)
        times.append(time.perf_counter() - begun)
    result["retrieval"] = percentiles(times)
    service.searcher.forget_vectors()  # the retrieval above asked the same questions: time their embedding too
    result["answer_profile"] = answer_profile(service, asked[:100], embedder, store)
    if compare:
        result["compare"] = compare_stores(runtime, asked[:100], written)
    result["peak_mb"] = peak_mb()
    runtime.close()
    result["median_question_words"] = statistics.median(len(q.split()) for q in asked)
    click.echo(json.dumps(result))


if __name__ == "__main__":
    main()
