"""The teams of the municipality: where a contact is handed to and where a callback request goes. One list for
both, kept in the settings (``KCC_TEAMS``) or, unset, the owners of the KB's articles, so that "Werk en Inkomen"
typed by one agent and "Werk en inkomen" picked by another are one team in the statistics.

Example::

    teams = known_teams(settings, articles)           # ['Afval', 'Burgerzaken', ...]
    team_named("doorverbonden met werk en inkomen", teams)   # 'Werk en inkomen'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kb.model import Article
from kcc.settings import Settings


def known_teams(settings: Settings, articles: Mapping[str, Article]) -> list[str]:
    """``KCC_TEAMS`` in its order, else the article owners in alphabetical order."""
    if settings.teams:
        return list(dict.fromkeys(settings.teams))
    return sorted({article.owner for article in articles.values() if article.owner}, key=str.casefold)


def team_spelled(text: str, teams: list[str]) -> str | None:
    """The team ``text`` is, in any case ("werk en inkomen"), in the list's own spelling; None if it is none."""
    folded = text.casefold().strip()
    return next((team for team in teams if team.casefold() == folded), None)


def team_named(text: str | None, teams: list[str]) -> str | None:
    """The team ``text`` names: the team itself in any case ("werk en inkomen"), else the longest team named in it
    as whole words ("mw. [naam] van Burgerzaken" is Burgerzaken); None when it names none."""
    if not text:
        return None
    if (team := team_spelled(text, teams)) is not None:
        return team
    folded = text.casefold().strip()
    named = [team for team in teams
             if re.search(rf"(?<!\w){re.escape(team.casefold())}(?!\w)", folded)]
    return max(named, key=len) if named else None
