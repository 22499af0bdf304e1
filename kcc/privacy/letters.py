"""What e-mails and letters pasted into a contact record hold besides the resident's data: an organisation's
letterhead (its address, postcode, phone numbers and account), mail headers ("Van: Wijkteam Centrum <...>",
"Message-ID: <...@mail.gmail.com>", read in ``identifiers.find_emails``). Their words are data in
``kcc/data/privacy.yaml``.

Usage::

    spans = without_letterheads(text, spans, cues)   # an organisation's contact details are no one's
    spans += senders_addresses(text, spans)          # "Van: M. de Lange <delange@...>" is M. de Lange's
    spans += signers(text, cues)                     # "Mit freundlichen Grüßen\nJürgen und Petra Hoffmann"
"""

from __future__ import annotations

import re
from typing import Any

from kcc.privacy.context import rare_as_a_word, without_accents
from kcc.privacy.cues import Cues
from kcc.privacy.deduce_model import load
from kcc.privacy.identifiers import Span

# a block of lines: text between blank lines
_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|\Z))+")
_LINE = re.compile(r"[^\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# an organisation's contact details: what a letterhead lists under its name
_CONTACT_DETAILS = ("address", "postcode", "phone", "iban")


def _names_an_organisation(line: str, cues: Cues) -> bool:
    """Whether a line names an organisation: a legal form ("B.V."), an institution's or public body's word
    ("Rechtbank", "Stichting", "Bewindvoeringskantoor"), or a name in capitals as letterheads print it
    ("VOEDSELBANK STAD EN OMMELAND", OCR's "W0ONCORP0RATIE DE S1EUTEL")."""
    words = _LETTERS.findall(line)
    if not words:
        return False
    if (form := cues.legal_form.search(line)) and form.group().strip(" ,"):
        return True
    if any(w.lower() in cues.email_public or (cues.institution_noun(w) and not cues.street.search(w))
           for w in words if w[0].isupper()):
        return True  # not a street's word: "Kerkplein 3" ends in "plein", as "Museumplein" does
    tokens = line.split()
    return len(tokens) >= 2 and any(len(t) >= 5 for t in tokens) and not any(t.strip(":.,").isdigit() for t in tokens) \
        and all(t.isupper() for t in tokens if any(c.isalpha() for c in t))


def without_letterheads(text: str, spans: list[Span], cues: Cues) -> list[Span]:
    """``spans`` without an organisation's contact details: in a block of lines (between blank lines), those on and
    after a line that names an organisation ("Bewindvoeringskantoor Fortuna B.V." over "Keizersgracht 555, 1017 DR
    Amsterdam", "T 020 - 330 44 00", "Kantoorrekening: NL22 ..."), unless a person is named in the block (a
    signature, "mr. J. Verschuren, Verschuren & Kok Advocaten, tel. ... toestel 23"; a resident's details)."""
    if "\n" not in text:
        return spans
    public: list[tuple[int, int]] = []
    for block in _BLOCK.finditer(text):
        lines = list(_LINE.finditer(text, block.start(), block.end()))
        heading = next((line for line in lines if _names_an_organisation(line.group(), cues)), None)
        if heading is None or len(lines) < 2:
            continue
        if any(s.kind == "name" and block.start() <= s.start < block.end() for s in spans):
            continue
        public.append((heading.start(), block.end()))
    removed = [s for s in spans if s.kind in _CONTACT_DETAILS and any(a <= s.start < b for a, b in public)]
    # and what another finder read inside one of them: "9976 3692" of the account "NL92 INGB 9976 3692 12"
    return [s for s in spans if s not in removed and not any(r.start <= s.start and s.end <= r.end for r in removed)]


# a mail header's sender or addressee: a display name, then the address in angle brackets
_DISPLAYED_ADDRESS = re.compile(r"[ \t]*<([^<>@\s]+@[^<>\s]+)>")


def senders_addresses(text: str, spans: list[Span]) -> list[Span]:
    """The address after a person's name in a mail header is that person's ("Van: M. de Lange
    <delange@delangeadvocatuur.nl>"), whatever a team's mailbox it may look like."""
    found = []
    for span in spans:
        if span.kind == "name" and (shown := _DISPLAYED_ADDRESS.match(text, span.end)):
            found.append(Span(shown.start(1), shown.end(1), "email"))
    return found



# the line right after a greeting that ends its line (the greeting's pattern takes the line break): who signs
_SIGNED_LINE = re.compile(r"([^\n]{2,60}?)[ \t]*(?:\n|\Z)")
_SIGNERS_WORD = re.compile(r"[A-ZÀ-Ž][^\W\d_]*(?:['’-][A-ZÀ-Ž]?[^\W\d_]+)*\.?|(?:[A-Z]\.)+")


def signers(text: str, cues: Cues) -> list[Span]:
    """The names on the line after a greeting that ends its line: each name of "Jürgen und Petra Hoffmann", "Klaus
    Wegener", "A. Smit-Wolters". Only a line of one to five words, each a name's word (an initial, a name of the
    lists, or a capitalised word rare as a word), a particle or "and" between two names; not a team or organisation
    ("Het bestuur", "Team Parkeren", "Gemeente Zeeduinen", "The Parking Team")."""
    model = load()
    first_names, surnames = model.lookup_structs["first_name"], model.lookup_structs["surname"]
    return [span for greeting in cues.greeting.finditer(text)
            if "\n" in greeting.group() and (line := _SIGNED_LINE.match(text, greeting.end()))
            for span in _names_on(text, line.start(1), line.end(1), cues, first_names, surnames)]


def _names_on(text: str, start: int, end: int, cues: Cues, first_names: Any, surnames: Any) -> list[Span]:
    """The names on a signature's line, or none when a word on it is no name's."""
    line = text[start:end]
    tokens = list(re.finditer(r"\S+", line))
    if not 1 <= len(tokens) <= 5 or _names_an_organisation(line, cues):
        return []
    names, current = [], []
    for token in tokens:
        word = token.group()
        if word.lower() in cues.particles and current:
            continue  # "van", "de" inside a name
        if word.lower() in cues.and_words and current:
            names.append(current)
            current = []
            continue
        if not _SIGNERS_WORD.fullmatch(word) or word.lower() in cues.not_names or cues.institution_noun(word):
            return []
        if word.isupper() and len(word) > 1 or not (
                word.endswith(".") or [word] in surnames or rare_as_a_word(word)):
            return []  # a common word ("Parking", "Team"), an acronym ("OBS")
        current.append(token)
    if current:
        names.append(current)
    # each name has an initial or a first name of the lists (also without its accents: "Jürgen"); not "Directie",
    # "Bewonerscommissie Kerkbuurt", "Klantenservice Energieplus"
    if not all(any(t.group().endswith(".") or [without_accents(t.group())] in first_names for t in part)
               for part in names):
        return []
    return [Span(start + part[0].start(), start + part[-1].end(), "name") for part in names]
