"""Shared resources of the console: the settings and one API client per (URL, key), via ``st.cache_resource``.

The settings come from the ``KCC_*`` environment that ``kcc console`` / ``kcc run`` pass to Streamlit.
"""

from __future__ import annotations

import os

import streamlit as st

from kcc.settings import Settings, parse_keys
from ui.client import ApiError, KccClient


def settings() -> Settings:
    # keyed on the KCC_* environment, so a changed environment (a test, a restart) never sees stale settings
    return _settings(tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith("KCC_"))))


@st.cache_resource(show_spinner=False)
def _settings(environment: tuple[tuple[str, str], ...]) -> Settings:  # the argument is the cache key
    return Settings()


SESSION_KEY = "shared_api_key"  # the key this browser session logged in with (ui.session)


def launcher_key(current: Settings) -> str | None:
    """The agent key the launcher gave the console (``kcc run``'s demo key, ``kcc console --shared-key``): every
    session logs in with it. None: each agent logs in with their own."""
    keys = parse_keys(current.agent_api_key)
    return keys[0][1] if keys else None


def agent_key(current: Settings) -> str | None:
    """The key this session asks with: its own log-in, else the launcher's."""
    return st.session_state.get(SESSION_KEY) or launcher_key(current)


def client(api_key: str | None = None) -> KccClient:
    """The API client of this session (or of ``api_key``: a log-in being checked)."""
    current = settings()
    return _client(current.api_url, api_key or agent_key(current))


@st.cache_resource(show_spinner=False)
def _client(api_url: str, api_key: str | None) -> KccClient:
    # one connection pool for every session; httpx.Client is safe to share between threads
    return KccClient(api_url, api_key)


def teams() -> list[str]:
    """The teams to hand a contact to or send a callback request to (GET /v1/teams), cached for ten minutes."""
    current = settings()
    try:
        return _teams(current.api_url, agent_key(current))
    except ApiError:
        return []  # not cached: the list is back as soon as the API is; the API says what went wrong


@st.cache_data(ttl=600, show_spinner=False)
def _teams(api_url: str, api_key: str | None) -> list[str]:
    return _client(api_url, api_key).teams()


def referral_guide() -> list[dict]:
    """The referral guide's organisations (GET /v1/referrals), cached ten minutes; empty while the API is away."""
    current = settings()
    try:
        return _referrals(current.api_url, agent_key(current))
    except ApiError:
        return []


@st.cache_data(ttl=600, show_spinner=False)
def _referrals(api_url: str, api_key: str | None) -> list[dict]:
    return _client(api_url, api_key).referrals()


def article_titles() -> dict[str, str]:
    """Article id -> title, for dashboards (cached ten minutes; empty while the API is away)."""
    current = settings()
    try:
        return _article_titles(current.api_url, agent_key(current))
    except ApiError:
        return {}


@st.cache_data(ttl=600, show_spinner=False)
def _article_titles(api_url: str, api_key: str | None) -> dict[str, str]:
    return {article["id"]: article["title"] for article in _client(api_url, api_key).articles()}
