"""Personal data out of what the service keeps: residents tell an agent their BSN, phone number, address or date
of birth, and agents type questions as they hear them. The contact log and the logs keep the question, not the
person (AVG: data minimisation).

Two maskers:

- ``mask_personal_data``: everything, names and street addresses included, with deduce's Dutch name and street
  lists (loaded once per process, lazily: 2-4 s and 1.1 GB; a minute the first time after an install), then
  about 1 ms a question. For what is stored: the contact log (question, forwarded_to), feedback, grades; and log
  lines, once the lists are loaded (``kcc.logs``).
- ``mask_identifiers``: the personal data with a fixed form only (checksums, published formats), without the
  lists: 0.1 ms a question. For the answer path, where every question pays for it (``kcc.answer``).

Measured on the development machine (2 cores) over the 1,166 gold questions of ``eval/gold`` (2026-12-02).

Usage::

    mask_personal_data("Mevrouw Jansen, bsn 111222333, Kerkstraat 12, bel 06-12345678")
    # 'Mevrouw [naam], bsn [BSN], [adres], bel [telefoonnummer]'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date

from kcc.privacy.cues import Cues, load_cues
from kcc.privacy.deduce_model import load, loaded
from kcc.privacy.fields import labelled_values
from kcc.privacy.identifiers import Span, find_identifiers, is_bsn, plain_address
from kcc.privacy.letters import senders_addresses, signers, without_letterheads
from kcc.privacy.mailboxes import find_owner_mailboxes, is_word_mailbox
from kcc.privacy.name_spread import names_again, names_around
from kcc.privacy.names import find_names_and_addresses
from kcc.privacy.spoken import read_out

__all__ = ["PLACEHOLDER", "PLACEHOLDERS", "is_bsn", "mask_identifiers", "mask_personal_data", "warm_up", "ready"]

# kind -> placeholder, in order of precedence where two finds overlap (an e-mail address holds a name, an
# address a number)
PLACEHOLDERS = {
    "email": "[e-mailadres]",
    "iban": "[IBAN]",
    "bsn": "[BSN]",
    "phone": "[telefoonnummer]",
    "licence_plate": "[kenteken]",
    "birth_date": "[geboortedatum]",
    "postcode": "[postcode]",
    "address": "[adres]",
    "name": "[naam]",
}
PLACEHOLDER = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))
_RANK = {kind: rank for rank, kind in enumerate(PLACEHOLDERS)}


def _merge(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans as one, named after the kind that comes first in ``PLACEHOLDERS``: nothing of either
    stays readable."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            kind = min(last.kind, span.kind, key=_RANK.__getitem__)
            merged[-1] = Span(last.start, max(last.end, span.end), kind)
        else:
            merged.append(span)
    return merged


def _replace(text: str, spans: Iterable[Span]) -> str:
    parts, at = [], 0
    for span in _merge(spans):
        parts.append(text[at:span.start])
        parts.append(PLACEHOLDERS[span.kind])
        at = span.end
    parts.append(text[at:])
    return "".join(parts)


def _read_out_too(find: Callable[[str, Cues], list[Span]], text: str, cues: Cues) -> list[Span]:
    """What ``find`` finds in ``text``, also where numbers and letters are read out in words ("bsn is zes nul
    negen ..."): found in the copy with them written out, mapped back onto the words."""
    spoken = read_out(text, cues)
    if spoken is None:
        return find(text, cues)
    return [Span(*spoken.original(s.start, s.end), s.kind) for s in find(spoken.text, cues)]


def mask_identifiers(text: str) -> str:
    """``text`` with BSNs, IBANs, phone numbers, e-mail addresses, postcodes, licence plates and dates of birth
    replaced by a placeholder; names and street addresses stay (see ``mask_personal_data``)."""
    if not text:
        return text
    return _replace(text, _read_out_too(find_identifiers, text, load_cues()))


def mask_personal_data(text: str, *, today: date | None = None) -> str:
    """``text`` with all personal data replaced by a placeholder: what ``mask_identifiers`` masks, and names and
    street addresses. The first call in a process loads deduce's lists (see ``warm_up``).

    :param today: the day the text was written (default: today). A whole date beside a name is read as a date of
        birth when it lies two years or more before it; a text masked again later (a test set) passes its own day.
    """
    if not text:
        return text
    return _replace(text, _read_out_too(lambda t, c: _personal_data(t, c, today or date.today()), text, load_cues()))


def _personal_data(text: str, cues: Cues, today: date) -> list[Span]:
    # a team's mailbox named by a common word ("kwijtschelding@...") needs the name lists to tell it from a person's
    identifiers = [s for s in find_identifiers(text, cues)
                   if s.kind != "email" or not is_word_mailbox(plain_address(text[s.start:s.end]), cues)]
    public: list[Span] = []
    labelled = labelled_values(text, cues)
    spans = [*identifiers, *find_names_and_addresses(text, cues, public), *find_owner_mailboxes(text, cues),
             *(s for s in labelled if s.kind != "reference")]
    # a case number's or an organisation's field holds no one's data, whatever its digits look like
    cleared = [s for s in labelled if s.kind == "reference"]
    spans = [s for s in spans if not any(c.start <= s.start and s.end <= c.end for c in cleared)]
    # an institution's postcode, right after its address: "het gemeentehuis, Raadhuisplein 1, 2801 HK"; and its phone
    # number after them and its place: "Autobedrijf Jansen, Industrieweg 22, 6541 TP Nijmegen, tel. 024 ..."
    spans = [s for s in spans if not any(a.end <= s.start and (
        (s.kind == "postcode" and _BESIDE.fullmatch(text, a.end, s.start))
        or (s.kind == "phone" and _PLACE_AND_PHONE_CUE.fullmatch(text, a.end, s.start))) for a in public)]
    spans += _dates_beside_a_person(text, spans, cues, today)
    spans = [*spans, *_postcodes_after_an_address(text, spans), *names_around(text, spans, cues)]
    spans = without_letterheads(text, spans, cues)
    spans += senders_addresses(text, spans) + signers(text, cues)
    return spans + names_again(text, spans, cues)


# right after an address: another country's postcode before its place ("Kleikstraße 27, 52134 Herzogenrath",
# "Statiestraat 45 bus 3, B-3630 Maasmechelen"); a Dutch one has its own finder
_FOREIGN_POSTCODE = re.compile(r"[ \t]*,?[ \t]*((?:[A-Z]{1,2}[ \t]?-[ \t]?)?\d{4,5})(?=[ \t]+[A-ZÀ-Ž][^\W\d_])")


def _postcodes_after_an_address(text: str, spans: list[Span]) -> list[Span]:
    return [Span(match.start(1), match.end(1), "postcode") for a in spans if a.kind == "address"
            and (match := _FOREIGN_POSTCODE.match(text, a.end))]


# between an address and a phone number: its postcode and place, if any, and a phone cue ("tel.", "T")
_PLACE_AND_PHONE_CUE = re.compile(r"[ \t]*,?[ \t]*(?:[1-9]\d{3}[ \t]?[A-Z]{2}[ \t]+)?"
                                  r"(?:[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?)?[ \t]*[,|]?[ \t]*"
                                  r"(?:(?i:tel|telefoon|t|phone)\.?:?[ \t]*)?")
_BESIDE = re.compile(r"[ \t]*[,;()]?[ \t]*[,;()]?[ \t]*")  # "Jansen, 1996-07-23", "Bos (7 oktober 1939)"


def _dates_beside_a_person(text: str, spans: list[Span], cues: Cues, today: date) -> list[Span]:
    """A date of birth without a birth cue: a whole date right beside a name or a BSN, in a list or in brackets
    ("Kl. Jansen, 23-07-1996, bsn ...", "mijn vader, Jan Bos (7 oktober 1939)"), at least two years ago (an
    appointment's date beside a name is recent or to come)."""
    people = [s for s in spans if s.kind in ("name", "bsn")]
    if not people:
        return []
    found = []
    for match in cues.date.finditer(text):
        year = re.search(r"(?:19|20)\d{2}(?!\d)", match.group())
        if not year or int(year.group()) > today.year - 2:
            continue
        if any((s.end <= match.start() and _BESIDE.fullmatch(text, s.end, match.start()))
               or (match.end() <= s.start and _BESIDE.fullmatch(text, match.end(), s.start)) for s in people):
            found.append(Span(match.start(), match.end(), "birth_date"))
    return found


def warm_up() -> None:
    """Load deduce's lists now (2-4 s; a minute the first time after an install), so that the first text to
    store does not wait. Safe to call twice and from several threads."""
    load_cues()
    load()


def ready() -> bool:
    """Whether ``mask_personal_data`` runs without loading first."""
    return loaded()
