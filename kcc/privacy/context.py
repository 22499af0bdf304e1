"""What the words around a capitalised word say it is when it is no person: a place, a country, an institution or
a shop named after someone, a pet, a date, an institution's address ("het stadhuis aan de Amstel 1"). The name
finder (``kcc.privacy.names``) asks these before it masks; the words are data in ``kcc/data/privacy.yaml``."""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache
from typing import Any

from kcc.privacy.cues import Cues
from kcc.spelling import zipf, zipf_nl_en

_REST_OF_WORD = re.compile(r"(?:\w|['’-](?=\w))*")  # a closing quote or a dash after a word is not the word's
_NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
_AMPERSAND_BEFORE = re.compile(r"[ \t]*&[ \t]*$")
_AND_BEFORE = re.compile(r"[ \t]*&[ \t]*$")
_PARTNER = re.compile(r"[ \t]*&[ \t]+((?:[\w'’-]+[ \t]+){1,3}[\w'’-]+)")
_AT_AN_INSTITUTION = re.compile(r"(\S+)[ \t]+(?:aan|op|in|at|on)(?:[ \t]+(?:de|het|den|the))?[ \t]+$")
# a sentence that starts with "op"/"aan"/"in" and the address, after a sentence that names an institution (group 1)
_PREVIOUS_SENTENCE_AT = re.compile(r"([^.!?\n]+)[.!?]+[ \t]+(?:op|aan|in|at|on)(?:[ \t]+(?:de|het|den|the))?[ \t]+$",
                                   re.IGNORECASE)
# an institution's common noun right before the address: "bij afvalbrengstation Handelsweg 3-5", "adres
# milieustraat: Energieweg 20"
_AFTER_AN_INSTITUTION = re.compile(r"(?<![^\W_])([^\W\d_A-Z]+)[ \t]*:?[ \t]+$")
# ... or its common noun (and its name), then a comma or a bracket: "basisschool De Regenboog, Schoolstraat 21", "het
# gemeentehuis, Raadhuisplein 1", "bij Rijksmuseum Twenthe (Lasondersingel 129-131)"
_AFTER_A_NAMED_INSTITUTION = re.compile(r"(?<![^\W_])([^\W\d_]+)(?:[ \t]+['‘\"]?"
                                        r"(?:(?:De|Het|Den|'t|de|het|van|voor|der|den)[ \t]+)*"
                                        r"(?:[A-Z][^\W\d_]*(?:-[A-Z][^\W\d_]*)?[ \t]+){0,2}"
                                        r"[A-Z][^\W\d_]*(?:-[A-Z][^\W\d_]*)?['’\"]?)?(?:,[ \t]+|[ \t]*\([ \t]*)$")
# a word this common in Dutch (wordfreq's Zipf scale: "groen" 4.8, "wonen" 5.1; the surname "Visser" 4.1) is more
# likely a sub-team's name than a surname after a department's name
COMMON_WORD_ZIPF = 4.5
# a possessive right before a capitalised word: a named day or a shop ("King's Day", "Jan's Garage")
_POSSESSIVE_NOUN = re.compile(r"['’]s[ \t]+[A-Z]")
_WEB_DOMAIN = re.compile(r"\.[a-z]{2,6}\b")
# a compound with a lower-case noun after a hyphen ("Philips-wasmachine"); not a surname's particle ("Jansen-van Dijk")
_GLUED_NOUN = re.compile(r"-(?!(?:van|de|der|den|ten|ter|te|het)\b)[a-zà-ÿ]{4,}")
# an opening quote before a name, at a word's start, with no quote between ("'Ik hou " before "van Holland'"), and
# the closing one after it, at a word's end; not a value's quote after "=", "[", a comma or a colon and a space
# ("first=[T-2025-120100, 'Kees van der Zwaag', ...]", "Naam: 'Joost Lansink'"), nor after "door" or "by" (who did it:
# "ingediend door 'Willemijn Hoogland'")
_QUOTE_OPENS = re.compile(r"(?:^|(?<=[\s(]))(?<![=\[,:][ \t])(?<![Dd]oor )(?<![Bb]y )['‘\"“][^'‘’\"“”.!?\n]{0,40}\Z")
_QUOTE_CLOSES = re.compile(r"[^'‘’\"“”.!?\n]{0,40}['’\"”](?![^\W_])")
_VERSE = re.compile(r"[ \t]+\d{1,3}:\d{1,3}\b")


def starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(“‘")
    return not before or before[-1] in ".!?:;\n"


@cache
def country_names() -> frozenset[str]:
    """Country names in Dutch and English, in lower case, also without accents ("polen", "poland", "syrie"):
    phonenumbers' region names. "Poland" is a surname in deduce's lists, and no one's name in "moved here from
    Poland"."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    names = set()
    for region in LOCALE_DATA.values():
        for language in ("nl", "en"):
            name = region.get(language)
            for _ in range(3):  # "*aa": the name as in that language
                if name and name.startswith("*"):
                    name = region.get(name[1:])
            if name and not name.startswith("*"):
                names.add(name.lower())
    return frozenset(names | {without_accents(n) for n in names})


def without_accents(word: str) -> str:
    """``word`` without its accents: "Jürgen" → "Jurgen", "Curaçao" → "Curacao"."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# how rare in Dutch (wordfreq's Zipf scale) a name's word must be to be a name where a sentence starts, after a
# speaker's label ("Medewerker: Femke"), and for its other occurrences to be the name too ("Milan", "Olena", "Johan"
# 4.4); not "Mark" (4.7) or "Post" (4.9), which are words as well
RARE_NAME_WORD = 4.5


def rare_as_a_word(word: str) -> bool:
    """Rare enough in Dutch and in English to be a name where its capital says nothing (``RARE_NAME_WORD``)."""
    return zipf_nl_en(word.lower()) < RARE_NAME_WORD


def is_place(cues: Cues, words: str, countries: bool = True) -> bool:
    """A country or a nationality, not a name: "from Poland", "een Duits rijbewijs", "ik ben Nederlander". Right
    after a person cue a country is a name ("mijn zoon Jordan"): ``countries=False``."""
    return words.lower() in cues.nationalities or (countries and words.lower() in country_names())


def institution_word(word: str, cues: Cues, surnames: Any = None) -> bool:
    """Whether ``word``, or a part of it before a hyphen, ends in an institution word and is no surname from the
    lists: "Juliana Ziekenhuis", "Cultuurfonds-regeling", "Anne Frankhuis-tentoonstelling"; not "Veldhuis-Jansen",
    nor a double surname whose last part is one ("Mulder-Kamphuis")."""
    parts = [word[:i] for i, char in enumerate(word) if char == "-" and i] + [word]
    return any(cues.institution.search(part) and (surnames is None or (
        [part] not in surnames and [part.rsplit("-", 1)[-1]] not in surnames)) for part in parts)


def is_institution(text: str, start: int, end: int, cues: Cues, surnames: Any, cued: bool = False) -> bool:
    """Whether the name at ``start``-``end`` is (part of) an institution's name, also one named after a person
    ("Koning Willem-Alexanderschool", "Anne Frank-huis", "Maria Montessori Lyceum"), or of a street whose word
    deduce cut off ("Willem Alexander" of "Willem Alexanderlaan"), or of a company ("De Jong & Zn.", "Bakkerij De
    Korenschoof"): the word it ends in, to its end, or the next word ends in an institution word and is no surname
    from the lists ("Veldhuis"), a legal form follows, or a word before its last is a club's or shop's word.
    Right after a person cue ("my name is Dong-hyun Park", "mw Van Hal") an institution word on its own is a
    surname."""
    word_end = _REST_OF_WORD.match(text, end).end()
    words = text[start:word_end].split()
    last = words[-1].strip("'’-")
    if institution_word(last, cues, surnames):
        return True
    named = _NAMED_BY_AN_INSTITUTION.search(text, max(0, start - 60), start) or \
        _RIGHT_AFTER_ITS_NOUN.search(text, max(0, start - 40), start)
    if named and cues.institution_noun(named.group(1)):
        return True  # "Kinderopvang De Kleine Reus", "Basisschool Het Kompas", "Stichting Van Oud naar Nieuw"
    form = cues.legal_form.search(text, start)  # in it or right after it, not at its start
    if form and form.start() <= word_end and text[start:form.start()].strip():
        return True  # "De Jong & Zn.", "Van Leeuwen B.V. uit Zwolle" (deduce took "B.V." for initials)
    ampersand = _AMPERSAND_BEFORE.search(text, max(0, start - 4), start)
    if ampersand and cues.legal_form.match(text, ampersand.start()):
        return True  # "Co" of "Kapsalon Petra & Co"
    if _a_firms_partner(text, start, cues, surnames):
        return True
    partner = _PARTNER.match(text, word_end)  # "Van der Linden & Bakker Advocaten"
    if partner and any(w.lower() in cues.institution_words or cues.legal_form.fullmatch(w)
                       for w in partner.group(1).split()[1:]):
        return True  # "Jansen & Bakker VOF"
    if any(w.lower() in cues.organisation_before for w in words[:-1]):
        return True  # "van Bakkerij De Korenschoof", "GGD Hollands Noorden": no one's name holds such a word
    a_street = cues.street.search(last) and not _a_double_surname(last, surnames)
    if word_end > end and a_street:
        return True
    if len(words) > 1 and last[:1].isupper() and last.lower() in cues.foreign_street_words and \
            not re.match(r"[ \t]*\d", text[word_end:]):
        return True  # a street's name in another language, without a number: "Rose Street" ("Street" is a surname)
    following = _NEXT_WORD.match(text, word_end)
    if following and institution_word(following.group(1), cues):
        return True
    if following and following.group(1).lower() in cues.institution_words and \
            re.match(r"[ \t]*(?:[,.!?;:]|$)", text[following.end():]):
        return True  # the institution's word ends the phrase: "this is Wervelde municipality, how can I help"
    if cued:
        return False
    if following and following.group(1).lower() in cues.named_events:
        return True  # an event or a prize named after a person: "de Pieter Zeeman lezing", "de Johan Cruijff Schaal"
    if (titled := _TITLED_BY_AN_INSTITUTION.search(text, max(0, start - 60), start)) and \
            cues.institution_noun(titled.group(1)) and not cues.after_team_word.search(text, titled.start(1),
                                                                                      titled.start(2)) and \
            not any([w] in surnames or w.lower() in cues.particles for w in titled.group(2).split()):
        return True  # its own words before the name: "Stichting Derdengelden Van der Linden"; a team's are not
        # ("Afdeling Burgerzaken Pietersen")
    if (following and following.group(1)[:1].isupper() and (cues.street.search(following.group(1))
                                                            or following.group(1).lower() in cues.foreign_street_words)
            and not re.match(r"[ \t]*\d", text[following.end():])):
        return True  # a street's or market's name without a number: "Albert" of "Albert Cuypmarkt", "Rose Street"
    if a_street and [last] not in surnames:
        return True  # "Willem-Alexanderbrug" after "Koning": a street's or a bridge's name; "mw Westdijk" stays
    if following and following.group(1).lower() in cues.institution_words:
        return True
    # "Maria Montessori Lyceum", "Huis" of "Anne Frank Huis"; not "Van Hal"
    return last.lower() in cues.institution_words and (len(words) == 1 or words[-2].lower() not in cues.particles)


def _a_double_surname(word: str, surnames: Any) -> bool:
    """Surnames of the lists joined by hyphens ("Dijk-Hoek" of "Cornelia van Dijk-Hoek"), though one ends like a
    street ("Hoek")."""
    parts = word.split("-")
    return len(parts) > 1 and all([part] in surnames for part in parts)


_FIRM_WORDS = 5  # "Stichting Derdengelden Van der Linden & Bakker"


def _a_firms_partner(text: str, start: int, cues: Cues, surnames: Any) -> bool:
    """Whether the name at ``start`` follows "&" and a firm's name that starts with an institution word, one to
    five capitalised words or particles after it: "Jansen" of "Advocatenkantoor De Wit & Jansen"."""
    joined = _AND_BEFORE.search(text, max(0, start - 80), start)
    if not joined:
        return False
    words = text[max(0, start - 80):joined.start()].split()
    for count in range(1, min(_FIRM_WORDS, len(words) - 1) + 1):
        if not all(w[:1].isupper() or w.lower() in cues.particles for w in words[-count:]):
            return False
        if institution_word(words[-count - 1], cues, surnames) or (
                count > 1 and cues.institution_noun(words[-count - 1]) and words[-count - 1][:1].isupper()):
            return True
    return False


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


WORD_BEFORE = re.compile(r"([^\s]+)[ \t]+$")


def named_after_a_person(text: str, start: int, end: int, cues: Cues, first_names: Any) -> bool:
    """Whether the name at ``start``-``end`` names a club, shop or place after a person: right after a club's
    word or an institution's ("sportclub VV Jan Ligthart", "FC Johan Cruijff", "sportpark Johan Cruijff"), or after
    an article when it has two or more capitalised words ("Bij de Albert Heijn"; not "Jan de Vries Bakker", where
    "de" is a particle after a name, nor "de heer Jansen"). A capitalised word before the article is a name's part
    unless it only starts the sentence."""
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    if not before:
        return False
    word = before.group(1)
    if word.lower() in cues.organisation_before | cues.institution_words or cues.institution.search(word):
        return True  # "sportpark Johan Cruijff", "basisschool De Vries"
    if word not in cues.articles:  # as written: "De Vries" at a sentence's start is a surname
        return False
    capitalised = [w for w in text[start:end].split() if w[:1].isupper() and w.lower() not in cues.particles]
    following = _NEXT_WORD.match(text, end)  # a capitalised word right after it is part of the shop's name
    if following and following.group(1)[:1].isupper() and following.group(1).lower() not in cues.particles:
        capitalised.append(following.group(1))  # "bij de Hans Anders", where "Anders" is a common word too
    if len(capitalised) < 2:
        return False
    previous = WORD_BEFORE.search(text, max(0, before.start() - 40), before.start())
    if not previous or not previous.group(1)[:1].isupper():
        return True
    return starts_sentence(text, previous.start(1)) and [previous.group(1)] not in first_names


_LISTED_BEFORE = re.compile(r"(\S+?)[ \t]*(?:[ \t](?:en|and|&)[ \t]+|,[ \t]*|[ \t]+[(\[“\"']|[ \t]+)$")


# right after a name: a comma, a possessive or an article, a word ("Max, onze puppy")
_ANIMAL_AFTER = re.compile(r"[ \t]*,[ \t]*([^\W\d_]+)[ \t]+([^\W\d_]+)")
# an institution's word, then one or two capitalised words of its name, right before a name
_TITLED_BY_AN_INSTITUTION = re.compile(r"(?<![^\W_])([A-Z][^\W\d_]+)[ \t]+((?:[A-Z][^\W\d_]+[ \t]+){1,2})\Z")
# right before a name: a word (an institution's noun, group 1), an article and up to two capitalised
# words of its name ("Kinderopvang De Kleine " before "Reus", "zorgboerderij De Kleine ")
_NAMED_BY_AN_INSTITUTION = re.compile(r"(?<![^\W_])([^\W\d_]{3,})[ \t]+(?:De|Het|Den|'t)[ \t]+"
                                      r"(?:[A-Z][^\W\d_]*[ \t]+){0,2}\Z")
# an institution's noun with a capital right before the name, particles between ("Stichting Van Oud naar Nieuw"):
# the institution's name
_RIGHT_AFTER_ITS_NOUN = re.compile(r"(?<![^\W_])([A-Z][^\W\d_]{2,})[ \t]+"
                                   r"(?:(?i:van|de|der|den|het|'t|ter|ten)[ \t]+)*\Z")
_TWO_SENTENCES_BACK = re.compile(r"(?:[^.!?\n]*[.!?\n]+)?[^.!?\n]*\Z")


# a compound of two common words of four letters or more ("ondernemers" 4.5 + "loket" 3.4, "poëzie" + "festival"), of
# which neither is a first name or surname of the lists ("pieter" + "bakker" is someone's)
_COMPOUND_ZIPF = 3.0
_COMPOUND_PART = 4


def common_compound(word: str, first_names: Any, surnames: Any, *, head_may_be_a_name: bool = False) -> bool:
    """Whether ``word`` is two common Dutch words run together, neither a name of the lists; or, with
    ``head_may_be_a_name``, the second no name ("Zomerfestival": "Zomer" is a surname, "festival" is none; but
    "Zomerveld" ends in one)."""
    word = word.lower()

    def a_name(part: str) -> bool:
        return [part.capitalize()] in first_names or [part.capitalize()] in surnames

    return any(min(zipf(word[:cut], "nl"), zipf(word[cut:], "nl")) >= _COMPOUND_ZIPF
               and (head_may_be_a_name or not a_name(word[:cut])) and not a_name(word[cut:])
               for cut in range(_COMPOUND_PART, len(word) - _COMPOUND_PART + 1))


def named_before_its_animal(text: str, end: int, cues: Cues) -> bool:
    """Whether the name that ends at ``end`` is a pet's, its animal named right after it ("voor Max, onze puppy")."""
    after = _ANIMAL_AFTER.match(text, end)
    return bool(after) and after.group(1).lower() in cues.possessives | cues.articles and \
        after.group(2).lower() in cues.animals


def a_pets_name(text: str, start: int, cues: Cues) -> bool:
    """Whether the name at ``start`` follows an animal's word, or is listed after a pet's name: a pet's name ("mijn
    hond Joris", "my dog Max", "2 honden (Bello en Saartje)"); or follows a word that gives a name ("heet") with an
    animal's word in its sentence or the one before ("Is er een kat binnengebracht? Hij heet Guus")."""
    if cues.given_name.search(text, max(0, start - 20), start):
        back = _TWO_SENTENCES_BACK.search(text, max(0, start - 200), start)
        if back and any(w.lower() in cues.animals for w in re.findall(r"[^\W\d_]+", back.group())):
            return True
    for _ in range(4):  # at most a few names in a list
        before = _LISTED_BEFORE.search(text, max(0, start - 40), start)
        if not before:
            return False
        word = before.group(1).strip("([“\"'")
        if word.lower() in cues.animals:
            return True
        if not word[:1].isalpha() or not word[:1].isupper():
            return False
        start = before.start(1)
    return False


def _whole_word_start(text: str, start: int) -> int:
    """Where the word of a name's part begins: "-Yilmaz" of "Brouwer-Yilmaz", "J. Dekker" of "H.J. Dekker"."""
    if text[start:start + 1] == "-":
        while start and text[start - 1].isalpha():
            start -= 1
    while start >= 2 and text[start - 1] == "." and text[start - 2].isupper() and \
            (start == 2 or not text[start - 3].isalpha()):
        start -= 2
    return start


def a_public_figure(text: str, start: int, cues: Cues) -> bool:
    """Whether the name at ``start`` is a public figure's: the maker or subject of a work ("het standbeeld van
    Michiel de Ruyter", "'Het Diner' van Herman Koch") or whom something is named after ("vernoemen naar Annie
    M.G. Schmidt"), or an office holder who signs under the office ("De burgemeester van Hengelo,\nmr. K.A.
    Veldhuis")."""
    # from the whole word: "-Yilmaz" of "Wethouder K. Brouwer-Yilmaz", "J. Dekker" of "Burgemeester H.J. Dekker"
    start = _whole_word_start(text, start)
    words = text[start:start + 80].split()
    while len(words) > 2 and words[0].lower() in cues.particles:  # "van", "de"
        words.pop(0)
    if words and words[0].lower() in cues.royal_titles:  # and an academic title: "Burgemeester mr. H.J. Dekker"
        words[1:] = itertools.dropwhile(lambda w: re.fullmatch(r"[a-z]{1,4}\.", w), words[1:])
    if len(words) > 1 and words[0].lower() in cues.royal_titles and words[1][:1].isupper():
        return True  # the title kept with the name: "van koning Willem-Alexander" ("Koning" is a surname too)
    if len(words) > 2 and words[0].lower() in cues.royal_titles and words[1] in ("van", "of") and \
            words[2][:1].isupper():
        return True  # the office of a place, no one's name: "Burgemeester van Dijkerveen", "Mayor of London"
    return bool(cues.by_public_figure.search(text, max(0, start - 60), start)
                or cues.office_line_before.search(text, max(0, start - 80), start))


def a_teams_name(text: str, start: int, cues: Cues) -> bool:
    """Whether the name at ``start`` follows a team's or department's word: "doorgezet naar team Groen"."""
    return bool(cues.after_team_word.search(text, max(0, start - 30), start))


def a_sub_team(text: str, start: int, end: int, cues: Cues, first_names: Any) -> bool:
    """Whether the name at ``start``-``end`` is a department's sub-team: one common Dutch word, no first name,
    after a department's name and a dash or slash ("Stadsbeheer – Groen", "Openbare Ruimte / Groen"); a person
    signs so too ("Burgerzaken – Yvonne", "Burgerzaken - M. de Groot", "Team Burgerzaken – Jansen")."""
    word = text[start:end]
    if " " in word or "." in word or [word] in first_names or zipf(word.lower(), "nl") < COMMON_WORD_ZIPF:
        return False
    return bool(cues.after_department.search(text, max(0, start - 40), start))


_POSTCODE_BEFORE = re.compile(r"(?<!\w)\d{4}[ \t]?[A-Z]{2}[ \t]+\Z")
# another country's postcode after an address's comma or at a line's start ("Hauptstraße 12, 47533 Kleve",
# "D-47533 Kleve", "Rue Neuve 3, 1000 Bruxelles")
_FOREIGN_POSTCODE_BEFORE = re.compile(r"(?:\A|\n|,[ \t]*)(?:[A-Z]{1,2}-)?\d{4,5}[ \t]+\Z")
# where something is or comes from, right before a place's name: "in", "uit", "te" ("wonende te")
_IN_A_PLACE = re.compile(r"(?<![^\W_])(?:[Ii]n|[Uu]it|te)[ \t]+\Z")


def a_place(text: str, start: int, end: int, cues: Cues) -> bool:
    """Whether a name is a place, a language or a date, not a person: a word right after a postcode ("2871 AA
    Hoogvliet", "Hauptstraße 12, 47533 Kleve"), a name that starts with a capitalised particle where something is
    ("in Den Bosch", "uit De Bilt", "te Ter Apel"; a person's surname is not written so after "in"), a street's
    word alone after an article ("op de Dam"), a language after "het" ("in het Engels"), or a month after a day
    ("on 1 July", where "July" is a first name too)."""
    if _POSTCODE_BEFORE.search(text, max(0, start - 12), start) or \
            _FOREIGN_POSTCODE_BEFORE.search(text, max(0, start - 12), start):
        return True  # a place after its postcode: "2871 AA Hoogvliet aan de Vaart", "47533 Kleve"
    first = text[start:end].split()[0]
    if first[:1].isupper() and first.lower() in cues.particles and " " in text[start:end].strip() and \
            _IN_A_PLACE.search(text, max(0, start - 6), start):
        return True  # "geboren in het ziekenhuis in Den Bosch"
    *lower, word = text[start:end].split()  # deduce may keep "op de" with it: "op de Dam"
    if any(not w.islower() for w in lower):
        return False
    before = lower[-1] if lower else (m.group(1) if (m := WORD_BEFORE.search(text, max(0, start - 40), start)) else "")
    if word.lower() in cues.street_words and before.lower() in cues.articles:
        return True
    if word.lower() in cues.languages and before.lower() == "het":
        return True  # "in het Engels"
    return word.lower() in cues.months and before.isdigit()


def _word_start(text: str, at: int) -> int:
    """The start of the word (hyphens and apostrophes included) that ``at`` lies in or starts."""
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] in "-'’"):
        at -= 1
    return at


def not_a_persons_name(text: str, start: int, end: int, cues: Cues, *, cued: bool = False) -> bool:
    """Whether what looks like a name is a web domain ("die van Bol.com"), a named day or what a possessive names
    ("King's Day"), a work's title (right after a work's word, "de film Soof 3", or in quotes, "'Für Elise' van
    Beethoven"), a brand in a compound ("Philips-wasmachine"), a Bible reference ("Johannes 3:16") or a language
    ("een beetje Engels", unless a title or person cue goes before: ``cued``), a district or region named by a
    point of the compass ("Centrum-Oost", "Zuid-Holland"), or a law after an article's number ("art. 4.840 Bal")."""
    if _WEB_DOMAIN.match(text, end) or _POSSESSIVE_NOUN.match(text, end):
        return True
    if (owner := re.search(r"(?<![^\W\d_])([A-ZÀ-Ž][^\W\d_]*)['’]s[ \t]+$", text[max(0, start - 40):start])) and \
            owner.group(1).lower() not in cues.contracted and \
            not (len(owner.group(1)) > 1 and owner.group(1).isupper()):
        return True  # the noun after a possessive: "Day" of "King's Day"; not a name after "it's", "It's", nor after
        # an acronym's Dutch plural ("BOA's S. Meijer en K. Alkema")
    if _QUOTE_OPENS.search(text, max(0, start - 40), start) and _QUOTE_CLOSES.match(text, end):
        return True  # in quotes: a title ("'Soldaat van Oranje'", "'Für Elise' van Beethoven", "'Ik hou van Holland'")
    word = text[_word_start(text, start):_REST_OF_WORD.match(text, end).end()].lower()
    if "-" in word and (word.rsplit("-", 1)[1] in cues.compass or word.split("-", 1)[0] in cues.compass):
        return True  # a district or region: "wijkagent Centrum-Oost", "Amsterdam-Noord", "Zuid-Holland"
    if _GLUED_NOUN.match(text, end) or _VERSE.match(text, end):
        return True  # a brand in a compound ("Philips-wasmachine"), a Bible reference ("Johannes 3:16")
    if not cued and text[start:end].lower() in cues.languages | cues.month_words:
        return True  # "een beetje Engels", "in May": a language or a month alone; "mevrouw Frans" is a person
    if cues.after_article.search(text, max(0, start - 30), start):
        return True  # a law's abbreviation after an article's number: "artikel 4.840 Bal"
    before = re.search(r"([^\W\d_]+)[ \t]+['‘\"“]?$", text[max(0, start - 40):start])
    return bool(before) and before.group(1).lower() in cues.works


# right before an address: where an organisation is established, no one lives ("gevestigd aan het ")
_ESTABLISHED_AT = re.compile(r"(?<![^\W_])(?i:gevestigd|kantoor[ \t]+houdend|registered[ \t]+office)[ \t]+"
                             r"(?i:aan|op|in|at)(?:[ \t]+(?i:de|het|the))?[ \t]+\Z")


# right after an address: the business park it is on ("Industrieweg 9, bedrijventerrein Noord")
_BUSINESS_PARK_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:op[ \t]+)?(?:het[ \t]+)?"
                                  r"(?i:bedrijventerrein|industrieterrein|bedrijvenpark|business[ \t]+park"
                                  r"|gewerbegebiet)(?![^\W_])")


def an_institutions_address(text: str, start: int, cues: Cues, surnames: Any = None,
                            end: int | None = None) -> bool:
    """Whether an address follows an institution, with "aan"/"op"/"in", right after it or after its name and a
    comma: the institution's ("het stadhuis aan de Amstel 1", "de bibliotheek op het Marktplein 3",
    "afvalbrengstation Handelsweg 3", "buurthuis Het Anker, Dorpsplein 5"), also at the start of the sentence after
    one that names it without a possessive ("Waar is het stadskantoor? Op Stadsplateau 1?"); not a home's ("mijn
    huis aan de Kerkstraat 5"); one right after a legal form ("Gartenbau Schulte GmbH, Industriestraße 14") or
    followed by its business park ("Industrieweg 9, bedrijventerrein Noord": ``end``, the address's end)."""
    if (about := cues.address_of_before.search(text, max(0, start - 160), start)) and \
            cues.institution_noun(about.group(1)):
        return True  # "het adres van het gemeentehuis voor een bezwaarschrift: Stadhuisplein 1"
    if cues.visiting_address_before.search(text, max(0, start - 30), start) or \
            _ESTABLISHED_AT.search(text, max(0, start - 40), start) or \
            cues.legal_form_before.search(text, max(0, start - 20), start) or \
            (end is not None and _BUSINESS_PARK_AFTER.match(text, end)):
        return True  # "Bezoekadres: Stadhuisplein 1", "B.V. gevestigd aan het Stationsplein 45"
    if floor := cues.floor_before.search(text, max(0, start - 30), start):
        start = floor.start()  # "(Stadhuis, 3e verdieping, Markt 1)": the floor is the institution's
    before = _AT_AN_INSTITUTION.search(text[max(0, start - 60):start])
    if not before and (previous := _PREVIOUS_SENTENCE_AT.search(text[max(0, start - 160):start])):
        words = [w.lower() for w in re.findall(r"[^\W\d_]+", previous.group(1))]
        if not set(words) & (cues.possessives | cues.homes) and any(cues.institution_noun(w) for w in words):
            return True  # "Waar is het stadskantoor precies? Op Stadsplateau 1 of bij het station?"
    if not before:
        noun = _AFTER_AN_INSTITUTION.search(text[max(0, start - 60):start])
        if noun and cues.institution_noun(noun.group(1)):
            return True
        named = _AFTER_A_NAMED_INSTITUTION.search(text[max(0, start - 80):start])
        # its noun, or a word of its name, not a listed surname ("Hr. Bram Oosterhuis, Hoofdweg 112" is a home)
        return bool(named) and any(cues.institution_noun(w) and (surnames is None or [w] not in surnames)
                                   for w in re.findall(r"[^\W\d_]+", named.group()))
    acronym = before.group(1).strip(",.;:()")
    if len(acronym) >= 2 and acronym.isupper() and acronym.isalpha():
        return True  # "de OBA op Oosterdokskade 143": no one calls their home by letters
    return cues.institution_noun(acronym)


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
