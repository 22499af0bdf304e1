"""What the name lists and deduce take for a person's name and is none: a thing's name ("Storm Ciarán",
"Zomerfestival"), an initial before a common word ("C. Verwachte"), a placeholder letter ("dhr. X"), a spelled
letter ("D van Dirk"), a word after a title ("Meneer belde"), a place's adjective ("Amsterdamse Bos"). The name
finder (``kcc.privacy.names``) asks these before it masks."""

from __future__ import annotations

import re
from typing import Any

from kcc.privacy.context import common_compound, is_place
from kcc.privacy.cues import Cues
from kcc.spelling import zipf


def title_before_a_word(text: str, start: int, end: int, cues: Cues, model: Any) -> bool:
    """Whether what follows a title is a word, not a name: written in lower case, neither a particle nor in the name
    lists ("Meneer belde anoniem", "mevrouw wilde"; not "mw de groot", "dhr jansen")."""
    first = re.split(r"[-'’]", text[start:end].split()[0])[0]  # "bakker" of "bakker-de graaf"
    if not first[:1].islower() or first.lower() in cues.particles:
        return False
    listed = first[:1].upper() + first[1:]
    return [listed] not in model.lookup_structs["first_name"] and [listed] not in model.lookup_structs["surname"]


def a_places_adjective(name: str, model: Any) -> bool:
    """Whether a name starts with a place's adjective: "Amsterdamse Bos", "Haarlemse" of "Haarlemse Hout" (no one's
    name is "Amsterdamse")."""
    first = name.split()[0]
    return first.endswith("se") and [first[:-2]] in model.lookup_structs["placename"]


def a_things_name(name: str, cues: Cues, first_names: Any, surnames: Any) -> bool:
    """Whether a name without a title is a thing's: it begins with the word for an animal or a named thing ("Storm
    Ciarán", at a sentence's start where no word before says so), or it is one word that no name list holds, two
    common words run together, the second no name ("Poëziefestival", "Zomerfestival")."""
    words = name.split()
    if len(words) > 1 and words[0].lower() in cues.animals:
        return True
    return len(words) == 1 and "-" not in name and [name] not in first_names and [name] not in surnames and \
        common_compound(name, first_names, surnames, head_may_be_a_name=True)


# how common a word must be in Dutch (wordfreq's Zipf scale) for an initial before it to make no name of it
_COMMON_WORD = 3.5


def an_initial_and_a_word(name: str, first_names: Any, surnames: Any) -> bool:
    """An initial and a common Dutch word that no name list holds: "C. Verwachte" of "Categorie: C. Verwachte
    bezoekers" is a value and the next sentence's first word; "J. Groen" and "A. Bulut" are names."""
    # (or its full stop alone, the letter taken by an address: ". Vraagt" of "Singel 104 A. Vraagt traplift")
    match = re.fullmatch(r"[A-ZÀ-Ž]?\.[ \t]*([A-ZÀ-Ž][^\W\d_]+)", name)
    if not match:
        return False
    word = match.group(1)
    return [word] not in surnames and [word] not in first_names and zipf(word.lower(), "nl") >= _COMMON_WORD


def one_letter(text: str, start: int, end: int) -> bool:
    """Whether a "name" is one letter without a full stop after it: a placeholder ("dhr. X"), not an initial."""
    return end - start == 1 and text[start].isalpha() and not text.startswith(".", end)


def spells_a_letter(text: str, start: int, end: int, cues: Cues, first_names: Any) -> bool:
    """Whether the "name" at ``start``-``end`` spells a letter: one word, a first name or a place's name, that spells
    the letter before it ("D van Dirk", "Z van Zaandam", "B as in Bravo"), or the name is the letter and that word.
    Not a surname after an initial ("mevrouw D van Dijk": no title goes before a spelling, and "Dijk" is no first
    name)."""
    words = text[start:end].split()
    if len(words) > 2 and cues.spellings.fullmatch(text[start:end]) and all(
            word[:1].lower() == letter.lower() for letter, word in cues.spelling.findall(text[start:end])):
        return True  # "d van dirk o van otto r van richard": letters spelled one after another
    if len(words) > 1:
        if not (cues.spelled_letter.search(text, start, end - len(words[-1])) and words[-1][:1].upper() == words[0]):
            return False
    else:
        letter = cues.spelled_letter.search(text, max(0, start - 12), start)
        if not (letter and text[start:start + 1].upper() == letter.group(1)):
            return False
    return [words[-1]] in first_names or is_place(cues, words[-1])
