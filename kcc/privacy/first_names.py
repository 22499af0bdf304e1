"""A first name alone, or with a surname no list holds: where a sentence starts ("Fleur, mail gestuurd"), signing
a text ("gr. dennis"), before a surname the lists lack ("Klaus Wegener", "Ana Stojanović"); and a German noun that
only looks like one ("für Glas"). The finder in ``kcc.privacy.names`` asks these."""

from __future__ import annotations

import re
from typing import Any

from kcc.privacy.context import is_place, rare_as_a_word
from kcc.privacy.cues import Cues
from kcc.privacy.deduce_model import load
from kcc.privacy.identifiers import Span
from kcc.spelling import zipf, zipf_nl_en

# no more words in the sentence: "Femke.", "Mees 😊", "KCC-medewerker: Jeroen. Terugbelnotitie ..."
_SENTENCE_ENDS = re.compile(r"[^\w\n.!?]*(?:[.!?](?:\s|\Z)|\n|\Z)")
# a name set apart from the rest of its line: a comma, a dash between spaces, a bracket ("Fleur, mail gestuurd")
_SET_APART = re.compile(r"[ \t]*(?:,|\(|[–—-][ \t]|/)")
# right after a first name: "van" and a department's word ("Jeroen van Vergunningen", "Sanne van de Buitendienst")
_OF_A_DEPARTMENT = re.compile(r"[ \t]+van[ \t]+(?:de[ \t]+)?([A-Z][a-zà-ÿ]{3,})(?![^\W_])")
# right after a first name: one capitalised word that no list holds ("Klaus Wegener"), its surname
_ONE_MORE_WORD = re.compile(r"[ \t]+([A-ZÀ-Ž][a-zà-ÿ]{2,}(?:-[A-ZÀ-Ž][a-zà-ÿ]{2,})?)(?![^\W_]|['’-])")
# a German noun after an article or a preposition (``duits_voor_zelfstandig_naamwoord``), in a German text
COMMON_GERMAN_WORD = 4.0
_A_PHONE_AFTER = re.compile(r"[ \t]*[,:]?[ \t]*(?:\+|00|0)\d")
_A_LIST_GOES_ON = re.compile(r",[ \t]*[a-zà-ÿ]+[ \t]*(?:,|(?:en|of|and|or)[ \t])")
# a verb, then its subject, where a question starts: the first word is the verb ("Hedde gij ook een nummer?")
_A_SUBJECT_AFTER = re.compile(r"[ \t]+(?i:ik|je|jij|u|gij|ge|hij|zij|ze|we|wij|jullie|i|you|he|she|they)\b")
_UNHEARD_OF = 2.5  # rarer than this in Dutch and in English: no word, a name ("Kateryna" before "Shevchenko")


def signature(text: str, cues: Cues, first_names: Any, common: frozenset[str]) -> Span | None:
    """A first name of the lists that signs the text: its last word, alone after a greeting ("gr. dennis",
    "Groetjes, Anouk") or after a sentence's end ("wat nu? rachid"; there not a common word: "Top.", "Wil.")."""
    match = cues.signature.search(text, max(0, len(text) - 60))
    if not match:
        return None
    word = match.group("name")
    listed = word[:1].upper() + word[1:].lower()
    if [listed] not in first_names or (not match.group("greeting") and word.lower() in common):
        return None
    return Span(match.start("name"), match.end("name"), "name")



def by_surname_ending(text: str, cues: Cues, first_names: Any, found: list[Span]) -> list[Span]:
    """Surnames no list holds, by their ending ("staat als Stojanović"), with a first name right before that is listed
    ("Ana Stojanović") or no word in Dutch or English ("Kateryna Shevchenko"); not where a span already lies, nor a
    place ("Nowy Dwór" ends in none of them)."""
    spans = []
    for match in cues.surname_ending.finditer(text):
        start = match.start()
        if any(s.start < match.end() and start < s.end for s in found) or is_place(cues, match.group()):
            continue
        window = max(0, start - 30)
        first = re.search(r"([A-ZÀ-Ž][^\W\d_]+)[ \t]+$", text[window:start])
        if first and ([first.group(1)] in first_names or (
                zipf_nl_en(first.group(1).lower()) < _UNHEARD_OF
                and not is_place(cues, first.group(1)))):
            start = window + first.start(1)
        spans.append(Span(start, match.end(), "name"))
    return spans



def a_first_name_first(text: str, start: int, end: int, cues: Cues, common: frozenset[str],
                        first_names: Any) -> bool:
    """One word where a sentence starts that is a name all the same: a rare word of the name lists after a
    speaker's label when the sentence ends ("Behandelend medewerker: Femke."), or a first name of the lists, rare
    as a word, set apart from what follows ("Fleur, mail gestuurd", "Ahmed – team Belastingen", "Marloes (wijkteam)"
    in a hand-over), or one that is no word at all ("Sevda heeft me geholpen"; not a dialect's verb before its
    subject, "Hedde gij ook een nummer?"); any first name of the lists right before a phone number ("Frank
    0626391047")."""
    word = text[start:end]
    if word.lower() in common:
        return False
    if [word] in first_names and _A_PHONE_AFTER.match(text, end):
        return True  # a caller's name and number: "wie moet ik bellen. Frank 0626391047"
    if not rare_as_a_word(word):
        return False
    if cues.speaker_label.search(text, max(0, start - 40), start) and _SENTENCE_ENDS.match(text, end):
        return True
    if _A_LIST_GOES_ON.match(text, end):
        return False  # an item of a list of words: "Roos, tulp en dahlia"
    if [word] in first_names and (department := _OF_A_DEPARTMENT.match(text, end)) and \
            [department.group(1)] not in load().lookup_structs["surname"] and \
            zipf(department.group(1).lower(), "nl") >= _UNHEARD_OF:
        return True  # a colleague and the department, a Dutch word and no surname: "Jeroen van Vergunningen"
    return [word] in first_names and (_SET_APART.match(text, end) is not None or (
        zipf_nl_en(word.lower()) < _UNHEARD_OF and not _A_SUBJECT_AFTER.match(text, end)))


def with_its_surname(text: str, start: int, end: int, cues: Cues, first_names: Any) -> int:
    """The end of a first name of the lists with the capitalised word after it that no list holds and that is rare
    as a word (deduce's list of words that are no names holds "Wegener" too): its surname ("Klaus Wegener",
    "Kontoinhaber Klaus Wegener"); not a word ("Jan Zorg"), an institution's ("Anna Ziekenhuis") or a street's."""
    after, last = _ONE_MORE_WORD.match(text, end), text[start:end].split()[-1]
    if after is None or [last] not in first_names or not rare_as_a_word(last):
        return end
    word = after.group(1)
    if word.lower() in cues.not_names | cues.particles or not rare_as_a_word(word) or \
            cues.institution_noun(word) or cues.street.search(word):
        return end
    return after.end(1)


def a_german_noun(text: str, start: int, end: int, cues: Cues, first_names: Any) -> bool:
    """In German, where every noun has a capital, a common German word right after an article or preposition is a
    noun, no surname ("für Glas und Papier", "nächsten Sommer"); not a first name ("für Peter")."""
    word = text[start:end]
    return " " not in word and [word] not in first_names and zipf(word.lower(), "de") >= COMMON_GERMAN_WORD and \
        cues.german_before_noun.search(text, max(0, start - 20), start) is not None and \
        len(cues.german_function_word.findall(text)) >= 3
