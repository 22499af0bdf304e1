"""POST /v1/answer: one answer for every channel, no internal text in public, no guessing."""

from __future__ import annotations

import json
import re

import pytest

from eval.gold import load_gold
from eval.leaks import internal_fragments as fragments_of
from kb.loader import load_kb
from tests.api.conftest import AGENT_KEY, ask
from tests.conftest import REPO, SAMPLE_KB

GOLD = load_gold(REPO / "eval" / "gold" / "lindewaard.jsonl")
CHANNELS = ("phone", "counter", "email", "chat", "web")


def internal_fragments() -> list[str]:
    return fragments_of(load_kb(SAMPLE_KB).articles)


def test_every_channel_gets_the_identical_answer(client):
    questions = [q for q in GOLD if q.kind != "out_of_scope"][::8][:40]
    assert len(questions) >= 30
    for question in questions:
        responses = [ask(client, question.question, channel).json() for channel in CHANNELS]
        responses.append(ask(client, question.question, "phone", key=AGENT_KEY).json())
        first = responses[0]
        for other in responses[1:]:
            assert other["status"] == first["status"], question.id
            assert other["answer"] == first["answer"], question.id
            assert other["sources"] == first["sources"], question.id
        for other in responses[1:-1]:  # every public channel: the same referral too
            assert other["referral"] == first["referral"], question.id
        agent = responses[-1]["referral"]
        if first["status"] == "answered" or not first["referral"]["owner"].startswith("KCC "):
            assert agent == first["referral"], question.id  # an article's or an organisation's referral
        else:  # the KCC's own number helps no agent: the team of the nearest article instead
            assert "14 0456" not in agent["how"] and not agent["owner"].startswith("KCC "), question.id
        assert [r["channel"] for r in responses[:5]] == list(CHANNELS)


def test_no_internal_text_in_any_public_response(client):
    fragments = internal_fragments()
    assert len(fragments) >= 40
    internal_ids = {a.id for a in load_kb(SAMPLE_KB).articles if a.internal}
    for question in GOLD:
        body = ask(client, question.question, question.channel).json()
        text = json.dumps(body, ensure_ascii=False)
        assert body["internal_notes"] == [], question.id
        assert not {s["article_id"] for s in body["sources"]} & internal_ids, question.id
        leaked = [f for f in fragments if f in text]
        assert leaked == [], (question.id, leaked[:2])
        if question.kind == "internal":
            assert not any(fact in text for fact in question.answer_must_contain), question.id


def test_agents_get_internal_notes_with_the_internal_answer(client):
    body = ask(client, "wat is het toestelnummer van Vergunningen?", "phone", key=AGENT_KEY).json()
    notes = body["internal_notes"]
    assert any(n["article_id"] == "doorverbindlijst" and "4418" in n["markdown"] for n in notes)
    public = ask(client, "wat is het toestelnummer van Vergunningen?", "phone").json()
    assert public["internal_notes"] == [] and "4418" not in json.dumps(public)
    assert public["answer"] == body["answer"] and public["sources"] == body["sources"]


@pytest.mark.parametrize(("question", "article", "section"), [
    ("Hoeveel moet ik betalen voor een nieuw paspoort?", "paspoort-aanvragen", "Wat kost het?"),
    ("Wat moet ik meenemen als ik een paspoort kom aanvragen?", "paspoort-aanvragen", "Wat moet ik meenemen?"),
])
def test_the_section_that_answers_the_question_is_chosen(client, question, article, section):
    body = ask(client, question).json()
    assert body["status"] == "answered"
    assert body["sources"][0]["article_id"] == article
    assert section in [s["section"] for s in body["sources"]]


def test_answer_carries_sources_in_three_formats(client):
    body = ask(client, "Wat kost een paspoort voor een volwassene?").json()
    answer, source = body["answer"], body["sources"][0]
    assert "€ 84,45" in answer["text"] and "€ 84,45" in answer["markdown"] and "€ 84,45" in answer["html"]
    assert "<strong>" in answer["html"] and "**" not in answer["text"]
    assert re.fullmatch(r"[0-9a-f]{16}", answer["id"])
    assert source["url"].startswith("https://") and source["version"] and source["reviewed"]
    assert 0.0 <= body["confidence"] <= 1.0


@pytest.mark.parametrize("question", ["Wie wint de Champions League dit jaar?",
                                      "Heeft u een lekker recept voor erwtensoep?"])
def test_out_of_scope_questions_get_no_answer_and_a_referral(client, question):
    body = ask(client, question).json()
    assert body["status"] == "no_answer"
    assert body["answer"] is None and body["sources"] == []
    assert "14 0456" in body["referral"]["how"]


def test_refusal_rates_on_the_gold_set(client):
    """A regression guard on the no-answer trade-off (the measured figures are in the README)."""
    out_of_scope = [q for q in GOLD if q.kind == "out_of_scope"]
    answerable = [q for q in GOLD if q.kind not in ("out_of_scope", "internal")][::3]
    refused_oos = [ask(client, q.question).json()["status"] == "no_answer" for q in out_of_scope]
    refused_ok = [ask(client, q.question).json()["status"] == "no_answer" for q in answerable]
    # fitted per KB by kcc calibrate; measured on the whole set: 0.58 of out-of-scope and 0.01 of answerable
    # questions refused (README)
    assert sum(refused_oos) / len(refused_oos) >= 0.5
    assert sum(refused_ok) / len(refused_ok) <= 0.05


def test_other_bodies_tasks_are_referred(client):
    body = ask(client, "kan ik bij jullie zorgtoeslag aanvragen?").json()
    assert body["status"] == "answered"
    assert body["sources"][0]["article_id"] == "zorgtoeslag-huurtoeslag"
    assert "Dienst Toeslagen" in body["referral"]["owner"]
    assert "0800 0543" in body["referral"]["how"]


@pytest.mark.parametrize("question", ["Wat voor weer wordt het morgen", "Hoe vraag ik een visum voor Amerika aan?"])
def test_paraphrases_of_editors_out_of_scope_examples_get_no_answer(client, question):
    # both rank a KB article first by retrieval alone; kb/buiten-bereik.txt lists similar questions
    body = ask(client, question).json()
    assert body["status"] == "no_answer" and body["sources"] == [] and body["confidence"] == 0.0
    # nobody's task: the municipality's number; a visa: who does issue them (the referral guide)
    assert body["referral"]["owner"] == ("KCC gemeente Lindewaard" if "weer" in question
                                         else "Nederland Wereldwijd (ministerie van Buitenlandse Zaken)")


def test_the_referral_guide_is_listed_for_staff_only(client):
    assert client.get("/v1/referrals").status_code == 401
    body = client.get("/v1/referrals", headers={"X-API-Key": AGENT_KEY}).json()
    names = [o["organisation"] for o in body["organisations"]]
    assert names == sorted(names, key=str.casefold) and "Huurcommissie" in names
    assert "Woningcorporatie Lindewonen" in names  # the municipality's own guide beside the national one
    assert 0 < body["threshold"] < 1
