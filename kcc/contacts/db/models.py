"""The contact log's tables: contacts, feedback on articles, and human grades of answers.

The Alembic migrations in ``api/db/migrations`` create these tables; the models are the code's view of them
(a test checks that both agree). Every timestamp is stored and returned in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Explicit constraint names, so migrations name them the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive datetime is taken to be UTC already."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend.

    PostgreSQL keeps the zone (timestamptz); SQLite has no zone, so naive UTC is stored and UTC is attached
    again on the way out. A naive input is taken to be UTC already.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else as_utc(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AnsweredQuestion:
    """The columns of a question as it was answered and ended: a contact's question, and the contact's own summary
    of its questions (mixed into both tables)."""

    question: Mapped[str] = mapped_column(Text)
    answer_id: Mapped[str | None] = mapped_column(String(64))
    answer_status: Mapped[str | None] = mapped_column(String(16))
    # [{"article_id", "section"}]: the sources the agent saw, in the order shown
    sources: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    answer_text: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(64))
    resolved_first_contact: Mapped[bool] = mapped_column(Boolean)
    resolved_overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    forwarded_to: Mapped[str | None] = mapped_column(String(128))
    team: Mapped[str | None] = mapped_column(String(128), index=True)
    article_id: Mapped[str | None] = mapped_column(String(128), index=True)


class Contact(AnsweredQuestion, Base):
    """One resident contact (a call, a chat, a counter visit) as the agent logged it, with its questions.

    The question columns on the contact summarise it by its lead question (the first one not resolved, else the
    first): its text, answer, sources, outcome and team; ``resolved_first_contact`` is true when every question was
    resolved at first contact. Per-question figures (by article, by outcome, gaps) come from ``questions``.
    """

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    channel: Mapped[str] = mapped_column(String(16), index=True)
    duration_seconds: Mapped[int] = mapped_column(Integer)
    agent_id: Mapped[str] = mapped_column(String(64))
    questions: Mapped[list[ContactQuestion]] = relationship(
        back_populates="contact", order_by="ContactQuestion.position", cascade="all, delete-orphan",
        passive_deletes=True, lazy="selectin")


class ContactQuestion(AnsweredQuestion, Base):
    """One question of a contact: what was asked, the answer and sources shown, and how it ended."""

    __tablename__ = "contact_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    # when the agent logged it: an undo is possible for a short while (KCC_UNDO_SECONDS)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # the Idempotency-Key of the request that logged it: the same request sent twice logs one question
    request_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    contact: Mapped[Contact] = relationship(back_populates="questions")


class Feedback(Base):
    """An agent's remark on an article (wrong, unclear, missing), for the article's owner."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    article_id: Mapped[str] = mapped_column(String(128), index=True)
    section: Mapped[str | None] = mapped_column(String(255))
    comment: Mapped[str] = mapped_column(Text)
    agent_id: Mapped[str] = mapped_column(String(64))
    # the owning team when the remark was made; kept, because ownership may move later
    owner: Mapped[str] = mapped_column(String(128), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    # the owner team's work on it: open, in behandeling, opgelost (migration 0006)
    status: Mapped[str] = mapped_column(String(16), default="open", server_default="open", index=True)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Grade(Base):
    """A human grade of the answer given in one contact, on the four criteria of the evaluation."""

    __tablename__ = "grades"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    grader: Mapped[str] = mapped_column(String(64))
    juist: Mapped[bool] = mapped_column(Boolean)
    volledig: Mapped[bool] = mapped_column(Boolean)
    bron_klopt: Mapped[bool] = mapped_column(Boolean)
    begrijpelijk: Mapped[bool] = mapped_column(Boolean)
    comment: Mapped[str | None] = mapped_column(Text)


class Callback(Base):
    """A callback request (contactverzoek): a resident to be called or mailed back by a team, before a due date.

    Name, phone and e-mail are kept while the request is open; once it is handled ("afgehandeld") they are
    replaced by placeholders (AVG: no longer needed), and the retention purge deletes the request with the
    contacts of its time.
    """

    __tablename__ = "callbacks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))
    question: Mapped[str] = mapped_column(Text)
    team: Mapped[str] = mapped_column(String(128), index=True)
    due: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)
    agent_id: Mapped[str] = mapped_column(String(64))


class AnswerFeedback(Base):
    """A resident's "Heeft dit antwoord u geholpen?" on the chat page or the website: self-service resolution.
    Nothing about the person: the answer's id, the channel and yes or no."""

    __tablename__ = "answer_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    answer_id: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    helpful: Mapped[bool] = mapped_column(Boolean)


class GapDecision(Base):
    """A team lead's decision on a question of the knowledge gaps: ``genegeerd`` (noise), ``buiten bereik``
    (added to the municipality's out-of-scope list) or ``toegewezen`` (an owner team writes the article).
    Keyed by the question's normalised wording, so the decision holds for every contact that asked it."""

    __tablename__ = "gap_decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    question_key: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the normalised wording
    question: Mapped[str] = mapped_column(Text)  # as logged: masked
    decision: Mapped[str] = mapped_column(String(16), index=True)
    team: Mapped[str | None] = mapped_column(String(128))
    decided_by: Mapped[str] = mapped_column(String(64))


class ArticleVersion(Base):
    """One saved state of an article's file (front matter and Markdown), by an editor: a draft, or a published
    version that was written to the KB folder and indexed. Numbered per article from 1; a restore is a new
    version that names the one it restored (``restored_from``)."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "version", name="uq_article_versions_article_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    article_id: Mapped[str] = mapped_column(String(128), index=True)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))  # draft | published
    markdown: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    restored_from: Mapped[int | None] = mapped_column(Integer)


class QuestionVariant(Base):
    """A question an agent resolved at first contact with an article: a suggested wording of that article's
    question (masked), which an editor approves (it is then indexed with the article) or rejects."""

    __tablename__ = "question_variants"
    __table_args__ = (UniqueConstraint("article_id", "question_key", name="uq_question_variants_article_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    article_id: Mapped[str] = mapped_column(String(128), index=True)
    question_key: Mapped[str] = mapped_column(String(64))
    question: Mapped[str] = mapped_column(Text)  # masked
    contact_id: Mapped[int | None] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer, default=1)  # how many resolved contacts asked it this way
    status: Mapped[str] = mapped_column(String(16), index=True)  # voorgesteld | goedgekeurd | afgewezen
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class AuditEntry(Base):
    """Who changed what, when: every change to the knowledge base and to the settings lists."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32), index=True)
    target: Mapped[str] = mapped_column(String(256))
    detail: Mapped[str] = mapped_column(Text, default="")


class WorkItem(Base):
    """An owner team's progress on a finding of the work list that has no row of its own (a content check, a gap
    assigned to the team, a batch of suggested variants): keyed by the finding's stable key."""

    __tablename__ = "work_items"

    key: Mapped[str] = mapped_column(String(256), primary_key=True)
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), default="open")
    updated_by: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class SettingsList(Base):
    """A list an admin manages in the console or the API instead of the environment (teams, outcomes): it
    overrides the setting of the same name for every API process."""

    __tablename__ = "settings_lists"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
