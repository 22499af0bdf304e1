import pytest

from kcc.privacy import is_bsn, mask_personal_data


@pytest.mark.parametrize(("digits", "valid"), [("111222333", True), ("123456782", True), ("12345672", True),
                                               ("12345678", False), ("111222334", False), ("000000000", False),
                                               ("12345", False)])
def test_the_eleven_test(digits, valid):
    assert is_bsn(digits) is valid


@pytest.mark.parametrize(("text", "masked"), [
    ("mijn bsn is 111222333", "mijn bsn is [BSN]"),
    ("BSN 1234.56.782 graag nakijken", "BSN [BSN] graag nakijken"),
    ("burgerservicenummer 111 222 333.", "burgerservicenummer [BSN]."),
    ("BSN 111222333, postcode 5611 AB", "BSN [BSN], postcode 5611 AB"),
    ("bel me terug op 06-12345678", "bel me terug op [telefoonnummer]"),
    ("nummer +31 6 1234 5678 of 010 123 4567", "nummer [telefoonnummer] of [telefoonnummer]"),
    ("mail naar j.de.vries@example.nl aub", "mail naar [e-mailadres] aub"),
    ("rekening NL91 ABNA 0417 1643 00 klopt niet", "rekening [IBAN] klopt niet"),
    ("terugstorten op NL91ABNA0417164300", "terugstorten op [IBAN]"),
])
def test_personal_data_is_masked(text, masked):
    assert mask_personal_data(text) == masked


@pytest.mark.parametrize("text", [
    "Wat kost een paspoort? € 84,45 toch?",
    "Bel 14 0456 of 0800 0543",
    "Postcode 5611 AB, huisnummer 12",
    "zaaknummer 111222334 (geen BSN)",
    "aanvraag van 23-11-2026 om 10.30 uur",
    "WOZ-waarde 412.000 euro, aanslag 2026",
    "bedrag 1.123.456.782,00 euro",
])
def test_ordinary_numbers_stay(text):
    assert mask_personal_data(text) == text
