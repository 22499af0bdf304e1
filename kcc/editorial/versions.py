"""Article versions in the database: every save (draft or published) is a numbered version with who, when and
why; any earlier version can be restored as a new one; the audit log records every change.

The database, not git in the KB folder: it is already backed up (``kcc backup``) and shared by every API worker,
the KB folder may be a read-only mount or a generated export, and editors' names stay out of a folder that is
copied around. The KB folder keeps the published text, which is what gets indexed.

Example::

    row = add_version(session, "paspoort", markdown, status="published", reason="nieuwe prijs", author="anna")
    history(session, "paspoort")   # newest first, each with the diff against the version before it
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kcc.contacts.db.models import ArticleVersion, AuditEntry
from kcc.contacts.errors import ContactLogError

DRAFT, PUBLISHED = "draft", "published"
FOLDER_AUTHOR = "kb-map"  # a version found in the KB folder, not saved through the workspace or the API
MAX_REASON = 500


@dataclass(frozen=True)
class VersionInfo:
    version: int
    status: str
    created_at: datetime
    author: str
    reason: str
    restored_from: int | None
    diff: str  # unified diff against the previous version of the article ("" for the first)


def latest(session: Session, article_id: str, status: str | None = None) -> ArticleVersion | None:
    query = select(ArticleVersion).where(ArticleVersion.article_id == article_id)
    if status:
        query = query.where(ArticleVersion.status == status)
    return session.scalars(query.order_by(ArticleVersion.version.desc()).limit(1)).first()


def get_version(session: Session, article_id: str, version: int) -> ArticleVersion:
    row = session.scalars(select(ArticleVersion).where(ArticleVersion.article_id == article_id,
                                                       ArticleVersion.version == version)).first()
    if row is None:
        raise ContactLogError("not_found", "version_not_found",
                              f"Artikel '{article_id}' heeft geen versie {version}.")
    return row


def add_version(session: Session, article_id: str, markdown: str, *, status: str, reason: str, author: str,
                restored_from: int | None = None, on_disk: str | None = None) -> ArticleVersion:
    """Add the next version (not committed: the caller commits once the file is written).

    :param on_disk: the article's file as it is in the KB folder now. When it differs from the last published
        version (the first save through the workspace, or an edit made in the folder itself), it is kept first
        as a version of its own, so that no published text is ever lost from the history."""
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON:
        raise ContactLogError("invalid", "reason_too_long", f"De reden is te lang: hoogstens {MAX_REASON} tekens.")
    number = (session.scalar(select(func.max(ArticleVersion.version))
                             .where(ArticleVersion.article_id == article_id)) or 0)
    last_published = latest(session, article_id, PUBLISHED)
    if on_disk is not None and (last_published is None or last_published.markdown != on_disk):
        number += 1
        session.add(ArticleVersion(article_id=article_id, version=number, status=PUBLISHED, markdown=on_disk,
                                   author=FOLDER_AUTHOR, reason="Zoals het in de map met artikelen stond."))
    row = ArticleVersion(article_id=article_id, version=number + 1, status=status, markdown=markdown,
                         reason=reason, author=author, restored_from=restored_from)
    session.add(row)
    session.flush()
    return row


def history(session: Session, article_id: str) -> list[VersionInfo]:
    """Every version of the article, newest first, with what changed against the version before it."""
    rows = session.scalars(select(ArticleVersion).where(ArticleVersion.article_id == article_id)
                           .order_by(ArticleVersion.version)).all()
    infos, previous = [], ""
    for row in rows:
        infos.append(VersionInfo(row.version, row.status, row.created_at, row.author, row.reason, row.restored_from,
                                 diff_text(previous, row.markdown, f"versie {row.version - 1}",
                                           f"versie {row.version}") if previous else ""))
        previous = row.markdown
    return infos[::-1]


def diff_text(old: str, new: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=old_name, tofile=new_name))


def drafts(session: Session) -> dict[str, ArticleVersion]:
    """Per article, its newest version when that is a draft (a draft newer than anything published)."""
    newest = (select(ArticleVersion.article_id, func.max(ArticleVersion.version).label("version"))
              .group_by(ArticleVersion.article_id).subquery())
    rows = session.scalars(select(ArticleVersion).join(
        newest, (ArticleVersion.article_id == newest.c.article_id) & (ArticleVersion.version == newest.c.version))
        .where(ArticleVersion.status == DRAFT)).all()
    return {row.article_id: row for row in rows}


def last_changes(session: Session) -> dict[str, tuple[datetime, str]]:
    """Per article, when and by whom it was last saved through the workspace or the API."""
    rows = session.execute(select(ArticleVersion.article_id, ArticleVersion.created_at, ArticleVersion.author)
                           .order_by(ArticleVersion.article_id, ArticleVersion.version)).all()
    return {article_id: (created_at, author) for article_id, created_at, author in rows}


def audit(session: Session, *, actor: str, role: str, action: str, target: str, detail: str = "") -> None:
    """Record a change (not committed: it lands with the change itself)."""
    session.add(AuditEntry(actor=actor[:64], role=role[:16], action=action[:32], target=target[:256],
                           detail=detail))


def audit_entries(session: Session, *, target: str | None = None, limit: int = 100) -> list[AuditEntry]:
    query = select(AuditEntry)
    if target:
        query = query.where(AuditEntry.target == target)
    return list(session.scalars(query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()).limit(limit)))
