"""Facts that disagree between articles: one product, two prices, deadlines or opening hours.

Every article's sections (public and internal) are read for three kinds of fact, each with its unit:

- ``bedrag``: "€ 84,60", "84,60 euro", "EUR 12", with "per jaar" / "per uur" as part of the unit;
- ``termijn``: "5 werkdagen", "binnen 8 weken", "2 jaar" (a word like "binnen" or "na" is part of the unit;
  ages such as "onder de 18 jaar" or "18 jaar en ouder" are not facts);
- ``tijd``: a range of clock times, "9.00 tot 17.00 uur", "09:00-12:30".

A fact's **subject** is made of stems (snowball Dutch), without the language file's generic words and numbers:
``local``, the words of its own clause (the sentence, split between the values in it) or, for a table row, the
row's other cells and the headers of its first and own column; and ``context``, the article's title and UPL and
the section heading. Two facts from different articles disagree when all of this holds:

1. same kind and unit, different value; no two different years named (prices for 2025 and 2026 may differ);
2. they are about the same product. A fact's product is the title/UPL words of any article in the KB that
   its clause names ("een paspoort kost" in an article "Reisdocumenten") or else its own article's title/UPL
   words; the two products share a word, and each product is named in the other fact's subject. ID card and
   passport do not meet here, nor "bijstand" and "bijzondere bijstand";
3. neither adds a detail the other lacks: each fact's local words are in the other's subject. "Kinderen tot 18"
   against "volwassenen" fails this, as does "spoedtoeslag" against the normal price;
4. a target group or variant word (language file: ``doelgroepen``) in one article's title or heading is in
   the other's subject too;
5. the other article does not also state the same value for the same subject (then the differing value is
   about something else).

Precision comes first: a reported pair should be worth an editor's time, and a missed one is the price.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from kb.model import Article, content_hash
from kcc.editorial.checks import Finding, LanguageRules
from kcc.editorial.links import TextBlock, article_blocks
from kcc.editorial.readability import SENTENCE_END, WORD

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?"
AMOUNT = re.compile(rf"(?:€|\bEUR\b)\s?(?P<a>{NUMBER})(?:,-)?|(?<![\d.,])(?P<b>{NUMBER})\s?(?:euro|EUR)\b",
                    re.IGNORECASE)
PER = re.compile(r"\s*(?:per|p/)\s*(?:\d+\s+)?(?P<unit>[^\W\d_]+|m[²³23])", re.IGNORECASE)
DURATION = re.compile(r"(?<![\d.,:])(?P<n>\d+(?:,\d+)?)\s(?P<u>werkdagen|werkdag|dagen|dag|weken|week|maanden|maand|"
                      r"jaren|jaar|uren|uur|minuten|minuut)\b", re.IGNORECASE)
TIME_RANGE = re.compile(r"(?<![\d.,:])(?P<h1>[0-2]?\d)[.:](?P<m1>[0-5]\d)\s?(?:uur\s?)?(?:-|–|tot(?: en met)?)\s?"
                        r"(?P<h2>[0-2]?\d)[.:](?P<m2>[0-5]\d)(?:\s?uur)?", re.IGNORECASE)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
UNITS = {"werkdag": "werkdagen", "dag": "dagen", "week": "weken", "maand": "maanden", "jaren": "jaar", "uren": "uur",
         "minuut": "minuten"}
# the word before a duration that says how it counts: part of the unit ("binnen 8 weken" is no "na 8 weken")
RELATION = re.compile(r"\b(binnen|na|uiterlijk|maximaal|minimaal|hoogstens|minstens|ongeveer|in|over)\s+$",
                      re.IGNORECASE)
AGE_BEFORE = re.compile(r"(?:onder de|boven de|vanaf|jonger dan|ouder dan|tot en met|t/m|tot|van|tussen|leeftijd)\s*$",
                        re.IGNORECASE)
AGE_AFTER = re.compile(r"^\s*(?:oud|of ouder|en ouder|of jonger|en jonger)\b", re.IGNORECASE)
KIND_NAMES = {"bedrag": ("ander bedrag", "welk bedrag klopt"), "termijn": ("andere termijn", "welke termijn klopt"),
              "tijd": ("andere tijden", "welke tijden kloppen")}

_STEMMER = snowballstemmer.stemmer("dutch")


@dataclass(frozen=True)
class Fact:
    article_id: str
    kind: str
    unit: str
    value: tuple[float, ...]
    shown: str
    line: int
    quote: str
    local: frozenset[str]
    context: frozenset[str]
    product: frozenset[str]
    qualifiers: frozenset[str]
    years: frozenset[str]

    @property
    def subject(self) -> frozenset[str]:
        return self.local | self.context


@dataclass(frozen=True)
class _Value:
    kind: str
    unit: str
    value: tuple[float, ...]
    shown: str
    start: int
    end: int


def stems(text: str, rules: LanguageRules) -> frozenset[str]:
    """Content stems of a text: no generic words, no numbers, no single letters."""
    generic = _generic_stems(rules)
    out = set()
    for word in WORD.findall(text.lower()):
        stem = _STEMMER.stemWord(word)
        if len(word) > 1 and word not in rules.generic_words and stem not in generic:
            out.add(stem)
    return frozenset(out)


@lru_cache(maxsize=16)
def _generic_stems(rules: LanguageRules) -> frozenset[str]:
    return frozenset(_STEMMER.stemWord(w) for w in rules.generic_words)


def _number(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def find_values(text: str) -> list[_Value]:
    """Amounts, durations and time ranges in a text, in order, without overlaps (a time range wins)."""
    found: list[_Value] = []
    for m in TIME_RANGE.finditer(text):
        h1, h2 = int(m["h1"]), int(m["h2"])
        if h1 <= 24 and h2 <= 24:
            value = (h1 * 60 + int(m["m1"]), h2 * 60 + int(m["m2"]))
            found.append(_Value("tijd", "tijd", value, m.group().strip(), m.start(), m.end()))
    taken = [(v.start, v.end) for v in found]
    for m in AMOUNT.finditer(text):
        unit, end = "EUR", m.end()
        while per := PER.match(text, end):
            unit, end = f"{unit}/{per['unit'].lower()}", per.end()
        found.append(_Value("bedrag", unit, (_number(m["a"] or m["b"]),), text[m.start():end].strip(), m.start(), end))
    for m in DURATION.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or AGE_BEFORE.search(text[: m.start()]) \
                or AGE_AFTER.match(text[m.end():]):
            continue
        relation = RELATION.search(text[: m.start()])
        start = relation.start() if relation else m.start()
        unit, end = UNITS.get(m["u"].lower(), m["u"].lower()), m.end()
        while per := PER.match(text, end):
            unit, end = f"{unit}/{per['unit'].lower()}", per.end()
        kind = relation.group(1).lower() if relation else ""
        found.append(_Value("termijn", f"{kind}:{unit}", (_number(m["n"]),), text[start:end], start, end))
    return sorted(found, key=lambda v: v.start)


def _segments(text: str, values: Sequence[_Value]) -> list[str]:
    """For each value, the words of its clause: from the previous value to the next (the words between two values
    go to both: more words make a fact more specific, never less)."""
    out = []
    for i, value in enumerate(values):
        start = values[i - 1].end if i else 0
        end = values[i + 1].start if i + 1 < len(values) else len(text)
        out.append(text[start: value.start] + " " + text[value.end: end])
    return out


def article_facts(article: Article, rules: LanguageRules, topic_words: frozenset[str]) -> list[Fact]:
    return list(_article_facts(article, rules, topic_words))


@lru_cache(maxsize=4096)
def _article_facts(article: Article, rules: LanguageRules, topic_words: frozenset[str]) -> tuple[Fact, ...]:
    title = stems(f"{article.title} {article.upl or ''}", rules)
    product = title - _target_stems(rules)
    facts: list[Fact] = []
    for block in article_blocks(article):
        heading = stems(block.section.heading, rules)
        context = title | heading
        qualifiers = frozenset(w for w in WORD.findall(f"{article.title} {block.section.heading}".lower())
                               if w in rules.target_groups)
        qualifier_stems = frozenset(_STEMMER.stemWord(w) for w in qualifiers)
        for local_text, quote, line, value, extra_years in _clauses(block):
            local = stems(local_text, rules)
            years = frozenset(YEAR.findall(f"{quote} {extra_years} {block.section.heading}"))
            facts.append(Fact(article.id, value.kind, value.unit, value.value, value.shown, line, quote, local,
                              context, (local & topic_words) or (heading & topic_words) or product,
                              qualifier_stems, years))
    return tuple(facts)


def _clauses(block: TextBlock) -> Iterator[tuple[str, str, int, _Value, str]]:
    """(local text, quote, line, value, text naming a year) for each value in a block."""
    if block.kind == "row":
        for index, cell in enumerate(block.cells):
            values = find_values(cell)
            others = " ".join(c for i, c in enumerate(block.cells) if i != index)
            headers = " ".join(block.header[i] for i in {0, index} if i < len(block.header))
            for value, segment in zip(values, _segments(cell, values), strict=True):
                yield f"{segment} {others} {headers}", block.text, block.line, value, " ".join(block.header)
        return
    start = 0
    ends = [(m.start(), m.end()) for m in SENTENCE_END.finditer(block.text)] + [(len(block.text),) * 2]
    for end, next_start in ends:
        sentence = block.text[start:end]
        values = find_values(sentence)
        line = block.line + block.text[:start].count("\n")
        for value, segment in zip(values, _segments(sentence, values), strict=True):
            yield segment, " ".join(sentence.split()), line, value, ""
        start = next_start


@lru_cache(maxsize=16)
def _target_stems(rules: LanguageRules) -> frozenset[str]:
    return frozenset(_STEMMER.stemWord(w) for w in rules.target_groups)


def _topic_words(articles: Sequence[Article], rules: LanguageRules) -> frozenset[str]:
    """Product words: the stems of every title and UPL in the KB, without generic and target-group words."""
    words: set[str] = set()
    for article in articles:
        words |= stems(f"{article.title} {article.upl or ''}", rules)
    return frozenset(words - _target_stems(rules))


def _same_subject(a: Fact, b: Fact) -> bool:
    return bool(a.product & b.product) and a.product <= b.subject and b.product <= a.subject \
        and a.local <= b.subject and b.local <= a.subject \
        and a.qualifiers <= b.subject and b.qualifiers <= a.subject \
        and not (a.years and b.years and a.years.isdisjoint(b.years))


def conflicts(facts: Sequence[Fact]) -> list[tuple[Fact, Fact]]:
    """Pairs of facts from different articles that disagree (see the module docstring), each pair once."""
    by_unit: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        by_unit[fact.kind, fact.unit].append(fact)
    pairs = []
    for group in by_unit.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.article_id == b.article_id or a.value == b.value or not _same_subject(a, b):
                    continue
                if _agrees_elsewhere(a, b.article_id, group) or _agrees_elsewhere(b, a.article_id, group):
                    continue
                pairs.append((a, b))
    return pairs


def _agrees_elsewhere(fact: Fact, other_article: str, group: Sequence[Fact]) -> bool:
    return any(f.article_id == other_article and f.value == fact.value and _same_subject(fact, f) for f in group)


def contradiction_findings(articles: Sequence[Article], rules: LanguageRules, *,
                           focus: Article | None = None) -> list[Finding]:
    """Contradictions in a KB, each once (on the article whose id sorts first), or those of ``focus`` only, told
    from its side."""
    topic = _topic_words(articles, rules)
    by_id = {a.id: a for a in articles}
    facts = [f for a in articles for f in article_facts(a, rules, topic)]
    findings = []
    seen: set[str] = set()
    for a, b in conflicts(facts):
        if focus is not None:
            if focus.id not in (a.article_id, b.article_id):
                continue
            mine, theirs = (a, b) if a.article_id == focus.id else (b, a)
        else:
            mine, theirs = (a, b) if a.article_id < b.article_id else (b, a)
        finding = _finding(by_id[mine.article_id], by_id[theirs.article_id], mine, theirs)
        if finding.key not in seen:
            seen.add(finding.key)
            findings.append(finding)
    return findings


def _finding(article: Article, other: Article, mine: Fact, theirs: Fact) -> Finding:
    noun, which = KIND_NAMES[mine.kind]
    team = f", team {other.owner}" if other.owner != article.owner else ""
    ids = sorted((article.id, other.id))
    places = sorted([(mine.article_id, mine.shown, mine.quote), (theirs.article_id, theirs.shown, theirs.quote)])
    return Finding(
        article_id=article.id, kind="contradiction", severity="warning", line=mine.line,
        message=f"{noun} dan in '{other.title}' ({other.id}{team}). Hier: {mine.shown} in '{mine.quote}'. "
                f"Daar (regel {theirs.line}): {theirs.shown} in '{theirs.quote}'.",
        fix=f"zoek uit {which} en maak beide artikelen gelijk. Gaat het over iets anders (een andere "
            "doelgroep, een ander jaar)? Zeg dat dan in de zin.",
        path=article.path, owner=article.owner, other_article=other.id,
        key=f"contradiction:{ids[0]}:{ids[1]}:{content_hash(places)}")
