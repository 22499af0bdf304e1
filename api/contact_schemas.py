"""Request and response models of the contact log, statistics, feedback and grading (issue 5's contract).

Limits are checked by the core (``api.contactlog``, ``api.quality``) so that every bad value gets its own
Dutch message and error code; the descriptions here say what is accepted.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class SourceIn(BaseModel):
    article_id: str
    section: str | None = None


class ContactIn(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "channel": "phone", "question": "Wat kost een paspoort?", "answer_id": "b8aeef6a9cbd39b9",
        "answer_status": "answered", "sources": [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"}],
        "answer_text": "Paspoort aanvragen ...", "outcome": "Zelfstandig afgehandeld",
        "resolved_first_contact": None, "forwarded_to": None, "duration_seconds": 180, "agent_id": "agent-01"}]})

    channel: str = Field(description="phone, counter, email, chat or web.")
    question: str = Field(description="The resident's question (1 to KCC_MAX_QUESTION_CHARS characters).")
    answer_id: str | None = Field(default=None, description="answer.id of the answer shown, if any.")
    answer_status: str | None = Field(default=None, description="answered, no_answer, or null.")
    sources: list[SourceIn] = Field(default_factory=list, description="The sources shown, in order (at most 20).")
    answer_text: str | None = Field(default=None, description="The answer text the agent saw, for grading.")
    outcome: str = Field(description="One of GET /v1/outcomes.")
    resolved_first_contact: bool | None = Field(
        default=None, description="null: derived from the outcome (the FCR rule); true/false: the agent's override.")
    forwarded_to: str | None = Field(default=None, description="Team the contact was transferred or handed to.")
    duration_seconds: int = Field(description="Handling time in seconds, 0 to 86400.")
    agent_id: str = Field(description="The agent's id (1 to 64 characters).")
    created_at: datetime | None = Field(default=None, description="UTC; null = now (imports and demo data set it).")


class SourceOutRef(BaseModel):
    article_id: str
    section: str | None = None


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    channel: str
    question: str
    answer_id: str | None
    answer_status: str | None
    sources: list[SourceOutRef]
    answer_text: str | None
    outcome: str
    resolved_first_contact: bool
    resolved_overridden: bool = Field(description="True when the agent's choice differs from the FCR rule.")
    forwarded_to: str | None
    team: str | None = Field(description="forwarded_to, else the owner of the first source's article.")
    article_id: str | None = Field(description="The first source's article: the main article shown.")
    duration_seconds: int
    agent_id: str


class ContactListOut(BaseModel):
    contacts: list[ContactOut]
    total: int = Field(description="All contacts matching the filters (not only this page).")


class OutcomeOut(BaseModel):
    name: str
    resolved_first_contact: bool


class OutcomesOut(BaseModel):
    outcomes: list[OutcomeOut]
    target: float


class RateOut(BaseModel):
    total: int
    resolved_first_contact: int
    rate: float | None = Field(description="resolved_first_contact / total; null when total is 0.")


class RatePointOut(RateOut):
    period: str = Field(description="The day, or the Monday of the week (YYYY-MM-DD).")


class FcrStatsOut(RateOut):
    target: float
    by_channel: dict[str, RateOut]
    by_team: dict[str, RateOut]
    by_article: dict[str, RateOut]
    by_outcome: dict[str, RateOut]
    over_time: list[RatePointOut]
    interval: str


class GapGroupOut(BaseModel):
    label: str = Field(description="The group's most central question.")
    count: int = Field(description="Contacts in the group.")
    questions: list[str] = Field(description="Up to 10 distinct questions, most frequent first.")
    channels: dict[str, int]
    articles: list[str] = Field(description="Articles shown for these questions, most frequent first.")


class GapsOut(BaseModel):
    total: int = Field(description="Contacts without an answer or not resolved at first contact.")
    groups: list[GapGroupOut]


class FeedbackIn(BaseModel):
    article_id: str
    section: str | None = Field(default=None, description="A heading of the article, or null for the whole.")
    comment: str = Field(description="1 to 2000 characters.")
    agent_id: str
    contact_id: int | None = None


class FeedbackOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    article_id: str
    section: str | None
    comment: str
    agent_id: str
    contact_id: int | None
    owner: str = Field(description="The article's owner (team) when the feedback was given.")
    created_at: datetime


class FeedbackListOut(BaseModel):
    feedback: list[FeedbackOut]


class GradeIn(BaseModel):
    contact_id: int
    grader: str
    juist: bool = Field(description="The answer is correct.")
    volledig: bool = Field(description="The answer is complete.")
    bron_klopt: bool = Field(description="The sources support the answer.")
    begrijpelijk: bool = Field(description="The answer is plain language (B1) a resident understands.")
    comment: str | None = None


class GradeOut(GradeIn):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime


class GradeSampleOut(BaseModel):
    contacts: list[ContactOut]


class CriteriaOut(BaseModel):
    juist: float | None
    volledig: float | None
    bron_klopt: float | None
    begrijpelijk: float | None


class GradeRatesOut(CriteriaOut):
    total: int


class GradePointOut(GradeRatesOut):
    period: str


class GradeStatsOut(BaseModel):
    total: int
    criteria: CriteriaOut = Field(description="Share of grades that say yes, per criterion; null without grades.")
    by_article: dict[str, GradeRatesOut]
    over_time: list[GradePointOut]
    interval: str
