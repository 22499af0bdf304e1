"""Taalniveau B1 of an article's public text (internal sections are for staff, and not checked).

The score is Flesch-Douma: Flesch's Reading Ease as W.H. Douma (1960) adapted it to Dutch,
``206.835 - 0.93 * words per sentence - 77 * syllables per word``. Syllables come from pyphen's Dutch hyphenation
dictionary (inside the pyphen wheel, so it works offline): hyphenation points + 1, per part of a hyphenated word.

That is what textstat 0.7.13 computes with ``lang="nl"`` (its Dutch configuration is Flesch-Douma on pyphen; on a
five-sentence paragraph without abbreviations both gave 95.92), but textstat is not used: it imports nltk at import
time (1.3 s, more than half the time budget of a whole ``kcc lint``), and its sentence counter ends a sentence at
every full stop ("9.00 uur", "www.lindewaard.nl").
Here sentences come from the Markdown structure (``kcc.editorial.links``): a paragraph or list item, split at
a full stop, question or exclamation mark followed by a capital. Tables and headings are not running text and
are not measured; numbers and web addresses are not words.

Findings: ``readability`` (score below the policy minimum, naming the hardest sentences), ``long_sentence``,
``long_word``, ``passive`` (one per article, when more sentences than the policy share are passive) and ``jargon``
(one per word per article). Policy values and word lists: ``kcc/data/taal.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyphen
import snowballstemmer

from kb.model import Article, content_hash
from kcc.editorial.checks import Finding, Kind, LanguageRules, Severity
from kcc.editorial.links import TextBlock, article_blocks

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-ZÀ-Ý])")
DOUMA_BASE, DOUMA_SENTENCE, DOUMA_SYLLABLE = 206.835, 0.93, 77.0
MIN_WORDS_TO_RANK = 5  # a two-word line ("Contant betalen kan niet.") is not the hardest sentence, whatever its score
QUOTE_WORDS = 14

_HYPHENATOR = pyphen.Pyphen(lang="nl")
_STEMMER = snowballstemmer.stemmer("dutch")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int
    words: tuple[str, ...]

    @property
    def syllables(self) -> int:
        return sum(syllables(w) for w in self.words)

    @property
    def score(self) -> float:
        return flesch_douma(len(self.words), 1, self.syllables)

    def quote(self, words: int = QUOTE_WORDS) -> str:
        parts = self.text.split()
        return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    return sum(len(_HYPHENATOR.positions(part)) + 1 for part in re.split(r"[-'’]", word.lower()) if part)


def flesch_douma(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences:
        return 0.0
    return DOUMA_BASE - DOUMA_SENTENCE * words / sentences - DOUMA_SYLLABLE * syllable_count / words


def sentences(blocks: Sequence[TextBlock]) -> list[Sentence]:
    """The sentences of the paragraphs and list items, each with its file line."""
    out = []
    for block in blocks:
        if block.kind not in ("paragraph", "item"):
            continue
        start = 0
        for end, next_start in [(m.start(), m.end()) for m in SENTENCE_END.finditer(block.text)] + \
                [(len(block.text), len(block.text))]:
            piece = block.text[start:end]
            words = tuple(WORD.findall(piece))
            if words:
                offset = start + len(piece) - len(piece.lstrip())
                out.append(Sentence(" ".join(piece.split()), block.line + block.text[:offset].count("\n"), words))
            start = next_start
    return out


def product_names(articles: Sequence[Article]) -> frozenset[str]:
    """The words of every title and UPL in the KB, lower case: the names residents look for."""
    return frozenset(w.lower() for a in articles for w in WORD.findall(f"{a.title} {a.upl or ''}"))


def readability_findings(article: Article, rules: LanguageRules, names: frozenset[str] = frozenset()) -> list[Finding]:
    """The B1 findings of the article's public text.

    :param names: words never flagged as long (:func:`product_names` of the KB; the article's own title, UPL and
        keywords are always left alone)
    """
    return list(_readability_findings(article, rules, names))


@lru_cache(maxsize=4096)
def _readability_findings(article: Article, rules: LanguageRules, names: frozenset[str]) -> tuple[Finding, ...]:
    blocks = article_blocks(article, public_only=True)
    text = sentences(blocks)
    return (*_score(article, text, rules), *_long_sentences(article, text, rules),
            *_long_words(article, blocks, rules, names), *_passive(article, text, rules),
            *_jargon(article, blocks, rules))


def _finding(article: Article, kind: Kind, severity: Severity, line: int, message: str, fix: str, key: str) -> Finding:
    return Finding(article_id=article.id, kind=kind, severity=severity, line=line, message=message, fix=fix,
                   path=article.path, owner=article.owner, key=f"{kind}:{article.id}" + (f":{key}" if key else ""))


def _score(article: Article, text: Sequence[Sentence], rules: LanguageRules) -> list[Finding]:
    words = sum(len(s.words) for s in text)
    if words < rules.min_words_for_score:
        return []
    score = flesch_douma(words, len(text), sum(s.syllables for s in text))
    if score >= rules.min_flesch_douma:
        return []
    ranked = sorted((s for s in text if len(s.words) >= MIN_WORDS_TO_RANK), key=lambda s: (s.score, -len(s.words)))
    worst = ranked[: rules.worst_sentences] or sorted(text, key=lambda s: -len(s.words))[: rules.worst_sentences]
    examples = "; ".join(f"regel {s.line}: '{s.quote()}'" for s in worst)
    return [_finding(article, "readability", "warning", worst[0].line if worst else 1,
                     f"de tekst is moeilijker dan taalniveau B1: Flesch-Douma {_dutch(score)}, de norm is "
                     f"{_dutch(rules.min_flesch_douma)} of hoger ({len(text)} zinnen, gemiddeld "
                     f"{_dutch(words / len(text))} woorden per zin). Moeilijkste zinnen: {examples}.",
                     "maak zinnen korter en kies kortere, gewone woorden. Begin bij de genoemde zinnen.", "")]


def _dutch(number: float) -> str:
    return f"{number:.1f}".replace(".", ",").removesuffix(",0")


def _long_sentences(article: Article, text: Sequence[Sentence], rules: LanguageRules) -> list[Finding]:
    return [_finding(article, "long_sentence", "warning", s.line,
                     f"lange zin ({len(s.words)} woorden): '{s.quote()}'.",
                     f"maak er twee zinnen van; schrijf voor taalniveau B1 zinnen van hoogstens "
                     f"{rules.max_sentence_words} woorden.", content_hash(s.text))
            for s in text if len(s.words) > rules.max_sentence_words]


def _words_with_lines(blocks: Sequence[TextBlock]) -> Iterator[tuple[str, int, int]]:
    """(word, line, offset in its block's text) for every word of the blocks."""
    for block in blocks:
        for match in WORD.finditer(block.text):
            yield match.group(), block.line + block.text[: match.start()].count("\n"), match.start()


def _is_name(text: str, word: str, index: int, found: Sequence[tuple[str, int, int]]) -> bool:
    """A capitalised word inside a sentence is part of a name ("Verklaring Omtrent het Gedrag"), not jargon."""
    if not word[:1].isupper() or index == 0:
        return False
    before = text[: found[index][2]].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"'“‘(-•*"


def _long_words(article: Article, blocks: Sequence[TextBlock], rules: LanguageRules,
                names: frozenset[str]) -> list[Finding]:
    # a product's name ("gehandicaptenparkeerkaart") is what the reader looks for: not flagged
    own = names | {w.lower() for w in WORD.findall(" ".join([article.title, article.upl or "", *article.keywords]))}
    seen: set[str] = set()
    findings = []
    for word, line, _ in _words_with_lines(blocks):
        lower = word.lower()
        if lower in seen or lower in own:
            continue
        seen.add(lower)
        count = syllables(word)
        letters = sum(ch.isalpha() for ch in word)
        if count > rules.max_word_syllables or letters > rules.max_word_letters:
            findings.append(_finding(
                article, "long_word", "info", line,
                f"lang woord: '{word}' ({count} lettergrepen, {letters} letters).",
                "kies een korter woord, of schrijf het uit, bijvoorbeeld 'kosten voor het ophalen' in plaats van "
                "'ophaalkosten'.", lower))
    return findings


def is_participle(word: str, rules: LanguageRules) -> bool:
    """A past participle by its form: ge-…-d/t/en, a separable prefix + ge- (aangevraagd, meegenomen), or
    be-/ver-/ont-/her-…-d (betaald, verstuurd). A heuristic: a dictionary of participles it is not."""
    w = word.lower()
    if len(w) < 5 or w in rules.not_participles:
        return False
    if w.startswith("ge") and w.endswith(("d", "t", "en")):
        return True
    if any(w.startswith(p + "ge") and len(w) > len(p) + 4 and w.endswith(("d", "t", "en"))
           for p in rules.separable_prefixes):
        return True
    return any(w.startswith(p) and len(w) >= len(p) + 4 and w.endswith("d") for p in rules.prefixes_without_ge)


def is_passive(sentence: Sentence, rules: LanguageRules) -> bool:
    lower = [w.lower() for w in sentence.words]
    if not any(is_participle(w, rules) for w in lower):
        return False
    return bool(rules.passive_auxiliaries.intersection(lower)) or (
        "door" in lower and bool(rules.passive_auxiliaries_with_door.intersection(lower)))


def _passive(article: Article, text: Sequence[Sentence], rules: LanguageRules) -> list[Finding]:
    passive = [s for s in text if is_passive(s, rules)]
    if len(passive) < 2 or len(passive) <= rules.max_passive_share * len(text):
        return []
    examples = "; ".join(f"regel {s.line}: '{s.quote()}'" for s in passive[:3])
    return [_finding(article, "passive", "info", passive[0].line,
                     f"{len(passive)} van de {len(text)} zinnen staan in de lijdende vorm (meer dan "
                     f"{rules.max_passive_share:.0%}), bijvoorbeeld {examples}.",
                     "schrijf wie iets doet: 'wij halen het grofvuil op' in plaats van 'het grofvuil wordt "
                     "opgehaald'.", "")]


@dataclass(frozen=True)
class _JargonIndex:
    exact: dict[str, str]  # word form -> entry
    stems: dict[str, str]  # stem -> entry
    phrases: dict[tuple[str, ...], str]  # "ten behoeve van" -> entry
    split: dict[tuple[str, str], str]  # a separable verb's two parts, "dient ... in" -> entry


@lru_cache(maxsize=64)
def _jargon_index(rules: LanguageRules) -> _JargonIndex:
    index = _JargonIndex({}, {}, {}, {})
    for entry, _ in rules.jargon:
        words = tuple(entry.split())
        if len(words) > 1:
            index.phrases[words] = entry
            continue
        index.exact[entry] = entry
        stem = _STEMMER.stemWord(entry)
        # only a stem that keeps most of the word: "woonachtig" -> "woon" would also catch "wonen"
        if len(stem) >= 5 and len(stem) >= 0.6 * len(entry):
            index.stems.setdefault(stem, entry)
    for entry, forms in rules.jargon_forms:
        for form in forms:
            first, gap, last = (part.strip() for part in form.partition("..."))
            if gap:
                index.split[first, last] = entry
            else:
                index.exact.setdefault(form, entry)
    return index


def _jargon(article: Article, blocks: Sequence[TextBlock], rules: LanguageRules) -> list[Finding]:
    index = _jargon_index(rules)
    alternatives = dict(rules.jargon)
    hits: dict[str, list[tuple[str, int]]] = {}
    for block in blocks:
        found = list(_words_with_lines([block]))
        lower = [w.lower() for w, _, _ in found]
        for i, (word, line, offset) in enumerate(found):
            if _is_name(block.text, word, i, found):
                continue
            entry = index.exact.get(lower[i]) or index.stems.get(_STEMMER.stemWord(lower[i]))
            for phrase, phrase_entry in index.phrases.items():
                if tuple(lower[i: i + len(phrase)]) == phrase:
                    entry, word = phrase_entry, " ".join(w for w, _, _ in found[i: i + len(phrase)])
            rest = _rest_of_sentence(block.text, offset)
            for (first, last), split_entry in index.split.items():
                if lower[i] == first and last in (w.lower() for w in WORD.findall(rest)[1:]):
                    entry, word = split_entry, f"{word} … {last}"
            if entry and entry in alternatives:
                hits.setdefault(entry, []).append((word, line))
    findings = []
    for entry, places in hits.items():
        forms = ", ".join(dict.fromkeys(f"'{w}'" for w, _ in places))
        times = f" ({len(places)} keer)" if len(places) > 1 else ""
        findings.append(_finding(article, "jargon", "warning", places[0][1],
                                 f"ambtelijke taal: {forms}{times}.",
                                 f"schrijf '{alternatives[entry]}' of iets anders in gewone taal.", entry))
    return findings


def _rest_of_sentence(text: str, offset: int) -> str:
    end = re.search(r"[.!?](?:\s|$)", text[offset:])
    return text[offset: offset + end.start()] if end else text[offset:]
