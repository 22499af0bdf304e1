"""Greetings, closings and fillers taken off a question (kcc/courtesy.py), with the product's own word file."""

from __future__ import annotations

import pytest

from kcc.courtesy import Courtesy, CourtesyFileError


@pytest.fixture(scope="module")
def courtesy():
    return Courtesy.load()


@pytest.mark.parametrize(("question", "stripped"), [
    # a greeting, who is speaking and a filler at the start; a closing with a name at the end
    ("Goedemorgen, met mevrouw Bakker. Ehm, wanneer komt het oud papier? Groetjes, Sanne",
     "Wanneer komt het oud papier?"),
    ("Hello, goedemorgen, ik kom uit Polen voor werk", "Ik kom uit Polen voor werk"),
    ("Geachte heer/mevrouw, mijn vrouw kan de trap niet meer op. Met vriendelijke groet, Henk de Vries",
     "Mijn vrouw kan de trap niet meer op"),
    ("Dag meneer, ik wil mijn verhuizing doorgeven", "Ik wil mijn verhuizing doorgeven"),
    ("Goedemiddag, u spreekt met Jan van der Berg, ik wil verhuizen", "Ik wil verhuizen"),
    ("Ja, goedemiddag. Mijn moeder is overleden", "Mijn moeder is overleden"),
    ("Wat kost een paspoort? Alvast bedankt!", "Wat kost een paspoort?"),
    ("hoi, mijn kliko is gejat", "mijn kliko is gejat"),  # chat in lower case stays lower case
    ("Ik heb geen geld. Nou, kan de gemeente helpen?", "Ik heb geen geld. kan de gemeente helpen?"),
])
def test_greetings_closings_and_fillers_are_taken_off(courtesy, question, stripped):
    assert courtesy.remove(question) == stripped


@pytest.mark.parametrize("question", [
    # "ik ben" after a greeting introduces a name, not what happened to the resident
    "Ik ben gisteren ontslagen bij de fabriek. Moet ik een uitkering aanvragen?",
    "Ik heb groetjes van mijn zus gekregen",        # a closing word inside a sentence, no name after it
    "Dag van de mantelzorg: krijg ik iets?",         # "dag" that is not a greeting (no comma after it)
    "Hallo",                                         # nothing else to search: the question as it was written
    "Is de milieustraat op zaterdag open, ja of nee",
])
def test_the_question_itself_stays(courtesy, question):
    assert courtesy.remove(question) == question


def test_a_greeting_before_what_happened_keeps_what_happened(courtesy):
    assert courtesy.remove("Dag meneer, ik ben gisteren ontslagen. Wat nu?") == "Ik ben gisteren ontslagen. Wat nu?"


def test_editors_words_come_from_the_file(tmp_path):
    file = tmp_path / "aanhef.yaml"
    file.write_text("aanhef: [moin]\nafsluiting: [tschüss]\n", encoding="utf-8")
    own = Courtesy.load(file)
    assert own.remove("Moin, wanneer komt het oud papier? Tschüss") == "Wanneer komt het oud papier?"
    assert own.remove("Goedemorgen, wanneer komt het oud papier?") == "Goedemorgen, wanneer komt het oud papier?"


@pytest.mark.parametrize("content", ["aanhef: hallo\n", "aanhef: [hallo\n", "- hallo\n"])
def test_a_broken_word_file_gets_a_clear_dutch_error(tmp_path, content):
    file = tmp_path / "aanhef.yaml"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(CourtesyFileError, match="aanhef.yaml"):
        Courtesy.load(file)
    with pytest.raises(CourtesyFileError, match="KCC_COURTESY_FILE"):
        Courtesy.load(tmp_path / "missing.yaml")
