"""What a caller hands the contact log: a contact, feedback on an article, a grade. Plain data (pydantic
models, so the API uses them as its request bodies); the rules that check them are in ``log`` and ``quality``."""

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


class FeedbackIn(BaseModel):
    article_id: str
    section: str | None = Field(default=None, description="A heading of the article, or null for the whole.")
    comment: str = Field(description="1 to 2000 characters.")
    agent_id: str
    contact_id: int | None = None


class GradeIn(BaseModel):
    contact_id: int
    grader: str
    juist: bool = Field(description="The answer is correct.")
    volledig: bool = Field(description="The answer is complete.")
    bron_klopt: bool = Field(description="The sources support the answer.")
    begrijpelijk: bool = Field(description="The answer is plain language (B1) a resident understands.")
    comment: str | None = None
