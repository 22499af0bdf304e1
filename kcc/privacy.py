"""Personal data out of the contact log: residents say their BSN, phone number or e-mail address to an agent,
and agents type questions as they hear them. The log keeps the question, not the person (AVG: data minimisation).

Usage::

    mask_personal_data("mijn bsn is 111222333, bel me op 06-12345678")
    # 'mijn bsn is [BSN], bel me op [telefoonnummer]'
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d){10}\b", re.IGNORECASE)
# Dutch numbers: 0 + 9 digits, or +31 / 0031 + 9 digits, with optional spaces or dashes between digits
_PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)[\s-]?(?:\d[\s-]?){8}\d(?!\d)")
# a BSN is 9 digits (8 when the leading zero is dropped), written plain or in groups, and passes the 11-test
_NUMBER = re.compile(r"(?<!\d)(?<!\d[.,])"  # not inside a longer number such as 1.123.456.782,00
                     r"(?:\d{8,9}|\d{3}[.\s]\d{2,3}[.\s]\d{3}|\d{4}[.\s]\d{2}[.\s]\d{3})"
                     r"(?!\d|[.,]\d)")


def is_bsn(digits: str) -> bool:
    """The 11-test (elfproef) of a BSN: 9a + 8b + ... + 2h - 1i is a multiple of 11, and not 0."""
    digits = digits.zfill(9)
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return total != 0 and total % 11 == 0


def _mask_bsn(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group())
    return "[BSN]" if is_bsn(digits) else match.group()


def mask_personal_data(text: str) -> str:
    """``text`` with e-mail addresses, IBANs, Dutch phone numbers and BSNs replaced by a placeholder."""
    text = _EMAIL.sub("[e-mailadres]", text)
    text = _IBAN.sub("[IBAN]", text)
    text = _PHONE.sub("[telefoonnummer]", text)
    return _NUMBER.sub(_mask_bsn, text)
