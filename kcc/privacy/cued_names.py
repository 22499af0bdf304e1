"""Names that no list needs to hold, by the word before them: a person cue ("mw Li Wei", "mijn dochter Selam",
"ja met kwame asante"; ``persoon_cue`` in ``kcc/data/privacy.yaml``) or a first name joined by "en" ("Jan en Marie de
Vries"). ``first_names`` and ``surnames`` are deduce's lookup lists (``kcc.privacy.deduce_model``)."""

from __future__ import annotations

import re
from typing import Any

from kcc.privacy.context import COMMON_WORD_ZIPF, is_place
from kcc.privacy.cues import Cues
from kcc.privacy.identifiers import Span
from kcc.privacy.institutions import institution_word
from kcc.spelling import zipf, zipf_nl_en

# a word of a name after a person cue: "Kaya-Yılmaz", "O'Brien", "'t" (in "van 't Hof"), initials "D.F."
_NAME_WORD = re.compile(r"(?:[^\W\d_]\.){1,4}|['’]?[^\W\d_]+(?:['’-][^\W\d_]+)*")
_BETWEEN_WORDS = re.compile(r"[ \t]+")
_MAX_NAME_WORDS = 3
RARE_WORD_ZIPF = 2.5  # rarer than "gecheckt" (3.5), "teruggebeld" (2.9) and "mailt" (2.9) in Dutch
# after a title, a capitalised word of deduce's common-word list that is this rare in Dutch is a surname: "Mevrouw
# Weber" (3.4, a unit of physics), "Herr Wegener" (2.6); a common word of that list typed after it is not ("Mw Gaat
# verhuizen", 6.2)
TITLE_SURNAME_ZIPF = 3.45


def _name_word(word: str, cues: Cues, common: frozenset[str], surnames: Any, first: bool,
               titled: bool = False) -> bool:
    """Whether a word after a person cue can be part of a name: capitalised ("Selam", "Wiśniewska", "A."), no
    acronym ("IND", "ZZP'er", "Zzp'er", "VvE"), no title ("my neighbour Mrs. Smith": the title is a cue of its own),
    team or role, nationality or institution ("Gemeente", "Nederlander", "Woonstichting"); the first word no common
    word either ("mijn moeder Woont")."""
    lower = word.lower()
    if not word[0].isupper() or len(word) == 1:
        return False
    if (word[1].isupper() and not word.startswith("IJ")) or re.search(r"['’]ers?$", lower):
        return False
    if len(word) <= 4 and sum(char.isupper() for char in word) - word.startswith("IJ") > 1:
        return False  # an acronym in mixed case: "VvE", "KvK"; not "IJke"
    if lower in cues.not_names | cues.title_cues or is_place(cues, word, countries=False) or \
            (first and lower in common and not (titled and zipf(lower, "nl") < TITLE_SURNAME_ZIPF)):
        return False
    return not institution_word(word, cues, surnames)  # "Woonstichting"; not "Kamphuis", "Mulder-Kamphuis"


def _name_after(text: str, at: int, cues: Cues, common: frozenset[str], surnames: Any,
                titled: bool = False) -> tuple[int, int] | None:
    """The name that starts at ``at``: one to three capitalised words, with particles between or before ("Mohammad
    Al Khatib", "Said el Idrissi", "Van Dijk", "Agnes van 't Hof"); None if no name starts there."""
    start = end = None
    words = 0
    while words < _MAX_NAME_WORDS and (match := _NAME_WORD.match(text, at)):
        word = match.group()
        if word.lower() in cues.particles:
            start = match.start() if start is None else start
        elif _name_word(word, cues, common, surnames, first=end is None, titled=titled):
            start = match.start() if start is None else start
            end = match.end()
            words += not word.endswith(".")  # initials do not count as a word
        else:
            break
        space = _BETWEEN_WORDS.match(text, match.end())
        if not space:
            break
        at = space.end()
    return None if end is None else (start, end)


def _listed_first_name(word: str, cues: Cues, common: frozenset[str], first_names: Any) -> bool:
    """Whether ``word`` is a first name of the lists that is no common word ("jeroen", "Klaus"; not "ben", "wil")."""
    lower = word.lower()
    return [word[:1].upper() + word[1:]] in first_names and lower not in common and lower not in cues.not_names


def _lower_case_name(text: str, at: int, cues: Cues, common: frozenset[str], surnames: Any,
                     first_names: Any) -> tuple[int, int] | None:
    """A name in lower case right after a person cue, as chats write one ("ik ben jeroen", "ik ben milan en"): a
    first name of the lists that is no common word, in Dutch or English, with a surname of the lists after it."""
    match = _NAME_WORD.match(text, at)
    if not match or not match.group().islower() or not _listed_first_name(match.group(), cues, common, first_names) \
            or zipf_nl_en(match.group()) >= COMMON_WORD_ZIPF:
        return None  # "my wife just gave birth": "Just" is a first name too
    end = match.end()
    if _AT_A_WORKPLACE.match(text, end):
        return None  # a job: "ik ben kok in een restaurant", "ik ben docent op de basisschool"
    if (space := _BETWEEN_WORDS.match(text, end)) and (last := _NAME_WORD.match(text, space.end())) and \
            last.group().islower() and [last.group().capitalize()] in surnames and last.group() not in common:
        end = last.end()
    return match.start(), end


def _a_speakers_name(text: str, at: int, cues: Cues, common: frozenset[str],
                     rarer: float = COMMON_WORD_ZIPF) -> tuple[int, int] | None:
    """A name in lower case after a cue where the caller says their own ("ja met kwame asante ik bel", "de naam is
    lopes", "ja met de vries") or after a title ("mevr ruiz", "mw. wiśniewska"): up to three words, particles or
    words that are common in neither Dutch nor English ("ik", "bel" and "mijn" are) nor an agent's abbreviation."""
    start = end = None
    words = 0
    while words < _MAX_NAME_WORDS and (match := _NAME_WORD.match(text, at)) and match.group().islower():
        word = match.group()
        if word in cues.particles:
            start = match.start() if start is None else start
        elif word not in common and word not in cues.not_names | cues.abbreviation_words | cues.title_cues and \
                zipf_nl_en(word) < rarer:
            start = match.start() if start is None else start
            end = match.end()
            words += 1
        else:
            break
        if not (space := _BETWEEN_WORDS.match(text, match.end())):
            break
        at = space.end()
    return None if end is None else (start, end)


# where someone works, after a lower-case word after "ik ben": that word is a job ("kok in een restaurant")
# ("bij de balie geweest" is where "ik ben sanne" went)
_AT_A_WORKPLACE = re.compile(r"[ \t]+(?:(?:in|op|aan)[ \t]+(?:een|de|het|the|a|an)|(?:bij|at)[ \t]+(?:een|a|an))[ \t]")
# "van" or "uit", then a capitalised word, after a place's people ("bewoner van Lombok")
_RESIDENTS_OF = re.compile(r"(?:van|uit)[ \t]+(?:(?:de|het|den)[ \t]+)?([A-ZÀ-Ž][^\W\d_]+)")
# right after a speaker's label's first word: more of a sentence, no name ("Klant: Mag ik ...", "Klant: Bakker worden")
_SPEECH_GOES_ON = re.compile(r"[ \t]+[a-zà-ÿ]")


def spoken_not_a_name(text: str, label_from: int, label_to: int, name_end: int, cues: Cues) -> bool:
    """Whether a "name" that a speaker's label ("Klant:", "Beller:") between ``label_from`` and ``label_to``
    introduces is what the speaker says: a sentence goes on after it ("Klant: Mag ik op zondag open?"); not "Beller:
    Wong Ka Ming, eigenaar van ..."."""
    return cues.speaker_label.search(text, label_from, label_to) is not None and \
        _SPEECH_GOES_ON.match(text, name_end) is not None


def cued_names(text: str, cues: Cues, common: frozenset[str], surnames: Any,
                first_names: Any) -> list[tuple[int, int]]:
    """Names right after a person cue ("mevrouw", "mijn naam is", "mijn dochter", "my husband"), whether the lists
    hold them or not; one in lower case that the lists hold, or any that is no common word where the caller says
    their own name ("ja met kwame asante"); and one after "en"/"and" ("wij zijn Senait en Yonas")."""
    names = []
    for cue in cues.person.finditer(text):
        at = cues.after_cue.match(text, cue.end()).end()
        if at == cue.end() and not cue.group().endswith((".", ":")):
            continue
        # where the caller says their own name, any word that is no common one; after a title, only a rare one: a
        # verb follows a title as often ("mw belt", "dhr gecheckt in brp")
        rarer = COMMON_WORD_ZIPF if cue.group().lower() in cues.speaker_cues else \
            RARE_WORD_ZIPF if cue.group().lower() in cues.title_cues else None
        if cue.group().lower() in cues.residents and (place := _RESIDENTS_OF.match(text, at)) and \
                [place.group(1)] not in surnames:
            continue  # where they live: "een bewoner van (de) Lombok", "inwoners uit Zuilen"; not "bewoner van Dijk"
        while name := (_name_after(text, at, cues, common, surnames, cue.group().lower() in cues.title_cues)
                       or (rarer is not None and _a_speakers_name(text, at, cues, common, rarer))
                       or _lower_case_name(text, at, cues, common, surnames, first_names)):
            if spoken_not_a_name(text, max(0, cue.start() - 40), at, name[1], cues):
                break
            names.append(name)
            joined = cues.and_between.match(text, name[1])
            if not joined:
                break
            at = joined.end()
    return names + _signed(text, cues, common, surnames, first_names)


_TEXT_END = re.compile(r"[ \t\n.!]*\Z")


def _signed(text: str, cues: Cues, common: frozenset[str], surnames: Any, first_names: Any) -> list[tuple[int, int]]:
    """A full name that signs the text after a greeting ("Vr.gr. Ahmad Al-Khatib", "Kind regards,\\nTom Becker"):
    two or three capitalised words after the greeting, the first a first name of the lists or an initial, and
    nothing after them ("Bewonerscommissie Kerkbuurt", "Klantenservice Energieplus" sign for no one)."""
    for greeting in cues.greeting.finditer(text, max(0, len(text) - 80)):
        name = _name_after(text, greeting.end(), cues, common, surnames)
        if not name or not _TEXT_END.match(text, name[1]):
            continue
        first = text[name[0]:name[1]].split()[0]
        if len(text[name[0]:name[1]].split()) > 1 and (
                re.fullmatch(r"(?:[^\W\d_]\.)+", first) or _listed_first_name(first, cues, common, first_names)):
            return [name]
    return []


def first_names_joined(text: str, spans: list[Span], cues: Cues, common: frozenset[str],
                        first_names: Any) -> list[Span]:
    """A first name of the lists joined to a name by "en", "and", "und" or "et" ("Klaus und Petra Wagner", "Jan en
    Marie de Vries"): the couple's other half."""
    found = []
    for span in spans:
        joined = cues.joined_before.search(text, max(0, span.start - 40), span.start) if span.kind == "name" else None
        if joined and joined.group(1)[0].isupper() and _listed_first_name(joined.group(1), cues, common, first_names):
            found.append(Span(joined.start(1), joined.end(1), "name"))
    return found
