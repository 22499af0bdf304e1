"""What a caller hands the contact log: a contact, feedback on an article, a grade. Plain data (pydantic
models, so the API uses them as its request bodies); the rules that check them are in ``log`` and ``quality``.

Also the input types every request model shares, so that one rule holds everywhere:

- :data:`Text` and the named kinds of text after it: a string without NUL (PostgreSQL refuses it in text
  columns) and without lone surrogates (such a string has no UTF-8 form: it cannot be stored, logged, embedded
  or sent back);
- :data:`RowId`, :data:`RowCount`: integers that fit the contact log's id columns, ``LIMIT`` and ``OFFSET`` on
  SQLite and PostgreSQL alike;
- :data:`Channel`, :data:`AnswerStatus`: closed sets as ``Literal``, so the OpenAPI document lists their values.

Length limits are declared in the JSON schema (:class:`TextRule`) and checked by the core, which answers every
bad value with its own Dutch message and error code.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

MAX_ID = 2**31 - 1  # the id columns are INTEGER: 32 bits on PostgreSQL
MAX_SEED = 2**63 - 1
MAX_NAME = 64
MAX_TEAM = 128
MAX_SECTION = 255
MAX_ANSWER_ID = 64
MAX_ANSWER_TEXT = 20_000
MAX_COMMENT = 2000
MAX_DURATION = 24 * 3600
MAX_SOURCES = 20
MAX_PHONE = 32
MAX_EMAIL = 254
MAX_QUESTIONS = 20  # a contact's questions: a long call has five or six

FORBIDDEN_CHARACTERS = re.compile("[\x00\ud800-\udfff]")
# JSON Schema cannot name a lone surrogate (its patterns see UTF-16 code units, where an emoji is a pair of
# them); the pattern states the NUL rule, the description of :data:`Text` the rest
TEXT_PATTERN = "^[^\\x00]*$"

Channel = Literal["phone", "counter", "email", "chat", "web"]  # kcc.answer.CHANNELS, as a type
AnswerStatus = Literal["answered", "no_answer"]


def check_text(value: str) -> str:
    """``value`` unchanged, when it has no NUL and no lone surrogate.

    :raises PydanticCustomError: ``invalid_characters``.
    """
    if FORBIDDEN_CHARACTERS.search(value):
        raise PydanticCustomError("invalid_characters", "text with a NUL character or a lone surrogate")
    return value


class TextRule:
    """A ``str`` annotation: :func:`check_text` after the ``str`` validation, and in the JSON schema the NUL rule
    (:data:`TEXT_PATTERN`) and the length limits the core checks (``minLength``/``maxLength`` are documented here,
    enforced there, so a bad length gets the core's own message and code)."""

    def __init__(self, min_length: int | None = None, max_length: int | None = None):
        self.min_length, self.max_length = min_length, max_length

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(check_text, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["pattern"] = TEXT_PATTERN
        if self.min_length is not None:
            json_schema["minLength"] = self.min_length
        if self.max_length is not None:
            json_schema["maxLength"] = self.max_length
        return json_schema


Text = Annotated[str, TextRule()]
Question = Annotated[str, TextRule(min_length=1)]  # at most KCC_MAX_QUESTION_CHARS: a setting, checked by the core
Name = Annotated[str, TextRule(1, MAX_NAME)]  # an agent, a grader, an outcome
TeamName = Annotated[str, TextRule(1, MAX_TEAM)]  # also an article id
Section = Annotated[str, TextRule(max_length=MAX_SECTION)]
AnswerId = Annotated[str, TextRule(max_length=MAX_ANSWER_ID)]
AnswerText = Annotated[str, TextRule(max_length=MAX_ANSWER_TEXT)]
Comment = Annotated[str, TextRule(1, MAX_COMMENT)]
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]
RowCount = Annotated[int, Field(ge=0, le=MAX_ID)]  # an OFFSET: no log holds more rows than it has ids


def to_utc(value: datetime) -> datetime:
    """``value`` in UTC (a naive one is taken to be UTC already).

    :raises PydanticCustomError: ``datetime_out_of_range`` when UTC would fall outside years 1 to 9999
        (``0001-01-01T00:00:00+23:59``).
    """
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise PydanticCustomError("datetime_out_of_range", "a moment outside years 1 to 9999 in UTC") from None


UtcDateTime = Annotated[datetime, AfterValidator(to_utc)]


class SourceIn(BaseModel):
    article_id: TeamName
    section: Section | None = None


_QUESTION_DESCRIPTION = ("The resident's question: at most KCC_MAX_QUESTION_CHARS characters (500 by default) once "
                         "spaces are normalised.")
_OUTCOME_DESCRIPTION = "One of GET /v1/outcomes: each municipality configures its own (KCC_OUTCOMES)."


class QuestionIn(BaseModel):
    """One question of a contact: what was asked, the answer and sources shown, and how that question ended."""

    question: Question = Field(description=_QUESTION_DESCRIPTION)
    answer_id: AnswerId | None = Field(default=None, description="answer.id of the answer shown, if any.")
    answer_status: AnswerStatus | None = Field(default=None, description="null when no answer was looked up.")
    sources: list[SourceIn] = Field(default_factory=list, description="The sources shown, in order.",
                                    json_schema_extra={"maxItems": MAX_SOURCES})
    answer_text: AnswerText | None = Field(default=None, description="The answer text the agent saw, for grading.")
    outcome: Name = Field(description=_OUTCOME_DESCRIPTION)
    resolved_first_contact: bool | None = Field(
        default=None, description="null: derived from the outcome (the FCR rule); true/false: the agent's override.")
    forwarded_to: Annotated[str, TextRule(max_length=MAX_TEAM)] | None = Field(
        default=None, description="Team the question was transferred or handed to.")


class QuestionAdd(QuestionIn):
    """The next question of a contact still going on."""

    duration_seconds: int | None = Field(default=None, description="The contact's handling time so far, in seconds.",
                                         json_schema_extra={"minimum": 0, "maximum": MAX_DURATION})


class ContactIn(BaseModel):
    """A contact (a call, a chat, a counter visit) with one question (the fields of :class:`QuestionIn` on the
    contact itself) or several (``questions``): one form or the other, not both."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "channel": "phone", "question": "Wat kost een paspoort?", "answer_id": "b8aeef6a9cbd39b9",
        "answer_status": "answered", "sources": [{"article_id": "paspoort-aanvragen", "section": "Wat kost het?"}],
        "answer_text": "Paspoort aanvragen ...", "outcome": "Zelfstandig afgehandeld",
        "resolved_first_contact": None, "forwarded_to": None, "duration_seconds": 180, "agent_id": "agent-01"}, {
        "channel": "phone", "duration_seconds": 300, "agent_id": "agent-01", "questions": [
            {"question": "Wat kost een paspoort?", "answer_status": "answered",
             "sources": [{"article_id": "paspoort-aanvragen"}], "outcome": "Zelfstandig afgehandeld"},
            {"question": "Hoe vraag ik een parkeervergunning aan?", "answer_status": "answered",
             "sources": [{"article_id": "parkeervergunning"}], "outcome": "Doorverbonden",
             "forwarded_to": "Parkeren"}]}]})

    channel: Channel
    question: Question | None = Field(default=None, description=_QUESTION_DESCRIPTION + " Leave out with "
                                                                                         "'questions'.")
    answer_id: AnswerId | None = Field(default=None, description="answer.id of the answer shown, if any.")
    answer_status: AnswerStatus | None = Field(default=None, description="null when no answer was looked up.")
    sources: list[SourceIn] = Field(default_factory=list, description="The sources shown, in order.",
                                    json_schema_extra={"maxItems": MAX_SOURCES})
    answer_text: AnswerText | None = Field(default=None, description="The answer text the agent saw, for grading.")
    outcome: Name | None = Field(default=None, description=_OUTCOME_DESCRIPTION + " Leave out with 'questions'.")
    resolved_first_contact: bool | None = Field(
        default=None, description="null: derived from the outcome (the FCR rule); true/false: the agent's override.")
    forwarded_to: Annotated[str, TextRule(max_length=MAX_TEAM)] | None = Field(
        default=None, description="Team the contact was transferred or handed to.")
    questions: list[QuestionIn] | None = Field(
        default=None, description="The contact's questions in the order asked, each with its own outcome; instead "
                                  "of the single-question fields above.",
        json_schema_extra={"minItems": 1, "maxItems": MAX_QUESTIONS})
    duration_seconds: int = Field(description="Handling time in seconds.",
                                  json_schema_extra={"minimum": 0, "maximum": MAX_DURATION})
    agent_id: Name | None = Field(default=None, description="The agent's id; set by the server when the key names "
                                                            "its agent (KCC_AGENT_API_KEY as name:key).")
    created_at: UtcDateTime | None = Field(
        default=None, description="Set by the server: leave it out. Only an admin key may set it (an import of "
                                  "older contacts), and then no later than now and no earlier than the retention "
                                  "period (KCC_CONTACT_RETENTION_DAYS) allows; a time without a zone is UTC.")


class FeedbackIn(BaseModel):
    article_id: TeamName
    section: Section | None = Field(default=None, description="A heading of the article, or null for the whole.")
    comment: Comment
    agent_id: Name
    contact_id: RowId | None = None


class GradeIn(BaseModel):
    contact_id: RowId
    grader: Name
    juist: bool = Field(description="The answer is correct.")
    volledig: bool = Field(description="The answer is complete.")
    bron_klopt: bool = Field(description="The sources support the answer.")
    begrijpelijk: bool = Field(description="The answer is plain language (B1) a resident understands.")
    comment: Annotated[str, TextRule(max_length=MAX_COMMENT)] | None = None


CallbackStatus = Literal["open", "in behandeling", "afgehandeld"]


class CallbackIn(BaseModel):
    """A callback request (contactverzoek): who to call or mail back, about what, which team, before when."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "name": "J. de Vries", "phone": "06-12345678", "question": "Wil teruggebeld worden over de WOZ-beschikking.",
        "team": "Belastingen", "due": "2026-12-02"}]})

    name: Annotated[str, TextRule(1, MAX_TEAM)] = Field(description="Who to call back.")
    phone: Annotated[str, TextRule(max_length=MAX_PHONE)] | None = Field(
        default=None, description="A Dutch or international phone number; phone or email (or both).")
    email: Annotated[str, TextRule(max_length=MAX_EMAIL)] | None = None
    question: Question = Field(description="What the resident wants; personal data in it is masked before storage.")
    team: TeamName = Field(description="One of GET /v1/teams.")
    due: date = Field(description="The day the team calls back by: today at the earliest, within a year.")
    contact_id: RowId | None = Field(default=None, description="The contact the request came from, if logged.")
    agent_id: Name | None = Field(default=None, description="Set by the server when the key names its agent.")


class CallbackPatch(BaseModel):
    status: CallbackStatus = Field(description="open, in behandeling or afgehandeld; handled requests lose their "
                                               "name, phone and e-mail.")


SelfServiceChannel = Literal["chat", "web"]
ANSWER_ID_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"


class AnswerFeedbackIn(BaseModel):
    """A resident's "Heeft dit antwoord u geholpen?"."""

    helpful: bool
    channel: SelfServiceChannel = Field(description="Where the answer was shown: the chat page or the website.")


FeedbackStatus = Literal["open", "in behandeling", "opgelost"]


class FeedbackPatch(BaseModel):
    status: FeedbackStatus = Field(description="The owner team's work on the signal: open, in behandeling, opgelost.")


GapDecisionKind = Literal["genegeerd", "buiten bereik", "toegewezen"]
MAX_DECIDED = 200  # kcc.contacts.gaps.MAX_MEMBERS: a gap group's questions in one decision


class GapDecisionIn(BaseModel):
    """A team lead's decision on a knowledge gap's questions (GET /v1/stats/gaps: a group's ``members``)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "questions": ["Wie wint het EK voetbal?"], "decision": "buiten bereik", "decided_by": "teamleider"}]})

    questions: list[Question] = Field(min_length=1, max_length=MAX_DECIDED)
    decision: GapDecisionKind = Field(description="genegeerd (noise), buiten bereik (added to the municipality's "
                                                  "out-of-scope list; editors and admins only) or toegewezen (to "
                                                  "'team').")
    team: TeamName | None = Field(default=None, description="For 'toegewezen': one of GET /v1/teams.")
    decided_by: Name | None = Field(default=None, description="Set by the server when the key names its holder.")
