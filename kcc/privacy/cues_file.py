"""The privacy cues read from ``kcc/data/privacy.yaml`` into :class:`kcc.privacy.cues.Cues`: each list of words
becomes a set or a compiled pattern, so the name and number finders ask a question, not a list."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from kcc.privacy.cues import CUES_FILE, ENDING, LETTER, Cues

KINDS = ("bsn", "referentie", "telefoon", "telefoon_organisatie", "iban", "geboortedatum", "kenteken", "postcode")
# after a question, the start of the answer to it in a chat or a call's transcript: "?\nAgent: Yes, please use "
_NEXT_TURN = r"[^.!?\d]{0,40}"


def _letter_names(data: dict, path: Path) -> dict[str, str]:
    value = data.get("letternaam")
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and len(v) == 1
                                              for k, v in value.items()):
        raise ValueError(f"{path}: 'letternaam' must map a letter's name to the letter")
    return {k.lower(): v.lower() for k, v in value.items()}


# a field's kinds: personal data's, or "reference" (a case number's, an organisation's visiting address: no one's)
_FIELD_KINDS = ("bsn", "iban", "phone", "email", "name", "address", "postcode", "birth_date", "licence_plate",
                "reference")


def _field_labels(data: dict, path: Path) -> dict[str, str]:
    value = data.get("veldlabel")
    if not isinstance(value, dict) or not all(isinstance(k, str) and v in _FIELD_KINDS for k, v in value.items()):
        raise ValueError(f"{path}: 'veldlabel' must map a field's label to one of {', '.join(_FIELD_KINDS)}")
    return {k.lower(): v for k, v in value.items()}


def read_cues(path: Path = CUES_FILE) -> Cues:
    """The cues in ``path``.

    :raises ValueError: a kind is missing or is not a list of words."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def words(key: str) -> list[str]:
        value = data.get(key)
        if not isinstance(value, list) or not value:
            raise ValueError(f"{path}: '{key}' must be a list of words")
        return sorted((str(w) for w in value), key=len, reverse=True)  # the longest first: "geb." before "geb"

    def either(values: list[str]) -> str:
        return "|".join(re.escape(v) for v in values)

    def first(values: list[str]) -> str:
        """A look at the first character before a long alternation: most places fail at once."""
        return f"(?=[{re.escape(''.join(sorted({v[0] for v in values})))}])"

    groups = "|".join(f"(?P<{kind}>{either(words(kind))})" for kind in KINDS)
    # a word of the lists, alone or at the end of a compound ("WOZ-aanslag", "betalingskenmerk"), with an
    # ending or not ("bsn-nummer", "zaaknr"); then any other compound with an ending ("objectnummer")
    endings = either(words(ENDING))
    pattern = re.compile(rf"(?<!{LETTER})(?:(?:{LETTER}+-?)??(?:{groups})(?:[ -]?(?:{endings}))?"
                         rf"|(?P<{ENDING}>{LETTER}{{2,}}-?(?:{endings})))(?!{LETTER})",
                         re.IGNORECASE)
    # "naam[at]domein.nl", "naam (at) domein [dot] nl": the word in brackets, with a space around or not
    at, dot = (rf"\s?[\[({{]\s?(?i:{either(words(key))})\s?[\])}}]\s?" for key in ("email_at", "email_punt"))
    email = re.compile(rf"(?<![\w.+-])[\w.+-]+(?:@@?|{at})[\w-]+(?:(?:\.|{dot})[\w-]+)*(?:\.|{dot})"
                       rf"[^\W\d_]{{2,}}(?![\w-])")
    # as listed, or with a capital first letter ("T.a.v."): "A.S." in capitals is an initial
    abbreviations = [v for w in words("afkorting") for v in {w, w[:1].upper() + w[1:]}]
    person_cues = sorted(words("persoon_cue") + words("persoon_rol"), key=len, reverse=True)
    cue = either(person_cues)
    relative = rf"(?:{either(words('persoon_bezittelijk'))})\s+(?:{either(words('persoon_relatie'))})"
    cue_first = first([w.lower() for w in person_cues + words("persoon_bezittelijk")])
    # companies, fixed expressions and public figures with a person's name in them: no resident
    named_after_people = (words("bedrijf_naar_persoon") + words("uitdrukking_met_naam") + words("publieke_persoon")
                          + words("organisatie") + words("personage") + words("naar_persoon"))
    return Cues(
        pattern=pattern,
        not_postcode=frozenset(w.lower() for w in words("geen_postcode")),
        house_additions=tuple(words("huisnummer_toevoeging")),
        not_names=frozenset(w.lower() for w in words("geen_naam")),
        street=re.compile(rf"{LETTER}{{2}}-?(?:{either(words('straat_einde'))})$", re.IGNORECASE),
        says_number=re.compile(rf"(?:{endings}|{either(words('referentie_in_zin'))})$", re.IGNORECASE),
        months=tuple(words("maand") + words("maand_afkorting")),
        month_words=frozenset(w.lower() for w in words("maand")),
        birth_words=tuple(words("geboortedatum") + words("geboren_na")),
        house_number_words=tuple(words("huisnummer_woord")),
        count=re.compile(rf"\d{{1,5}}\s?(?:{either(words('aantal'))})(?![^\W_])", re.IGNORECASE),
        email=email,
        abbreviation=re.compile(rf"(?<![^\W_]){first(abbreviations)}"
                                rf"(?:{either(sorted(abbreviations, key=len, reverse=True))})(?![^\W_])"),
        person=re.compile(rf"(?<![^\W_]){cue_first}(?:{cue}|{relative})(?:(?<=[.:])|(?![^\W_]))",
                          re.IGNORECASE),
        particles=frozenset(w.lower() for w in words("naam_partikel")),
        institution=re.compile(rf"(?:{LETTER}{{3}}|-)"
                               rf"(?:{either(words('instelling_einde') + words('instelling_soort'))})$",
                               re.IGNORECASE),
        institution_words=frozenset(w.lower() for w in words("instelling_einde") + words("instelling_soort")),
        nationalities=frozenset(w.lower() for w in words("nationaliteit")),
        number_word=re.compile(rf"(?<!{LETTER})(?:{either(words('nummer_woord'))})(?!{LETTER})", re.IGNORECASE),
        # a reference word alone, at the end of a compound ("parkeervergunning"), or before "nummer"
        # in one ("vergunningsnummer", "meldingsnr")
        reference_word=re.compile(rf"(?<!{LETTER}){LETTER}*(?:{either(words('referentie'))})"
                                  rf"(?P<ending>s?-?(?:{endings}))?(?!{LETTER})", re.IGNORECASE),
        email_system=frozenset(w.lower() for w in words("email_systeem")),
        email_role=frozenset(w.lower() for w in words("email_functie") + words("geen_naam")),
        email_role_endings=tuple(w.lower() for w in words("email_functie_einde")),
        email_public=frozenset(w.lower() for w in words("email_overheid")),
        email_people=frozenset(w.lower() for w in words("email_personen")),
        possessives=frozenset(w.lower() for w in words("persoon_bezittelijk")),
        contracted=frozenset(w.lower() for w in words("samentrekking")),
        named_events=frozenset(w.lower() for w in words("evenement_naar_persoon")),
        organisation_before=frozenset(w.lower() for w in words("organisatie_voor")),
        residents=frozenset(w.lower() for w in words("bewoner_van")),
        square_endings=tuple(w.lower() for w in words("plein_einde")),
        articles=frozenset(w.lower() for w in words("lidwoord")),
        company=re.compile(rf"(?<![^\W_])(?:{either(named_after_people)})(?![^\W_])", re.IGNORECASE),
        animals=frozenset(w.lower() for w in words("dier") + words("benoemd_ding")),
        email_providers=frozenset(w.lower() for w in words("email_aanbieder")),
        homes=frozenset(w.lower() for w in words("woning")),
        street_words=frozenset(w.lower() for w in words("straat_einde")),
        foreign_street_words=frozenset(w.lower() for w in words("straat_einde_buitenland")),
        # right after a date, one word between at most: "op 2024-01-17 geboren", "1948'de doğdu"
        born_after=re.compile(rf"(?:['’]{LETTER}+)?\s+(?:{LETTER}+\s+)?(?:{either(words('geboren_na'))})"
                              rf"(?!{LETTER})", re.IGNORECASE),
        # right after the name, as written: "De Jong & Zn.", "Van Dijk B.V."
        legal_form=re.compile(rf"[ \t]*,?[ \t]*(?:{either(words('rechtsvorm'))})(?![^\W_])"),
        # right before the name: "standbeeld van ", "'Het Diner' van ", "vernoemd naar "
        # (the first words of the name may lie between: "vernoemen naar Annie M." before "G. Schmidt")
        # a title in capitals after an article too ("Het Achterhuis van "), and a royal title ("koning ")
        by_public_figure=re.compile(rf"(?:(?:(?<![^\W_])(?i:{either(words('werk'))})|['’\"”]"
                                    rf"|(?<![^\W_])(?:De|Het|Een|The)(?:[ \t]+[A-Z]\S*)+)[ \t]+(?i:van)"
                                    rf"|(?<![^\W_])(?i:{either(words('vernoemd_naar') + words('vorstelijk'))}))"
                                    rf"[ \t]+(?:(?:[A-Z]\S*|[a-z]{{1,4}}\.)[ \t]+){{0,3}}$"),
        office_line_before=re.compile(rf"(?<![^\W_])(?i:{either(words('vorstelijk'))})"
                                      rf"(?:[ \t]+(?i:van|of)[ \t]+[^\n,]{{1,40}})?[ \t]*,?[ \t]*\n[ \t]*"
                                      rf"(?:[a-z]{{1,4}}\.[ \t]*)*\Z"),
        languages=frozenset(w.lower() for w in words("taal")),
        after_team_word=re.compile(rf"(?<![^\W_])(?i:{either(words('team_woord'))})[ \t]+$"),
        royal_titles=frozenset(w.lower() for w in words("vorstelijk")),
        works=frozenset(w.lower() for w in words("werk")),
        after_department=re.compile(rf"[^\W\d_]*(?i:{either(words('afdeling_einde'))})[ \t]*[–—/-][ \t]*$"),
        department_before=re.compile(rf"(?<![^\W_])(?=[A-Z])[^\W\d_]*(?i:{either(words('afdeling_einde'))})"
                                     rf"[ \t]*[:–—-]?[ \t]*\Z"),
        compass=frozenset(w.lower() for w in words("windstreek")),
        example=re.compile(rf"(?<![^\W_])(?i:{either(words('voorbeeld'))})[ \t]*:?[ \t]*$"),
        example_in_sentence=re.compile(rf"(?<![^\W_])(?i:{either(words('voorbeeld_in_zin'))})(?![^\W_])"),
        german_before_noun=re.compile(rf"(?<![^\W_])(?:{either(words('duits_voor_zelfstandig_naamwoord'))})"
                                      rf"[ \t]+\Z"),
        german_function_word=re.compile(rf"(?<![^\W_])(?i:{either(words('duits_functiewoord'))})(?![^\W_])"),
        birth_bound=re.compile(rf"(?<![^\W_])(?i:{either(words('geboren_na'))})[ \t]+"
                               rf"(?i:{either(words('geboren_grens'))})[ \t]+(?:(?i:de|het|the)[ \t]+)?$"),
        spelled_email=re.compile(rf"(?<![^\W_])([\w+-]+(?:\.[\w+-]+)*)[ \t]+"
                                 rf"(?:{either(words('email_at'))})[ \t]+[\w-]+"
                                 rf"(?:[ \t]+(?:{either(words('email_punt'))})[ \t]+[\w-]+)+(?![^\W_])",
                                 re.IGNORECASE),
        spelled_dot=re.compile(rf"(?<![^\W_])(?:{either(words('email_punt') + words('email_teken'))})[ \t]+"
                               rf"(?:[\w+-]+[ \t]+)?\Z", re.IGNORECASE),
        own_account=frozenset(w.lower() for w in words("eigen_rekening")),
        holder_after=re.compile(rf"[ \t,]*(?:{either(words('tenaamstelling'))}|van|of)[ \t]+"
                                r"(?:de[ \t]+|het[ \t]+|the[ \t]+)?([^\W\d_]+)", re.IGNORECASE),
        holder_words_after=re.compile(rf"[ \t,]*\(?(?:{either(words('tenaamstelling'))}|"
                                      rf"(?:{either(words('rekening_woord'))})(?:[ \t]+van)?)[ \t]+"
                                      r"((?:[^\W\d_]+[ \t]+){0,2}[^\W\d_]+)", re.IGNORECASE),
        # a compound of an institution's word and an account's word right before an IBAN: "verenigingsrekening"
        # (group 1 "vereniging"); not an account's word itself ("Bankrekening NL14...")
        account_of_before=re.compile(rf"(?<![^\W_])(?!(?:{either(words('rekening_woord'))})[ \t]*:?[ \t]*\Z)"
                                     rf"([^\W\d_]{{3,}}?)s?(?:{either(words('rekening_woord'))})[ \t]*:?[ \t]*\Z",
                                     re.IGNORECASE),
        account_holder_before=re.compile(
            rf"(?<![^\W_])(?:{either(words('rekening_woord'))})[ \t]+"
            rf"(?:(?:van|of|for|voor)[ \t]+(?:{LETTER}+ing[ \t]+)?)?(?:(?:de|het|the)[ \t]+)?"
            rf"([^\W\d_]+)((?:(?!{either(words('rekening_woord'))})[^\d\n?]){{0,80}}(?:\?{_NEXT_TURN})?)\Z",
            re.IGNORECASE),
        signature=re.compile(rf"(?:(?P<greeting>(?<![^\W_])(?:{either(words('groet'))}))[ \t]*[,.!:]?|[.!?\n])"
                             rf"[ \t\n]*(?P<name>{LETTER}{{2,}})[ \t]*[.!]?[ \t\n]*\Z", re.IGNORECASE),
        bsn_confirmed=re.compile(rf"(?<!{LETTER})(?:dat|het|die|this|that|it)(?:['’]s|[ \t]+(?:is|was))[ \t]+"
                                 rf"(?:(?:{either(words('bsn_bevestiging'))})[ \t]+)?"
                                 rf"(?:{either(words('persoon_bezittelijk'))})[ \t]+(?:{either(words('bsn'))})"
                                 rf"(?!{LETTER})", re.IGNORECASE),
        person_path_before=re.compile(rf"(?<![^\W_])(?:{either(words('bsn_pad'))})[/=]\Z", re.IGNORECASE),
        greeting=re.compile(rf"(?<![^\W_])(?:{either(words('groet'))})[ \t]*[,.!:]?[ \t\n]*", re.IGNORECASE),
        organisation_number_after=re.compile(rf"(?:[ \t]+(?!(?:{either(words('nevenschikking'))})(?!{LETTER}))"
                                             rf"{LETTER}+){{0,4}}?"
                                             rf"[ \t]+(?:{either(words('telefoon_organisatie'))})[ \t-]?"
                                             rf"(?:telefoon)?"
                                             rf"(?:nummer|nr\.?|number|lijn|line)(?!{LETTER})", re.IGNORECASE),
        public_banks=frozenset(w.upper() for w in words("bank_publiek")),
        given_name=re.compile(rf"(?<!{LETTER})(?:{either(words('heet'))})[ \t]+\Z", re.IGNORECASE),
        spelled_phone=re.compile(rf"(?<!{LETTER})(?:nul|zero)"
                                 rf"(?:[ \t,.-]+(?:{either(words('cijfer_woord'))})){{9,}}"
                                 rf"(?!{LETTER})", re.IGNORECASE),
        ordinal_before=re.compile(rf"(?<!{LETTER})(?:{either(words('rangtelwoord'))}"
                                  rf"|(?:{either(words('straat_begin') + words('straat_titel'))})"
                                  rf"(?:[ \t]+(?:{either(words('straat_partikel'))}))*)[ \t]+\Z", re.IGNORECASE),
        surname_ending=re.compile(rf"(?<!{LETTER})[A-ZÀ-Ž]{LETTER}+"
                                  rf"(?:{either(words('achternaam_einde'))})(?!{LETTER})"),
        spelled_letter=re.compile(rf"(?<!{LETTER})([A-Za-z])[ \t]+(?:{either(words('spelling'))})[ \t]+\Z"),
        example_after=re.compile(rf"[ \t]*['’\"”)]?[ \t]*[(,]?[ \t]*"
                                 rf"(?:{either(words('voorbeeld_na'))})(?!{LETTER})",
                                 re.IGNORECASE),
        after_article=re.compile(rf"(?<!{LETTER})(?:{either(words('artikel'))})[ \t]*\d[\w.:]*[ \t]+\Z",
                                 re.IGNORECASE),
        not_streets=frozenset(w.lower() for w in words("geen_straat")),
        legal_form_before=re.compile(rf"(?<![^\W_])(?:{either(words('rechtsvorm'))})[ \t]*[,:]?[ \t]*\Z"),
        referral_before=re.compile(rf"(?<!{LETTER})(?:{either(words('verwijzing'))})[ \t]+"
                                   rf"(?P<named>[^\d\n.;!?]{{0,60}}"
                                   rf"(?:tel\.)?[^\d\n.;!?]{{0,5}})\Z", re.IGNORECASE),
        spelling=re.compile(rf"(?<!{LETTER})({LETTER})[ \t]+(?:{either(words('spelling'))})[ \t]+({LETTER}+)",
                            re.IGNORECASE),
        spellings=re.compile(rf"(?:{LETTER}[ \t]+(?:{either(words('spelling'))})[ \t]+{LETTER}+[ \t,]*)+",
                             re.IGNORECASE),
        and_words=frozenset(w.lower() for w in words("en_woord")),
        and_between=re.compile(rf"[ \t]+(?i:{either(words('en_woord'))})[ \t]+"),
        joined_before=re.compile(rf"(?<![^\W_])([^\W\d_]+)[ \t]+(?i:{either(words('en_woord'))})[ \t]+\Z"),
        next_in_list=re.compile(rf"[ \t]*(?:,|/|(?i:{either(words('en_woord'))}))[ \t]*"),
        # "dienstvoertuig (", "dienstauto van de gemeente (kenteken "
        # ... also further on in its clause: "Handhavingsvoertuig van de gemeente (elektrische Renault Kangoo,
        # kenteken V-112-XG)", "bestelbus gemeente (afd. Groen): 42-BTN-7" (an abbreviation's full stop ends no
        # clause); not past a log's next field ("scanauto_kenteken=V-312-BX plate_read=") nor a word that makes a
        # vehicle someone's own ("leenauto van de garage, want mijn eigen auto, de ")
        service_vehicle_before=re.compile(rf"(?<!{LETTER})"
                                          rf"{''.join(f'(?<!{re.escape(w)} )' for w in words('eigen_voertuig'))}"
                                          rf"(?:{either(words('dienstvoertuig'))})(?!{LETTER})"
                                          rf"(?:(?<!{LETTER})(?:{either(words('afkorting'))})[ \t]"
                                          rf"|(?!\.\s|[ \t][\w-]+=|(?<!{LETTER})"
                                          rf"(?:{either(words('eigen_voertuig'))})(?!{LETTER}))[^!?\n]){{0,60}}?"
                                          rf"[ \t]*[(:,]?[ \t]*"
                                          rf"(?:(?:{either(words('kenteken'))})[ \t]*[:=]?[ \t]*)?"
                                          rf"\Z", re.IGNORECASE),
        address_of_before=re.compile(rf"(?<!{LETTER})(?:{either(words('adres_woord'))})[ \t]+(?:van|of)[ \t]+"
                                     rf"(?:de|het|the)[ \t]+({LETTER}+)[^.!?\n\d]{{0,80}}(?:\?{_NEXT_TURN})?\Z",
                                     re.IGNORECASE),
        visiting_address_before=re.compile(rf"(?<!{LETTER})(?:{either(words('bezoekadres'))})[ \t]*:?[ \t]*\Z",
                                           re.IGNORECASE),
        floor_before=re.compile(rf"(?<![\w.])(?:\d{{1,2}}(?:e|de|ste|th|st|nd|rd)?|begane)[ \t]+"
                                rf"(?:{either(words('verdieping'))})[ \t]*,[ \t]*\Z", re.IGNORECASE),
        message_id_before=re.compile(rf"(?<![\w-])(?:{either(words('geen_emailadres_kop'))})"
                                     rf"[ \t]*:[ \t]*<?[ \t]*\Z", re.IGNORECASE),
        phone_cue_end=re.compile(rf"(?<!{LETTER})(?:{either(words('telefoon'))})\.?[ \t:]*\Z", re.IGNORECASE),
        speaker_cues=frozenset(w.lower() for w in words("persoon_cue_spreker")),
        speaker_label=re.compile(rf"(?:^|(?<=[\n.!?]))[ \t]*(?i:{either(words('spreker_label'))})[ \t]*:[ \t]*\Z"),
        title_cues=frozenset(w.lower() for w in words("persoon_titel")),
        abbreviation_words=frozenset(w.lower() for w in words("afkorting")),
        field_labels=_field_labels(data, path),
        house_number_labels=frozenset(w.lower() for w in words("veldlabel_huisnummer")),
        organisation_labels=frozenset(w.lower() for w in words("veldlabel_organisatie")),
        empty_values=frozenset(w.lower() for w in words("lege_waarde")),
        after_cue=re.compile(rf"[ \t]*[:,]?[ \t]*(?:(?:{either(words('vulwoord'))})[ \t]*,?[ \t]+"
                             rf"|(?:{either(sorted(words('academische_titel'), key=len, reverse=True))})"
                             r"(?:[ \t]+|(?<=\.)(?=\w)))*", re.IGNORECASE),
        letter_names=_letter_names(data, path),
        birth_signs=frozenset(words("geboorteteken")),
        foreign_street=re.compile(rf"(?<![\w-])(?:[A-ZÀ-Ž][\w-]*(?i:{either(words('straat_einde_buitenland'))})"
                                  rf"|[A-ZÀ-Ž]{LETTER}+[ \t]+"
                                  rf"(?:{either([w.capitalize() for w in words('straat_einde_buitenland')])})\.?"
                                  rf"|(?:{either([w.capitalize() for w in words('straat_begin')])})"
                                  rf"(?:[ \t]+(?:{either(words('straat_partikel'))}))*[ \t]+[A-ZÀ-Ž][\w'’-]*"
                                  rf"(?:[ \t]+[A-ZÀ-Ž][\w'’-]*)?)"
                                  rf"[ \t]+\d{{1,5}}[a-zA-Z]?(?![\w-])"),
        german_street=re.compile(rf"(?<![\w-])(?:{either([w.capitalize() for w in words('straat_begin_duits')])})"
                                 rf"[ \t]+([A-ZÀ-Ž]{LETTER}+)[ \t]+\d{{1,4}}[a-zA-Z]?(?![\w-])"),
    )
