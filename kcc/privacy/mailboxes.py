"""Mailboxes that belong to no person, or to one, where the name lists decide: a team's mailbox at a company named
after its owner ("info@schildersbedrijf-bakker.nl") is someone's; a team's mailbox named by a common Dutch word
("kwijtschelding@bremwoude.nl") is no one's. The mailboxes the lists are not needed for are in
``Cues.is_mailbox_of_no_one``."""

from __future__ import annotations

import re

from kcc.privacy.context import common_compound
from kcc.privacy.cues import Cues
from kcc.privacy.deduce_model import load
from kcc.privacy.identifiers import Span


def find_owner_mailboxes(text: str, cues: Cues) -> list[Span]:
    """A team's mailbox at a company named after its owner, a surname of the lists among the other words of its
    domain ("info@schildersbedrijf-bakker.nl"), which ``Cues.is_mailbox_of_no_one`` leaves without the lists; a
    domain of one word is a place ("info@eindhoven.nl")."""
    if "@" not in text:
        return []
    spans = []
    for match in cues.email.finditer(text):
        if not cues.is_mailbox_of_no_one(match.group()):
            continue
        labels = [label for label in re.split(r"[.-]", match.group().partition("@")[2])[:-1] if label]
        if _names_its_owner(labels, cues):
            spans.append(Span(match.start(), match.end(), "email"))
    return spans


_WORD_MAILBOX = re.compile(r"[^\W\d_]{4,}")
# How common a word must be in Dutch text (wordfreq's Zipf scale: 2 is once in ten million words) to name a team's
# mailbox: "kwijtschelding" is 2.7; handles such as "jdevries" or "sunnyboy" are 0.
_MIN_ZIPF = 2.0
# ... or a compound of two common words (``common_compound``)


def is_word_mailbox(address: str, cues: Cues) -> bool:
    """A team's mailbox named by a common Dutch word that no name list holds ("kwijtschelding@bremwoude.nl",
    "subsidies@...", also a compound of two: "ondernemersloket@..."), at a domain that is no consumer mail
    provider's ("tijger@hotmail.com" is a person's) and names no people (``Cues.domain_names_people``, an owner's
    surname among its words); at a public body's domain any name part of words that are no names and no initials
    ("kcc-teamleiders@gemeente.nl"; not "j.jansen@gemeente.nl", an employee's)."""
    from wordfreq import zipf_frequency

    local, _, domain = address.lower().partition("@")
    labels = [label for label in re.split(r"[.-]", domain)[:-1] if label]
    if not labels or set(labels) & cues.email_providers:
        return False
    listed = load().lookup_structs

    def a_name(word: str) -> bool:
        return [word.capitalize()] in listed["first_name"] or [word.capitalize()] in listed["surname"]

    parts = [part for part in re.split(r"[._+-]", local) if part]
    if set(labels) & cues.email_public and parts and all(len(part) >= 3 and part.isalpha() and not a_name(part)
                                                         for part in parts):
        return True  # a public body's team: "wijkteam.centrum@gemeente.nl", "griffie.bestuursrecht@rechtspraak.nl"
    if len(parts) > 1 and len(labels) == 1 and [labels[0].capitalize()] in listed["placename"] and \
            not cues.domain_names_people(domain) and all(
            part in cues.email_role or (len(part) >= 4 and part.isalpha() and not a_name(part)
                                        and zipf_frequency(part, "nl") >= _MIN_ZIPF) for part in parts):
        return True  # a team's at a place's domain, named by words that are no names: "kcc-teamleiders@enschede.nl"
    if not _WORD_MAILBOX.fullmatch(local) or cues.domain_names_people(domain) or _names_its_owner(labels, cues):
        return False
    if a_name(local):
        return False
    if any(local.endswith(end) and len(local) >= len(end) + 4 and not a_name(local[:-len(end)])
           for end in cues.email_role_endings):
        return True  # a function's mailbox: "klachtencoordinator@brakkenstein.nl"
    if zipf_frequency(local, "nl") >= _MIN_ZIPF:
        return True
    # a compound of two words, neither a name ("ondernemersloket", "wmoloket" has no second word of four letters)
    return common_compound(local, listed["first_name"], listed["surname"])


def _names_its_owner(labels: list[str], cues: Cues) -> bool:
    """Whether a domain of more than one word holds a surname of the lists ("schildersbedrijf-bakker.nl"); a domain
    of one word is a place ("eindhoven.nl"), one with a public body's word is that body's ("gemeente-westerveld.nl",
    though "Westerveld" is a surname)."""
    surnames = load().lookup_structs["surname"]
    return len(labels) > 1 and not set(labels) & cues.email_public and any([label.capitalize()] in surnames
                                                                        for label in labels)
