"""A team lead's work on the dashboard: decide what a knowledge gap is, and follow up agents' article signals.

A gap's questions (``kcc.contacts.gaps``) are noise ("genegeerd": a recipe, a football score), out of scope
("buiten bereik": added to the municipality's out-of-scope list, so the answer core refuses such questions
after the next re-index) or work for an owner team ("toegewezen"). A decision is kept per question wording,
so it holds for every contact that asked it, and can be taken back. A signal ("Meld dit artikel") moves from
open to in behandeling to opgelost.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kcc.contacts.db.models import Feedback, GapDecision, utcnow
from kcc.contacts.errors import ContactLogError
from kcc.contacts.gaps import ASSIGNED, OUT_OF_SCOPE, question_key  # noqa: E402  (re-exported)
from kcc.contacts.log import check_name
from kcc.contacts.teams import team_spelled
from kcc.privacy import mask_personal_data
from kcc.scope import load_examples

WORDS = re.compile(r"[^\W\d_]{2,}")  # an example question has at least one word
_file_lock = threading.Lock()  # one writer of the out-of-scope file per process


def decisions_by_key(session: Session) -> dict[str, GapDecision]:
    return {d.question_key: d for d in session.scalars(select(GapDecision)).all()}


def decide(session: Session, questions: Sequence[str], decision: str, *, by: str, team: str | None,
           known_teams: Sequence[str], out_of_scope_file: Path | None,
           max_chars: int) -> tuple[list[GapDecision], int]:
    """Record ``decision`` for each question (a later decision replaces an earlier one).

    :returns: the decisions, and how many questions were added to the out-of-scope file.
    :raises ContactLogError: 422 for an unknown or missing team or an over-long question; 409 when no
        out-of-scope file is set."""
    by = check_name(by, "decided_by", "invalid_agent_id")
    if any(len(q) > max_chars for q in questions):
        raise ContactLogError("invalid", "question_too_long", f"Een vraag is te lang: hoogstens {max_chars} tekens.")
    if decision == ASSIGNED:
        named = team_spelled(team or "", list(known_teams))
        if named is None:
            raise ContactLogError("invalid", "unknown_team", "Kies een team uit de lijst (GET /v1/teams) om deze "
                                                             "vraag aan toe te wijzen.")
        team = named
    else:
        team = None
    # as logged the questions are masked already; a client may send any text
    questions = [mask_personal_data(q) for q in questions]
    added = 0
    if decision == OUT_OF_SCOPE:
        if any(not WORDS.search(q) for q in questions):
            raise ContactLogError("invalid", "not_a_question", "Een vraag voor de buiten-bereiklijst moet woorden "
                                                               "bevatten: een voorbeeldvraag, geen getal of teken.")
        if out_of_scope_file is None:
            raise ContactLogError("conflict", "no_out_of_scope_file",
                                  "Er is geen eigen buiten-bereiklijst ingesteld (KCC_OUT_OF_SCOPE_FILE). Stel die "
                                  "in, of kies 'negeren'.")
        added = append_examples(out_of_scope_file, questions)
    existing = decisions_by_key(session)
    stored = []
    for question in dict.fromkeys(q.strip() for q in questions if q.strip()):
        key = question_key(question)
        row = existing.get(key) or GapDecision(question_key=key, question=question)
        row.decision, row.team, row.decided_by, row.created_at = decision, team, by, utcnow()
        session.add(row)
        stored.append(row)
    session.commit()
    return stored, added


def append_examples(path: Path, questions: Iterable[str]) -> int:
    """Add the questions that are not in the out-of-scope file yet, one per line; the file is created when
    missing. Returns the number added.

    :raises ContactLogError: 409 when the file cannot be written."""
    with _file_lock:
        try:
            present = {q.casefold() for q in load_examples(path)} if path.is_file() else set()
            new = [q for q in dict.fromkeys(" ".join(q.split()) for q in questions)
                   if q and not q.startswith("#") and q.casefold() not in present]
            if new:
                text = path.read_text(encoding="utf-8") if path.is_file() else ""
                prefix = "" if not text or text.endswith("\n") else "\n"
                with path.open("a", encoding="utf-8") as file:
                    file.write(prefix + "".join(f"{q}\n" for q in new))
        except OSError as exc:
            raise ContactLogError("conflict", "out_of_scope_file_unwritable",
                                  f"De buiten-bereiklijst kan niet worden bijgewerkt ({exc.strerror}).") from exc
    return len(new)


def undo_decision(session: Session, decision_id: int) -> None:
    """Take a decision back: the question shows in the gaps again (a line added to the out-of-scope file
    stays; an editor removes it there).

    :raises ContactLogError: 404 for an unknown decision."""
    row = session.get(GapDecision, decision_id)
    if row is None:
        raise ContactLogError("not_found", "decision_not_found", f"Besluit {decision_id} bestaat niet (meer).")
    session.delete(row)
    session.commit()


def list_decisions(session: Session, limit: int = 200) -> list[GapDecision]:
    return list(session.scalars(select(GapDecision).order_by(GapDecision.created_at.desc(), GapDecision.id.desc())
                                .limit(limit)).all())


def update_feedback_status(session: Session, feedback_id: int, status: str) -> Feedback:
    """:raises ContactLogError: 404 for an unknown signal."""
    feedback = session.get(Feedback, feedback_id)
    if feedback is None:
        raise ContactLogError("not_found", "feedback_not_found", f"Melding {feedback_id} bestaat niet (meer).")
    feedback.status = status
    feedback.updated_at = utcnow()
    session.commit()
    return feedback
