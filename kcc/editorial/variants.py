"""The floor teaches the knowledge base: questions agents resolved at first contact with an article become
suggested question variants of that article; an editor approves them (they are then published in the article's
front matter, ``vragen:``, and indexed with it) or rejects them.

Example::

    collect(session, articles)                         # after a day of contacts: new suggestions, counted
    decide(session, publisher, kb_dir, variant_id, approve=True, actor="els", role="editor")
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from kb.model import Article
from kcc.contacts.db.models import ContactQuestion, QuestionVariant, WorkItem, utcnow
from kcc.contacts.errors import ContactLogError
from kcc.contacts.gaps import question_key, wording
from kcc.editorial.edits import Saved, save
from kcc.editorial.publish import Publisher, article_path
from kcc.editorial.versions import PUBLISHED, audit
from kcc.privacy import mask_personal_data

SUGGESTED, APPROVED, REJECTED = "voorgesteld", "goedgekeurd", "afgewezen"
STATUSES = (SUGGESTED, APPROVED, REJECTED)
MIN_WORDS, MAX_CHARS = 2, 200  # a variant is a question, not a word or a story
WORD = re.compile(r"[^\W\d_]+")
MARKER = "variants:verzameld-tot"  # work_items row: the last contact question read (in its status)
MASK = re.compile(r"\[[A-Za-z]+\]")  # what mask_personal_data puts in: such a question is about one person


def collect(session: Session, articles: Mapping[str, Article]) -> int:
    """Suggest every question resolved at first contact with an article as a variant of it (masked, once per
    wording, counted per contact); wordings already in the article or decided on are left alone. Only the
    contacts logged since the last run are read (a work-list row keeps where it got to).

    :returns: how many new suggestions there are."""
    marker = session.get(WorkItem, MARKER) or WorkItem(key=MARKER, status="0")
    since = int(marker.status) if marker.status.isdigit() else 0
    rows = session.execute(select(ContactQuestion.id, ContactQuestion.question, ContactQuestion.article_id,
                                  ContactQuestion.contact_id)
                           .where(ContactQuestion.id > since, ContactQuestion.resolved_first_contact.is_(True),
                                  ContactQuestion.article_id.is_not(None))
                           .order_by(ContactQuestion.id)).all()
    if not rows:
        return 0
    existing = {(v.article_id, v.question_key): v for v in session.scalars(select(QuestionVariant))}
    counted: dict[tuple[str, str], list] = {}
    for _, question, article_id, contact_id in rows:
        article = articles.get(article_id)
        question = mask_personal_data(" ".join((question or "").split()))
        if article is None or not _usable(question, article):
            continue
        entry = counted.setdefault((article_id, question_key(question)), [question, 0, contact_id])
        entry[1] += 1
        entry[2] = contact_id
    added = 0
    for (article_id, key), (question, count, contact_id) in counted.items():
        row = existing.get((article_id, key))
        if row is None:
            session.add(QuestionVariant(article_id=article_id, question_key=key, question=question, count=count,
                                        contact_id=contact_id, status=SUGGESTED))
            added += 1
        elif row.status == SUGGESTED:
            row.count, row.contact_id = row.count + count, contact_id
    marker.status = str(rows[-1][0])
    session.add(marker)
    session.commit()
    return added


def _usable(question: str, article: Article) -> bool:
    words = WORD.findall(question)
    known = {wording(q) for q in (*article.questions, article.title)}
    return len(words) >= MIN_WORDS and len(question) <= MAX_CHARS and not MASK.search(question) \
        and wording(question) not in known


def variants(session: Session, *, article_id: str | None = None, status: str | None = None,
             owners: Mapping[str, str] | None = None, team: str | None = None) -> list[QuestionVariant]:
    """Suggestions (or decided variants), most asked first; per article, status or owner team."""
    query = select(QuestionVariant)
    if article_id:
        query = query.where(QuestionVariant.article_id == article_id)
    if status:
        query = query.where(QuestionVariant.status == status)
    rows = list(session.scalars(query.order_by(QuestionVariant.count.desc(), QuestionVariant.id)))
    if team and owners is not None:
        rows = [r for r in rows if owners.get(r.article_id) == team]
    return rows


def decide(session: Session, publisher: Publisher, kb_dir: Path, variant_id: int, *, approve: bool, actor: str,
           role: str) -> tuple[QuestionVariant, Saved | None]:
    """Approve (publish the question in the article's ``vragen:``, a new version) or reject a suggestion."""
    row = session.get(QuestionVariant, variant_id)
    if row is None:
        raise ContactLogError("not_found", "variant_not_found", f"Vraagvariant {variant_id} bestaat niet.")
    saved = None
    if approve and row.status != APPROVED:
        path = article_path(kb_dir, row.article_id)
        if not path.is_file():
            raise ContactLogError("not_found", "article_not_found", f"Artikel '{row.article_id}' bestaat niet.")
        markdown = with_question(path.read_text(encoding="utf-8-sig"), row.question)
        saved = save(session, publisher, kb_dir, row.article_id, markdown, status=PUBLISHED,
                     reason=f"Vraagvariant goedgekeurd: {row.question}", actor=actor, role=role)
    row.status, row.decided_by, row.decided_at = (APPROVED if approve else REJECTED), actor[:64], utcnow()
    if not approve:
        audit(session, actor=actor, role=role, action="variant afgewezen", target=f"artikel:{row.article_id}",
              detail=row.question)
    session.commit()
    return row, saved


def approve_many(session: Session, publisher: Publisher, kb_dir: Path, variant_ids: list[int], *, actor: str,
                 role: str) -> list[Saved]:
    """Approve several suggestions at once: one new version per article, with all of its approved questions."""
    rows = [session.get(QuestionVariant, i) for i in dict.fromkeys(variant_ids)]
    if any(row is None for row in rows):
        raise ContactLogError("not_found", "variant_not_found", "Een van de vraagvarianten bestaat niet.")
    by_article: dict[str, list[QuestionVariant]] = {}
    for row in rows:
        if row.status != APPROVED:
            by_article.setdefault(row.article_id, []).append(row)
    saved = []
    for article_id, group in by_article.items():
        path = article_path(kb_dir, article_id)
        if not path.is_file():
            raise ContactLogError("not_found", "article_not_found", f"Artikel '{article_id}' bestaat niet.")
        markdown = path.read_text(encoding="utf-8-sig")
        for row in group:
            markdown = with_question(markdown, row.question)
        saved.append(save(session, publisher, kb_dir, article_id, markdown, status=PUBLISHED,
                          reason=f"{len(group)} vraagvariant(en) goedgekeurd.", actor=actor, role=role))
        for row in group:
            row.status, row.decided_by, row.decided_at = APPROVED, actor[:64], utcnow()
        session.commit()
    return saved


def with_question(markdown: str, question: str) -> str:
    """The article file with ``question`` added to its front matter's ``vragen:`` list; every other line stays
    as the editor wrote it."""
    lines = markdown.split("\n")
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), None)
    try:
        front = yaml.safe_load("\n".join(lines[1:end])) if end and lines[0].strip() == "---" else None
    except yaml.YAMLError:
        front = None
    listed = front.get("vragen") or [] if isinstance(front, dict) else None
    if end is None or not isinstance(listed, list):
        raise ContactLogError("conflict", "article_broken", "Het artikel heeft fouten in de front matter. Herstel "
                                                            "het eerst in de Redactie; keur de vraag daarna goed.")
    questions = [str(q) for q in listed if str(q).strip()]
    if wording(question) not in {wording(q) for q in questions}:
        questions.append(question)
    start = next((i for i in range(1, end) if re.match(r"^vragen\s*:", lines[i])), None)
    if start is not None:  # drop the old list: its key line and the indented lines under it
        stop = start + 1
        while stop < end and (lines[stop].startswith((" ", "\t", "-")) or not lines[stop].strip()):
            stop += 1
        del lines[start:stop]
        end -= stop - start
    block = yaml.safe_dump({"vragen": questions}, allow_unicode=True, default_flow_style=False, sort_keys=False,
                           width=1000).rstrip("\n").split("\n")
    return "\n".join(lines[:end] + block + lines[end:])
