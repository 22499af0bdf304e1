"""What the words around a capitalised word say it is when it is no person: a place, a country, a club or shop
named after someone, a pet, a public figure, a team, a work's title, a language. The name finder
(``kcc.privacy.names``) asks these before it masks (institutions: ``kcc.privacy.institutions``; an address that is
no one's home: ``kcc.privacy.address_numbers``); the words are data in ``kcc/data/privacy.yaml``."""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache
from typing import Any

from kcc.privacy.cues import Cues
from kcc.spelling import zipf, zipf_nl_en

REST_OF_WORD = re.compile(r"(?:\w|['’-](?=\w))*")  # a closing quote or a dash after a word is not the word's
NEXT_WORD = re.compile(r"[ \t]+([\w'’-]+)")
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
    following = NEXT_WORD.match(text, end)  # a capitalised word right after it is part of the shop's name
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
    word = text[_word_start(text, start):REST_OF_WORD.match(text, end).end()].lower()
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
