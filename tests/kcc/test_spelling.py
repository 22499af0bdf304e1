import json

import pytest

from kcc.spelling import Correction, SpellingCorrector

KB_TEXTS = [
    "Bent u uw paspoort kwijt? Doe aangifte en vraag een nieuw paspoort aan bij de balie.",
    "Een paspoort aanvragen kost geld. Neem een pasfoto mee. Ook een ID-kaart kunt u aanvragen.",
    "Met een parkeervergunning parkeert u in uw eigen wijk. De parkeervergunning vraagt u online aan.",
    "Grofvuil halen wij op afspraak op. Zet het grofvuil voor 7.30 uur aan de straat.",
    "Kwijtschelding van de afvalstoffenheffing vraagt u aan als uw inkomen laag is.",
    "Uw rijbewijs verlengen doet u bij de balie. Neem uw oude rijbewijs mee.",
    "Uw e-mailadres en telefoonnummer gebruiken wij alleen voor uw aanvraag.",
]


@pytest.fixture(scope="module")
def corrector() -> SpellingCorrector:
    return SpellingCorrector.from_texts(KB_TEXTS)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("paspoord kwijt", "paspoort kwijt"),
        ("parkeerfergunning", "parkeervergunning"),
        ("grofvul", "grofvuil"),
        ("kwijtscheldng afvalstofenheffing", "kwijtschelding afvalstoffenheffing"),
        ("rijbewjs verlengen", "rijbewijs verlengen"),
        # casing, punctuation and spacing around a correction are kept
        ("Paspoord kwijt, wat nu?!", "Paspoort kwijt, wat nu?!"),
        # a word with capitals after the first letter is left alone, a Capitalised one is corrected
        (
            "Wat kost een  PARKEERfergunning of een Parkeerfergunning?",
            "Wat kost een  PARKEERfergunning of een Parkeervergunning?",
        ),
        # the parts of a compound the KB does not use are corrected one by one, hyphens kept
        ("ID-kaaart aanvragen", "ID-kaart aanvragen"),
        ("grofvul-afspraak", "grofvuil-afspraak"),
        # a hyphenated KB compound written as one word gets the KB's hyphen ("kaart" is one edit further away)
        ("idkaart kwijt", "id-kaart kwijt"),
        ("Idkaart kwijt", "Id-kaart kwijt"),
    ],
)
def test_misspelled_kb_words_are_corrected(corrector, question, expected):
    assert corrector.correct(question).text == expected


def test_changes_list_each_distinct_correction_once_in_order(corrector):
    correction = corrector.correct("Paspoord en grofvul, nog een paspoord")
    assert correction == Correction(
        "Paspoort en grofvuil, nog een paspoort",
        (("Paspoord", "Paspoort"), ("grofvul", "grofvuil"), ("paspoord", "paspoort")),
    )


@pytest.mark.parametrize(
    "question",
    [
        # real Dutch words the KB does not use are never turned into KB words
        "Wat voor weer wordt het morgen",
        "Wanneer komt de monteur",
        # far from any KB word
        "xylofoonles",
        "Hoe laat begint de zwemwedstrijd",
        # shorter than 4 letters
        "pas kwt",
        # digits, placeholders, acronyms
        "paspoord2 7.30uur 2026",
        "Mijn BSN is [BSN] en mijn nummer [telefoonnummer]",
        "[paspoord] [e-mailadres]",
        "WOZ DigiD PASPOORD",
        # addresses
        "Mail naar paspoord@dijkerveen.nl of kijk op https://www.dijkerveen.nl/paspoord",
        # words of the KB, in any case, and compounds the KB uses
        "PASPOORT paspoort Paspoort ID-kaart e-mailadres",
        "",
    ],
)
def test_words_that_are_left_alone(corrector, question):
    assert corrector.correct(question) == Correction(question, ())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("pasfto", "pasfoto"),  # 6 letters: two edits allowed, one needed
        ("pasfo", "pasfo"),  # 5 letters: at most one edit, "pasfoto" needs two
        ("balye", "balie"),  # 5 letters, one edit
        ("grfvl", "grfvl"),  # 5 letters, two edits away
        ("grofvl", "grofvuil"),  # 6 letters, two edits
    ],
)
def test_short_words_get_one_edit_longer_words_two(corrector, question, expected):
    assert corrector.correct(question).text == expected


def test_a_rare_real_word_gets_one_edit_only():
    # "omzagen" is in wordfreq's Dutch list (rare): two edits from the KB's "afzagen" is too far
    corrector = SpellingCorrector.from_texts(["U mag de boom afzagen.", "Het laadpunt staat in de straat."])
    assert corrector.correct("omzagen").text == "omzagen"
    assert corrector.correct("afzgen").text == "afzagen"


def test_common_zipf_sets_what_counts_as_a_common_word():
    strict = SpellingCorrector.from_texts(["Het weer wordt beter."], common_zipf=8.0)
    assert strict.correct("weet").text == "weer"
    assert SpellingCorrector.from_texts(["Het weer wordt beter."]).correct("weet").text == "weet"


@pytest.mark.parametrize(
    ("vocabulary", "question", "expected"),
    [
        # equally close: the word the KB uses most wins
        ({"balie": 1, "balk": 5}, "balke", "balk"),
        ({"balie": 5, "balk": 1}, "balke", "balie"),
        # equally close and equally frequent: the higher rapidfuzz ratio (an extra letter beats a substituted one)
        ({"balie": 2, "balk": 2}, "balke", "balk"),
        # and when that ties too, alphabetical order
        ({"kaart": 1, "kaars": 1}, "kaarx", "kaars"),
        ({"kaars": 1, "kaart": 1}, "kaarx", "kaars"),
    ],
)
def test_ties_are_broken_deterministically(vocabulary, question, expected):
    assert SpellingCorrector(vocabulary).correct(question).text == expected
    reversed_order = dict(reversed(list(vocabulary.items())))
    assert SpellingCorrector(reversed_order).correct(question).text == expected


def test_the_same_input_gives_the_same_output(corrector):
    question = "paspoord parkeerfergunning grofvul kwijtscheldng"
    first = corrector.correct(question)
    assert all(corrector.correct(question) == first for _ in range(5))
    assert SpellingCorrector.from_texts(reversed(KB_TEXTS)).correct(question) == first


def test_to_dict_from_dict_round_trip(corrector):
    data = json.loads(json.dumps(corrector.to_dict()))
    assert data["vocabulary"]["paspoort"] == 3
    assert data["vocabulary"]["id-kaart"] == 1 and data["vocabulary"]["kaart"] == 1
    restored = SpellingCorrector.from_dict(data)
    assert restored.to_dict() == corrector.to_dict()
    for question in ["paspoord kwijt", "parkeerfergunning", "Wat voor weer wordt het morgen", "grofvul-afspraak"]:
        assert restored.correct(question) == corrector.correct(question)


def test_init_parameters_survive_the_round_trip():
    corrector = SpellingCorrector(
        {"Parkeervergunning": 2, "parkeervergunning": 1, "leeg": 0}, language="nl", max_distance=1, common_zipf=4.5
    )
    restored = SpellingCorrector.from_dict(corrector.to_dict())
    assert (restored.language, restored.max_distance, restored.common_zipf) == ("nl", 1, 4.5)
    assert restored.vocabulary == {"parkeervergunning": 3}  # lower-cased and merged; non-positive counts dropped
    assert restored.correct("parkeerfergunning").text == "parkeervergunning"
    assert restored.correct("parkeerfergunnig").text == "parkeerfergunnig"  # two edits, max_distance 1


def test_from_dict_rejects_other_data():
    with pytest.raises(ValueError, match="format"):
        SpellingCorrector.from_dict({"vocabulary": {}})


def test_decomposed_accents_are_one_word():
    corrector = SpellingCorrector.from_texts(["Het café is open."])
    decomposed = "cafe\u0301"
    assert corrector.correct(f"het {decomposed}") == Correction(f"het {decomposed}", ())


COMPOUND_TEXTS = [
    "Lever verf en lege blikken in bij de milieustraat.",
    "Een buurt of een vereniging kan materiaal lenen.",
    "Uw staat van dienst telt voor het pensioen.",
    "Komt u morgen of over een week?",
]


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("verfblikken", ("verf", "blikken")),
        ("Buurtvereniging", ("buurt", "vereniging")),
        ("staatspensioen", ("staat", "pensioen")),  # with the linking "s"
        # a word of its own in Dutch, not its parts ("overmorgen" is not "over morgen")
        ("overmorgen", None),
        ("verf", None),  # short
        ("vereniging", None),  # the KB's own word
        ("verfkwasten", None),  # the last part is no KB word
        ("pensioenweek", ("pensioen", "week")),
        ("pensioenvan", None),  # a last part of 3 letters is too ambiguous
    ],
)
def test_a_compound_the_kb_does_not_use_is_its_kb_words(word, parts):
    assert SpellingCorrector.from_texts(COMPOUND_TEXTS).compound_parts(word) == parts


def test_a_joined_compound_is_left_alone_when_common_or_known_as_one_word():
    corrector = SpellingCorrector.from_texts(["Geef uw e-mailadres door.", "De gft-bak en de gftbak zijn een."])
    assert corrector.correct("emailadres").text == "emailadres"  # a common Dutch word: never corrected
    assert corrector.correct("gftbak").text == "gftbak"  # the KB writes it so itself
