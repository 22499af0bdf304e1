"""Request and response models of the contact log, statistics, feedback and grading (issue 5's contract).

The request models are the core's (``kcc.contacts.inputs``): closed sets are ``Literal`` types, text refuses NUL
and lone surrogates, ids are bounded; length limits are declared in their JSON schema and checked by the core
(``kcc.contacts.log``, ``kcc.contacts.quality``), so that every bad value gets its own Dutch message and code.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from kcc.contacts.inputs import (
    AnswerStatus,
    CallbackIn,
    CallbackPatch,
    CallbackStatus,
    Channel,
    ContactIn,
    FeedbackIn,
    FeedbackPatch,
    FeedbackStatus,
    GapDecisionIn,
    GapDecisionKind,
    GradeIn,
    SourceIn,
)
from kcc.contacts.period import Interval

# the inputs are the core's; re-exported here
__all__ = ["CallbackIn", "CallbackPatch", "ContactIn", "FeedbackIn", "FeedbackPatch", "GapDecisionIn", "GradeIn",
           "SourceIn"]


class SourceOutRef(BaseModel):
    article_id: str
    section: str | None = None


class AnsweredQuestionOut(BaseModel):
    """A question as it was answered and ended (a contact's question, or the contact's own summary of them)."""

    model_config = ConfigDict(from_attributes=True)

    question: str
    answer_id: str | None
    answer_status: AnswerStatus | None
    sources: list[SourceOutRef]
    answer_text: str | None
    outcome: str
    resolved_first_contact: bool
    resolved_overridden: bool = Field(description="True when the agent's choice differs from the FCR rule.")
    forwarded_to: str | None
    team: str | None = Field(description="The known team forwarded_to names, else the owner of the first source's "
                                         "article.")
    article_id: str | None = Field(description="The first source's article: the main article shown.")


class QuestionOut(AnsweredQuestionOut):
    id: int
    position: int = Field(description="0 for the first question asked.")


class ContactOut(AnsweredQuestionOut):
    """A contact with its questions. The question fields on the contact itself are those of its lead question
    (the first one not resolved at first contact, else the first); ``resolved_first_contact`` is true when every
    question was resolved."""

    id: int
    created_at: datetime
    channel: Channel
    duration_seconds: int
    agent_id: str
    questions: list[QuestionOut] = Field(description="The contact's questions in the order asked.")


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


class SelfServiceOut(BaseModel):
    total: int = Field(description="Answers a resident said whether they helped.")
    helpful: int = Field(description="... of which 'Ja'.")
    rate: float | None = Field(description="helpful / total; null when total is 0.")


class AnswerFeedbackOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    answer_id: str
    channel: str
    helpful: bool


class FcrStatsOut(RateOut):
    """``total`` and ``rate`` count contacts (resolved when every question was); ``questions`` counts questions.
    ``by_channel`` and ``over_time`` are per contact; ``by_team``, ``by_article`` and ``by_outcome`` per question
    (each question has its own team, article and outcome)."""

    target: float
    questions: RateOut = Field(description="FCR per question: every question of every contact.")
    self_service: dict[str, SelfServiceOut] = Field(
        description="Per channel (chat, web): answers residents said helped them (POST /v1/answers/{id}/feedback).")
    by_channel: dict[str, RateOut]
    by_team: dict[str, RateOut]
    by_article: dict[str, RateOut]
    by_outcome: dict[str, RateOut]
    over_time: list[RatePointOut]
    interval: Interval


class GapGroupOut(BaseModel):
    label: str = Field(description="The group's most central question.")
    count: int = Field(description="Questions in the group.")
    questions: list[str] = Field(description="Up to 10 distinct questions, most frequent first.")
    members: list[str] = Field(description="Up to 200 distinct questions: what a decision on the group covers.")
    channels: dict[str, int]
    articles: list[str] = Field(description="Articles shown for these questions, most frequent first.")
    team: str | None = Field(description="The owner team the group was assigned to (toegewezen), if any.")


class GapsOut(BaseModel):
    total: int = Field(description="Questions without an answer or not resolved at first contact.")
    groups: list[GapGroupOut]


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
    status: FeedbackStatus = Field(description="open, in behandeling or opgelost.")
    updated_at: datetime | None = Field(description="When the status last changed.")


class GapDecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    question: str
    decision: GapDecisionKind
    team: str | None
    decided_by: str


class GapDecisionsOut(BaseModel):
    decisions: list[GapDecisionOut]
    out_of_scope_added: int = Field(default=0, description="Questions added to the out-of-scope list by this "
                                                           "request; they count after the next re-index.")


class FeedbackListOut(BaseModel):
    feedback: list[FeedbackOut]


class GradeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    contact_id: int
    grader: str
    juist: bool
    volledig: bool
    bron_klopt: bool
    begrijpelijk: bool
    comment: str | None
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
    interval: Interval


class CallbackOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    created_at: datetime
    updated_at: datetime
    status: CallbackStatus
    name: str = Field(description="'[naam]' once the request is handled.")
    phone: str | None
    email: str | None
    question: str
    team: str
    due: date
    contact_id: int | None
    agent_id: str


class CallbackListOut(BaseModel):
    callbacks: list[CallbackOut]


class TeamsOut(BaseModel):
    teams: list[str] = Field(description="KCC_TEAMS, else the owners of the KB's articles.")
