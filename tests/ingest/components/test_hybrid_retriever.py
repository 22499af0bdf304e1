from __future__ import annotations

import pytest

from ingest.components.hybrid_retriever import HybridRetriever
from ingest.stores.base import QueryOptions


class RecordingStore:
    def __init__(self):
        self.options: list[QueryOptions] = []

    def query_many(self, vectors, options):
        self.options.extend(options)
        return [[] for _ in options]


@pytest.mark.parametrize("kwargs", [{"mode": "fuzzy"}, {"top_k": 0}, {"rrf_k": 0}, {"prefetch_limit": 0}])
def test_init_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        HybridRetriever(RecordingStore(), **kwargs)


def test_run_overrides_and_never_prefetches_less_than_it_returns():
    store = RecordingStore()
    retriever = HybridRetriever(store, top_k=5, prefetch_limit=20, rrf_k=7)
    retriever.run(query_embedding=[0.1], top_k=40, mode="dense")
    options = store.options[-1]
    assert (options.limit, options.prefetch_limit, options.rrf_k, options.mode) == (40, 40, 7, "dense")
    with pytest.raises(ValueError):
        retriever.run(query_embedding=[0.1], mode="fuzzy")


def test_run_many_sends_every_request_with_the_same_filter_in_one_call():
    store = RecordingStore()
    retriever = HybridRetriever(store, prefetch_limit=20)
    found = retriever.run_many([0.1], None, None, [("hybrid", 10), ("dense", 1), ("sparse", 1)])
    assert found == [[], [], []]
    assert [(o.mode, o.limit) for o in store.options] == [("hybrid", 10), ("dense", 1), ("sparse", 1)]
