"""Values that a label names: what forms, exports and case systems paste into a note. A column's header ("naam;
geboortedatum;postcode", "| naam | geb.dat |"), a line's label ("Achternaam: Gebremedhin"), a JSON key
(``"voornaam":"Siti"``) or an XML element (``<geslachtsnaam>Doelwijt</geslachtsnaam>``) says what the value is, where
the value alone does not: "Ramdin" in a column of surnames, "19870312" in a column of dates of birth. So does a log's
key before its quoted value (``name='Jolanda Reinders'``).

The labels are data (``veldlabel`` in ``kcc/data/privacy.yaml``: a label's word -> the kind of personal data); an
organisation's number or account ("aanbieder_iban", "IBAN werkgever") and a case number ("zaaknummer") are no
one's. A value is masked only when
it has the shape of its kind (a date, a number, words that can be a name) and is no placeholder ("(niet ingevuld)",
"***", ``null``, only zeros for digits: "NL00TEST0000000000"): an empty form says nothing about anyone.

Example::

    labelled_values("achternaam;geboortedatum\\nNowak;19920628", cues)
    # [Span(25, 30, "name"), Span(31, 39, "birth_date")]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kcc.privacy.cued_names import spoken_not_a_name
from kcc.privacy.cues import Cues
from kcc.privacy.identifiers import Span, only_zeros
from kcc.privacy.institutions import institution_word

_DELIMITERS = ("\t", "|", ";", ",")
_LABEL_WORD = re.compile(r"[^\W\d_]+(?:[.-][^\W\d_]+)*\.?")
_COLUMN_LETTER = re.compile(r"^[A-Z][ \t]*:[ \t]*")  # "A: naam" in a spreadsheet's header
_LINE = re.compile(r"^[ \t]*(?:[-*•]|\d{1,2}[.)])?[ \t]*(?P<label>[^\W\d][^:\n]{0,40}?)[ \t]*:[ \t]*(?P<value>[^\n]*?)"
                   r"[ \t]*$", re.MULTILINE)
_JSON = re.compile(r"\"(?P<label>[^\"\n]{1,40})\"[ \t]*:[ \t]*\"(?P<value>[^\"\n]*)\"")
# a log's key and quoted value: "name='Jolanda Reinders'", "evenement='Zomer op de Markt'"
_KEY_VALUE = re.compile(r"(?<![\w.-])(?P<label>[^\W\d][\w.-]{0,40})=(?P<quote>['\"])(?P<value>[^'\"\n]*)(?P=quote)")
_XML = re.compile(r"<(?P<label>[A-Za-z][\w.-]{0,40})>(?P<value>[^<>\n]*)</(?P=label)>")
# the shapes of a value of each kind; a name: up to six words of letters (initials, particles, "Achternaam, V.")
_NAME = re.compile(r"(?:[^\W\d_]\.|[^\W\d_]+)(?:(?:[ \t]+|[ \t]*,[ \t]*|-|['’]|(?<=\.))(?:[^\W\d_]\.|[^\W\d_]+)){0,5}")
_SHAPES = {
    "bsn": re.compile(r"\d(?:[ .]?\d){7,8}"),
    "iban": re.compile(r"[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}"),
    "phone": re.compile(r"\+?[\d()][\d ()./-]{7,18}\d"),
    "postcode": re.compile(r"\d{4}[ ]?[A-Za-z]{2}"),
    "licence_plate": re.compile(r"[A-Za-z0-9]{1,3}-?[A-Za-z0-9]{1,3}-?[A-Za-z0-9]{1,3}"),
    "address": re.compile(r"[^\W\d_][^\W\d_' .-]*(?:[ .'-]+[^\W\d_]+)*\.?"
                          r"(?:[ \t]+\d{1,5}(?:[ \t-]?[A-Za-z0-9]{1,4})?)?"),
}
_OCR_DIGITS = str.maketrans("OoIl", "0011")
_COMPACT_DATE = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")


def _kind(label: str, cues: Cues) -> str | None:
    """The kind of data a label names, or None: by the whole label ("geb.dat", "e-mail"), else by its words ("naam
    partner", "geboortedatum kind"); "reference" for a case number's label and an organisation's number or account
    ("aanbieder_iban"): no one's. An organisation's name ("naam werkgever") and a label that names no data ("Team
    Parkeren:") give None."""
    lower = _COLUMN_LETTER.sub("", label.strip(" \t\"'*:")).lower()  # "A: naam" in a spreadsheet's header
    if lower in cues.field_labels:
        return cues.field_labels[lower]
    words = [w.strip(".") for w in re.split(r"[\s_/]+", lower) if w]
    if not words or len(words) > 4:
        return None
    kinds = [cues.field_labels[w] for w in words if w in cues.field_labels]
    if any(w in cues.organisation_labels for w in words):  # the organisation's phone number, not "Team Parkeren:"
        return "reference" if kinds and "name" not in kinds else None
    return kinds[0] if len(set(kinds)) == 1 else None


def _a_name(name: str, cues: Cues) -> bool:
    """Words that can be a person's name: each capitalised, an initial or a particle ("De Graaf", "Kidane, Yonas",
    "van Dijk, J."), none a role's or an institution's word ("Paspoort aanvragen", "Team Noord" are no one)."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    if any(w.lower() in cues.organisation_before for w in words[:-1]):
        return False  # "Taxi Centrale Hoek", "Kinderopvang De Kleine Reus"
    return all((w[:1].isupper() or w.lower() in cues.particles) and w.lower() not in cues.not_names
               and not institution_word(w, cues) for w in words) and any(w[:1].isupper() for w in words)


def _a_value(value: str, kind: str, cues: Cues, beside_number: bool = True) -> tuple[int, int] | None:
    """Where in ``value`` the data of ``kind`` is, if the value has its shape: a placeholder, a masked value or an
    organisation's name is none; a street without a number is an address only ``beside_number`` (a form's own field
    for it). E-mail addresses are left to their finder, which knows a team's mailbox."""
    stripped = value.strip(" \t\"'_")  # "___Pieter Bos___": a form's line, filled in
    if not stripped or kind == "email" or stripped.lower() in cues.empty_values or \
            re.search(r"[*{}<>\[\]]|x{2}", stripped.lower()) or only_zeros(stripped):
        return None
    start = value.index(stripped)
    if kind == "reference":
        return start, start + len(stripped)
    if kind == "name":
        match = _NAME.match(stripped)
        name = match.group().rstrip(", ") if match else ""
        if not name or not _a_name(name, cues) or cues.legal_form.search(stripped):
            return None
        return start, start + len(name)
    if kind == "birth_date":
        match = cues.date.fullmatch(stripped) or _COMPACT_DATE.fullmatch(stripped)
        return (start, start + len(stripped)) if match else None
    match = _SHAPES[kind].fullmatch(stripped)
    if not match and kind == "phone":
        # read by OCR, a letter for a digit: "O6-2O481537"
        match = _SHAPES[kind].fullmatch(stripped.translate(_OCR_DIGITS)) if re.search(r"\d.*\d", stripped) else None
    if not match or (kind == "licence_plate" and not re.search(r"\d", stripped)) or \
            (kind == "address" and not beside_number and not re.search(r"\d", stripped)):
        return None
    return start, start + len(stripped)


def _cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """The cells of a line as (start, end), a quoted cell's quotes left out ("Bosma, Auke" is one cell)."""
    cells, start, quoted = [], 0, False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append((start, i))
            start = i + 1
    cells.append((start, len(line)))
    if delimiter == "|":  # "| naam | geb.dat |": the outer bars
        cells = [c for i, c in enumerate(cells) if line[c[0]:c[1]].strip() or 0 < i < len(cells) - 1]
    return [(s + len(line[s:e]) - len(line[s:e].lstrip(' \t"')), e - len(line[s:e]) + len(line[s:e].rstrip(' \t"')))
            for s, e in cells]


def _tables(text: str, cues: Cues) -> Iterator[Span]:
    """Values under a header line that names their kind, in the lines below it with as many cells. A table with an
    organisation's column and none for a person's name ("Team;Telefoon", "kenteken;type;afdeling") lists an
    organisation's details: its values are "reference" (no one's)."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    index = 0
    while index < len(lines):
        at, line = lines[index]
        index += 1
        for delimiter in _DELIMITERS:
            header = _cells(line, delimiter)
            # a header is short labels, one at least known: "Mijn buurvrouw (...), zij spreekt" is none
            if len(header) < 2 or any(not line[s:e].strip() or len(line[s:e].split()) > 4 for s, e in header):
                continue
            kinds = [_kind(line[s:e], cues) for s, e in header]
            if not any(kinds):
                continue
            if "name" not in kinds and any(line[s:e].strip().lower() in cues.organisation_labels for s, e in header):
                kinds = ["reference" if kind else None for kind in kinds]
            numbered = any(line[s:e].strip(" \"'").lower() in cues.house_number_labels for s, e in header)
            while index < len(lines):
                row_at, row = lines[index]
                if re.fullmatch(r"[ \t|:+-]*", row):  # a Markdown table's rule
                    index += 1
                    continue
                cells = _cells(row, delimiter)
                if len(cells) != len(header):
                    break
                for (start, end), kind in zip(cells, kinds, strict=True):
                    found = kind and _a_value(row[start:end], kind, cues, numbered)
                    if found:
                        yield Span(row_at + start + found[0], row_at + start + found[1], kind)
                index += 1
            break


def _labelled(text: str, cues: Cues, pattern: re.Pattern[str]) -> Iterator[Span]:
    for match in pattern.finditer(text):
        kind = _kind(match.group("label"), cues)
        if kind is None:
            continue
        value = match.group("value")
        if kind == "name" and pattern is _LINE:
            # up to what follows the name ("Tesfay Gebrehiwet, BSN ..."), not its first name after a comma ("JANSEN,
            # PIETER (zoon)", "Yılmaz, Ayşe")
            value = re.split(r"[;(]|,(?![ \t]*[^\W\d_]+\.?[ \t]*(?:$|[(,;]))| - ", value)[0]
        after = text[match.end():match.end() + 80].lower() if kind == "address" else ""
        numbered = any(re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", after)
                       for w in cues.house_number_labels)  # only an address asks: "straat: ... huisnummer: ..."
        found = _a_value(value, kind, cues, numbered)
        if found and kind == "name" and pattern is _LINE and \
                spoken_not_a_name(text, match.start(), match.start("value"), match.start("value") + found[1], cues):
            continue  # what a speaker says, not their name: "Klant: Mag ik op zondag open?"
        if found:
            yield Span(match.start("value") + found[0], match.start("value") + found[1], kind)


def labelled_values(text: str, cues: Cues) -> list[Span]:
    """Spans of the values that a column header, a line's label, a JSON key, an XML element or a log's key names as
    personal data (see the module's docstring), and of kind "reference" those it names as no one's (a case number, an
    organisation's details): what another finder found inside one of those is no personal data."""
    if ":" not in text and not any(d in text for d in _DELIMITERS) and "<" not in text and "=" not in text:
        return []
    return [*_tables(text, cues), *_labelled(text, cues, _LINE), *_labelled(text, cues, _JSON),
            *_labelled(text, cues, _XML), *(_labelled(text, cues, _KEY_VALUE) if "=" in text else ())]
