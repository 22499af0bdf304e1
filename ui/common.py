"""Small pieces every page uses: API calls with Dutch errors, the agent id, channels, periods, formatting."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeVar

import streamlit as st

from ui.client import ApiError, ApiUnavailable

T = TypeVar("T")

CHANNELS = {"Telefoon": "phone", "Balie": "counter", "E-mail": "email", "Chat": "chat", "Website": "web"}
CHANNEL_LABELS = {code: label for label, code in CHANNELS.items()}


def call(func: Callable[..., T], *args: object, **kwargs: object) -> T | None:
    """Call the API; on failure show its Dutch message (never a traceback) and return ``None``."""
    try:
        return func(*args, **kwargs)
    except ApiError as exc:
        show_error(exc)
        return None


def show_error(exc: ApiError) -> None:
    st.error(exc.message, icon=":material/cloud_off:" if isinstance(exc, ApiUnavailable) else ":material/error:")


def require_agent(agent: str | None) -> str:
    """Stop the page (with a hint) while nobody is logged in (``ui.session.signed_in_agent``)."""
    if agent is None:
        st.info("Log in met uw medewerkerssleutel (links) om de console te gebruiken.", icon=":material/login:")
        st.stop()
    return agent


def period_input(label: str, key: str, *, days: int = 30) -> tuple[date, date]:
    """A date range (both ends inclusive), by default the last ``days`` days up to today."""
    today = date.today()
    chosen = st.date_input(label, value=(today - timedelta(days=days - 1), today), max_value=today, key=key,
                           format="DD-MM-YYYY")
    # while the user is still picking, the widget holds one date: treat it as a one-day period
    if isinstance(chosen, tuple | list):
        if len(chosen) == 2:
            return chosen[0], chosen[1]
        if len(chosen) == 1:
            return chosen[0], chosen[0]
        return today - timedelta(days=days - 1), today
    return chosen, chosen


def interval_for(start: date, end: date) -> str:
    """Days for up to two months, weeks beyond: both stay readable as a chart."""
    return "day" if (end - start).days <= 62 else "week"


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """Text typed by a person (a resident's question, a comment), escaped so Markdown shows it literally."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")


def mmss(seconds: float) -> str:
    minutes, rest = divmod(max(0, int(seconds)), 60)
    return f"{minutes:02d}:{rest:02d}"


def act(action: Callable[[], object], *, done: str, flash: str, error: str) -> bool:
    """Run an API change from a button's callback: on success leave ``done`` for :func:`show_flash`, on failure
    the API's Dutch message under ``error`` for the page to show. Returns whether it worked."""
    try:
        action()
    except ApiError as exc:
        st.session_state[error] = exc.message
        return False
    st.session_state[flash] = done
    return True


def show_flash(key: str, error: str | None = None) -> str | None:
    """Show (once) the confirmation a callback left behind, as a success box and a toast, and the Dutch error
    message it left under ``error`` (:func:`act`). Returns that error message."""
    failed = st.session_state.pop(error, None) if error else None
    if failed:
        st.error(failed, icon=":material/error:")
    message = st.session_state.pop(key, None)
    if message:
        st.success(message, icon=":material/check_circle:")
        st.toast(message, icon=":material/check_circle:")
    return failed
