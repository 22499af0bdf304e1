"""Lists an admin manages through the API instead of the environment: the teams contacts are handed to and
callback requests go to, and the contact outcomes with whether each counts as resolved at first contact. Kept in
the contact log's database, so every API process uses the same; every change is audited.

Example::

    save_list(session, "teams", ["Burgerzaken", "Afval"], actor="beheer", role="admin")
    settings = with_lists(settings, load_lists(session))
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcc.contacts.db.models import SettingsList, utcnow
from kcc.contacts.errors import ContactLogError
from kcc.contacts.inputs import MAX_NAME, MAX_TEAM
from kcc.editorial.versions import audit
from kcc.settings import Settings

LISTS = ("teams", "outcomes")
MAX_ITEMS = 200


def load_lists(session: Session) -> dict[str, Any]:
    return {row.name: row.value for row in session.scalars(select(SettingsList)) if row.name in LISTS}


def with_lists(settings: Settings, lists: dict[str, Any]) -> Settings:
    """The settings with the admin's lists in place of the environment's."""
    return settings.model_copy(update=lists) if lists else settings


def _names(values: list[str], limit: int, what: str) -> list[str]:
    names = [" ".join(str(v).split()) for v in values]
    if not names or len(names) > MAX_ITEMS or any(not n or len(n) > limit for n in names):
        raise ContactLogError("invalid", f"invalid_{what}", f"Geef 1 tot {MAX_ITEMS} {what}, elk met 1 tot {limit} "
                                                            "tekens.")
    if len({n.casefold() for n in names}) != len(names):
        raise ContactLogError("invalid", f"invalid_{what}", f"Elke naam mag maar één keer in de lijst ({what}).")
    return names


def check_list(name: str, value: Any) -> Any:
    """The list as it will be stored. :raises ContactLogError: 422 with a Dutch message."""
    if name == "teams":
        if not isinstance(value, list):
            raise ContactLogError("invalid", "invalid_teams", "Geef de teams als een lijst van namen.")
        return _names(value, MAX_TEAM, "teams")
    if name == "outcomes":
        if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
            raise ContactLogError("invalid", "invalid_outcomes", "Geef de uitkomsten als {\"naam\": true/false}: "
                                                                 "telt de uitkomst als opgelost bij eerste contact?")
        names = _names(list(value), MAX_NAME, "uitkomsten")
        if not any(value.values()):
            raise ContactLogError("invalid", "invalid_outcomes", "Minstens één uitkomst moet als opgelost bij eerste "
                                                                 "contact tellen, anders is de FCR altijd 0.")
        return dict(zip(names, value.values(), strict=True))
    raise ContactLogError("not_found", "unknown_list", f"Onbekende lijst '{name}'. Kies uit: {', '.join(LISTS)}.")


def save_list(session: Session, name: str, value: Any, *, actor: str, role: str) -> Any:
    checked = check_list(name, value)
    row = session.get(SettingsList, name) or SettingsList(name=name)
    row.value, row.updated_by, row.updated_at = checked, actor[:64], utcnow()
    session.add(row)
    audit(session, actor=actor, role=role, action="lijst gewijzigd", target=f"lijst:{name}",
          detail=", ".join(checked) if isinstance(checked, list) else
          ", ".join(f"{k} ({'opgelost' if v else 'niet opgelost'})" for k, v in checked.items()))
    session.commit()
    return checked


def reset_list(session: Session, name: str, *, actor: str, role: str) -> None:
    """Back to the environment's value."""
    if name not in LISTS:
        raise ContactLogError("not_found", "unknown_list", f"Onbekende lijst '{name}'. Kies uit: {', '.join(LISTS)}.")
    row = session.get(SettingsList, name)
    if row is not None:
        session.delete(row)
        audit(session, actor=actor, role=role, action="lijst teruggezet", target=f"lijst:{name}",
              detail="weer uit de instellingen")
        session.commit()
