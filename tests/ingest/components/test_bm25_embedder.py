from __future__ import annotations

from haystack import Document

from ingest.components.bm25_embedder import Bm25DocumentEmbedder, Bm25TextEmbedder


def test_dutch_analyser_stems_and_drops_stop_words():
    embed = Bm25TextEmbedder(language="dutch")
    plural = set(embed.run(text="aanvragen")["sparse_embedding"].indices)
    singular = set(embed.run(text="aanvraag")["sparse_embedding"].indices)
    assert plural == singular
    assert embed.run(text="de het een")["sparse_embedding"].indices == []


def test_documents_get_a_sparse_vector_and_keep_the_rest():
    doc = Document(id="x", content="Een paspoort aanvragen bij de gemeente", meta={"a": 1})
    out = Bm25DocumentEmbedder().run(documents=[doc])["documents"][0]
    assert out.id == "x" and out.meta == {"a": 1} and out.content == doc.content
    assert len(out.sparse_embedding.indices) == len(out.sparse_embedding.values) >= 3
    assert all(v > 0 for v in out.sparse_embedding.values)


def test_a_contraction_leaves_no_lone_letter_to_match_any_text():
    embed = Bm25TextEmbedder(language="dutch")
    document = set(Bm25DocumentEmbedder().run(documents=[Document(content="Geldig t/m 31 december, zone B")])[
        "documents"][0].sparse_embedding.indices)
    question = set(embed.run(text="wat kost zo'n pas voor m'n zoon")["sparse_embedding"].indices)
    zoon = set(embed.run(text="zoon")["sparse_embedding"].indices)  # Snowball stems "zone" like "zoon"
    assert zoon <= question  # the words themselves still count
    assert not question & (document - zoon)  # no "m" or "n" left to match "t/m"


def test_a_plural_with_an_apostrophe_searches_its_word():
    embed = Bm25TextEmbedder(language="dutch")
    assert embed.run(text="auto's")["sparse_embedding"].indices == embed.run(text="auto")["sparse_embedding"].indices
    assert embed.run(text="'s avonds")["sparse_embedding"].indices == embed.run(text="avonds")[
        "sparse_embedding"].indices
