"""Personal data out of log lines: the access log holds every query string (``GET /v1/search?q=...``), and a
message or traceback may quote what a resident typed.

Example::

    install_log_masking()   # on the app's and uvicorn's loggers; create_app does this
    logging.getLogger("uvicorn.access").info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET",
                                             "/v1/search?q=bsn+111222333", "1.1", 200)
    # 127.0.0.1:5000 - "GET /v1/search?q=bsn+[BSN] HTTP/1.1" 200 OK

A filter on a logger sees the records logged on that logger itself, not those of its children, so every
logger that writes is named in ``LOGGERS`` (a test checks the code for others). The filter never loads deduce's
name lists (seconds, in the middle of a request): until something has loaded them (the API does at start-up,
in the background) log lines lose the personal data with a fixed form only (``mask_identifiers``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode

from kcc.privacy import mask_identifiers, mask_personal_data, ready

LOGGERS = ("kcc", "kcc.api", "kcc.runtime", "kcc.scope", "kcc.products", "kcc.privacy", "kcc.editorial",
           "kcc.passage_cache", "uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi")
_PATH_WITH_QUERY = re.compile(r"/[^\s?]*\?\S*")
# "GET", "1.1", a client address ("127.0.0.1:51234", "[::1]:51234")
_NOTHING_PERSONAL = re.compile(r".{0,3}|\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?"
                               r"|\[?[\da-fA-F]*:[\da-fA-F:]*:[\da-fA-F]*\]?(?::\d{1,5})?")


def _masker() -> Callable[[str], str]:
    return mask_personal_data if ready() else mask_identifiers


def mask_text(text: str, mask: Callable[[str], str]) -> str:
    """``text`` masked; a path with a query string is masked per decoded part and stays URL-encoded."""
    if _NOTHING_PERSONAL.fullmatch(text):
        return text
    if _PATH_WITH_QUERY.fullmatch(text):
        path, _, query = text.partition("?")
        masked_path = mask(unquote(path))
        pairs = parse_qsl(query, keep_blank_values=True)
        masked_pairs = [(mask(key), mask(value)) for key, value in pairs]
        if masked_pairs == pairs and masked_path == unquote(path):
            return text
        return f"{quote(masked_path, safe='/[]')}?{urlencode(masked_pairs, safe='[]')}"
    return mask(text)


class PersonalDataFilter(logging.Filter):
    """Masks the message, the arguments and any traceback of every record it sees; drops none."""

    def filter(self, record: logging.LogRecord) -> bool:
        mask = _masker()
        try:
            self._mask(record, mask)
        except Exception:  # noqa: BLE001 - a log line must never break the request that writes it
            record.msg, record.args = mask(_rendered(record)), None
        return True

    @staticmethod
    def _mask(record: logging.LogRecord, mask: Callable[[str], str]) -> None:
        if isinstance(record.msg, str):
            # with arguments, the message is a format string from the code: the same few, again and again
            record.msg = _mask_format(record.msg, mask) if record.args else mask_text(record.msg, mask)
        if isinstance(record.args, tuple):
            args = []
            for arg in record.args:
                if isinstance(arg, str):
                    args.append(mask_text(arg, mask))
                elif isinstance(arg, bool | int | float | None) and mask_text(str(arg), mask) == str(arg):
                    args.append(arg)  # kept as it is: "%d" needs a number, uvicorn's access format a status code
                else:  # an object (or a number that is a BSN): its text, masked, in the message
                    record.msg, record.args = mask(record.getMessage()), None
                    break
            else:
                record.args = tuple(args)
        elif record.args:  # a mapping for "%(name)s"
            record.msg, record.args = mask(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = mask(record.stack_info)


@lru_cache(maxsize=512)
def _mask_format(message: str, mask: Callable[[str], str]) -> str:
    return mask_text(message, mask)


def _rendered(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:  # noqa: BLE001
        return str(record.msg)


def install_log_masking(names: tuple[str, ...] = LOGGERS) -> None:
    """Put a ``PersonalDataFilter`` on the named loggers (once each). uvicorn's log configuration keeps it: it
    replaces handlers, not filters."""
    for name in names:
        logger = logging.getLogger(name)
        if not any(isinstance(f, PersonalDataFilter) for f in logger.filters):
            logger.addFilter(PersonalDataFilter())
