"""Personal data that a label names (kcc/privacy/fields.py): exports' columns, forms' fields, JSON keys and XML
elements pasted into a note. Each case is a rule's reason; the masker runs whole, as stored text is masked."""

from __future__ import annotations

import pytest

from kcc.privacy import mask_personal_data


@pytest.mark.parametrize(("text", "masked"), [
    # a column's header names a surname and a compact date of birth that no finder would take on their own
    ("zaaknr;achternaam;voorletters;geboortedatum\n2024-04713;Nowak;K.;19920628",
     "zaaknr;achternaam;voorletters;geboortedatum\n2024-04713;[naam];[naam];[geboortedatum]"),
    # a Markdown table, its rule line skipped, names in capitals, a short label for the date
    ("| Nr | Naam | Geb. |\n|----|------|------|\n| 1 | BRAHIMI, Samira | 02-02-2002 |",
     "| Nr | Naam | Geb. |\n|----|------|------|\n| 1 | [naam] | [geboortedatum] |"),
    # a quoted CSV cell in "Achternaam, Voornaam" order is one cell
    ('naam,geboortedatum\n"Demir, Zeynep",1988-05-17', 'naam,geboortedatum\n"[naam]",[geboortedatum]'),
    # a street without its number is an address beside a house number's field
    ("straat;huisnummer;postcode\nWilgenlaan;40;7546 LB", "straat;huisnummer;postcode\n[adres];40;[postcode]"),
    # a form's lines: the label says what the value is; the value ends where the next detail starts
    ("Achternaam: Gebremedhin\nVoornamen: Tesfay", "Achternaam: [naam]\nVoornamen: [naam]"),
    ("Vader: Tesfay Gebrehiwet, BSN 387933621", "Vader: [naam], BSN [BSN]"),
    ("BELLER: JANSEN, PIETER (ZOON VAN CLIENT)", "BELLER: [naam] (ZOON VAN CLIENT)"),
    # JSON and XML
    ('{"voornaam":"Siti","achternaam":"Rahayu"}', '{"voornaam":"[naam]","achternaam":"[naam]"}'),
    ("<geslachtsnaam>Doelwijt</geslachtsnaam><geboortedatum>19680904</geboortedatum>",
     "<geslachtsnaam>[naam]</geslachtsnaam><geboortedatum>[geboortedatum]</geboortedatum>"),
    # a label with an organisation's word that names no data keeps a resident's data in the value masked
    ("Team Parkeren: vergunning omzetten naar kenteken 9-TJV-54",
     "Team Parkeren: vergunning omzetten naar kenteken [kenteken]"),
    ("bewindvoerder: w.smit@smit-bewindvoering.nl", "bewindvoerder: [e-mailadres]"),
])
def test_labelled_values_are_masked(text, masked):
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize("text", [
    # an empty form, masked values, placeholders
    "Naam: (niet ingevuld)\nBSN: *****4602\nTelefoon: 06-****4419",
    '{"naam":null,"tel":null,"email":""}',
    "Geachte {{aanvrager.naam}}, uw aanvraag is ontvangen.",
    # case numbers that pass the 11-test, named so by their column
    "zaaknummer;zaaktype;datum\n473442802;Parkeervergunning;2024-05-02",
    # an organisation's table: a team's phone numbers, a department's vehicles
    "Team;Telefoon\nWmo;0578-694 100\nSchuldhulp;0578-694 150",
    "kenteken;type;afdeling\nVZG-21-T;veegwagen;Buitendienst",
    # an organisation's field ("aanbieder_iban"), and products under "naam"
    "aanbieder;aanbieder_iban\nThuiszorg Rivierenland;NL98INGB3174658488",
    '[{"pdc":"PDC-0142","naam":"Paspoort aanvragen","leges":78.55}]',
    # streets in statistics, without a house number's field
    "Straat | Aantal\nMolenweg | 14\nKastanjelaan | 9",
    # a range of postcodes, a format's example
    "Werkgebied wijkteam Noord: postcodes 7541 AA t/m 7544 ZZ.",
    "Postcode (formaat 1234 AB)",
    # commas in a letter are no table
    "Beste gemeente,\n\nIk heb een vraag over de afvalkalender, die is niet aangekomen.",
])
def test_no_ones_fields_stay(text):
    assert mask_personal_data(text) == text
