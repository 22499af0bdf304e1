"""Cue words that say what a number or a date is ("zaaknummer 123456789", "geboren op 3 mei 1980"), and words that
say what is a name and what is not ("mijn dochter Selam", "t.h.v.", "-school", "Nederlander"): language data in
``kcc/data/privacy.yaml``, read once (by ``kcc.privacy.cues_file``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "privacy.yaml"
ENDING = "nummer"
LETTER = r"[^\W\d_]"
# what may stand between a cue and what it names: "zaaknummer: 1234", "geboren op 3 mei", "kenmerk van de brief is"
# a cue's gap to its value: a few words on its line; or its question and the answer's speaker on the next line
# ("And your date of birth?\nResident: 3 Oct 1990")
_GAP = re.compile(r"[^\d\n]{0,40}(?:\?[ \t]*\n[ \t]*(?:[^\W\d_]+[ \t]*){1,3}:[ \t]*)?")
_MAX_GAP_WORDS = 4
# further back, in the same clause: no number, no comma, no end of a sentence between
_CLAUSE_BREAK = re.compile(r"[\d,;!?\n]|\.(?:\s|$)")
_CLAUSE_REACH = 160
_CONFIRM_REACH = 300  # a turn or two of a chat
_MAX_CLAUSE_WORDS = 12
# a reference named anywhere earlier in the sentence ("het nummer van mijn melding ... was N")
_SENTENCE_END = re.compile(r"[!?\n]|\.(?:\s|$)")
_SENTENCE_REACH = 200
_MAX_PAIR_GAP = 4
# after the number: "N is mijn klantnummer"
_MAX_AFTER_WORDS = 3
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:(?:19|20)\d{2}|'\d{2})"


@dataclass(frozen=True, kw_only=True)
class Cues:
    """Which kind of cue, if any, names the number or date that starts at a position.

    Example::

        cues = load_cues()
        cues.before("zaaknummer 123456782", 11, ("bsn", "referentie"))   # 'referentie'
    """

    pattern: re.Pattern[str]
    not_postcode: frozenset[str]
    house_additions: tuple[str, ...]
    not_names: frozenset[str]
    street: re.Pattern[str]
    says_number: re.Pattern[str]
    months: tuple[str, ...]
    month_words: frozenset[str]
    birth_words: tuple[str, ...]
    house_number_words: tuple[str, ...]
    count: re.Pattern[str]
    email: re.Pattern[str]
    abbreviation: re.Pattern[str]
    person: re.Pattern[str]
    particles: frozenset[str]
    institution: re.Pattern[str]
    institution_words: frozenset[str]
    nationalities: frozenset[str]
    number_word: re.Pattern[str]
    reference_word: re.Pattern[str]
    email_system: frozenset[str]
    email_role: frozenset[str]
    email_role_endings: tuple[str, ...]
    email_public: frozenset[str]
    email_people: frozenset[str]
    possessives: frozenset[str]
    # English words whose "'s" is "is", "has" or "us" ("It's Daniel Okafor"), no owner's ("King's Day")
    contracted: frozenset[str]
    # right after a name: an event or a prize named after a person ("lezing", "cup")
    named_events: frozenset[str]
    organisation_before: frozenset[str]
    square_endings: tuple[str, ...]
    # a place's people: "van" or "uit" after them names where they live ("een bewoner van Lombok"), no surname
    residents: frozenset[str]
    articles: frozenset[str]
    company: re.Pattern[str]
    animals: frozenset[str]
    email_providers: frozenset[str]
    homes: frozenset[str]
    street_words: frozenset[str]
    foreign_street_words: frozenset[str]
    born_after: re.Pattern[str]
    legal_form: re.Pattern[str]
    by_public_figure: re.Pattern[str]
    # a signature's office on the line before a name: "De burgemeester van Hengelo,\nmr. "
    office_line_before: re.Pattern[str]
    languages: frozenset[str]
    # right before a name: the team's or department's word ("team Groen")
    after_team_word: re.Pattern[str]
    royal_titles: frozenset[str]
    # a work's word: a name right after it is its title ("de film Soof 3")
    works: frozenset[str]
    # right before a name: a department's name and a dash or slash ("Stadsbeheer – ")
    after_department: re.Pattern[str]
    # right before a phone number: a department's name ("Belastingen ", "Burgerzaken: ")
    department_before: re.Pattern[str]
    # the last part of a place's name after a hyphen, or its first before one: "Centrum-Oost", "Zuid-Holland"
    compass: frozenset[str]
    # right before a value: an example's word ("bijv. ")
    example: re.Pattern[str]
    # anywhere earlier in the sentence: it gives examples
    example_in_sentence: re.Pattern[str]
    # German: a noun's article or preposition right before a word, and the function words that make a text German
    german_before_noun: re.Pattern[str]
    german_function_word: re.Pattern[str]
    # right before a date: a birth cue and a bound ("geboren na "): a group's, no one's date of birth
    birth_bound: re.Pattern[str]
    # an e-mail address spelled out in words ("jan punt de vries at gmail punt com"): its name part's last word is
    # group 1; and, right before a word of it, a word for a dot and the word before that, if any ("punt de ",
    # "punt ")
    spelled_email: re.Pattern[str]
    spelled_dot: re.Pattern[str]
    # between a public body's account word and an IBAN: words that make it the writer's ("vanaf", "terug")
    own_account: frozenset[str]
    # right after an IBAN: its holder's first word (group 1: "ten name van de Gemeente"), or a few (group 1:
    # "t.n.v. Protestantse Gemeente Havelte", "(rekening vereniging)"); before one, in its sentence or the one
    # before: an account's word and its holder (group 1), then no other account word (group 2: the words between)
    holder_after: re.Pattern[str]
    holder_words_after: re.Pattern[str]
    account_of_before: re.Pattern[str]
    account_holder_before: re.Pattern[str]
    # a text's last word standing alone after a greeting ("gr. dennis") or a sentence's end ("wat nu? rachid"):
    # group "greeting" says which, group "name" is the word
    signature: re.Pattern[str]
    # right before a number: a path whose last resource is a person ("persoon/")
    person_path_before: re.Pattern[str]
    # after a number: a later turn that calls it the writer's BSN ("dat is inderdaad mijn BSN")
    bsn_confirmed: re.Pattern[str]
    # a greeting and what follows it, up to the name that may sign the text ("Vr.gr. Ahmad Al-Khatib")
    greeting: re.Pattern[str]
    # a few words after a phone number that call it an organisation's, in its clause: " nog het algemene nummer"
    organisation_number_after: re.Pattern[str]
    # the bank codes of banks without private clients ("BNGH")
    public_banks: frozenset[str]
    # right before a single name: a word that gives a name ("heet "); group 1 is the text before it
    given_name: re.Pattern[str]
    # a phone number spelled out in digits' words: "nul zes, twee drie, vier vijf, ..."
    spelled_phone: re.Pattern[str]
    # right before a street: an ordinal that begins its name ("1e ", "Tweede ")
    ordinal_before: re.Pattern[str]
    # a capitalised word with a surname's ending ("Stojanović", "Kovalenko")
    surname_ending: re.Pattern[str]
    # right before a word: a letter spelled with it ("D van "); group 1 is the letter
    spelled_letter: re.Pattern[str]
    # right after a value: words that make it an example ("' als voorbeeld")
    example_after: re.Pattern[str]
    # right before a name: an article's number ("artikel 4.840 "): the name is a law's
    after_article: re.Pattern[str]
    # a plot's or lot's word, no street's ("Kavel")
    not_streets: frozenset[str]
    # right before a value: an organisation's legal form and a comma ("Camping De Gulperberg B.V., ")
    legal_form_before: re.Pattern[str]
    # before a value: a referral and what it names, with no digit or sentence end between (group "named")
    referral_before: re.Pattern[str]
    # a letter and the word that spells it ("d van dirk", "R as in Richard"): groups 1 and 2; and a run of them
    spelling: re.Pattern[str]
    spellings: re.Pattern[str]
    # between two names: a word that joins them (" en "); right before a name: a word and such a word, the word
    # group 1 ("Klaus und "); between two plates: such a word, a comma or a slash
    and_between: re.Pattern[str]
    joined_before: re.Pattern[str]
    next_in_list: re.Pattern[str]
    # those words themselves ("en", "and", "und", "et", "&"): a signature's line "Jürgen und Petra Hoffmann"
    and_words: frozenset[str]
    # right before a plate: an organisation's vehicle ("dienstvoertuig (")
    service_vehicle_before: re.Pattern[str]
    # before an address, in its clause: "het adres van het " and the institution's noun (group 1)
    address_of_before: re.Pattern[str]
    # right before an address: a visiting address's label ("Bezoekadres: ")
    visiting_address_before: re.Pattern[str]
    # right before an address: a floor ("3e verdieping, ")
    floor_before: re.Pattern[str]
    # right before a value: a mail header's identifier ("Message-ID: <")
    message_id_before: re.Pattern[str]
    # at the end of a text: a phone cue and what may follow it ("(tel. ", "telefoon: ")
    phone_cue_end: re.Pattern[str]
    # the person cues after which the caller says their own name ("goedemorgen, met", "de naam is"), lower case
    speaker_cues: frozenset[str]
    # a line's label for who speaks or handled the contact, right before a value: "Behandelend medewerker: "
    speaker_label: re.Pattern[str]
    # the titles among the person cues ("mw", "dhr."), after which a surname in lower case is one too ("mevr ruiz")
    title_cues: frozenset[str]
    # agents' abbreviations in lower case ("tb", "ivm"): no one's name
    abbreviation_words: frozenset[str]
    # a field's label -> the kind of personal data its value is; a label's words that make it an organisation's; a
    # value that says nothing ("(niet ingevuld)", "null") - kcc/privacy/fields.py
    field_labels: dict[str, str]
    house_number_labels: frozenset[str]
    organisation_labels: frozenset[str]
    empty_values: frozenset[str]
    # right after a person cue: what may stand before the name (a colon, a comma, a hesitation: "ja met eh ")
    after_cue: re.Pattern[str]
    # a letter's Dutch name -> the letter ("el" -> "l"), for letters read out
    letter_names: dict[str, str]
    # glued right before a date: a sign of birth ("°", "*")
    birth_signs: frozenset[str]
    # a street's name and house number in a form deduce's Dutch lists do not know ("Kleikstraße 27", "Jülicher Str.
    # 102", "Avenue des Arts 12")
    foreign_street: re.Pattern[str]
    # a German street named with a preposition first and a house number: group 1 is the street's word
    german_street: re.Pattern[str]

    @classmethod
    def from_file(cls, path: Path = CUES_FILE) -> Cues:
        """The cues in ``path`` (:func:`kcc.privacy.cues_file.read_cues`).

        :raises ValueError: a kind is missing or is not a list of words."""
        from kcc.privacy.cues_file import read_cues  # it builds this class: imported here, not at the top

        return read_cues(path)

    def institution_noun(self, word: str) -> bool:
        """Whether ``word`` is an institution's common noun, alone or at a compound's end ("stadhuis",
        "afvalbrengstation", "dorpshuis"), and no home ("huis", "woning")."""
        word = word.lower()
        return word not in self.homes and (word in self.institution_words or bool(self.institution.search(word)))

    def before(self, text: str, start: int, kinds: tuple[str, ...], max_words: int = _MAX_GAP_WORDS) -> str | None:
        """The kind of the last cue of ``kinds`` before ``start``, when only a few words without digits lie
        between (at most ``max_words``: a cue names the next number, not one further on); else None."""
        window = max(0, start - 80)
        last = None
        for match in self.pattern.finditer(text, window, start):
            if match.lastgroup in kinds or (match.lastgroup == ENDING and "referentie" in kinds):
                last = match
        if last is None:
            return None
        gap = text[last.end():start]
        if not _GAP.fullmatch(gap) or len(gap.split()) > max_words:
            return None
        return "referentie" if last.lastgroup == ENDING else last.lastgroup

    def bsn_past_a_plain_reference(self, text: str, start: int) -> bool:
        """Whether a BSN cue further back names the number at ``start`` although a reference word stands between
        that does not say "number" ("my BSN for the rental permit? it's N", "BSN ontbreekt in aanvraag, kl. geeft
        door: N"): the last BSN cue stands within ``_CLAUSE_REACH`` characters, only such words come after it, and
        no digit lies between it and the number."""
        cues = [m for m in self.pattern.finditer(text, max(0, start - _CLAUSE_REACH), start)
                if m.lastgroup in ("bsn", "referentie", ENDING)]
        last_bsn = max((i for i, m in enumerate(cues) if m.lastgroup == "bsn"), default=None)
        if last_bsn is None or last_bsn == len(cues) - 1:
            return False
        between = cues[last_bsn + 1:]
        return (not any(self.says_number.search(m.group()) for m in between)
                and not any(ch.isdigit() for ch in text[cues[last_bsn].end():start]))

    def bsn_confirmed_after(self, text: str, end: int) -> bool:
        """Whether a later turn, within ``_CONFIRM_REACH`` characters and with no other long number between, calls
        the number that ends at ``end`` the writer's BSN ("Zaak 308568163 denk ik ... dat is inderdaad mijn BSN")."""
        confirmed = self.bsn_confirmed.search(text, end, end + _CONFIRM_REACH)
        return confirmed is not None and not re.search(r"\d{6}", re.sub(r"[ .-]", "", text[end:confirmed.start()]))

    def reference_in_clause(self, text: str, start: int) -> bool:
        """Whether a reference cue that says "number" names the number at ``start`` from further back in the same
        clause ("Mijn polisnummer bij de zorgverzekering van de gemeente is 747693468"): the last cue before it,
        with no BSN cue after that, and no other number, comma or sentence end between."""
        last = None
        for match in self.pattern.finditer(text, max(0, start - _CLAUSE_REACH), start):
            if match.lastgroup in ("bsn", "referentie", ENDING):
                last = match
        if last is None or last.lastgroup == "bsn" or not self.says_number.search(last.group()):
            return False
        gap = text[last.end():start]
        return not _CLAUSE_BREAK.search(gap) and len(gap.split()) <= _MAX_CLAUSE_WORDS

    def reference_after(self, text: str, end: int) -> bool:
        """Whether a reference cue that says "number" right after the number ending at ``end`` names it ("120506774
        is mijn klantnummer", "N (kenmerk)", "N = het zaaknummer"): the first cue after it, at most
        ``_MAX_AFTER_WORDS`` words on, with no digit, comma or sentence end between, and no number of its own after
        it in the clause ("N en mijn zaaknummer is 4567": the cue names 4567)."""
        first = next((m for m in self.pattern.finditer(text, end, min(len(text), end + 80))
                      if m.lastgroup in ("bsn", "referentie", ENDING)), None)
        if first is None or first.lastgroup == "bsn" or not self.says_number.search(first.group()):
            return False
        gap = text[end:first.start()]
        if _CLAUSE_BREAK.search(gap) or len(gap.split()) > _MAX_AFTER_WORDS:
            return False
        rest = _CLAUSE_BREAK.search(text, first.end())
        return not (rest and rest.group()[0].isdigit())

    def reference_in_sentence(self, text: str, start: int) -> bool:
        """Whether the sentence before ``start`` names a reference number: its last word for "number" is a compound
        on a reference word ("vergunningsnummer ... : N") or stands at most ``_MAX_PAIR_GAP`` words from one ("Het
        nummer van mijn melding, volgens de sms, was N"; "de polis van mijn verzekering heeft nummer N"), with no
        BSN cue, digit or sentence end after it."""
        window = max(0, start - _SENTENCE_REACH)
        ends = [m.end() for m in _SENTENCE_END.finditer(text, window, start)]
        begin = ends[-1] if ends else window
        digits = [m.end() for m in re.finditer(r"\d", text[begin:start])]
        if digits:
            begin += digits[-1]
        cues = [m for m in self.pattern.finditer(text, begin, start) if m.lastgroup == "bsn"]
        if cues:
            begin = cues[-1].end()
        sentence = text[begin:start]
        references = list(self.reference_word.finditer(sentence))
        numbers = [*self.number_word.finditer(sentence), *(m for m in references if m.group("ending"))]
        if not numbers:
            return False
        # the last word for "number" names the number: "Het klantnummer weet ik niet, wel dit nummer: N" is a BSN
        last = max(numbers, key=lambda m: m.end())
        if last.re is self.reference_word:
            return True  # "vergunningsnummer ... : N"
        for reference in references:
            low, high = sorted((reference, last), key=lambda m: m.start())
            if len(sentence[low.end():high.start()].split()) <= _MAX_PAIR_GAP:
                return True
        return False

    def is_mailbox_of_no_one(self, address: str) -> bool:
        """A system's sender ("noreply@denhaag.nl"), or a team's or role's mailbox ("balie@gemeente-zwolle.nl",
        "kcc@zuiderveen.nl", "info@werkplein-regio.nl") unless its domain names people: a surname with its
        particle ("info@bouwbedrijf-van-leeuwen.nl": a company's name is often its owner's) or a word of
        ``email_personen`` ("administratie@vve-rozenhof.nl": a homeowners' association is its few members). Never
        "m.doorn@gemeente-leiden.nl" (an employee)."""
        local, _, domain = address.lower().partition("@")
        parts = [p for p in re.split(r"[._+-]", local) if p]
        if not parts or not domain:
            return False
        if local in self.email_system or all(p in self.email_system for p in parts):
            return True
        if not all(p in self.email_role for p in parts):
            return False
        return not self.domain_names_people(domain)

    def domain_names_people(self, domain: str) -> bool:
        """Whether a mail domain (lower case) names people: a surname with its particle ("bouwbedrijf-van-leeuwen.nl")
        or a word of ``email_personen``; never a public body's ("gemeente-de-bilt.nl")."""
        labels = re.split(r"[.-]", domain)[:-1]  # not the top-level domain
        if set(labels) & self.email_public:
            return False  # "info@gemeente-de-bilt.nl": a public body, though "de bilt" looks like a surname
        return any(label in self.email_people or (label in self.particles and i + 1 < len(labels))
                   for i, label in enumerate(labels))

    @cached_property
    def _birth_stems(self) -> tuple[str, ...]:
        words = {w.lower() for w in self.birth_words}
        return tuple(w for w in words if not any(other != w and other in w for other in words))  # "geb", "gb"

    def may_name_a_birth(self, text: str) -> bool:
        """Whether a birth cue may be in ``text`` ("geb" also in "gebeld"): where none is, no date is one of
        birth, and the date pattern need not run."""
        lower = text.lower()
        return any(stem in lower for stem in self._birth_stems) or any(sign in text for sign in self.birth_signs)

    @cached_property
    def date(self) -> re.Pattern[str]:
        """A date in any notation people write one in: "03-05-1980", "3/4/'52", "1980-05-03", "3 mei 1980", "14th
        March 1993", "March 14, 1993". A full stop after a month is the date's only before its year ("3 mrt. 1980");
        else it ends the sentence ("geboren op 3 mei.")."""
        months = "|".join(re.escape(m) for m in self.months)
        # a month first only where a month's first letter stands: the other places fail fast
        initials = "".join(sorted({m[0].lower() for m in self.months}))
        return re.compile(rf"(?<![\d/.-])(?:{_DAY}([-/.]){_MONTH}\1(?:(?:19|20)?\d{{2}}|['’]\d{{2}})"
                          rf"|(?:19|20)\d{{2}}([-/.]){_MONTH}\2{_DAY}"
                          rf"|{_DAY}(?:e|ste|de|st|nd|rd|th|\.)?\s(?:{months})(?:/(?:{months}))?(?![^\W\d_])(?:\.?\s{_YEAR})?"
                          rf"|(?<![^\W\d_])(?=[{initials}])(?:{months})\.?\s{_DAY}(?:st|nd|rd|th)?,?\s{_YEAR})"
                          rf"(?![\d/-]|\.\d)", re.IGNORECASE)

    @cached_property
    def month_after(self) -> re.Pattern[str]:
        """Right after a word: a month's name ("drie juli")."""
        months = "|".join(re.escape(m) for m in self.months)
        return re.compile(rf"[ \t]+(?:{months})(?![^\W\d_])", re.IGNORECASE)

    @cached_property
    def house_number(self) -> re.Pattern[str]:
        """A house number after a word that names it: " hnr 14", " nr. 3a"."""
        words = "|".join(re.escape(w) for w in self.house_number_words)
        return re.compile(rf"\s(?:{words})\.?:?\s?\d{{1,5}}(?:[a-zA-Z](?![^\W_]))?(?![\d.,]\d)", re.IGNORECASE)

    @cached_property
    def house_addition(self) -> re.Pattern[str]:
        """What is written after a house number: "-3", "-III", " b", " bis", "bis", " 3 hoog", " unit 4"; not the
        postcode after it ("2 bov 6821 CD")."""
        words = "|".join(re.escape(a) for a in self.house_additions)
        number = r"\s?(?:\d{1,3}|\d{4}(?! ?[A-Z]{2}(?![^\W_])))"
        stop = r"(?:\.(?=[ \t]*[\d,;)]))?"  # an abbreviation's full stop ("bov. 2"), not one that ends the sentence
        return re.compile(rf"(?:-[^\W_]{{1,4}}|\s{LETTER}(?![^\W_]|\.\S)"
                          rf"|(?:\s|(?<=\d))(?:\d{{1,2}}(?:e|de|ste)?[\s-])?(?:{words}){stop}(?:{number})?)(?![^\W_])",
                          re.IGNORECASE)

    @cached_property
    def glued_addition(self) -> re.Pattern[str]:
        """A word after a house number written against it ("7bis", "12hs"), which hides the number from deduce."""
        words = "|".join(re.escape(a) for a in self.house_additions)
        return re.compile(rf"(?<=\d)(?:{words})(?![^\W_])", re.IGNORECASE)


@cache
def load_cues() -> Cues:
    return Cues.from_file()
