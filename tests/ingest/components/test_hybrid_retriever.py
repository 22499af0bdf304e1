from __future__ import annotations

from dataclasses import replace

import pytest
from haystack import Document

from ingest.components.hybrid_retriever import HybridRetriever
from ingest.stores.base import QueryOptions, StoreFilter


class RecordingStore:
    def __init__(self):
        self.options: list[QueryOptions] = []
        self.calls = 0

    def query_ids_many(self, vectors, options):
        self.calls += 1
        self.options.extend(options)
        return [[] for _ in options]

    def fetch(self, point_ids):
        return {}


@pytest.mark.parametrize("kwargs", [{"mode": "fuzzy"}, {"top_k": 0}, {"rrf_k": 0}, {"prefetch_limit": 0},
                                    {"fusion": "max"}])
def test_init_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        HybridRetriever(RecordingStore(), **kwargs)


def test_run_overrides_and_never_prefetches_less_than_it_returns():
    store = RecordingStore()
    retriever = HybridRetriever(store, top_k=5, prefetch_limit=20, rrf_k=7)
    retriever.run(query_embedding=[0.1], top_k=40, mode="dense")
    assert [(o.mode, o.limit) for o in store.options] == [("dense", 40)]
    retriever.run(query_embedding=[0.1], top_k=40, mode="hybrid")
    assert [(o.mode, o.limit) for o in store.options[1:]] == [("sparse", 40), ("dense", 40)]
    with pytest.raises(ValueError):
        retriever.run(query_embedding=[0.1], mode="fuzzy")


def test_run_many_asks_each_branch_once_with_the_same_filter_in_one_call():
    store = RecordingStore()
    retriever = HybridRetriever(store, prefetch_limit=20)
    found = retriever.run_many([0.1], None, StoreFilter(audiences=("public",)),
                               [("hybrid", 10), ("dense", 1), ("sparse", 1)])
    assert found == [[], [], []]
    assert store.calls == 1
    assert [(o.mode, o.limit) for o in store.options] == [("sparse", 20), ("dense", 20)]
    assert all(o.filter.audiences == ("public",) for o in store.options)


class ListStore:
    """Returns fixed branch lists, in the order given (a store may order equal scores either way); its payloads
    are the documents themselves, less any ``deleted`` since the query."""

    def __init__(self, sparse, dense, deleted=()):
        self.lists = {"sparse": sparse, "dense": dense}
        self.deleted = set(deleted)
        self.fetched: list[list[str]] = []

    def query_ids_many(self, vectors, options):
        return [[(d.id, d.score) for d in self.lists[o.mode][:o.limit]] for o in options]

    def fetch(self, point_ids):
        self.fetched.append(list(point_ids))
        every = {d.id: d for docs in self.lists.values() for d in docs}
        return {i: replace(every[i], score=None) for i in point_ids if i not in self.deleted}


def doc(doc_id: str, score: float) -> Document:
    return Document(id=doc_id, content=f"tekst {doc_id}", score=score)


def test_hybrid_is_fused_as_qdrant_does_with_ties_in_id_order():
    sparse = [doc("a", 9.0), doc("b", 5.0), doc("c", 5.0)]
    dense = [doc("c", 0.9), doc("d", 0.8)]
    found = HybridRetriever(ListStore(sparse, dense), rrf_k=10, dense_weight=2.0, fusion="rrf").run(mode="hybrid",
                                                                                                   top_k=3)
    scores = {d.id: d.score for d in found["documents"]}
    # c: sparse position 2 (b and c tie at 5.0: id order), dense position 0 with weight 2
    assert scores["c"] == pytest.approx(1 / 12 + 2 / 10)
    assert [d.id for d in found["documents"]] == ["c", "d", "a"]  # d: 2/11 = 0.1818 > a: 1/10


@pytest.mark.parametrize("fusion", ["z", "rrf"])
def test_the_same_query_gives_the_same_ranking_whatever_order_the_store_returns_ties_in(fusion):
    sparse = [doc(f"s{i}", 1.0) for i in range(6)]
    dense = [doc(f"s{i}", 0.5) for i in range(6)]
    rankings = set()
    for shift in range(6):
        rotated = HybridRetriever(ListStore(sparse[shift:] + sparse[:shift], dense[::-1]), rrf_k=10, fusion=fusion)
        rankings.add(tuple(d.id for d in rotated.run(mode="hybrid", top_k=4)["documents"]))
    assert len(rankings) == 1


def test_payloads_are_read_once_for_the_kept_hits_only_and_a_deleted_point_is_left_out():
    sparse = [doc(f"s{i}", 10.0 - i) for i in range(8)]
    dense = [doc(f"s{i}", 1.0 - i / 10) for i in (7, 6, 5)]
    store = ListStore(sparse, dense, deleted={"s6"})
    found = HybridRetriever(store, rrf_k=10, prefetch_limit=8, fusion="rrf").run_many(
        [0.1], None, None, [("hybrid", 3), ("sparse", 1)])
    # dense by score: s5, s6, s7; fused: s5 1/15 + 1/10, s6 1/16 + 1/11, s7 1/17 + 1/12 before s0's 1/10;
    # the sparse branch's best is s0
    assert store.fetched == [["s5", "s6", "s7", "s0"]]
    hybrid, best_sparse = found
    assert [d.id for d in hybrid] == ["s5", "s7"]  # s6 was deleted between the query and the payload read
    assert hybrid[0].score == pytest.approx(1 / 15 + 1 / 10)
    assert [d.id for d in best_sparse] == ["s0"] and best_sparse[0].score == 10.0
    assert all(d.content == f"tekst {d.id}" for d in hybrid)


def test_z_fusion_keeps_how_far_ahead_a_branch_is():
    """BM25's first places lie close together; the dense branch's best is far ahead of its others. RRF ranks BM25's
    first first (a tie at the top, broken by id); the standardised scores rank the dense branch's best first."""
    sparse = [doc("a", 10.0), doc("b", 9.9), doc("c", 9.8), doc("d", 9.7)]
    dense = [doc("c", 0.95), doc("a", 0.60), doc("d", 0.59), doc("b", 0.58)]
    rrf = HybridRetriever(ListStore(sparse, dense), fusion="rrf").run(mode="hybrid", top_k=4)["documents"]
    z = HybridRetriever(ListStore(sparse, dense), fusion="z").run(mode="hybrid", top_k=4)["documents"]
    assert [d.id for d in rrf][0] == "a"
    assert [d.id for d in z] == ["c", "a", "b", "d"]
    assert min(d.score for d in z) == 0.0 and all(d.score >= 0.0 for d in z)


def test_z_fusion_weighs_the_dense_branch_and_floors_a_hit_one_branch_missed():
    sparse = [doc("a", 3.0), doc("b", 1.0)]
    dense = [doc("b", 0.9), doc("c", 0.5)]
    # equal weights: a and b each lead one branch by as much (z +1 and -1); c, missed by BM25, gets its floor
    equal = HybridRetriever(ListStore(sparse, dense), fusion="z").run(mode="hybrid", top_k=3)["documents"]
    assert [d.id for d in equal] == ["a", "b", "c"] and equal[0].score == pytest.approx(equal[1].score)
    heavier = HybridRetriever(ListStore(sparse, dense), fusion="z", dense_weight=2.0).run(mode="hybrid", top_k=3)
    assert [d.id for d in heavier["documents"]] == ["b", "a", "c"]
