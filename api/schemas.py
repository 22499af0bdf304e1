"""Request and response models of the v1 API (the fields of DESIGN.md's contract, and a few more)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kcc.contacts.inputs import Channel, Question


class AnswerRequest(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{"question": "Wat kost een paspoort?",
                                                               "channel": "chat"}]})

    question: Question = Field(description="The question as the resident asked it: at most KCC_MAX_QUESTION_CHARS "
                                           "characters (500 by default) once spaces are normalised.")
    channel: Channel


class AnswerBodyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str = Field(description="Stable hash of the answer content: the same on every channel.")
    text: str
    markdown: str
    html: str
    short: str = Field(description="The few sentences that answer the question (plain text); the answer opens "
                                   "with them.")


class SourceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    article_id: str
    title: str
    section: str
    url: str
    version: str
    reviewed: str | None
    part: int = Field(description="The answer block this source belongs to (0 for the first): for a question asked "
                                  "in parts, its index in ``parts``; else 1 for the second-best article's block.")


class ArticleRefOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    article_id: str
    title: str
    url: str


class ClarifyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    question: str = Field(description="Dutch: 'Bedoelt u ... of ...?'")
    choices: list[ArticleRefOut]


class InternalNoteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    article_id: str
    title: str
    section: str
    markdown: str


class ReferralOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    owner: str
    how: str


class AnswerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    status: Literal["answered", "no_answer"]
    answer: AnswerBodyOut | None
    sources: list[SourceOut]
    internal_notes: list[InternalNoteOut] = Field(description="Only for KCC staff keys; empty otherwise.")
    referral: ReferralOut | None
    confidence: float
    channel: str = Field(description="Presentation only: the channel that asked.")
    alternatives: list[ArticleRefOut] = Field(default_factory=list,
                                              description="The next best public articles, when the first is not it.")
    clarify: ClarifyOut | None = Field(default=None, description="Set when two articles compete for the question: "
                                                                 "show the choices.")
    parts: list[str] = Field(default_factory=list, description="The parts of a question that asks several things, "
                                                               "each answered in its own block (empty for one); a "
                                                               "block after them is the second-best article's.")
    language: str = Field(default="nl", description="Detected language of the question (ISO 639-1); the answer is "
                                                    "the Dutch approved text.")


class SearchResultOut(BaseModel):
    article_id: str
    title: str
    section: str
    markdown: str
    url: str | None
    internal: bool
    source: str = Field(description="article, or reference for an indexed reference document.")
    rank: int
    score: float


class SearchOut(BaseModel):
    query: str
    results: list[SearchResultOut]


class ArticleSectionOut(BaseModel):
    heading: str
    markdown: str
    html: str
    internal: bool


class ArticleOut(BaseModel):
    id: str
    title: str
    type: str
    upl: str | None
    owner: str
    audience: str
    reviewed: str | None
    url: str
    keywords: list[str]
    version: str
    referral: str | None
    sections: list[ArticleSectionOut]


class ArticleSummaryOut(BaseModel):
    id: str
    title: str
    owner: str
    audience: str
    reviewed: str | None
    url: str


class ArticleListOut(BaseModel):
    articles: list[ArticleSummaryOut] = Field(description="By title; internal articles only for KCC staff.")


class ProblemOut(BaseModel):
    line: int = Field(description="Line in the article's file (1 is the first line of the front matter's '---').")
    message: str = Field(description="What is wrong (Dutch).")
    fix: str = Field(description="How to fix it (Dutch).")
    severity: str = Field(description="error or warning.")


class ErrorBody(BaseModel):
    code: str = Field(description="Machine-readable error code.")
    message: str = Field(description="Dutch explanation for the user.")
    problems: list[ProblemOut] | None = Field(default=None, description="invalid_article: every problem of the "
                                                                        "article, each with its line and the fix.")


class ErrorOut(BaseModel):
    error: ErrorBody


# what each error status means on this API; every one comes with the ErrorOut body
ERRORS = {
    400: "De aanvraag is geen geldig JSON-object (invalid_json).",
    401: "Geen of een ongeldige API-sleutel in X-API-Key (api_key_required, invalid_api_key).",
    403: "Deze sleutel mag dit niet (forbidden), of zet een veld dat alleen een beheerder mag zetten.",
    404: "Niet gevonden: het artikel, contact of kopje bestaat niet.",
    409: "Er loopt al een herindexering, of de kennisbank is geweigerd (reindex_running, reindex_refused); of het "
         "contact is afgesloten of de tijd om ongedaan te maken voorbij (contact_closed, undo_too_late).",
    413: "De aanvraag is te groot.",
    422: "Een waarde in de aanvraag is niet geldig; de code en de melding zeggen welke.",
    429: "Te veel aanvragen vanaf dit adres; probeer het na Retry-After seconden opnieuw.",
    500: "Er ging iets mis aan onze kant (internal_error); de melding noemt geen details.",
    503: "Het contactlog is tijdelijk niet beschikbaar (unavailable); probeer het later opnieuw.",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconden tot een nieuwe aanvraag kan.", "schema": {"type": "integer"}}}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` of a route or router: each status with :class:`ErrorOut` and what it means here."""
    return {status: {"model": ErrorOut, "description": ERRORS[status],
                     **({"headers": RETRY_AFTER} if status == 429 else {})} for status in statuses}


class HealthOut(BaseModel):
    status: str
    articles: int
    indexed_chunks: int
    embedder: str
    store: str
