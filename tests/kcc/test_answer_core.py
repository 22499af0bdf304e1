"""Unit tests of answer composition: section choice, the asked fact first, parts of a question, intents."""

from __future__ import annotations

import pytest

from kb.loader import load_article
from kcc.answer import normalise_question
from kcc.answer_model import QuestionError
from kcc.compose import select_sections
from kcc.extract import best_units, shortest_answer, stem_idf, units
from kcc.intents import Intents, IntentsFileError, tokens
from kcc.multipart import asks, parts_and_scene, split_parts
from kcc.search import SectionHit, by_article
from tests.conftest import SMALL_KB


def hit(article_id: str, section_index: int, section: str, rank: int, audience: str = "public", score: float = 0.9):
    return SectionHit(article_id=article_id, title=article_id, section=section, section_index=section_index,
                      text="", audience=audience, source="article", score=score, rank=rank)


@pytest.fixture
def paspoort(tmp_path):
    path = tmp_path / "paspoort.md"
    path.write_text(SMALL_KB["paspoort"], encoding="utf-8")
    return load_article(path)[0]


@pytest.fixture(scope="module")
def intents():
    return Intents.from_file(None)


@pytest.mark.parametrize(("question", "expected"), [
    ("wat kost een paspoort", ["kosten"]),
    ("Hoeveel moet ik betalen voor mijn ID-kaart?", ["kosten"]),
    ("Wat moet ik meenemen en wat kost het?", ["kosten", "meenemen"]),
    ("Hoe lang duurt het voor mijn rijbewijs klaar is", ["doorlooptijd"]),
    ("ik ben mijn paspoort kwijt", []),
    # what to do next is answered by how to apply, report or pass it on
    ("ben m'n id verloren op vakantie, wat nu", ["aanvragen"]),
    ("Waar meld ik me aan voor hulp?", ["aanvragen"]),
    ("is het te laat om de verhuizing nog te melden?", ["aanvragen"]),
    # Snowball stems "open" to "op": the cue is matched as written, not on every "op"
    ("Is de milieustraat op zaterdag open?", ["openingstijden"]),
    ("Ik woon op de hoek van de straat", []),
    ("Ik ben het niet eens met de aanslag", ["bezwaar"]),
    ("Hoe kan ik daar tegenin gaan?", ["bezwaar"]),
    ("Ik heb onterecht een naheffing gekregen", ["bezwaar"]),
])
def test_intents_are_read_from_the_question_on_stems(intents, question, expected):
    assert [i.name for i in intents.asked(question)] == expected


def test_a_cue_whose_stem_is_a_commoner_word_matches_sentences_as_written(intents):
    (opening,) = [i for i in intents.intents if i.name == "openingstijden"]
    assert opening.matches_sentence(tokens("Het loket is open van 9 tot 12"))
    assert not opening.matches_sentence(tokens("Zet de container op de stoep"))


@pytest.mark.parametrize("heading", ["Wat kost het?", "Tarieven", "Kosten", "Prijzen 2026", "Leges"])
def test_a_price_intent_matches_any_kbs_cost_heading(intents, heading):
    (kosten,) = intents.asked("wat kost dat")
    assert kosten.matches_heading(heading)
    assert not kosten.matches_heading("Voorwaarden")


def test_editors_extend_the_cue_file(tmp_path):
    path = tmp_path / "intenties.yaml"
    path.write_text("afval:\n  vraag: [container]\n  kop: [ophaaldag]\n", encoding="utf-8")
    (afval,) = Intents.from_file(path).asked("Mijn container is niet geleegd")
    assert afval.matches_heading("Ophaaldagen")


def test_a_cue_file_without_question_words_is_refused_in_dutch(tmp_path):
    path = tmp_path / "intenties.yaml"
    path.write_text("afval:\n  kop: [ophaaldag]\n", encoding="utf-8")
    with pytest.raises(IntentsFileError, match="geen lijst 'vraag'"):
        Intents.from_file(path)


def test_price_question_gets_the_cost_section_even_if_another_ranks_first(paspoort, intents):
    hits = [hit("paspoort", 0, "Wat is het?", 1), hit("paspoort", 1, "Wat kost het?", 2)]
    asked = intents.asked("hoeveel moet ik betalen")
    assert [s.heading for s in select_sections(paspoort, hits, asked)] == ["Wat is het?", "Wat kost het?"]
    assert [s.heading for s in select_sections(paspoort, [hits[1]], asked)] == ["Wat kost het?"]


def test_an_articles_block_holds_its_best_sections_however_far_other_articles_rank_between_them(paspoort):
    """Its second section ranked 9th, after other articles' sections: it joins all the same (up to the maximum);
    a block of one section left out the fact of a vague question ("Komt de gemeente dat bij mij thuis halen?")."""
    hits = [hit("paspoort", 0, "Wat is het?", 1), *(hit(f"ander-{i}", 0, "Wat is het?", i) for i in range(2, 9)),
            hit("paspoort", 1, "Wat kost het?", 9)]
    assert [s.heading for s in select_sections(paspoort, hits, [])] == ["Wat is het?", "Wat kost het?"]


def test_internal_sections_are_never_selected_for_the_answer(paspoort):
    hits = [hit("paspoort", 2, "Interne informatie (alleen KCC)", 1, audience="internal")]
    assert all(not s.internal for s in select_sections(paspoort, hits, []))


def test_the_short_answer_is_the_sentence_with_the_asked_fact(paspoort, intents):
    question = "Wat kost een paspoort?"
    short = shortest_answer(question, paspoort.public_sections, intents.asked(question),
                            stem_idf(s.body for s in paspoort.public_sections))
    assert "€ 84,45" in short
    assert len(short.split()) <= 60


def test_the_short_answers_units_name_the_section_they_come_from(paspoort, intents):
    question = "Wat kost een paspoort?"
    public = paspoort.public_sections
    chosen = best_units(question, public, intents.asked(question), stem_idf(s.body for s in public))
    assert chosen and "€ 84,45" in chosen[0].markdown
    assert all(u.markdown in public[u.section].body for u in chosen)


def test_an_article_that_answers_in_two_sections_outranks_one_lucky_section():
    hits = [hit("a", 0, "x", 1, score=0.50), hit("b", 0, "x", 2, score=0.45), hit("b", 1, "y", 3, score=0.30),
            hit("a", 2, "z", 4, score=0.05)]
    ranked = by_article(hits, 0.5)
    assert [(h.article_id, h.rank) for h in ranked] == [("b", 2), ("b", 3), ("a", 1), ("a", 4)]  # ranks kept
    assert by_article(hits, 0.0) == hits  # 0: the best section alone decides
    assert [h.article_id for h in by_article(hits, 0.1)] == ["a", "a", "b", "b"]  # grouped by article


def test_units_keep_tables_and_list_items_whole():
    body = "Eerste zin. Tweede zin.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- punt een\n- punt twee"
    assert [u.markdown for u in units(body, 0)] == ["Eerste zin.", "Tweede zin.", "| a | b |\n|---|---|\n| 1 | 2 |",
                                                     "- punt een", "- punt twee"]


@pytest.mark.parametrize(("question", "parts"), [
    ("Ik ga trouwen en wil daarna Nederlander worden", ["Ik ga trouwen", "wil daarna Nederlander worden"]),
    ("Wat kost een paspoort? En hoe lang duurt een rijbewijs?", ["Wat kost een paspoort?",
                                                                 "hoe lang duurt een rijbewijs?"]),
    ("paspoort of ID-kaart kosten", ["paspoort of ID-kaart kosten"]),
    ("Wat kost een paspoort en wat kost het", ["Wat kost een paspoort en wat kost het"]),
    # "verder" and "daarnaast" join two requests at a clause's start; inside one they are adverbs
    ("Mijn ID-kaart is weg en ik heb verder geen legitimatie", ["Mijn ID-kaart is weg",
                                                                "ik heb verder geen legitimatie"]),
    ("Ik wil een paspoort aanvragen, verder moet mijn rijbewijs verlengd worden",
     ["Ik wil een paspoort aanvragen", "moet mijn rijbewijs verlengd worden"]),
    ("Wat kost een paspoort voor mijzelf plus een ID-kaart voor mijn zoon?",
     ["Wat kost een paspoort voor mijzelf", "een ID-kaart voor mijn zoon?"]),
    # "mijn partner en ik" is one subject of two people at a clause's start, not two requests
    ("Mijn partner en ik willen een eetcafé beginnen. Wat kost de vergunning?",
     ["Mijn partner en ik willen een eetcafé beginnen", "Wat kost de vergunning?"]),
    ("Ik verhuis met mijn man en we willen een parkeervergunning", ["Ik verhuis met mijn man",
                                                                   "we willen een parkeervergunning"]),
    # at most four parts: the rest joins the last
    ("Paspoort kwijt. Rijbewijs verlopen. Verhuizing melden. Grofvuil ophalen. Hondenbelasting betalen.",
     ["Paspoort kwijt", "Rijbewijs verlopen", "Verhuizing melden", "Grofvuil ophalen Hondenbelasting betalen"]),
])
def test_questions_split_into_meaningful_parts(question, parts):
    assert split_parts(question) == parts


SUBJECTS = {"rijbewijs", "verlengen", "id-kaart", "kaart", "puppy", "gekocht", "verhuisd", "trouwen", "hond",
            "hondenbelasting", "paspoort"}


@pytest.mark.parametrize(("part", "asking"), [
    ("Hoe lang duurt dat", True),
    ("Kan ik een betalingsregeling krijgen", True),  # a verb first
    ("tuinafval?", True),
    ("ik ben alleenstaande moeder en wil weten wanneer het geld komt", True),
    ("Ik leef van een klein pensioen", False),
    ("Wij wonen met z'n vieren", False),
    ("Ik kan de aanslag niet in één keer betalen", False),  # "kan" not first: a statement
])
def test_a_part_asks_something_or_only_sets_the_scene(part, asking):
    assert asks(part) is asking


@pytest.mark.parametrize(("question", "parts"), [
    # a question without a subject of its own asks about the parts before it: it is searched with each of them
    ("Ik wil mijn rijbewijs verlengen en ook een nieuwe ID-kaart. Wat kost dat samen?",
     ["Ik wil mijn rijbewijs verlengen: wat kost dat samen?", "ook een nieuwe ID-kaart: wat kost dat samen?"]),
    ("Ik heb een puppy gekocht. Ik ben verhuisd. Waar kan ik terecht?",
     ["Ik heb een puppy gekocht: waar kan ik terecht?", "Ik ben verhuisd: waar kan ik terecht?"]),
    ("Hoeveel hondenbelasting betaal ik? Hoe lang duurt een paspoort? Wat kost dat allebei?",
     ["Hoeveel hondenbelasting betaal ik? Wat kost dat allebei?",
      "Hoe lang duurt een paspoort? Wat kost dat allebei?"]),
    # a question that names its subject, even in common words, is a part of its own
    ("Ik heb een puppy gekocht. En ik ga trouwen, wat kost dat?", ["Ik heb een puppy gekocht",
                                                                   "ik ga trouwen, wat kost dat?"]),
    # a statement says what is needed, even without a subject word: a part of its own
    ("Mijn zoon heeft hulp nodig omdat het thuis niet goed gaat, en we hebben geen geld voor de voetbalclub",
     ["Mijn zoon heeft hulp nodig omdat het thuis niet goed gaat", "we hebben geen geld voor de voetbalclub"]),
    ("Wat kost dat samen?", ["Wat kost dat samen?"]),
])
def test_a_part_without_a_subject_asks_about_the_other_parts(question, parts):
    assert split_parts(question, lambda word: word.lower() in SUBJECTS) == parts
    assert split_parts(question, lambda word: True) == split_parts(question)  # every word a subject: no sharing


@pytest.mark.parametrize(("question", "code"), [("", "empty_question"), ("x" * 501, "question_too_long")])
def test_bad_questions_raise_a_coded_error(question, code):
    with pytest.raises(QuestionError) as info:
        normalise_question(question, 500)
    assert info.value.code == code


@pytest.mark.parametrize(("question", "scene"), [
    ("Wij wonen met z'n vieren. Wat betalen we per jaar voor het ophalen van vuilnis?", ["Wij wonen met z'n vieren"]),
    # a statement in a sentence that asks is one of its requests
    ("Ik ga trouwen en wil daarna Nederlander worden, wat kost dat?", []),
    # statements are the requests when nothing asks, and set the scene beside a question
    ("Ik wil een parkeervergunning en een extra container.", []),
    ("Mijn container is kapot en mijn paspoort is verlopen.", []),
    ("Onze buurtvereniging wil een opruimactie houden. Kunnen we materiaal lenen?",
     ["Onze buurtvereniging wil een opruimactie houden"]),
    # a sentence a question without a subject asks about
    ("Ik wil mijn rijbewijs verlengen en mijn paspoort vernieuwen. Wat kost dat samen?", []),
    # a part that asks in a sentence that does not ("Kan ..." first)
    ("Ik heb een laag inkomen. Kan ik kwijtschelding krijgen. Mijn buurman zegt van wel.",
     ["Ik heb een laag inkomen", "Mijn buurman zegt van wel"]),
])
def test_a_part_whose_sentence_asks_nothing_only_sets_the_scene(question, scene):
    found = parts_and_scene(question, lambda w: len(w) > 6, asks)
    assert [part for part, told in found if told] == scene
    assert [part for part, _ in found] == split_parts(question, lambda w: len(w) > 6)
