"""More of a name than the finders saw: capitalised words before a date of birth in brackets, the rest of a
hyphened surname, a surname's initial, a name spelled out after it, and the name's other occurrences in the text."""

from __future__ import annotations

import re

from kcc.privacy.context import rare_as_a_word
from kcc.privacy.cues import Cues
from kcc.privacy.deduce_model import load
from kcc.privacy.identifiers import Span
from kcc.privacy.institutions import is_institution

# right before a date of birth in brackets: one to three capitalised words ("Selam Tekle (geb. 22-07-1998)")
_BEFORE_A_BRACKETED_DATE = re.compile(r"((?:[A-ZÀ-Ž][\w'’-]*[ \t]+){0,2}[A-ZÀ-Ž][\w'’-]*)[ \t]*\([^()\d\n]{0,12}\Z")
# right after a name: more of a surname joined by hyphens ("Lieuw-A-Soe"), and the name spelled out ("lopes l o p e s")
_HYPHENED_PARTS = re.compile(r"(?:-[A-ZÀ-Ž][^\W\d_]*)+")
# right after a first name: the surname's initial ("Johan K.")
_SURNAMES_INITIAL = re.compile(r"[ \t]+[A-ZÀ-Ž]\.(?![^\W_])")
_SPELLED_OUT = re.compile(r"[ \t,:(]*((?:[^\W\d_][ \t.-]+){2,}[^\W\d_])(?![^\W\d_])")


def names_around(text: str, spans: list[Span], cues: Cues) -> list[Span]:
    """More of the names the finders found, or names beside what they found: capitalised words right before a date
    of birth in brackets ("Aanvraag van Selam Tekle (geb. 22-07-1998)"), not roles or institutions ("Dochter");
    the rest of a surname joined by hyphens ("Cheryl Lieuw-A-Soe", where the lists hold "Lieuw"), a first name's
    surname's initial ("Johan K."); and a name spelled out letter by letter right after it ("de naam is lopes l o p
    e s")."""
    found = []
    for span in spans:
        if span.kind == "birth_date" and (before := _BEFORE_A_BRACKETED_DATE.search(text, max(0, span.start - 60),
                                                                                   span.start)):
            words = list(re.finditer(r"\S+", before.group(1)))
            while words and (words[0].group().lower() in cues.not_names | cues.institution_words
                             or cues.institution_noun(words[0].group())):
                words = words[1:]
            if words:
                found.append(Span(before.start(1) + words[0].start(), before.start(1) + words[-1].end(), "name"))
        if span.kind != "name":
            continue
        end = span.end
        if hyphened := _HYPHENED_PARTS.match(text, end):
            end = hyphened.end()
        elif " " not in text[span.start:end] and (initial := _SURNAMES_INITIAL.match(text, end)):
            end = initial.end()  # "Teruggebeld door Johan K."
        last = re.findall(r"[^\W\d_]+", text[span.start:end])[-1:]
        if (spelled := _SPELLED_OUT.match(text, end)) and last and \
                re.sub(r"[^\w]", "", spelled.group(1)).lower() == last[0].lower():
            end = spelled.end(1)
        if end > span.end:
            found.append(Span(span.start, end, "name"))
    return found


_CAPITALISED_WORD = re.compile(r"(?<![^\W_])[A-ZÀ-Ž][^\W\d_]{2,}(?![^\W_])")
# right after a word: up to two capitalised words, then a word (group 1): "Hoekstra" of "Hoekstra Bakker Advocaten"
_INSTITUTION_AFTER = re.compile(r"(?:[ \t]+&?[ \t]*[A-ZÀ-Ž][^\W\d_]+){0,2}[ \t]+([^\W\d_]+)")
# right before a word: a word (group 1) and a name's particles, if any ("Advocatenkantoor Van ", "Bakkerij ")
_WORD_AND_PARTICLES_BEFORE = re.compile(r"(?<![^\W_])([^\W\d_]+)[ \t]+(?:(?:[Vv]an|[Dd]e[nr]?|[Tt]e[nr])[ \t]+)*\Z")


def names_again(text: str, spans: list[Span], cues: Cues) -> list[Span]:
    """The other occurrences of a found name's word, as written, where no finder saw them: "Milan" at a sentence's
    start after "de ouders van Milan Jansen", "Welkom Olena!" after "ik ben Olena". Only words rare enough in Dutch (no
    title, particle, street or common word) count, so that "Post" of "juf Marjolein Post" leaves "de post" alone;
    and not where the word names an institution ("mr. Verschuren" and "Verschuren & Kok Advocaten", "Bakkerij
    Visser", "Advocatenkantoor Van Dijk", "Hoekstra Bakker Advocaten")."""
    words = {m.group() for s in spans if s.kind == "name" for m in _CAPITALISED_WORD.finditer(text, s.start, s.end)
             if m.group().lower() not in cues.particles | cues.not_names | cues.title_cues
             and not cues.street.search(m.group()) and rare_as_a_word(m.group())}
    if not words:
        return []
    covered = [(s.start, s.end) for s in spans]
    surnames = load().lookup_structs["surname"]
    return [Span(m.start(), m.end(), "name") for m in _CAPITALISED_WORD.finditer(text) if m.group() in words
            and not any(start <= m.start() and m.end() <= end for start, end in covered)
            and not is_institution(text, m.start(), m.end(), cues, surnames)  # "Verschuren & Kok Advocaten"
            and not ((noun := _WORD_AND_PARTICLES_BEFORE.search(text, max(0, m.start() - 60), m.start()))
                     and (cues.institution_noun(noun.group(1)) or noun.group(1).lower() in cues.organisation_before))
            and not ((noun := _INSTITUTION_AFTER.match(text, m.end())) and cues.institution_noun(noun.group(1)))]
