"""Whether a capitalised word is (part of) an institution's name, a company's or a street's, not a person's
("Juliana Ziekenhuis", "De Jong & Zn.", "Advocatenkantoor De Wit & Jansen"), and whether an address is an
institution's ("het stadhuis aan de Amstel 1"), not someone's home. The name finder (``kcc.privacy.names``) asks
these before it masks; the words are data in ``kcc/data/privacy.yaml``."""

from __future__ import annotations

import re
from typing import Any

from kcc.privacy.context import NEXT_WORD, REST_OF_WORD
from kcc.privacy.cues import Cues

_AMPERSAND_BEFORE = re.compile(r"[ \t]*&[ \t]*$")
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
    word_end = REST_OF_WORD.match(text, end).end()
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
    following = NEXT_WORD.match(text, word_end)
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
    joined = _AMPERSAND_BEFORE.search(text, max(0, start - 80), start)
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
