"""One work list per owner team: what agents flagged, the knowledge gaps assigned to the team, the content checks'
findings, due reviews and suggested question variants, each with a status, a due date and where it came from.

Example::

    items = worklist(session, articles, findings, team="Burgerzaken", today=date.today())
    set_status(session, items[0].key, "in behandeling", by="els")
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kb.model import Article
from kcc.contacts.db.models import Feedback, GapDecision, QuestionVariant, WorkItem, utcnow
from kcc.contacts.errors import ContactLogError
from kcc.contacts.gaps import ASSIGNED
from kcc.editorial.checks import Finding, add_months
from kcc.editorial.variants import SUGGESTED
from kcc.editorial.versions import audit

STATUSES = ("open", "in behandeling", "opgelost")
# a finding's kind -> the work list's kind (Dutch: the editors read it)
KINDS = {"review_overdue": "controle", "review_due": "controle", "contradiction": "tegenstrijdig",
         "duplicate": "dubbel", "broken_link": "link"}
LANGUAGE = "taal"  # the readability kinds of one article make one item


@dataclass(frozen=True)
class Item:
    key: str
    kind: str  # signaal | kennisgat | controle | taal | tegenstrijdig | dubbel | link | variant
    team: str
    title: str
    detail: str
    status: str
    due: date | None
    article_id: str | None = None
    contact_id: int | None = None
    line: int | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["due"] = self.due.isoformat() if self.due else None
        return data


def worklist(session: Session, articles: Mapping[str, Article], findings: Sequence[Finding], *, today: date,
             team: str | None = None, status: str | None = None, due_days: int = 14,
             review_months: int = 12) -> list[Item]:
    """Every item of the team's list (all teams when ``team`` is None), most urgent first."""
    tracked = {w.key: w for w in session.scalars(select(WorkItem))}
    new: list[WorkItem] = []

    def progress(key: str) -> tuple[str, date]:
        row = tracked.get(key)
        if row is None:  # first seen now: its due date counts from today
            row = tracked[key] = WorkItem(key=key, status="open", first_seen=utcnow())
            new.append(row)
        return row.status, row.first_seen.date() + timedelta(days=due_days)

    items: list[Item] = []
    for f in session.scalars(select(Feedback)):
        name = articles[f.article_id].title if f.article_id in articles else f.article_id
        items.append(Item(f"signaal:{f.id}", "signaal", f.owner, f"Gemeld: {name}"
                          + (f" ({f.section})" if f.section else ""), f.comment, f.status,
                          f.created_at.date() + timedelta(days=due_days), f.article_id, f.contact_id))
    for gap in session.scalars(select(GapDecision).where(GapDecision.decision == ASSIGNED)):
        key = f"kennisgat:{gap.question_key}"
        state, _ = progress(key)
        items.append(Item(key, "kennisgat", gap.team or "", "Kennisgat: geen artikel voor deze vraag", gap.question,
                          state, gap.created_at.date() + timedelta(days=due_days)))
    language: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.kind not in KINDS:
            language[finding.article_id].append(finding)
            continue
        state, due = progress(finding.key)
        article = articles.get(finding.article_id)
        if finding.kind in ("review_overdue", "review_due") and article and article.reviewed:
            due = add_months(article.reviewed, review_months)
        title = f"{article.title}: {finding.message}" if article else finding.message
        items.append(Item(finding.key, KINDS[finding.kind], finding.owner, title, finding.fix, state, due,
                          finding.article_id, line=finding.line))
    for article_id, group in language.items():
        key = f"{LANGUAGE}:{article_id}"
        state, due = progress(key)
        worst = sorted(group, key=lambda f: (f.severity != "warning", f.line))
        name = articles[article_id].title if article_id in articles else article_id
        items.append(Item(key, LANGUAGE, group[0].owner, f"Taalniveau B1: {len(group)} punt(en) in {name}",
                          " ".join(f"Regel {f.line}: {f.message}" for f in worst[:3]), state, due, article_id,
                          line=worst[0].line))
    suggested: dict[str, list[QuestionVariant]] = defaultdict(list)
    for variant in session.scalars(select(QuestionVariant).where(QuestionVariant.status == SUGGESTED)):
        suggested[variant.article_id].append(variant)
    for article_id, group in suggested.items():
        article = articles.get(article_id)
        if article is None:
            continue
        key = f"variant:{article_id}"
        state, due = progress(key)
        items.append(Item(key, "variant", article.owner, f"{len(group)} voorgestelde vraagvariant(en) voor "
                          f"{article.title}", "; ".join(v.question for v in group[:3]), state, due, article_id,
                          group[0].contact_id))
    if new:
        session.add_all(new)
        session.commit()
    chosen = [i for i in items if (team is None or i.team == team) and (status is None or i.status == status)]
    return sorted(chosen, key=lambda i: (i.status == "opgelost", i.due or date.max, i.kind, i.key))


def set_status(session: Session, key: str, status: str, *, by: str, role: str) -> None:
    """Move an item to open, in behandeling or opgelost (a signal's own status; any other item's work row)."""
    if status not in STATUSES:
        raise ContactLogError("invalid", "unknown_status", f"Kies een status uit: {', '.join(STATUSES)}.")
    if key.startswith("signaal:"):
        feedback = session.get(Feedback, int(key.split(":", 1)[1])) if key[8:].isdigit() else None
        if feedback is None:
            raise ContactLogError("not_found", "item_not_found", "Dit punt van de werklijst bestaat niet.")
        feedback.status, feedback.updated_at = status, utcnow()
    else:
        row = session.get(WorkItem, key)
        if row is None:
            raise ContactLogError("not_found", "item_not_found", "Dit punt van de werklijst bestaat niet (meer).")
        row.status, row.updated_by, row.updated_at = status, by[:64], utcnow()
    audit(session, actor=by, role=role, action="werklijst", target=key, detail=status)  # a signal's too
    session.commit()
