"""The referral guide ("doorverwijsgids"): who helps when the municipality does not.

A KCC agent who hears a question about a landlord, a bus or a tax return says who does handle it: the
Huurcommissie, 9292, the Belastingdienst. Editors keep those organisations in a YAML file: what each one
handles, how to reach it, and example questions. The product ships a generic national guide
(``kcc/data/doorverwijzen-algemeen.yaml``); a municipality adds its own (``KCC_REFERRAL_FILE``: the housing
corporation, the water board, the regional bus company).

The guide is only asked when the answer core has no answer: a KB article always wins. Then the organisation
whose example question is nearest (cosine of the dense embedder) is named, when that example is close
enough and closer than any generic out-of-scope example ("Gaat het morgen regenen?" is nobody's task).
"Close enough" is fitted on the guide itself when it is loaded, not chosen in code: leave each example out,
the cosine to the nearest example of the same organisation is a hit, to the nearest one of another
organisation a miss, and the threshold is the cosine that separates them best. An organisation marked
``buiten_bereik: ja`` also lends its examples to the out-of-scope list (and so to ``kcc calibrate``'s
negatives): the KB then stops answering such questions. The default is ``nee``: the guide only names who
helps, and a KB's own referral article (a VAC about the Belastingdienst) keeps answering.

File format (one entry per organisation)::

    - organisatie: Huurcommissie
      gaat_over: geschillen tussen huurder en verhuurder over de huurprijs, servicekosten en onderhoud
      bereikbaar: kijk op huurcommissie.nl
      buiten_bereik: nee
      vragen:
        - Mijn verhuurder verhoogt de huur te veel, wat kan ik doen?
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from ingest.embedders import DenseEmbedder
from kcc.scope import embed_questions

log = logging.getLogger(__name__)
GENERIC_GUIDE = Path(__file__).resolve().parent / "data" / "doorverwijzen-algemeen.yaml"
# YAML 1.1 reads "ja"/"nee" as text and "yes"/"no" as booleans: both mean the same to an editor
YES_NO = {"ja": True, "true": True, "yes": True, "nee": False, "false": False, "no": False}
FIELDS = {"organisatie", "gaat_over", "bereikbaar", "buiten_bereik", "vragen"}


class GuideError(ValueError):
    """A referral guide file an editor broke: the message names the entry and the fix (Dutch)."""


@dataclass(frozen=True)
class Organisation:
    name: str
    handles: str
    reach: str
    questions: tuple[str, ...]
    out_of_scope: bool = False


def parse_guide(text: str, source: str = "doorverwijsgids") -> list[Organisation]:
    """:raises GuideError: not YAML, not a list, an entry without a name, contact or example question."""
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        raise GuideError(f"{source}: geen geldige YAML ({exc}).") from exc
    if not isinstance(data, list):
        raise GuideError(f"{source}: verwacht een lijst van organisaties, elk beginnend met '- organisatie:'.")
    organisations = []
    for number, entry in enumerate(data, start=1):
        where = f"{source}, organisatie {number}"
        if not isinstance(entry, dict):
            raise GuideError(f"{where}: verwacht 'organisatie:', 'gaat_over:', 'bereikbaar:' en 'vragen:'.")
        unknown = set(entry) - FIELDS
        if unknown:
            raise GuideError(f"{where}: onbekend veld {', '.join(sorted(unknown))}; toegestaan: "
                             f"{', '.join(sorted(FIELDS))}.")
        name, reach = str(entry.get("organisatie") or "").strip(), str(entry.get("bereikbaar") or "").strip()
        questions = entry.get("vragen") or []
        if not name or not reach:
            raise GuideError(f"{where}: 'organisatie' en 'bereikbaar' zijn verplicht.")
        if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions) \
                or not questions:
            raise GuideError(f"{where} ({name}): geef onder 'vragen:' minstens één voorbeeldvraag, één per regel "
                             "met '- ' ervoor.")
        out_of_scope = YES_NO.get(str(entry.get("buiten_bereik", "nee")).strip().lower())
        if out_of_scope is None:
            raise GuideError(f"{where} ({name}): 'buiten_bereik' is 'ja' of 'nee'.")
        organisations.append(Organisation(name, str(entry.get("gaat_over") or "").strip(), reach,
                                          tuple(dict.fromkeys(q.strip() for q in questions)), out_of_scope))
    return organisations


def load_guide(own: Path | None = None) -> list[Organisation]:
    """The generic guide plus the municipality's own; an own entry replaces a generic one of the same name.

    :raises GuideError: a file that cannot be read or parsed."""
    organisations = {o.name.casefold(): o for o in parse_guide(GENERIC_GUIDE.read_text(encoding="utf-8"),
                                                               GENERIC_GUIDE.name)}
    if own is not None and own.is_file():
        try:
            text = own.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GuideError(f"{own.name}: niet te lezen ({exc}).") from exc
        organisations.update({o.name.casefold(): o for o in parse_guide(text, own.name)})
    return list(organisations.values())


def load_guide_or_generic(own: Path | None) -> list[Organisation]:
    """:func:`load_guide`, or the generic guide alone when the municipality's file is broken: a typo there
    must not take the service down (``kcc lint`` names the error)."""
    try:
        return load_guide(own)
    except GuideError as exc:
        log.warning("Doorverwijsgids overgeslagen: %s", exc)
        return load_guide(None)


def out_of_scope_questions(organisations: Iterable[Organisation]) -> list[str]:
    """The example questions that also count as out of scope (organisations marked ``buiten_bereik``)."""
    return [q for o in organisations if o.out_of_scope for q in o.questions]


def separating_threshold(hits: Sequence[float], misses: Sequence[float]) -> float:
    """The cosine that best separates hits (at or above) from misses (below): balanced accuracy, the midpoint
    between the two neighbouring scores on a tie."""
    scores = sorted(set(hits) | set(misses))
    best, best_score = scores[0] if scores else 1.0, -1.0
    for low, high in zip(scores, scores[1:] + [scores[-1] + 1e-6], strict=True):
        cut = (low + high) / 2
        accuracy = (sum(h >= cut for h in hits) / max(len(hits), 1)
                    + sum(m < cut for m in misses) / max(len(misses), 1))
        if accuracy > best_score:
            best, best_score = cut, accuracy
    return best


class ReferralGuide:
    """The guide's example questions, embedded, and the nearest organisation for a question."""

    def __init__(self, organisations: Sequence[Organisation], embedder: DenseEmbedder,
                 fallback_similarity: float, folder: Path | None = None):
        """:param fallback_similarity: the threshold when the guide is too small to fit one (fewer than two
            organisations with two examples each).
        :param folder: where the examples' vectors are kept between starts (``embed_questions``)."""
        self.organisations = list(organisations)
        self._owner = [o for o in self.organisations for _ in o.questions]
        questions = [q for o in self.organisations for q in o.questions]
        self.questions = frozenset(questions)
        self._vectors = embed_questions(embedder, tuple(questions), folder) if questions else None
        self.threshold = self._fit() if self._vectors is not None else 1.0
        if self.threshold is None:
            self.threshold = fallback_similarity

    def _fit(self) -> float | None:
        similarity = self._vectors @ self._vectors.T
        np.fill_diagonal(similarity, -1.0)
        owners = np.array([id(o) for o in self._owner])
        hits, misses = [], []
        for row, owner in zip(similarity, owners, strict=True):
            same = row[owners == owner]
            other = row[owners != owner]
            if same.size > 1 and other.size:  # the example itself is in ``same`` at -1
                hits.append(float(same.max()))
                misses.append(float(other.max()))
        if sum(len(o.questions) > 1 for o in self.organisations) < 2 or not hits:
            return None
        return round(separating_threshold(hits, misses), 4)

    def match(self, vector: Sequence[float] | np.ndarray) -> tuple[Organisation | None, float]:
        """The organisation whose example is nearest, when at least the fitted threshold; and that cosine."""
        if self._vectors is None:
            return None, 0.0
        scores = self._vectors @ np.asarray(vector, dtype=np.float32)
        best = int(np.argmax(scores))
        score = float(scores[best])
        return (self._owner[best] if score >= self.threshold else None), score
