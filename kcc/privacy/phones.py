"""Phone numbers: written as such (Google's libphonenumber, Dutch and international), read out in digits' words,
and not an organisation's: a number its cue, its subject or its neighbours name an organisation's ("algemeen
nummer", "Het marktkantoor is bereikbaar via", "(info@...nl, 020-...)"), a service number, a code's digits.

Usage::

    spans = [*find_phones(text, cues), *find_spelled_phones(text, cues)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import PhoneNumberType

from kcc.privacy.cues import Cues
from kcc.privacy.span import Span

# Service numbers (0800, 0900, 084/087, 14 0xx) belong to organisations, not to residents.
_SERVICE_NUMBERS = {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
                    PhoneNumberType.UAN}

_GLUED = re.compile(r"[^\W_][-./]?\Z")  # part of a longer code: "NL-91-ABNA-0417-1643-01"
_WORD_RIGHT_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*[:#.]?[ \t]*\Z")
# a number printed on a thing, named so in its clause: "Het nummer op de container is 0412 7788 99"
_PRINTED_ON = re.compile(r"(?<![^\W_])(?:nummer|nr\.?|number|code)s?[ \t]+(?:op|on)[ \t]+(?:de|het|die|deze|the)[ \t]+"
                         r"[^\W\d_]+[^\d,;.!?\n]{0,20}\Z", re.IGNORECASE)


# before a phone number, in its sentence or the one before: the public body whose number it is ("het WhatsApp-nummer
# van de gemeente? 06-..."), with no other number word and no possessive ("mijn nummer is ...") after it
_PUBLIC_NUMBER_BEFORE = re.compile(r"(?<![^\W_])[\w-]*(?:nummer|nr\.?)[ \t]+van[ \t]+(?:de|het)[ \t]+([^\W\d_]+)"
                                   r"((?:(?!nummer|nr\b)[^\d\n]){0,80})\Z", re.IGNORECASE)
# in brackets right after a phone number: whose line it is (a common noun, "(vaste lijn dorpshuis)"; not a person's
# name, "(DHR. OOSTERHUIS)")
_BRACKETS_AFTER = re.compile(r"[ \t]*\(([^()\n]{1,40})\)")
# an IBAN's first groups as a pattern, its check digits and bank code as letters ("NLxx BANK "): its digits follow
_IBAN_TEMPLATE = re.compile(r"(?<![^\W_])[A-Z]{2}(?:xx|XX|\.\.|__|\*\*)[ \t]?[A-Za-z]{4}[ \t]*\Z")


def _dutch_subscriber_number(written: str) -> bool:
    """Ten digits after a trunk 0 that no service range starts (01-07: areas and mobiles), the one length every
    Dutch subscriber number has, also in a range not handed out yet ("06-90878830"): written so, it is a phone
    number."""
    digits = re.sub(r"\D", "", written)
    return len(digits) == 10 and digits[0] == "0" and digits[1] in "1234567"


# the last words right before a number (its phone cue taken off), with a bracket or a colon between:
# "uitvaartcentrum Maasland ", "gemeente Lanaken (", "GrensInfoPunt Aken-Eurode (" of "... (tel. "
_LAST_WORDS = re.compile(r"((?:[^\W\d_][\w'-]*[ \t]+){0,2}[^\W\d_][\w'-]*)[ \t]*[(:,]?[ \t]*\Z")


# the subject of "is reachable at" right before a number: "Het marktkantoor is (telefonisch) bereikbaar via"
# a sentence (an hour's dot within) whose first words (group 1) name its subject and that ends in "bereikbaar via"
_REACHABLE_IN_SENTENCE = re.compile(r"(?:^|(?<=[.!?:\n]))[ \t]*((?:[^\W\d_]+[ \t]+){1,3})"
                                    r"(?:[^.!?\n]|(?<=\d)\.(?=\d)){0,140}?(?<![^\W_])"
                                    r"(?:bereikbaar|te[ \t]+bereiken|reachable)[ \t]+(?:via|op|onder|on|at)"
                                    r"[ \t]*:?[ \t]*\Z", re.IGNORECASE)
_REACHABLE_AT = re.compile(r"(?<![^\W_])([^\W\d_]+)[ \t]+(?:is|zijn|is[ \t]+only)[ \t]+(?:[^\W\d_]+[ \t]+){0,2}?"
                           r"(?:bereikbaar|te[ \t]+bereiken|reachable)[ \t]+(?:via|op|onder|on|at)[ \t]*:?[ \t]*\Z",
                           re.IGNORECASE)


def _an_organisations_number(text: str, start: int, cues: Cues) -> bool:
    """Whether the number at ``start`` is named an organisation's right before it: an institution's or a public
    body's word among the last three words ("Telefoonnummer uitvaartcentrum Maasland 043-...", "Tel. gemeente
    Lanaken (+32 ...)"), a legal form ("Reisen Nord GmbH, tel. ..."), a department's name right before it
    ("Belastingen 0570-..."), an institution that the sentence is about ("Het autodepot ... is telefonisch bereikbaar
    via ..."), or a referral a few words before it ("verwezen naar GrensInfoPunt Aken-Eurode (tel. +49 ..."), with no
    person named between and no possessive ("mijn")."""
    window = text[max(0, start - 80):start]
    if cue := cues.phone_cue_end.search(window):
        window = window[:cue.start()]
    if cues.department_before.search(window) and not cues.person.search(window):
        return True  # "Belastingen 0570-693333": a department's line
    if (last := _LAST_WORDS.search(window)) is None:
        return False
    words = last.group(1).split()
    if set(w.lower() for w in words) & cues.possessives or cues.person.search(window):
        return False
    if (reachable := _REACHABLE_AT.search(window)) and cues.institution_noun(reachable.group(1)):
        return True  # "Het marktkantoor is bereikbaar via 0541-..."
    if (sentence := _REACHABLE_IN_SENTENCE.search(text, max(0, start - 160), start)) and \
            any(cues.institution_noun(w) for w in sentence.group(1).split()) and \
            not set(re.findall(r"[^\W\d_]+", sentence.group().lower())) & cues.possessives:
        return True  # "Het autodepot aan de Cruquiusweg 110 is dagelijks open ... en telefonisch bereikbaar via"
    if any(w.lower() in cues.email_public or cues.institution_noun(w) for w in words) or \
            cues.legal_form.search(last.group(1)):
        return True  # "(Reisen Nord GmbH, tel. +49 ...)"
    return bool(cues.referral_before.search(window))


# between two numbers: the first one's label in brackets, then a separator ("0229 - 25 22 00 (algemeen) | 06 - ..."):
# an organisation's word there names the first number, not the next
_LABEL_OF_THE_ONE_BEFORE = re.compile(r"[ \t]*\([^()\n]{1,30}\)[ \t]*[|,;/]?[ \t]*")


_CODE_PREFIX = re.compile(r"(?<![^\W_])[A-Z]{2,5}-\Z")  # a code's letters and a dash: "INC-", "VM-"
# a mailbox right before, in a list of one party's contact details: "info@...nl, 020-..." ("tel." between or not),
# "administratie@...nl of bel 0578-..."
_MAILBOX_BEFORE = re.compile(r"(?<![\w.+-])([\w+-]+)@[\w-]+(?:\.[\w-]+)+[ \t]*(?:[,;/|]|[ \t](?:of|or|en|and))[ \t]*"
                             r"(?:(?:tel|t|bel|call)\.?:?[ \t]*)?\Z", re.IGNORECASE)


def find_phones(text: str, cues: Cues) -> Iterator[Span]:
    """Phone numbers written as such (a trunk 0, + or 00 up front; Dutch when no country code is given), except
    service numbers and a number its cue names an organisation's ("algemeen nummer"). With a country code written
    out, a number of a possible length counts even where that country has not handed out its range (yet): no one
    writes "+44" before something else; so does a Dutch number of ten digits (``_dutch_subscriber_number``) that
    no reference cue names ("klantnummer 0612345678")."""
    previous_end = None
    for match in phonenumbers.PhoneNumberMatcher(text, "NL", leniency=phonenumbers.Leniency.POSSIBLE):
        labelled_before = previous_end is not None and _LABEL_OF_THE_ONE_BEFORE.fullmatch(text, previous_end,
                                                                                        match.start)
        previous_end = match.end
        raw = match.raw_string
        written = raw.strip().lstrip("(")
        shown = raw.lstrip()
        if shown.startswith("(") and ")" not in shown:
            shown = shown[1:]  # "Klant (06-12345678)" keeps its bracket; "(020) 123 45 67" is all number
        start = match.start + len(raw) - len(shown)
        if not written.startswith(("0", "+")):
            continue  # "111222333" is a number, not a phone number as anyone writes it
        if written.startswith(("000", "+0")):
            continue  # no country code begins with 0: "chip nummer 0004518827" is a code, not a phone number
        if start and (text[start - 1].isalpha() or text[start - 1] == "_") or _CODE_PREFIX.search(text, 0, start):
            continue  # a code's digits glued to its letters: a meter's "E0031400012345", an incident's "INC-0049001"
        named = cues.before(text, start, ("referentie", "telefoon"))
        if written.startswith("00") and named == "referentie":
            continue  # a reference with leading zeros: "abonnement nr. 00448127"
        right_before = _WORD_RIGHT_BEFORE.search(text, max(0, start - 40), start)
        reference = right_before and cues.reference_word.fullmatch(right_before.group(1))
        if reference and reference.group("ending"):
            continue  # the number its cue names, right before it: "factuurnummer 0643219876"; not "Klant (06-..)"
        international = written.startswith(("+", "00"))
        # another country's number without its country code, named by a phone cue right before it: "Bel 09 345 67
        # 89", "Tel 0241 4761 2233" (the Dutch plan does not hold them)
        cued = cues.before(text, start, ("referentie", "telefoon", "telefoon_organisatie"), 1) == "telefoon"
        if not (international or cued or phonenumbers.is_valid_number(match.number)
                or (_dutch_subscriber_number(written) and not _GLUED.search(text, 0, start)
                    and (named != "referentie" or (reference and not reference.group("ending")
                                                   and right_before.group(1).lower() in cues.not_names)))):
            continue  # "01-02-2026" has a possible length too; after a person's word that is also a reference's
            # ("klant 06-7..") the person's number, not a customer number; "vergunning 0692345678" is a reference
        if phonenumbers.number_type(match.number) in _SERVICE_NUMBERS:
            continue
        if ((cues.before(text, start, ("telefoon", "telefoon_organisatie")) == "telefoon_organisatie"
             and not labelled_before) or cues.organisation_number_after.match(text, match.end)):
            continue  # an organisation's number: "algemeen nummer 0599-740 200", "010-... is het hoofdnummer"
        if (before := _PUBLIC_NUMBER_BEFORE.search(text, max(0, start - 120), start)) and \
                (before.group(1).lower() in cues.email_public or cues.company.fullmatch(before.group(1))
                 or cues.institution_noun(before.group(1))) and \
                not set(re.findall(r"[^\W\d_]+", before.group(2).lower())) & cues.possessives:
            continue  # "het WhatsApp-nummer van de gemeente? 06-44 64 41 88", "het nummer van de Voedselbank ..."
        if cues.example_after.match(text, match.end):
            continue  # "'06-12345678' als voorbeeld"
        if _an_organisations_number(text, start, cues):
            continue  # "Tel. gemeente Lanaken (+32 89 ...)", "verwezen naar BelastingTelefoon Buitenland +31 55 ..."
        if (after := _BRACKETS_AFTER.match(text, match.end)) and not cues.person.search(after.group(1)) and any(
                w.islower() and cues.institution_noun(w)
                for w in re.findall(r"[^\W\d_]+", after.group(1))):
            continue  # "0591-551020 (vaste lijn dorpshuis)": an institution's line
        if (mailbox := _MAILBOX_BEFORE.search(text, max(0, start - 80), start)) and \
                mailbox.group(1).lower() in cues.email_role:
            continue  # listed with an organisation's function mailbox: "(info@haddou-advocaten.nl, 020-6241187)"
        if _IBAN_TEMPLATE.search(text, max(0, start - 20), start):
            continue  # the digits of an IBAN's pattern: "NLxx BANK 0123 4567 89"
        if _PRINTED_ON.search(text, max(0, start - 60), start) or cues.example.search(text, max(0, start - 30), start):
            continue  # a code printed on a thing ("het nummer op de container is 0412 7788 99"), an example
        yield Span(start, match.end, "phone")


def find_spelled_phones(text: str, cues: Cues) -> Iterator[Span]:
    """A phone number spelled out in digits' words, as a caller reads it out ("nul zes, twee drie, vier vijf, zes
    zeven, acht negen"): ten words or more from "nul"."""
    for match in cues.spelled_phone.finditer(text):
        yield Span(match.start(), match.end(), "phone")
