from datetime import date
from pathlib import Path

import pytest

from kb.lint import lint_kb
from kb.loader import ArticleError, load_article, load_kb

GOOD = """---
id: {id}
title: Paspoort aanvragen
type: product
upl: Paspoort
audience: public
owner: Burgerzaken
reviewed: 2026-03-01
keywords: [reisdocument, pas]
url: https://www.lindewaard.nl/paspoort
---
## Wat is het?
Een paspoort is een reisdocument.

## Wat kost het?
Een paspoort kost € 84,45.

## Interne informatie (alleen KCC)
Spoed: toestel 4101.
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_parses_front_matter_and_sections(tmp_path):
    article, warnings = load_article(write(tmp_path, "paspoort.md", GOOD.format(id="paspoort")))
    assert warnings == []
    assert (article.id, article.type, article.audience, article.owner) == ("paspoort", "product", "public",
                                                                           "Burgerzaken")
    assert article.reviewed == date(2026, 3, 1)
    assert article.keywords == ("reisdocument", "pas")
    assert [s.heading for s in article.sections] == ["Wat is het?", "Wat kost het?", "Interne informatie (alleen KCC)"]
    assert [s.internal for s in article.sections] == [False, False, True]
    assert article.sections[1].body == "Een paspoort kost € 84,45."
    assert article.sections[1].line == 15
    assert [s.heading for s in article.public_sections] == ["Wat is het?", "Wat kost het?"]


def test_hash_is_stable_and_tracks_content(tmp_path):
    a, _ = load_article(write(tmp_path, "paspoort.md", GOOD.format(id="paspoort")))
    b, _ = load_article(write(tmp_path, "copy.md", GOOD.format(id="paspoort")))
    c, _ = load_article(write(tmp_path, "changed.md", GOOD.format(id="paspoort").replace("84,45", "84,50")))
    assert a.hash == b.hash  # same content, other file: same hash
    assert a.hash != c.hash
    assert a.sections[0].hash == c.sections[0].hash  # untouched section keeps its hash
    assert a.sections[1].hash != c.sections[1].hash


def test_wholly_internal_article_marks_every_section_internal(tmp_path):
    text = GOOD.format(id="lijst").replace("audience: public", "audience: internal")
    article, _ = load_article(write(tmp_path, "lijst.md", text))
    assert article.internal
    assert article.public_sections == ()
    assert len(article.internal_sections) == 3


@pytest.mark.parametrize(
    ("name", "text", "line", "fragment"),
    [
        ("yaml.md", "---\nid: x\ntitle: [kapot\ntype: vac\n---\n## A\nb\n", 3, "geen geldige YAML"),
        ("noid.md", "---\ntitle: T\ntype: vac\naudience: public\nowner: KCC\n---\n## A\nb\n", 1, "'id'"),
        ("notitle.md", "---\nid: notitle\ntitle: ''\ntype: vac\naudience: public\nowner: KCC\n---\n## A\nb\n", 3,
         "'title'"),
        ("aud.md", "---\nid: aud\ntitle: T\ntype: vac\naudience: everyone\nowner: KCC\n---\n## A\nb\n", 5,
         "onbekende audience 'everyone'"),
        ("empty.md", "---\nid: empty\ntitle: T\ntype: vac\naudience: public\nowner: KCC\n---\n\n  \n", 8,
         "geen tekst"),
        ("colon.md", "---\nid: colon\ntitle: Paspoort: aanvragen\ntype: vac\n---\n## A\nb\n", 3, "geen geldige YAML"),
        ("nofront.md", "## A\nb\n", 1, "front matter ontbreekt"),
        ("date.md",
         "---\nid: date\ntitle: T\ntype: vac\naudience: public\nowner: KCC\nreviewed: gisteren\n---\n## A\nb\n",
         7, "geen datum"),
    ],
)
def test_bad_article_names_file_line_and_fix(tmp_path, name, text, line, fragment):
    path = write(tmp_path, name, text)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    problem = info.value.problems[0]
    assert problem.path == path
    assert problem.line == line
    assert fragment in problem.message
    assert problem.fix
    assert f"{path}:{line}:" in str(problem)


def test_non_utf8_reports_the_line(tmp_path):
    text = GOOD.format(id="latin").encode("utf-8").replace("€ 84,45".encode(), "84,45 \xe9".encode("latin-1"))
    path = write(tmp_path, "latin.md", text)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert "UTF-8" in info.value.problems[0].message
    assert info.value.problems[0].line == 16


def test_one_bad_file_never_stops_the_rest(tmp_path):
    write(tmp_path, "a.md", GOOD.format(id="a"))
    write(tmp_path, "b.md", "---\nid: b\ntitle: [\n---\n## X\ny\n")
    write(tmp_path, "c.md", GOOD.format(id="c"))
    write(tmp_path, "d.md", GOOD.format(id="a"))  # duplicate id
    result = load_kb(tmp_path)
    assert sorted(a.id for a in result.articles) == ["a", "c"]
    assert len(result.errors) == 2
    assert any("b.md" in str(e) and "YAML" in e.message for e in result.errors)
    duplicate = next(e for e in result.errors if "d.md" in str(e.path))
    assert "a.md" in duplicate.message


def test_warnings_do_not_block(tmp_path):
    text = GOOD.format(id="other-id").replace("## Wat kost het?\n", "## Leeg\n\n## Wat kost het?\n")
    write(tmp_path, "file-name.md", text)
    result = load_kb(tmp_path)
    assert [a.id for a in result.articles] == ["other-id"]
    messages = " ".join(w.message for w in result.warnings)
    assert "bestandsnaam" in messages and "'Leeg' is leeg" in messages


def test_lint_flags_overdue_review_and_long_sentences(tmp_path):
    long_sentence = " ".join(["woord"] * 30) + "."
    write(tmp_path, "a.md", GOOD.format(id="a").replace("Een paspoort is een reisdocument.", long_sentence))
    result = lint_kb(tmp_path, review_months=6, today=date(2026, 11, 1))
    messages = [w.message for w in result.warnings]
    assert any("8 maanden geleden" in m for m in messages)
    assert any("lange zin (30 woorden)" in m for m in messages)
    fresh = lint_kb(tmp_path, review_months=12, today=date(2026, 11, 1))
    assert not any("maanden geleden" in w.message for w in fresh.warnings)


def test_sample_kb_loads_clean():
    result = load_kb(Path(__file__).resolve().parents[2] / "kb" / "articles")
    assert result.errors == []
    assert len(result.articles) >= 60
    assert sum(1 for a in result.articles if a.internal) >= 3
    assert sum(1 for a in result.articles if not a.internal and a.internal_sections) >= 12
