"""Editorial content checks over loaded articles: what ``kcc lint`` prints and the editor workspace shows.

Each check is pure (articles in, :class:`Finding` list out) and says in Dutch what is wrong and what to do:

- review date: overdue (``review_overdue``) or due within ``due_days`` (``review_due``);
- taalniveau B1 of the public text (``readability``, ``long_sentence``, ``long_word``, ``passive``, ``jargon``):
  ``kcc.editorial.readability``;
- facts that disagree between articles (``contradiction``): ``kcc.editorial.facts``;
- near-duplicate articles (``duplicate``), the dense part only with an embedder: ``kcc.editorial.duplicates``;
- links to articles that do not exist (``broken_link``): ``kcc.editorial.links``.

The policy values and word lists are in ``kcc/data/taal.yaml`` (:func:`load_language_rules`).

Example::

    findings = check_kb(load_kb(Path("kb/articles")).articles, today=date(2026, 11, 1))
    for finding in findings:
        print(finding.to_problem())   # "kb/articles/x.md:12: warning: ... Oplossing: ..."
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import yaml

from kb.loader import Problem
from kb.model import Article

Kind = Literal["review_overdue", "review_due", "readability", "long_sentence", "long_word", "passive", "jargon",
               "contradiction", "duplicate", "broken_link"]
Severity = Literal["error", "warning", "info"]
B1_KINDS = ("readability", "long_sentence", "long_word", "passive", "jargon")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One thing an editor should look at.

    ``key`` identifies the finding across runs (for its status: seen, accepted), from what it is about only:
    the kind, the article (both ids, sorted, for a pair of articles) and a hash of the quoted text or value.
    """

    article_id: str
    kind: Kind
    severity: Severity
    line: int
    message: str
    fix: str
    path: Path
    owner: str
    other_article: str | None = None
    key: str = ""

    def to_problem(self) -> Problem:
        return Problem(self.path, self.line, self.message, self.fix, self.severity)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data

    def __str__(self) -> str:
        return str(self.to_problem())


LANGUAGE_FILE = Path(__file__).resolve().parents[1] / "data" / "taal.yaml"
# (yaml section, yaml key) -> LanguageRules field, with the type the value must have
_VALUES: dict[tuple[str, str], tuple[str, type]] = {
    ("leesbaarheid", "minimum_flesch_douma"): ("min_flesch_douma", float),
    ("leesbaarheid", "minimum_woorden_voor_score"): ("min_words_for_score", int),
    ("leesbaarheid", "moeilijkste_zinnen"): ("worst_sentences", int),
    ("leesbaarheid", "max_zinslengte"): ("max_sentence_words", int),
    ("leesbaarheid", "max_lettergrepen"): ("max_word_syllables", int),
    ("leesbaarheid", "max_letters"): ("max_word_letters", int),
    ("lijdende_vorm", "hulpwerkwoorden"): ("passive_auxiliaries", list),
    ("lijdende_vorm", "hulpwerkwoorden_met_door"): ("passive_auxiliaries_with_door", list),
    ("lijdende_vorm", "voorvoegsels_zonder_ge"): ("prefixes_without_ge", list),
    ("lijdende_vorm", "scheidbare_voorvoegsels"): ("separable_prefixes", list),
    ("lijdende_vorm", "geen_deelwoord"): ("not_participles", list),
    ("lijdende_vorm", "maximaal_aandeel"): ("max_passive_share", float),
    ("feiten", "algemene_woorden"): ("generic_words", list),
    ("feiten", "doelgroepen"): ("target_groups", list),
    ("dubbel", "minimale_woordovereenkomst"): ("min_token_set_ratio", float),
    ("dubbel", "woorden_per_artikel"): ("words_per_article", int),
}
_MAPPINGS = {"jargon": "jargon", "jargon_vormen": "jargon_forms"}


class LanguageError(ValueError):
    """A language file an editor broke: the message names the file, the entry and the fix (Dutch)."""


@dataclass(frozen=True)
class LanguageRules:
    """The policy values and word lists of the editorial checks (``kcc/data/taal.yaml`` plus a municipality's own
    file). Hashable, so the checks can cache per article and rule set."""

    min_flesch_douma: float
    min_words_for_score: int
    worst_sentences: int
    max_sentence_words: int
    max_word_syllables: int
    max_word_letters: int
    passive_auxiliaries: frozenset[str]
    passive_auxiliaries_with_door: frozenset[str]
    prefixes_without_ge: tuple[str, ...]
    separable_prefixes: tuple[str, ...]
    not_participles: frozenset[str]
    max_passive_share: float
    jargon: tuple[tuple[str, str], ...]  # (word or phrase, plain alternative)
    jargon_forms: tuple[tuple[str, tuple[str, ...]], ...]  # (jargon word, further forms of it)
    generic_words: frozenset[str]
    target_groups: frozenset[str]
    min_token_set_ratio: float
    words_per_article: int


def load_language_rules(extra: Path | None = None) -> LanguageRules:
    """The shipped rules, with a municipality's own file on top: its values replace, its lists add to the shipped
    ones, its jargon entries add or replace (an empty one removes a shipped word).

    :raises LanguageError: a file that cannot be read, is not YAML, or has an unknown key or a wrong type.
    """
    merged = _read_language_file(LANGUAGE_FILE)
    if extra is not None:
        for section, values in _read_language_file(extra).items():
            for key, value in values.items():
                old = merged.setdefault(section, {}).get(key)
                merged[section][key] = old + value if isinstance(old, list) and isinstance(value, list) else value
    fields: dict[str, object] = {}
    for (section, key), (name, kind) in _VALUES.items():
        value = merged.get(section, {}).get(key)
        if kind is list:
            fields[name] = [str(v).strip().lower() for v in value or [] if str(v).strip()]
        else:
            fields[name] = kind(value)
    for name, kind in (("passive_auxiliaries", frozenset), ("passive_auxiliaries_with_door", frozenset),
                       ("not_participles", frozenset), ("generic_words", frozenset), ("target_groups", frozenset),
                       ("prefixes_without_ge", tuple), ("separable_prefixes", tuple)):
        fields[name] = kind(fields[name])
    jargon = merged.get("jargon", {})
    fields["jargon"] = tuple(sorted((str(k).strip().lower(), str(v).strip()) for k, v in jargon.items() if v))
    forms = merged.get("jargon_vormen", {})
    fields["jargon_forms"] = tuple(sorted((str(k).strip().lower(), tuple(str(f).strip().lower() for f in v or []))
                                          for k, v in forms.items()))
    return LanguageRules(**fields)


def _read_language_file(path: Path) -> dict[str, dict]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise LanguageError(f"{path.name}: niet te lezen ({exc}).") from exc
    except yaml.YAMLError as exc:
        raise LanguageError(f"{path.name}: geen geldige YAML ({exc}).") from exc
    sections = {s for s, _ in _VALUES} | set(_MAPPINGS)
    if not isinstance(data, dict) or not set(data) <= sections:
        unknown = ", ".join(sorted(set(data) - sections)) if isinstance(data, dict) else "geen lijst van onderdelen"
        raise LanguageError(f"{path.name}: onbekend onderdeel ({unknown}); toegestaan: {', '.join(sorted(sections))}.")
    for section, values in data.items():
        if not isinstance(values, dict):
            raise LanguageError(f"{path.name}: onder '{section}:' horen regels 'naam: waarde'.")
        for key, value in values.items():
            if section in _MAPPINGS:
                if section == "jargon_vormen" and not isinstance(value, list):
                    raise LanguageError(f"{path.name}: jargon_vormen '{key}' moet een lijst zijn, bijvoorbeeld "
                                        "[ingediend, indient].")
                continue
            if (section, key) not in _VALUES:
                allowed = ", ".join(k for s, k in _VALUES if s == section)
                raise LanguageError(f"{path.name}: onbekende instelling '{section}: {key}'; toegestaan: {allowed}.")
            kind = _VALUES[section, key][1]
            if kind is list and not isinstance(value, list) or kind is not list and (
                    isinstance(value, bool) or not isinstance(value, int | float)):
                expected = "een lijst, bijvoorbeeld [a, b]" if kind is list else "een getal"
                raise LanguageError(f"{path.name}: '{section}: {key}' moet {expected} zijn.")
    return data


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def review_findings(article: Article, *, today: date, review_months: int = 12, due_days: int = 30) -> list[Finding]:
    """Overdue (warning) or due within ``due_days`` (info). An article without 'reviewed' is the loader's warning."""
    if article.reviewed is None:
        return []
    due = add_months(article.reviewed, review_months)
    common = {"article_id": article.id, "line": 1, "path": article.path, "owner": article.owner,
              "fix": "controleer de inhoud en zet 'reviewed' op de datum van de controle."}
    reviewed = article.reviewed.isoformat()
    if today >= due:
        return [Finding(kind="review_overdue", severity="warning",
                        message=f"de laatste controle was op {reviewed}; de volgende moest uiterlijk op "
                                f"{due.isoformat()} (norm: elke {review_months} maanden).",
                        key=f"review_overdue:{article.id}:{reviewed}", **common)]
    if due <= today + timedelta(days=due_days):
        return [Finding(kind="review_due", severity="info",
                        message=f"de volgende controle moet uiterlijk op {due.isoformat()} (over {(due - today).days} "
                                f"dagen; laatste controle {reviewed}).",
                        key=f"review_due:{article.id}:{reviewed}", **common)]
    return []


def check_article(article: Article, all_articles: Sequence[Article], *, today: date, review_months: int = 12,
                  due_days: int = 30, language: LanguageRules | None = None, embedder=None) -> list[Finding]:
    """The checks of one article, including its contradictions, duplicates and links against ``all_articles``.

    :param embedder: a dense embedder (``ingest.embedders``); ``None`` skips the embedding part of the duplicate
        check. Wrap it in ``duplicates.EmbeddingCache`` to reuse vectors between calls.
    :returns: findings sorted by line; a pair finding is told from this article's side.
    """
    from kcc.editorial import duplicates, facts, links, readability  # they import Finding from here

    rules = language or load_language_rules()
    others = [a for a in all_articles if a.id != article.id] + [article]
    found = review_findings(article, today=today, review_months=review_months, due_days=due_days)
    found += readability.readability_findings(article, rules, readability.product_names(all_articles))
    found += links.link_findings(article, others)
    found += facts.contradiction_findings(others, rules, focus=article)
    found += duplicates.duplicate_findings(others, rules, embedder=embedder, focus=article)
    return sort_findings(found)


def check_kb(articles: Sequence[Article], *, today: date, review_months: int = 12, due_days: int = 30,
             language: LanguageRules | None = None, embedder=None) -> list[Finding]:
    """Every check over a whole KB; a contradiction or duplicate is reported once, on the pair's first article.

    :returns: findings sorted by owner, article and line.
    """
    from kcc.editorial import duplicates, facts, links, readability  # they import Finding from here

    rules = language or load_language_rules()
    found: list[Finding] = []
    names = readability.product_names(articles)
    for article in articles:
        found += review_findings(article, today=today, review_months=review_months, due_days=due_days)
        found += readability.readability_findings(article, rules, names)
        found += links.link_findings(article, articles)
    found += facts.contradiction_findings(articles, rules)
    found += duplicates.duplicate_findings(articles, rules, embedder=embedder)
    return sort_findings(found)


def sort_findings(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.owner.casefold(), f.article_id, f.line,
                                           SEVERITY_ORDER[f.severity], f.kind, f.key))


@dataclass(frozen=True)
class TeamSummary:
    owner: str
    articles: int
    counts: dict[str, int]
    due_days: int = 30

    def __str__(self) -> str:
        name = self.owner if self.owner.casefold().startswith("team") else f"Team {self.owner}"
        parts = [_count(self.articles, "artikel", "artikelen")]
        labels = (("review_overdue", "review te laat", "reviews te laat"),
                  ("review_due", f"review binnen {self.due_days} dagen", f"reviews binnen {self.due_days} dagen"),
                  ("b1", "B1-melding", "B1-meldingen"), ("contradiction", "tegenstrijdigheid", "tegenstrijdigheden"),
                  ("duplicate", "mogelijk dubbel artikel", "mogelijk dubbele artikelen"),
                  ("broken_link", "kapotte link", "kapotte links"))
        parts += [_count(self.counts[kind], one, many) for kind, one, many in labels if self.counts.get(kind)]
        return f"{name}: {', '.join(parts)}."


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def team_summaries(articles: Sequence[Article], findings: Sequence[Finding], *,
                   due_days: int = 30) -> list[TeamSummary]:
    """Per owner team: its number of articles and of findings per kind (the B1 kinds together as 'b1')."""
    articles_per_owner: dict[str, int] = defaultdict(int)
    for article in articles:
        articles_per_owner[article.owner] += 1
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for finding in findings:
        counts[finding.owner]["b1" if finding.kind in B1_KINDS else finding.kind] += 1
    owners = sorted(set(articles_per_owner) | set(counts), key=str.casefold)
    return [TeamSummary(owner, articles_per_owner.get(owner, 0), dict(counts[owner]), due_days) for owner in owners]

