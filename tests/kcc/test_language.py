import threading

import pytest
from lingua import IsoCode639_1, Language

from kcc.language import SUPPORTED, LanguageDetector


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    detector = LanguageDetector()
    detector.warm_up()
    return detector


def test_supported_are_the_wanted_languages_lingua_has():
    assert SUPPORTED[0] == "nl"
    assert set(SUPPORTED) == {"nl", "en", "de", "fr", "es", "pl", "tr", "ar", "uk", "ru", "pt", "it", "ro", "so"}
    for code in SUPPORTED:
        assert Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) is not None
    assert not hasattr(IsoCode639_1, "TI")  # Tigrinya: no lingua model, hence not supported


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dutch, short or long
        ("paspoort kosten", "nl"),
        ("parkeervergunning", "nl"),
        ("afvalkalender Molenbroek", "nl"),
        ("Wanneer wordt het grofvuil opgehaald?", "nl"),
        ("Wat is de WOZ waarde van mijn huis", "nl"),
        ("Mijn Paspoort Is Verlopen Wat Nu", "nl"),
        ("Ik woon in Molenbroek en wil een ID-kaart", "nl"),
        # Dutch with an English word or two stays Dutch
        ("Kan ik mijn parking permit online aanvragen?", "nl"),
        ("Kan ik een appointment maken voor mijn passport", "nl"),
        # other languages
        ("How much does a passport cost?", "en"),
        ("Ile kosztuje paszport?", "pl"),
        ("Was kostet ein Reisepass in Dijkerveen?", "de"),
        ("Pasaport ücreti ne kadar?", "tr"),
        ("Combien coûte un passeport ?", "fr"),
        ("¿Cuánto cuesta un pasaporte?", "es"),
        ("كم تكلفة جواز السفر؟", "ar"),
        ("Сколько стоит паспорт?", "ru"),
        ("Скільки коштує паспорт?", "uk"),
        ("Cât costă un pașaport?", "ro"),
        ("Immisa ayuu ku kacayaa baasaboorku?", "so"),
        # a Dutch place name does not make a foreign question Dutch
        ("How much does a passport cost in Dijkerveen?", "en"),
        ("Wie kann ich mich in Dijkerveen anmelden?", "de"),
        ("Combien coûte un passeport à Dijkerveen ?", "fr"),
        ("Gdzie mogę odebrać paszport w Dijkerveen?", "pl"),
        # a Dutch placeholder does not make a foreign question Dutch
        ("My phone number is [telefoonnummer], please call me back", "en"),
    ],
)
def test_detect(detector, text, expected):
    assert detector.detect(text) == expected


@pytest.mark.parametrize(
    ("text", "min_words", "expected"),
    [
        ("How much?", 3, "nl"),  # two words: too few to leave Dutch
        ("Passport cost 2026?", 3, "nl"),  # numbers are not words
        ("[BSN] [IBAN] passport please", 3, "nl"),  # neither are placeholders
        ("Ile kosztuje paszport?", 3, "pl"),
        ("Ile kosztuje paszport?", 4, "nl"),
        ("How much does a passport cost?", 7, "nl"),
        ("", 3, "nl"),
        ("?!", 0, "nl"),
    ],
)
def test_min_words(detector, text, min_words, expected):
    detector_with = LanguageDetector(min_words=min_words)
    detector_with._detector = detector._lingua()  # share the loaded models: building them again is slow
    assert detector_with.detect(text) == expected


def test_min_confidence(detector):
    # lingua is about 64 % sure this is English
    strict = LanguageDetector(min_confidence=0.95)
    strict._detector = detector._lingua()
    assert strict.detect("How much does a passport cost?") == "nl"
    assert strict.detect("Ile kosztuje paszport?") == "pl"  # about 100 % sure


def test_detect_warms_up_by_itself_and_warm_up_twice_is_harmless():
    detector = LanguageDetector(low_accuracy=True)  # the small models: quick to build
    assert detector.detect("How much does a passport cost?") == "en"
    built = detector._detector
    detector.warm_up()
    assert detector._detector is built


def test_a_released_detector_loads_its_models_again_when_asked():
    detector = LanguageDetector(low_accuracy=True)
    detector.warm_up()
    detector.release()
    assert not detector.loaded
    assert detector.detect("Ile kosztuje paszport?") == "pl"
    assert detector.loaded


def test_concurrent_first_calls_build_one_detector():
    detector = LanguageDetector(low_accuracy=True)
    results: list[str] = []
    built = []

    def work() -> None:
        results.append(detector.detect("Ile kosztuje paszport?"))
        built.append(detector._detector)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["pl"] * 8
    assert all(b is built[0] for b in built)
