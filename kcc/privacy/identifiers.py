"""Personal data with a fixed form, found by checksums and published formats: BSN (11-test), IBAN (any
country, ISO 13616 check digits), e-mail addresses (also "naam[at]domein.nl"), Dutch postcodes, licence plates (the
RDW's sidecodes, and Belgium's) and dates of birth (a date after a birth cue); phone numbers from
:mod:`kcc.privacy.phones`.

Every finder returns spans of the original text; ``kcc.privacy`` merges them and puts in the placeholders.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

from kcc.privacy.cues import Cues
from kcc.privacy.phones import find_phones, find_spelled_phones
from kcc.privacy.span import Span
from kcc.spelling import zipf_nl_en

__all__ = ["Span", "find_identifiers", "is_bsn", "plain_address"]


# A BSN is 9 digits (8 when the leading zero is dropped), plain or in any groups people write it in (111 222 333,
# 1234.56.782, 72.12.07.017, 218-05-5468): a run of digit groups joined by a dot, a dash or a space, of which the
# groups that make 8 or 9 digits are a candidate; not inside a longer number such as 1.123.456.782,00. A dot or a
# dash holds two groups together, a space not: "in 2026 111222333" holds a BSN.
_DIGIT_RUN = re.compile(r"(?<!\d)(?<!\d[.,-])\d+(?:[. -]\d+)*(?![.,]\d)")
_GROUP = re.compile(r"\d+")
_CURRENCY = re.compile(r"(?:€|eur|euro)\s?$", re.IGNORECASE)

# Two letters, two check digits, then 11 to 30 letters or digits, in groups or not, with spaces, dashes or dots
# between ("NL-60-ABNA-...", "NL60.ABNA..."); trimmed to a valid IBAN below.
_IBAN = re.compile(r"(?<![^\W_])[A-Z]{2}[ .-]?\d{2}(?:[ .-]?[A-Z0-9]){11,30}(?![^\W_])", re.IGNORECASE)
_IBAN_LENGTHS = range(15, 35)


_POSTCODE = re.compile(r"(?<![\w-])[1-9]\d{3}(?P<letters> ?[A-Z]{2}|[a-z]{2}| [a-z]{2})(?![^\W_])")
_AFTER_HOUSE_NUMBER = re.compile(r"[^\W\d_]{2,}\s\d{1,5}(?:[-\s]?[^\W_]{1,3})?,?\s+$")
# between two postcodes: a range, an area's, no one's ("postcodes 7541 AA t/m 7544 ZZ")
_POSTCODE_RANGE = r"[ \t]*(?:t/m|tot en met|tot|-|–)[ \t]*"
_RANGE_AFTER = re.compile(_POSTCODE_RANGE + r"[1-9]\d{3} ?[A-Za-z]{2}(?![^\W_])")
_RANGE_BEFORE = re.compile(r"(?<![\w-])[1-9]\d{3} ?[A-Za-z]{2}" + _POSTCODE_RANGE + r"\Z")
# a house number written right after the postcode ("5611 AB 12", "5611 AB, huisnummer 12a") is part of the address
_HOUSE_NUMBER = re.compile(r",?\s?(?:huisnummer|huisnr\.?|nr\.?)?\s?\d{1,5}(?:\s?[a-zA-Z](?![^\W_])|-\d{1,4})?"
                           r"(?![^\W_]|[.,]\d| ?[A-Z]{2}(?![^\W_]))")  # not the next postcode's digits

# The Dutch licence plates' sidecodes 1-14 (RDW): L = letter, D = digit.
_SIDECODES = ("LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD",
              "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D")
# Belgium's plates since 2010 ("1-ABC-123"): residents near the border and newcomers drive on them.
_BELGIAN = ("D-LLL-DDD",)


def _sidecode(codes: tuple[str, ...], separator: str) -> str:
    return "|".join(separator.join(f"[A-Z]{{{len(g)}}}" if g[0] == "L" else f"\\d{{{len(g)}}}"
                                   for g in code.split("-"))
                    for code in codes)


_PLATE = re.compile(rf"(?<![\w-])(?:{_sidecode(_SIDECODES + _BELGIAN, '-')})(?![\w-])", re.IGNORECASE)
# Without dashes the sidecodes 7-14 are still plates ("gz715h"): a group of three, or a single character at an
# end, is no postcode or word. Sidecodes 1-6 ("1234AB", "AB12CD") and any with spaces only after a cue.
_PLATE_UNDASHED = re.compile(rf"(?<![\w-])(?:{_sidecode(_SIDECODES[6:], '')})(?![\w-])", re.IGNORECASE)
_PLATE_AFTER_CUE = re.compile(rf"(?<![\w-])(?:{_sidecode(_SIDECODES + _BELGIAN, '[ ]?')})(?![\w-])",
                              re.IGNORECASE)

# right after a cue only (one word between at most), another country's plate: letters of its district, then groups
# of letters and digits ("DO-AB 123", "PO 3KL21", "W-12345"), five to nine of them with at least one digit
_FOREIGN_PLATE = re.compile(r"(?<![\w-])(?=(?:[- ]?[A-Z0-9]){5,9}(?![\w-]))[A-Z]{1,3}(?:[- ](?=\S*\d)[A-Z0-9]{1,5}"
                            r"|[- ][A-Z]{1,2}(?:[- ]?[A-Z0-9]{1,5}))(?:[- ][A-Z0-9]{1,4})?(?![\w-])"
                            r"|(?<![\w-])[A-Z]{2}\d{2}[ ]?[A-Z]{3}(?![\w-])")  # a British one: "LK19 XFP"


def is_bsn(digits: str) -> bool:
    """The 11-test (elfproef) of a BSN: 9a + 8b + ... + 2h - 1i is a multiple of 11, and not 0; 8 digits are read
    with the leading zero that was dropped."""
    return len(digits) in (8, 9) and stdnum_bsn.is_valid(digits)


_WORD_BEFORE = re.compile(r"(?<![^\W_])([\w+-]+)[ \t]+\Z")


_BRACKETED = re.compile(r"\s?[\[({][^\])}]*[\])}]\s?")


def plain_address(written: str) -> str:
    """An e-mail address as written against spam robots, plain: "parkeren [at] gemeente [punt] nl" ->
    "parkeren@gemeente.nl" (``Cues.email`` matched it: its first word in brackets is the "@" unless one is
    written, the others are dots)."""
    marks = iter(["."] if "@" in written else ["@"])
    return _BRACKETED.sub(lambda _: next(marks, "."), written)


def find_emails(text: str, cues: Cues) -> Iterator[Span]:
    """E-mail addresses, also with the "@" written out in brackets against spam robots ("naam[at]domein.nl") or in
    words ("jan punt de vries at gmail punt com"); not a mailbox of no one ("noreply@...", a public body's
    "balie@gemeente-...": ``Cues.is_mailbox_of_no_one``)."""
    if "@" in text or any(bracket in text for bracket in "[({"):
        for match in cues.email.finditer(text):
            if cues.message_id_before.search(text, max(0, match.start() - 40), match.start()):
                continue  # a mail header's identifier: "Message-ID: <CAK7x2+...@mail.gmail.com>"
            if not cues.is_mailbox_of_no_one(plain_address(match.group())):
                yield Span(match.start(), match.end(), "email")
    for match in cues.spelled_email.finditer(text):
        yield Span(_spelled_local_part(text, match.start(1), cues), match.end(), "email")
    if "@" in text:
        for match in _SPACED_EMAIL.finditer(text):
            yield Span(match.start(), match.end(), "email")


# an e-mail address written with spaces around its "@" and its dots: "sjoerddevries @ gmail . com"
_SPACED_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+[ \t]+@[ \t]*[\w-]+(?:[ \t]*\.[ \t]*[\w-]+)*[ \t]*\.[ \t]*[a-z]{2,6}"
                           r"(?![\w-])|(?<![\w.+-])[\w.+-]+[ \t]*@[ \t]+[\w-]+(?:[ \t]*\.[ \t]*[\w-]+)*[ \t]*\.[ \t]*"
                           r"[a-z]{2,6}(?![\w-])")


def _spelled_local_part(text: str, start: int, cues: Cues) -> int:
    """The start of a spelled-out address's name part that ends with the word at ``start``: back over the words
    for a dot ("jan punt de vries") and the particles of a name ("de vries", then the first name before it)."""
    while True:
        if dot := cues.spelled_dot.search(text, max(0, start - 40), start):
            start = dot.start()
            if word := _WORD_BEFORE.search(text, max(0, start - 40), start):
                start = word.start(1)
            continue
        word = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if word and word.group(1).lower() in cues.particles:
            start = word.start(1)
            if (first := _WORD_BEFORE.search(text, max(0, start - 40), start)) and not cues.spelled_dot.search(
                    text, max(0, start - 40), start):
                start = first.start(1)
            continue
        return start


def _not_a_bsn_shape(groups: list[str], separators: set[str], before: str) -> bool:
    """Whether digit groups written without a BSN cue are something else: separators of more than one kind
    ("10.30-12.45"), a date ("12-03-2019", "2019.03.12"), a period of years ("2024-2025"), an amount ("12.345.678",
    "€ 123 456 78"), or a phone number (an area or service code up front: "010 123 45 67", "0800-123-4")."""
    if len(groups) == 1:
        return False
    if len(separators) > 1 or _CURRENCY.search(before):
        return True
    sizes = [len(g) for g in groups]
    if any(size == 4 and g[:2] in ("19", "20") for g, size in zip(groups, sizes, strict=True)) and (
            sorted(sizes) in ([1, 2, 4], [2, 2, 4], [1, 1, 4], [2, 4])):
        return True
    if separators == {"."} and sizes[0] <= 2 and all(size == 3 for size in sizes[1:]):
        return True
    if separators <= {"-", "/"} and sizes == [4, 4] and all(g[:2] in ("19", "20") for g in groups):
        return True  # a period of years: "schooljaar 2024-2025"
    return groups[0].startswith("0") and 2 <= sizes[0] <= 4


def _a_date(groups: list[str], separators: set[str]) -> bool:
    """Whether digit groups are a date with its year: "14-03-2025", "2025.03.14"."""
    return len(separators) == 1 and separators <= {"-", ".", "/"} and [len(g) for g in groups] in (
        [2, 2, 4], [1, 2, 4], [2, 1, 4], [1, 1, 4], [4, 2, 2]) and any(g[:2] in ("19", "20") and len(g) == 4
                                                                       for g in groups)


def _bsn_candidates(text: str) -> Iterator[tuple[int, int, list[str], set[str], int]]:
    """Spans of consecutive digit groups with 8 or 9 digits, the longest first at each group; a span starts and ends
    where a space (or nothing) separates it from the rest of its run; with the start of the run."""
    for run in _DIGIT_RUN.finditer(text):
        groups = list(_GROUP.finditer(text, run.start(), run.end()))
        first = 0
        while first < len(groups):
            found = False
            if first == 0 or text[groups[first].start() - 1] == " ":
                for last in range(len(groups) - 1, first - 1, -1):
                    chosen = groups[first:last + 1]
                    end = chosen[-1].end()
                    if end < run.end() and text[end] != " ":
                        continue
                    if sum(len(g.group()) for g in chosen) not in (8, 9):
                        continue
                    separators = {text[a.end():b.start()] for a, b in zip(chosen, chosen[1:], strict=False)}
                    yield chosen[0].start(), end, [g.group() for g in chosen], separators, run.start()
                    first = last + 1
                    found = True
                    break
            if not found:
                first += 1


def find_bsns(text: str, cues: Cues) -> Iterator[Span]:
    """8-9 digit numbers, written in any groups, that pass the 11-test, unless their shape says they are something
    else (a date, an amount, a phone number: ``_not_a_bsn_shape``) or a cue names them a reference ("zaaknummer",
    "polisnummer bij de zorgverzekering van de gemeente is" further back in the clause, "het nummer van mijn
    melding" in the sentence, "N is mijn klantnummer" after it); any 8-9 digit number that a cue names a BSN,
    whatever its groups."""
    for start, end, groups, separators, run in _bsn_candidates(text):
        if start > run and cues.before(text, run, ("bsn", "referentie")) == "referentie":
            continue  # the end of a longer reference: "Betalingskenmerk 4012 3387 1254 0031"
        cue = cues.before(text, start, ("bsn", "referentie"))
        if cue == "bsn" and _a_date(groups, separators):
            continue  # "my BSN appointment is on 14-03-2025"
        if cue == "referentie" and is_bsn("".join(groups)) and (cues.bsn_past_a_plain_reference(text, start) or
                                                                 cues.person_path_before.search(text, 0, start) or
                                                                 cues.bsn_confirmed_after(text, end)):
            # "BSN ontbreekt in aanvraag, kl. geeft door: N", "object=persoon/N", "Zaak N ... dat is inderdaad mijn
            # BSN": the 11-test and a BSN's cue agree
            cue = "bsn"
        if cue == "bsn" or (cue is None and is_bsn("".join(groups))
                            and not _not_a_bsn_shape(groups, separators, text[:start])
                            and not cues.reference_in_clause(text, start)
                            and not cues.reference_in_sentence(text, start)
                            and not cues.reference_after(text, end)):
            yield Span(start, end, "bsn")


def _valid_iban_end(text: str, start: int, end: int) -> int | None:
    """The end of the longest valid IBAN that starts at ``start`` and ends at or before ``end``."""
    for stop in range(end, start, -1):
        if not text[stop - 1].isalnum():
            continue
        compact = re.sub(r"[\s.-]", "", text[start:stop])
        if len(compact) < _IBAN_LENGTHS.start:
            return None
        if stdnum_iban.is_valid(compact, check_country=False):  # not the national bank registries: they age
            return stop
    return None


# right before an IBAN: an organisation's name, its noun (group 1) and its own words, and its IBAN cue ("Uitvaartcentrum
# Vos & De Wit, IBAN "); not a noun alone ("schuld bij Kredietbank, IBAN ": the writer's account)
_NAMED_HOLDER_BEFORE = re.compile(r"(?<![^\W_])([A-Z][^\W\d_]{3,})"
                                  r"(?:[ \t]+(?:&|[A-Z][^\W\d_]*\.?|de|van|der|den|het|en))+"
                                  r"[ \t]*,[ \t]*(?i:iban|rekening(?:nummer)?|rek\.?(?:nr\.?)?)?[ \t]*:?[ \t]*\Z")


def only_zeros(value: str) -> bool:
    """Whether a value's digits are all zeros: a placeholder ("NL00TEST0000000000", "000000000"), no one's number."""
    return set(re.findall(r"\d", value)) == {"0"}


def find_ibans(text: str, cues: Cues, public: list[Span] | None = None) -> Iterator[Span]:
    """Valid IBANs of any country; after a cue ("rekeningnummer") also one with wrong check digits, unless its digits
    are all zeros (a placeholder: "NL00TEST0000000000"). Not a public
    body's or an organisation's account, named as its holder right after it ("NL38 BNGH 0285 0123 45 ten name van de
    gemeente") or before it ("IBAN van de Verein DE78 ...", "Camping De Gulperberg B.V., NL85 ..."), or held at a
    bank without private clients (``bank_publiek``): that goes to ``public`` when given."""
    at = 0
    while match := _IBAN.search(text, at):
        end = _valid_iban_end(text, match.start(), match.end())
        if end is None and cues.before(text, match.start(), ("iban",)) and not only_zeros(match.group()):
            # up to its last group with a digit: "NL91ABNA0417164301 en" is not "NL91ABNA0417164301 EN"
            end = match.start() + max(m.end() for m in re.finditer(r"\S*\d", match.group()))
            if len(re.sub(r"[\s.-]", "", text[match.start():end])) not in _IBAN_LENGTHS:
                end = None
        if end is None:
            at = match.start() + 1  # the greedy match may have run into the next IBAN: look again from here
            continue
        holder = cues.holder_after.match(text, end)
        before = None if holder else cues.account_holder_before.search(text, max(0, match.start() - 120),
                                                                        match.start())
        if before:
            # not when the words between say the account is the writer's: "... ik betaal vanaf mijn NL91..."
            holder = None if set(re.findall(r"[^\W\d_]+", before.group(2).lower())) & cues.own_account else before
        public_bank = re.sub(r"[\s.-]", "", text[match.start():end])[4:8].upper() in cues.public_banks
        organisation = ((named := cues.holder_words_after.match(text, end)) and (any(
            w.lower() in cues.email_public or cues.institution_noun(w) for w in named.group(1).split())
            or cues.legal_form.search(text[named.start(1):named.start(1) + 60].split("\n")[0]))) \
            or cues.legal_form_before.search(text, max(0, match.start() - 20), match.start()) \
            or ((named := _NAMED_HOLDER_BEFORE.search(text, max(0, match.start() - 80), match.start()))
                and cues.institution_noun(named.group(1))) \
            or ((compound := cues.account_of_before.search(text, max(0, match.start() - 40), match.start()))
                and cues.institution_noun(compound.group(1)))
        # ("t.n.v. Visser Podiumverhuur B.V.", "de verenigingsrekening NL28 ...": an organisation's)
        if not (public_bank or organisation or (holder and (holder.group(1).lower() in cues.email_public
                                                            or cues.institution_noun(holder.group(1))))):
            yield Span(match.start(), end, "iban")
        elif public is not None:
            public.append(Span(match.start(), end, "iban"))
        at = end


_PO_BOX = re.compile(r"(?<![^\W_])(?:postbus|antwoordnummer|p\.?o\.? box)[ \t]*\d{1,6}[ \t]*,?[ \t]*\Z", re.IGNORECASE)


def find_postcodes(text: str, cues: Cues) -> Iterator[Span]:
    """Dutch postcodes (1234 AB, 1234AB; lower case "1234 ab" after a cue), with a house number that follows."""
    for match in _POSTCODE.finditer(text):
        letters = match.group("letters")
        if (letters.startswith(" ") and letters.islower() and not cues.before(text, match.start(), ("postcode",))
                and not _AFTER_HOUSE_NUMBER.search(text, 0, match.start())):
            continue  # "in 2026 is"; but "stationssingel 21b 4811 ab" and "postcode 4811 ab" are postcodes
        if letters.islower() and letters.strip() in cues.not_postcode:
            continue
        if any(date.start() < match.start() < date.end() for date in cues.date.finditer(text, 0, match.end())):
            continue  # the year of a date: "op 23 mei 2025 om 14:00"
        if cues.example.search(text, max(0, match.start() - 30), match.start()) or _PO_BOX.search(
                text, max(0, match.start() - 30), match.start()):
            continue  # a form's example ("Postcode (bijv. 1234 AB)"), a PO box's ("Postbus 16200, 3500 CE Utrecht")
        if _RANGE_AFTER.match(text, match.end()) or _RANGE_BEFORE.search(text, max(0, match.start() - 20),
                                                                          match.start()):
            continue  # one end of a range of postcodes: an area
        house = _HOUSE_NUMBER.match(text, match.end())
        yield Span(match.start(), house.end() if house else match.end(), "postcode")


_LABEL_BEFORE = re.compile(r":[ \t]*\Z")  # a form's label right before a value


def _a_format(code: str) -> bool:
    """Whether a plate's shape is a format to fill in, not a plate: "XX-999-X", "99-XX-99"."""
    letters, digits = {c.upper() for c in code if c.isalpha()}, {c for c in code if c.isdigit()}
    return letters == {"X"} and digits <= {"9", "0"}


def _a_word_in_it(plate: str) -> bool:
    """A plate's shape with spaces whose letters are a common word in lower case: "1234 of" is a number and "of"."""
    return " " in plate and any(group.islower() and zipf_nl_en(group) >= 4.0
                                for group in re.findall(r"[^\W\d_]{2,}", plate))  # a letter alone is a plate's


def _no_ones_vehicle(text: str, start: int, end: int, cues: Cues) -> bool:
    """An organisation's vehicle ("dienstvoertuig VZ-619-T", "Scanauto SC-02 (kenteken ...", "VSB-12-K, op naam van
    de BV") or an example's plate ("bijvoorbeeld 12-ABC-3")."""
    holder = _IN_THE_NAME_OF.match(text, end)
    sentence = max(text.rfind(stop, 0, start) for stop in (". ", "? ", "! ", "\n")) + 1
    return bool(cues.service_vehicle_before.search(text, max(0, start - 100), start)
                or cues.example.search(text, max(0, start - 30), start)
                or cues.example_in_sentence.search(text, max(sentence, start - 120), start)
                or (holder and (cues.legal_form.match(holder.group(1)) or cues.institution_noun(holder.group(1))
                                or holder.group(1).lower() in cues.email_public)))


# right after a plate: whose name it is in ("op naam van de BV", group 1 the holder's word)
_IN_THE_NAME_OF = re.compile(r"[ \t]*[,(]?[ \t]*(?i:op[ \t]+naam[ \t]+van)[ \t]+(?:(?i:de|het)[ \t]+)?(\S+)")


def find_plates(text: str, cues: Cues) -> Iterator[Span]:
    """Dutch and Belgian plates in their sidecodes; after a cue also with spaces, and another country's; the next
    of a list after one ("kentekens 21-SNB-4 en DN-AB 77")."""
    found = []
    for pattern in (_PLATE, _PLATE_UNDASHED):
        for match in pattern.finditer(text):
            named = cues.before(text, match.start(), ("referentie", "kenteken"), 0)
            if _a_format(match.group()) or (named == "referentie" and not _LABEL_BEFORE.search(text, 0, match.start())):
                continue  # a format ("XX-999-X"), or a code its reference word names ("verkeersbesluit VB-23-17"),
                # not a plate a form's label lists ("Bezoekersvergunning: 67-ZHN-4")
            if _no_ones_vehicle(text, match.start(), match.end(), cues):
                continue
            found.append(match.end())
            yield Span(match.start(), match.end(), "licence_plate")
    for pattern, reach in ((_PLATE_AFTER_CUE, 4), (_FOREIGN_PLATE, 1)):
        at = 0
        while match := pattern.search(text, at):
            at = match.end()
            if _a_word_in_it(match.group()):
                at = match.start() + 1  # "is 23 RT" of "kenteken is 23 RT XB": the plate starts later
                continue
            listed = any(cues.next_in_list.fullmatch(text, end, match.start()) for end in found)
            if _no_ones_vehicle(text, match.start(), match.end(), cues):
                continue
            if (listed or cues.before(text, match.start(), ("kenteken",), reach)) and not _a_format(match.group()):
                found.append(match.end())
                yield Span(match.start(), match.end(), "licence_plate")


def find_birth_dates(text: str, cues: Cues) -> Iterator[Span]:
    """A date after a birth cue ("geboren op 3 mei 1980", "geb. 03-05-1980", "°02/11/1931") or right before one
    ("is op 17-01-2024 geboren"); other dates are what the question is about ("afspraak op 12 maart") and stay."""
    if not cues.may_name_a_birth(text):
        return
    for match in cues.date.finditer(text):
        if cues.birth_bound.search(text, max(0, match.start() - 30), match.start()):
            continue  # a group's bound: "kinderen geboren na 1 januari 2021"
        signed = text[match.start() - 1:match.start()] in cues.birth_signs  # glued: "* 12-03" is a bullet
        if signed or cues.before(text, match.start(), ("geboortedatum",)) or cues.born_after.match(text, match.end()):
            yield Span(match.start(), match.end(), "birth_date")


def find_identifiers(text: str, cues: Cues) -> list[Span]:
    """All spans of personal data with a fixed form in ``text``; they may overlap. Nothing within a public body's
    IBAN ("0285 0123 45" of "NL38 BNGH 0285 0123 45 ten name van de gemeente" is no phone number)."""
    public: list[Span] = []
    spans = [*find_emails(text, cues), *find_ibans(text, cues, public), *find_bsns(text, cues),
             *find_phones(text, cues), *find_spelled_phones(text, cues), *find_plates(text, cues),
             *find_birth_dates(text, cues), *find_postcodes(text, cues)]
    return [s for s in spans if not any(p.start <= s.start and s.end <= p.end for p in public)]
