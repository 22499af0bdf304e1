"""What the answer core returns: plain data, the same for every shell (API, CLI, console, evaluation)."""

from __future__ import annotations

from dataclasses import dataclass, field


class QuestionError(ValueError):
    """A question the service will not answer as asked; ``code`` is machine-readable, message Dutch."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class AnswerBody:
    id: str
    text: str
    markdown: str
    html: str
    short: str = ""  # the few sentences that answer the question, plain text (the answer opens with them)


@dataclass(frozen=True)
class SourceRef:
    article_id: str
    title: str
    section: str
    url: str
    version: str
    reviewed: str | None
    part: int = 0  # which part of a question that asks several things this source answers


@dataclass(frozen=True)
class InternalNote:
    article_id: str
    title: str
    section: str
    markdown: str


@dataclass(frozen=True)
class Referral:
    owner: str
    how: str


@dataclass(frozen=True)
class ArticleRef:
    article_id: str
    title: str
    url: str


@dataclass(frozen=True)
class Clarify:
    """Two articles compete for the question: say so, with the choices, instead of picking one silently."""

    question: str
    choices: list[ArticleRef]


@dataclass
class AnswerResult:
    status: str
    answer: AnswerBody | None
    sources: list[SourceRef]
    referral: Referral | None
    confidence: float
    channel: str
    internal_notes: list[InternalNote] = field(default_factory=list)
    alternatives: list[ArticleRef] = field(default_factory=list)
    clarify: Clarify | None = None
    parts: list[str] = field(default_factory=list)  # the parts of the question answered, in answer order
    language: str = "nl"
