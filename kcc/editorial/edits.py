"""Saving an editor's edit: checked, kept as a version, and (when published) written, indexed and answered from.

Example::

    saved = save(session, publisher, kb_dir, "paspoort", markdown, status="published", reason="nieuwe prijs",
                 actor="anna", role="editor")
    saved.version, saved.seconds      # (4, 0.41): the next answer comes from the new text
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from kb.loader import Problem
from kcc.contacts.errors import ContactLogError
from kcc.editorial.publish import Publisher, check_edit
from kcc.editorial.versions import PUBLISHED, add_version, audit, get_version

ACTIONS = {"draft": "concept opgeslagen", "published": "gepubliceerd"}


@dataclass(frozen=True)
class Saved:
    article_id: str
    version: int
    status: str
    seconds: float | None  # publication to the first answer from the new text; None for a draft
    warnings: list[Problem] = field(default_factory=list)


def _on_disk(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None  # a new article, or a file that never loaded: nothing of it answered


def save(session: Session, publisher: Publisher, kb_dir: Path, article_id: str, markdown: str, *, status: str,
         reason: str, actor: str, role: str, restored_from: int | None = None) -> Saved:
    """Check the edit, keep it as the article's next version and, when ``status`` is published, publish it.

    :raises ArticleRejected: the edit is broken (nothing is saved).
    :raises ContactLogError: the KB folder is missing (409) or the reason too long (422)."""
    if not kb_dir.is_dir():
        raise ContactLogError("conflict", "kb_folder_missing", f"De map met artikelen '{kb_dir}' bestaat niet. Er is "
                                                               "niets opgeslagen. Vraag de beheerder KCC_KB_DIR te "
                                                               "controleren.")
    markdown = markdown.replace("\r\n", "\n")
    article, warnings, path = check_edit(kb_dir, article_id, markdown)
    row = add_version(session, article_id, markdown, status=status, reason=reason, author=actor,
                      restored_from=restored_from, on_disk=_on_disk(path))
    action = "teruggezet" if restored_from else ACTIONS[status]
    audit(session, actor=actor, role=role, action=action, target=f"artikel:{article_id}",
          detail=f"versie {row.version}" + (f" (uit versie {restored_from})" if restored_from else "")
          + (f": {row.reason}" if row.reason else ""))
    seconds = publisher.publish(article, markdown, path) if status == PUBLISHED else None
    session.commit()
    return Saved(article_id, row.version, status, seconds, warnings)


def restore(session: Session, publisher: Publisher, kb_dir: Path, article_id: str, version: int, *, reason: str,
            actor: str, role: str) -> Saved:
    """Publish an earlier version again, as a new version that names the one it restored."""
    old = get_version(session, article_id, version)
    return save(session, publisher, kb_dir, article_id, old.markdown, status=PUBLISHED,
                reason=reason or f"Versie {version} teruggezet.", actor=actor, role=role, restored_from=version)
