"""What an "address" found in a text is when it is no one's home: a numbered list's label ("Post 1: ..."), a name
and a year ("Zomerfeest 2025"), a stretch of a street ("Lindelaan 1-39 (oneven)"), a count ("Dorpsstraat 2 keer"),
a date ("Buurtfeest 31 mei"); and a name that is the start of a street's ("Burgemeester" of "Burgemeester de
Withplein"). The name finder (``kcc.privacy.names``) asks these before it masks an address."""

from __future__ import annotations

import re

from kcc.privacy.cues import Cues

# at a line's start: a word, a number and a colon, a list's label ("Post 1: kruising ...")
_LIST_LABEL = re.compile(r"^[ \t]*(?:[-*•][ \t]*)?([^\W\d_]+)[ \t]+(\d{1,3})[ \t]*:", re.MULTILINE)


def a_list_label(text: str, start: int, end: int) -> bool:
    """Whether an "address" is a numbered list's label: a word, a number and a colon at a line's start, and the same
    word with another number at another line's ("Post 1: kruising ...", "Post 2: rotonde ..."); one line "Markt 5:
    kraam" stays an address."""
    labels = list(_LIST_LABEL.finditer(text))
    here = next((m for m in labels if m.start(1) == start and m.end(2) >= end), None)
    return here is not None and any(m.group(1) == here.group(1) and m.group(2) != here.group(2) for m in labels)


def named_year(text: str, start: int, end: int, cues: Cues) -> bool:
    """Whether an "address" is a name and a year: "Zomerfeest 2025", "Koningsdag 2026", "Kerstmarkt 2025": a number
    that reads as a year after words of which none is a street's word other than a square's ("Laan van Vollenhove
    2034", "Dorpsstraat 1990" are addresses; so is a street without one, "Het Spoor 4", with a number that is no
    year)."""
    match = re.fullmatch(r"(.*\S)\s+((?:19|20)\d{2})", text[start:end])
    # "xx" before a word: the street pattern wants a word before its ending, and "Laan" alone is a street's word;
    # a square's houses have low numbers ("Kerstmarkt 2025" is an event's year)
    return bool(match) and not any(cues.street.search(f"xx{word}") and not word.lower().endswith(cues.square_endings)
                                   for word in match.group(1).split())


_NUMBER_RANGE = re.compile(r"(\d{1,5})[ \t]*-[ \t]*(\d{1,5})(?!\d)")
_EVEN_OR_ODD = re.compile(r"[ \t]*\((?:on)?even\)", re.IGNORECASE)
_SEGMENT = re.compile(r"\d[ \t]*-[ \t]*\d+[ \t]*\((?:on)?even\)", re.IGNORECASE)


def a_street_segment(text: str, start: int, end: int) -> bool:
    """Whether the number of a street address is a range of house numbers, a stretch of the street and no one's
    home: "Lindelaan 1-39 (oneven)", and in a text that lists such stretches also one without "(even)" ("Beukenweg
    100-140"). Elsewhere a higher second number is a flat's ("Stationsplein 8-204") and a lower one an addition
    ("Kerkstraat 12-2")."""
    numbers = _NUMBER_RANGE.search(text, start, end)
    if not numbers or int(numbers.group(2)) <= int(numbers.group(1)):
        return False
    return bool(_EVEN_OR_ODD.match(text, end) or _SEGMENT.search(text))


def counted(text: str, start: int, end: int, cues: Cues) -> bool:
    """Whether the number of a street address is a count: "Lijsterbeslaan 3x", "Dorpsstraat 2 keer"."""
    number = re.search(r"\d", text[start:end])
    return bool(number) and bool(cues.count.match(text, start + number.start()))




_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])[-/.]0[1-9](?![\d/.-]?\d)")


def dated(text: str, start: int, end: int, cues: Cues) -> bool:
    """Whether the number of an "address" is a day: a month follows ("Buurtfeest 31 mei"), also after a range of
    days ("kermis Hoogstraat 22-28 juni"), or it is a day and a month written with a leading zero ("Parkpop
    Zuiderpark 28-06": a house number's addition has none)."""
    number = re.search(r"\d", text[start:end])
    if number and _DAY_MONTH.match(text, start + number.start()):
        return True
    after = re.match(r"(?:[ \t]*[-–][ \t]*\d{1,2})?[ \t]+([^\W\d_]+)", text[end:])
    return bool(after) and after.group(1).lower() in cues.months


_INITIAL = re.compile(r"\.|(?:[A-Z][a-z]{0,3}\.)+")


def before_a_street(text: str, end: int, streets: list[tuple[int, int]], cues: Cues) -> bool:
    """Whether a name ends in a particle that begins a street's name: "Burgemeester" of "Burgemeester de
    Withplein", which deduce cut in two (a name ends in no particle; "Jansen, Kerkstraat" is two things)."""
    for street_start, _ in streets:
        between = text[end:street_start].split()
        if street_start > end and between and all(w.lower() in cues.particles or _INITIAL.fullmatch(w)
                                                  for w in between):
            return True  # "Burgemeester de Withplein", "Mr. Jac. Takkade" (deduce took "Jac" for a name)
    return False
