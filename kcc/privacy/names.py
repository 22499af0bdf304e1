"""Names and street addresses, found by deduce (Dutch de-identification: lookup lists of Dutch first names,
surnames and streets, with the patterns around them), loaded once, lazily; and names of any origin that no list
holds, by the word before them ("mw Li Wei", "mijn dochter Selam": ``persoon_cue`` in ``kcc/data/privacy.yaml``).

deduce is loaded once per process (``kcc.privacy.deduce_model``). Only the processors for names and street
addresses run: BSNs, phone numbers and the like are found with their checksums and formats
(``kcc.privacy.identifiers``), and place names are what questions are about.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kcc.privacy.address_numbers import a_list_label, a_street_segment, before_a_street, counted, dated, named_year
from kcc.privacy.context import (
    WORD_BEFORE,
    a_pets_name,
    a_place,
    a_public_figure,
    a_sub_team,
    a_teams_name,
    is_place,
    named_after_a_person,
    named_before_its_animal,
    not_a_persons_name,
    starts_sentence,
)
from kcc.privacy.cued_names import cued_names, first_names_joined
from kcc.privacy.cues import Cues
from kcc.privacy.deduce_model import load
from kcc.privacy.first_names import (
    COMMON_GERMAN_WORD,
    a_first_name_first,
    a_german_noun,
    by_surname_ending,
    signature,
    with_its_surname,
)
from kcc.privacy.identifiers import Span
from kcc.privacy.institutions import an_institutions_address, institution_word, is_institution
from kcc.privacy.no_names import (
    a_places_adjective,
    a_things_name,
    an_initial_and_a_word,
    one_letter,
    spells_a_letter,
    title_before_a_word,
)
from kcc.spelling import zipf

_NAMES = {"names", "prefix_with_initial", "prefix_with_interfix", "prefix_with_name", "interfix_with_name",
          "initial_with_name", "initial_interfix", "first_name_lookup", "surname_lookup", "name_context",
          "eponymous_disease", "person_annotation_converter"}  # not patient_name: it needs the patient's name
_AFTER = {"post_processing", "overlap_resolver"}
# As written, where capitals say what a name is. Place names and streets are found only to be left alone:
# "Eindhoven" is a town here, not a surname; "Burgemeester de Withstraat" without a number names no one.
AS_WRITTEN = frozenset(_NAMES | _AFTER | {"merge_adjacent_annotations", "locations", "placename", "street_pattern",
                                         "street_lookup", "housenumber"})
# The next two run on the text with every word capitalised, for notes typed in lower case: street addresses
# ("verhuisd naar stationssingel 21b") ...
STREETS = frozenset(_AFTER | {"locations", "street_pattern", "street_lookup", "housenumber", "remove_street_tags"})
# ... and names from the lists and titles only ("tb piet jansen", "mw de groot"), every part of them: with every
# word capitalised, "looks like a name" says nothing any more, so two parts must say it (``_listed_names``)
LISTED = frozenset({"names", "first_name_lookup", "surname_lookup", "interfix_with_name", "prefix_with_initial",
                    "prefix_with_name", "prefix_with_interfix", "initial_with_name", "initial_interfix"})
_HOUR = re.compile(r"(?<=\d[.:]\d\d)[ \t]?u\.")


@cache
def _words(model: Any, name: str) -> frozenset[str]:
    """A lookup list of deduce in lower case ("dhr.", "mevrouw"; "van", "de")."""
    return frozenset(item.lower() for item in model.lookup_structs[name].items())


def _trim(text: str, start: int, end: int, prefixes: frozenset[str], interfixes: frozenset[str],
          not_names: frozenset[str] = frozenset()) -> tuple[int, int, bool]:
    """Without a title in front ("mevrouw", "dhr.") or a dangling "van de" or team behind ("Jansen van
    Burgerzaken"), and without the spaces around: "mevrouw [naam] van Burgerzaken" still says who the question was
    about, not who it was. The third value: whether a title was there."""
    words = list(re.finditer(r"\S+", text[start:end]))
    count = len(words)
    while len(words) > 1 and words[0].group().lower() in prefixes | not_names:
        words.pop(0)
    if len(words) > 2 and f"{words[0].group()} {words[1].group()}".lower() in prefixes:  # "de heer"
        del words[:2]
    titled = len(words) < count
    while len(words) > 1 and (words[-1].group().lower().strip(",.") in not_names | interfixes
                              or (_common_english(words[-1].group().strip(",."))
                                  and words[-2].group().lower() not in interfixes)):  # "dhr. van der does"
        words.pop()
    return start + words[0].start(), start + words[-1].end(), titled


def _common_english(word: str) -> bool:
    """A word in lower case this common in English is that word, though a list holds it as a name ("Mr. Peters
    does not": "Does" is a Dutch surname; "where I can drop off": "Can" a first name, "Drop" a surname); deduce's
    whitelist does this for Dutch's words."""
    return word.islower() and zipf(word, "en") >= _ENGLISH_COMMONEST


def _capitalised(text: str) -> str:
    """Every word's first letter in capitals, each character kept in its place (so spans stay valid)."""
    return re.sub(r"(?<![^\W\d_])[^\W\d_]",
                  lambda m: m.group().upper() if len(m.group().upper()) == 1 else m.group(), text)


def _addition(text: str, end: int, cues: Cues) -> int:
    """The end of an address with what is written after its house number ("45-1", "14 bis", "56 3 hoog")."""
    while match := cues.house_addition.match(text, end):
        end = match.end()
    return end


def _annotations(model: Any, text: str, enabled: frozenset[str]) -> list[tuple[str, int, int]]:
    doc = model.deidentify(text, enabled=set(enabled))
    return [(a.tag, int(a.start_char), int(a.end_char)) for a in doc.annotations if a.text.strip()]


_ENGLISH_COMMONEST = 5.5  # see _common_english


def _listed_names(text: str, annotations: list[tuple[str, int, int]], interfixes: frozenset[str],
                  whitelist: frozenset[str], possessives: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Names where two parts say it is one: a title or an initial with a name ("mw de groot", "p.vermeulen"), or
    a first name followed by a surname ("piet jansen"). Parts are next to each other, or joined by a hyphen, an
    interfix ("el", "van der") or a short particle with a hyphen ("Al-Hassan"). One word from the lists is not
    enough: "wil", "ben" and "roos" are first names too; and a part that deduce's whitelist holds ("man", "wil")
    is no part, nor is a possessive ("my bank") or, in lower case, one of English's commonest words ("can")."""
    names = []
    group: list[tuple[int, int, str]] = []
    # a part starts a word: the "'t" of "don't" is no interfix, whatever the "van 't Hof" it looks like
    parts = sorted((s, e, t) for t, s, e in annotations if s == 0 or not text[s - 1].isalnum())
    for start, end, tag in parts + [(len(text) + 1, len(text) + 1, "")]:
        if group:
            gap = text[max(e for _, e, _ in group):start] if start > max(e for _, e, _ in group) else ""
            words = [w for w in re.split(r"[\s-]+", gap.lower()) if w]
            joined = start <= len(text) and all(w in interfixes or (len(w) <= 3 and gap.rstrip().endswith("-"))
                                                for w in words) and "\n" not in gap and "," not in gap
            if joined:
                group.append((start, end, tag))
                continue
            tags = [(s, t) for s, e, t in group if t.split("+")[0] not in ("voornaam", "achternaam", "interfix")
                    or (text[s:e].lower() not in whitelist and text[s:e].lower() not in possessives
                        and not _common_english(text[s:e]))]
            # an initial is a letter with a full stop: "t", "m'n", "'s" and "a" are words
            titled = any(t.startswith("prefix") or (t.startswith("initiaal") and re.match(r"[^\W\d_]\.", text[s:]))
                         for s, t in tags)
            first_last = any(t == "voornaam" and any(s2 > s and t2.endswith("achternaam") for s2, t2 in tags)
                             for s, t in tags)
            if titled or first_last:
                names.append((group[0][0], max(e for _, e, _ in group)))
        group = [(start, end, tag)]
    return names


def _with_particles(text: str, start: int, cues: Cues) -> int:
    """The start of a name with the particles right before it, when the first of them has a capital: a surname
    written without a first name starts with them ("Van den Nguyen", "De Vries"); "bij de Jong" keeps its "de"
    outside, where it may be an article."""
    at = first = start
    while (before := WORD_BEFORE.search(text, max(0, at - 40), at)) and before.group(1).lower() in cues.particles:
        at = before.start(1)
        if before.group(1)[:1].isupper():
            first = at
    return first


# a surname's particle written against it: "O'Connor", "D'Souza" (not "I'm")
_GLUED_PARTICLE = re.compile(r"(?<![^\W\d_])[A-HJ-Z]['’]\Z")
_TIME_AFTER = re.compile(r"[:.][0-5]\d(?!\d)")  # "18:00" after "Sportpark Veldwijk 18": an hour, no house number
# at a line's start, a code of a letter or three and digits before the word: a stall's, a room's ("C4 Bloemen")
_AFTER_A_CODE = re.compile(r"(?:^|(?<=\n))[ \t]*[A-Z]{1,3}\d{1,4}[a-z]?[ \t]+\Z")


def _initials_before_a_street(text: str, names: list[tuple[int, int]], streets: list[tuple[int, int]],
                              particles: set[str], words_as_streets: list[tuple[int, int]], first_names: Any,
                              surnames: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A name that ends in an initial or a particle, or a first name of the lists alone, right before what deduce took
    for a street and no house number after it: the street is the surname ("Mw. B. Oosterhof", "J. Westbroek", "wijlen
    Cornelia van Dijk"; after a first name only a surname of the lists, "door 'Willemijn Hoogland'"); both lists
    without it as a street. ``words_as_streets``: every word deduce took for a street, a surname's ending or not."""
    joined = []
    for start, end in names:
        words = text[start:end].split()
        after_particle = len(words) > 1 and words[-1] in particles and words[0][:1].isupper()
        after_first_name = len(words) == 1 and [words[0]] in first_names
        if after_particle or after_first_name or re.search(r"(?<![^\W\d_])[A-ZÀ-Ž]\.\s?\Z", text[start:end]):
            street = next(((s, e) for s, e in (words_as_streets if after_particle or after_first_name else streets)
                           if end <= s <= end + 1 and not text[end:s].strip()
                           and not re.match(r"[ \t]*\d", text[e:])
                           and (not after_first_name or [text[s:e]] in surnames)), None)
            if street is not None:
                streets = [s for s in streets if s != street]
                end = street[1]
        joined.append((start, end))
    return joined, streets


def find_names_and_addresses(text: str, cues: Cues, public: list[Span] | None = None) -> list[Span]:
    """Spans of person names ("name") and street addresses with a house number ("address") in ``text``; the
    addresses of institutions ("het gemeentehuis, Raadhuisplein 1") are appended to ``public`` when given.

    One word from the name lists at the start of a sentence, without a title, is taken for a word: there its
    capital says nothing, and first names are words too ("Kost het iets?", "Can I ...", "Mark de plek"). Neither
    is a country ("from Poland"), an institution named after a person ("Koning Willem-Alexanderschool") or an
    agent's abbreviation ("t.h.v. bushalte": deduce does not see them).
    """
    model = load()
    prefixes, interfixes = _words(model, "prefix"), _words(model, "interfix")
    interfix_words = {w for interfix in interfixes for w in interfix.split()}
    first_names = model.lookup_structs["first_name"]
    common, surnames = _words(model, "whitelist"), model.lookup_structs["surname"]
    seen = cues.abbreviation.sub(lambda m: " " * len(m.group()), text)  # same length: spans stay valid
    seen = _HOUR.sub(lambda m: " " * len(m.group()), seen)  # "22.00 u." is an hour, not an initial
    seen = cues.glued_addition.sub(lambda m: " " * len(m.group()), seen)  # "Mariaplaats 7bis": deduce's number
    capitalised = _capitalised(seen)
    written = _annotations(model, seen, AS_WRITTEN)
    # addresses as deduce finds them where capitals say so; in lower case, a street must look like one
    # ("stationssingel 21b", not "eerst 4 weken")
    addresses = [(s, e) for tag, s, e in written if tag.startswith("straat+huisnummer")]
    addresses += [(s, e) for tag, s, e in _annotations(model, capitalised, STREETS)
                  if tag.startswith("straat+huisnummer") and cues.street.search(re.split(r"\s+\d", text[s:e])[0])]
    # streets in another country's form that deduce's Dutch lists do not know ("Kleikstraße 27")
    addresses += [m.span() for m in cues.foreign_street.finditer(text)
                  if not any(s < m.end() and m.start() < e for s, e in addresses)]
    # ... and in German with a preposition first: "Am Lindenhof 7" (not "Im Jahr 2024": a common German word)
    addresses += [m.span() for m in cues.german_street.finditer(text)
                  if zipf(m.group(1).lower(), "de") < COMMON_GERMAN_WORD]
    streets = [(s, e) for tag, s, e in written if tag == "straat" and cues.street.search(text[s:e])]
    # a street, a word for the number, the number: "Molenweg hnr 14"
    addresses += [(s, number.end()) for s, e in streets if (number := cues.house_number.match(text, e))]
    spans = []
    for start, end in addresses:
        if text[start:end].split()[0].lower() in cues.not_streets:
            continue  # a plot, no street: "Kavel 12-B op bedrijventerrein De Mars"
        if counted(text, start, end, cues) or named_year(text, start, end, cues) or dated(text, start, end, cues) \
                or a_street_segment(text, start, _addition(text, end, cues)) or a_list_label(text, start, end) \
                or _TIME_AFTER.match(text, end):
            continue  # "Sportpark Veldwijk 18:00" is a place and an hour
        if ordinal := cues.ordinal_before.search(text, max(0, start - 30), start):
            start = ordinal.start()  # "1e Jan Steenstraat 88", "Rue de la Station 4": the ordinal is the street's
        address = Span(start, _addition(text, end, cues), "address")
        if not an_institutions_address(text, start, cues, surnames, address.end):
            spans.append(address)
        elif public is not None:
            public.append(address)
    names = [(s, e) for tag, s, e in written if tag == "persoon"]
    # a first name of the lists that deduce took for a street, though it has neither a street's ending nor a
    # number ("terugbelverzoek Marjolein van Esdoornhof 9"): the name it would have been
    names += [(s, e) for tag, s, e in written if tag == "straat" and not cues.street.search(text[s:e])
              and [text[s:e]] in model.lookup_structs["first_name"]]
    # a possessive is no first name: "my bank" ("My" and "Bank" are in the lists)
    names += _listed_names(text, _annotations(model, capitalised, LISTED), interfixes, common, cues.possessives)
    # a shop or company named after a person, with or without an article ("bij Albert Heijn"): no one
    companies = [(m.start(), m.end()) for m in cues.company.finditer(text)]
    names = [(s, e) for s, e in names if not any(c < e and s < d for c, d in companies)]
    names, streets = _initials_before_a_street(text, names, streets, interfix_words,
                                               [(s, e) for tag, s, e in written if tag == "straat"], first_names,
                                               surnames)
    for start, end in names:
        if any(s < end and start < e for s, e in streets):
            continue  # part of a street's name ("Burgemeester de Withstraat")
        first = text[start:end].split()[0]
        if first.lower() not in prefixes and (institution_word(first, cues, surnames) or (
                first.lower() in cues.institution_words and [first] not in surnames)):
            continue  # an institution's or company's name: "Inzamelbedrijf Bremwoude Schoon", "Parochie Heilige X"
        if (form := cues.legal_form.match(text, start)) and form.group().strip(" ,"):
            continue  # a legal form and the word after it, taken for initials: "B.V. start" of "Smits & Zn. B.V. start"
        start, end, titled = _trim(text, start, end, prefixes, interfixes, cues.not_names | cues.possessives)
        if start > 1 and text[start - 1] in "'’" and text[start - 2].isalpha() and \
                not _GLUED_PARTICLE.search(text[:start]):
            # the end of a word before it ("it's Chloe Martin", "I'm Farid"), not a name's ("O'Connor"); where that
            # ends a sentence, the next word starts one: "klachten over BOA's. Gemiddelde afhandeltermijn"
            # (after a letter: an opening quote is no word's end, "name='Jolanda Reinders'", "['Kees van der Zwaag'")
            glued = re.match(r"[^\W\d_]{1,2}(\.?)[ \t]+", text[start:end])
            if glued is None or glued.group(1):
                continue
            start += glued.end()
        if _GLUED_PARTICLE.search(text[max(0, start - 3):start]):
            start -= 2  # "O'Connor", "D'Souza": the particle is the name's, and so is a first name before it
            if (first := re.search(r"([A-ZÀ-Ž][^\W\d_]+)[ \t]+\Z", text[max(0, start - 30):start])) and \
                    [first.group(1)] in first_names:
                start -= len(first.group())
        if before_a_street(text, end, streets, cues) or a_pets_name(text, start, cues) or \
                named_before_its_animal(text, end, cues):
            continue
        # an office's title right before an address is the street's ("Burgemeester Visserplein 3B")
        before_an_address = any(a.kind == "address" and a.start >= end and not text[end:a.start].strip()
                                for a in spans)
        if (a_public_figure(text, start, cues) and not before_an_address) or a_teams_name(text, start, cues):
            continue
        if not_a_persons_name(text, start, end, cues, cued=titled) or a_sub_team(text, start, end, cues, first_names):
            continue  # "Bol.com", "King's Day", "de film Soof 3", "Stadsbeheer – Groen"
        if not titled and a_place(text, start, end, cues):
            continue
        if text[start:end].lower() in interfixes or (text[start:end].islower() and all(
                w in interfix_words for w in text[start:end].split())):
            # what is left of a name that lost its parts to a street: "van" of "Marjolein van Esdoornhof 9"; or of
            # "op de" alone, which deduce may take for a person: "Slagerij Visser op de Markt"
            continue
        if text[start:end].lower() in prefixes | cues.not_names:
            # a title alone: part of the street after it ("Ds. Kuypersingel 112"), or no name at all
            spans += [Span(start, a.end, "address") for a in spans if a.kind == "address" and a.start >= end
                      and not text[end:a.start].strip()]
            continue
        end = with_its_surname(text, start, end, cues, first_names)
        if not titled and not re.search(r"[\s.]", text[start:end]) and starts_sentence(text, start) and \
                not a_first_name_first(text, start, end, cues, common, first_names):
            continue  # "Kost het iets?"; but "Behandelend medewerker: Femke." (not "Bezoeker: Schippers van de ...")
        if not titled and (a_things_name(text[start:end], cues, first_names, surnames)
                           or a_german_noun(text, start, end, cues, first_names)):
            continue
        if not titled and (_AFTER_A_CODE.search(text, max(0, start - 12), start)
                           or an_initial_and_a_word(text[start:end], first_names, surnames)):
            continue  # an item after its code in a list ("C4 Bloemen (8 m)"); "Categorie: C. Verwachte bezoekers"
        if one_letter(text, start, end) or (not titled and spells_a_letter(text, start, end, cues, first_names)):
            continue  # "dhr. X": a letter without a full stop stands for a name; "D van Dirk" spells a letter
        if titled and title_before_a_word(text, start, end, cues, model):
            continue
        if named_after_a_person(text, start, end, cues, model.lookup_structs["first_name"]):
            continue
        if is_place(cues, text[start:end]) or a_places_adjective(text[start:end], model):
            continue
        # in or right before a street address it stays, as it was: "Burgemeester" of "Burgemeester Visserplein 3B"
        at_address = any(a.kind == "address" and start < a.end and (a.start < end or not text[end:a.start].strip())
                         for a in spans)
        if not at_address and is_institution(text, start, end, cues, surnames):
            continue
        spans.append(Span(_with_particles(text, start, cues), end, "name"))
    if signed := signature(text, cues, first_names, common):
        spans.append(signed)
    spans += by_surname_ending(text, cues, first_names, spans)
    spans += [Span(_with_particles(text, start, cues), end, "name")
              for start, end in cued_names(text, cues, common, surnames, first_names)
              if not is_institution(text, start, end, cues, surnames, cued=True) and not one_letter(text, start, end)
              and not a_pets_name(text, start, cues) and not named_before_its_animal(text, end, cues)
              and not not_a_persons_name(text, start, end, cues, cued=True)
              and not named_after_a_person(text, start, end, cues, model.lookup_structs["first_name"])
              and not any(c < end and start < d for c, d in companies)]
    return spans + first_names_joined(text, spans, cues, common, first_names)
