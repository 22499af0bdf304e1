"""Question variants: kept in the article's front matter as the editor wrote it, parsed, and indexed with the
section they are most about."""

from __future__ import annotations

import pytest

from ingest.components.article_splitter import ArticleSplitter, variant_section
from kb.loader import ArticleError, parse_article
from kcc.editorial.variants import with_question
from tests.conftest import SMALL_KB

PASPOORT = SMALL_KB["paspoort"]


def parse(text: str, tmp_path):
    return parse_article(tmp_path / "paspoort.md", text)[0]


def test_a_question_is_added_to_the_front_matter_and_every_other_line_stays(tmp_path):
    once = with_question(PASPOORT, "Wat kost een reispas voor mijn dochter?")
    twice = with_question(once, "Hoe lang is een paspoort: geldig?")  # a colon: quoted by YAML, not broken
    assert with_question(twice, "wat kost een reispas voor mijn dochter") == twice  # the same wording once
    article = parse(twice, tmp_path)
    assert article.questions == ("Wat kost een reispas voor mijn dochter?", "Hoe lang is een paspoort: geldig?")
    kept = [line for line in twice.splitlines() if not line.startswith(("vragen:", "- "))]
    assert kept == PASPOORT.splitlines()
    assert parse(PASPOORT, tmp_path).hash != article.hash  # a variant is a new version of the article


def test_a_broken_list_of_questions_names_its_line(tmp_path):
    broken = PASPOORT.replace("---\n## ", "vragen: {a: b}\n---\n## ", 1)
    with pytest.raises(ArticleError) as error:
        parse(broken, tmp_path)
    problem = error.value.problems[0]
    assert "vragen" in problem.message and problem.line == broken.splitlines().index("vragen: {a: b}") + 1


def test_a_variant_is_indexed_with_the_section_it_is_about_only(tmp_path):
    article = parse(with_question(PASPOORT, "Hoeveel kost zo'n reispas?"), tmp_path)
    sections = [s.heading for s in article.sections]
    assert sections[variant_section(article, "Hoeveel kost zo'n reispas?")] == "Wat kost het?"
    assert sections[variant_section(article, "Waarvoor dient een reispas?")] == "Wat is het?"  # no shared word
    documents = ArticleSplitter().run(articles=[article])["documents"]
    with_variant = [d.meta["section"] for d in documents if "reispas" in d.content]
    assert with_variant == ["Wat kost het?"]
    assert all(d.meta["questions"] == ["Hoeveel kost zo'n reispas?"] for d in documents)


@pytest.mark.parametrize("broken", ["## Geen front matter\nTekst\n", "---\nid: [kapot\n---\n## K\nT\n",
                                    "---\nid: a\nvragen: een zin\n---\n## K\nT\n", "---\nid: a\n"])
def test_a_variant_is_not_added_to_a_broken_file(broken):
    from kcc.contacts.errors import ContactLogError

    with pytest.raises(ContactLogError) as error:
        with_question(broken, "Wat kost het?")
    assert error.value.code == "article_broken"
