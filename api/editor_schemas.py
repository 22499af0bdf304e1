"""Request and response bodies of the editors' routes (articles written, versions, checks, variants)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas import ArticleSectionOut, ProblemOut
from kcc.contacts.inputs import TextRule
from kcc.editorial.publish import MAX_MARKDOWN
from kcc.editorial.versions import MAX_REASON

Markdown = Annotated[str, TextRule(1, MAX_MARKDOWN)]
Reason = Annotated[str, TextRule(max_length=MAX_REASON)]


class ArticleEditIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    markdown: Markdown = Field(description="The whole article file: front matter, title and sections.")
    status: Literal["draft", "published"] = Field(description="draft: kept, not shown to anyone but editors; "
                                                              "published: written, indexed and answered from.")
    reason: Reason = Field(default="", description="Why this change (shown in the history).")


class ArticleSavedOut(BaseModel):
    article_id: str
    version: int = Field(description="The new version's number (per article, from 1).")
    status: Literal["draft", "published"]
    seconds: float | None = Field(description="Published: seconds until the new text answered; draft: null.")
    warnings: list[ProblemOut] = Field(description="What the editor may want to improve; saved anyway.")


class RestoreIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = Field(ge=1, le=2_147_483_647, description="The version to publish again.")
    reason: Reason = ""


class VersionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    version: int
    status: Literal["draft", "published"]
    created_at: datetime
    author: str
    reason: str
    restored_from: int | None
    diff: str = Field(description="Unified diff against the version before it (empty for the first).")


class VersionListOut(BaseModel):
    article_id: str
    versions: list[VersionOut] = Field(description="Newest first.")


class ArticleSourceOut(BaseModel):
    article_id: str
    markdown: str | None = Field(description="The file as it is in the KB folder (null: not there yet).")
    draft: str | None = Field(description="The newest draft, when it is newer than the published version.")
    draft_version: int | None
    errors: list[ProblemOut] = Field(description="Problems of the file in the folder (its last good version "
                                                 "answers meanwhile).")


class PreviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    markdown: Markdown


class PreviewOut(BaseModel):
    ok: bool = Field(description="False: the edit cannot be saved; problems say why, with line and fix.")
    problems: list[ProblemOut]
    title: str | None
    sections: list[ArticleSectionOut] = Field(description="As the chat page (public) and the console show them.")


class EditorArticleOut(BaseModel):
    article_id: str
    title: str
    owner: str
    status: Literal["ok", "controle nodig", "fouten", "concept"]
    reviewed: str | None
    last_change: datetime | None = Field(description="Last saved through the workspace or the API.")
    changed_by: str | None
    findings: dict[str, int] = Field(description="Content-check findings of the article, per kind.")
    errors: list[str] = Field(description="Why the file in the folder does not load (its last good version answers).")
    draft_version: int | None


class EditorArticlesOut(BaseModel):
    articles: list[EditorArticleOut] = Field(description="Broken files first, then drafts, due reviews, the rest.")


class FindingOut(BaseModel):
    article_id: str
    kind: str = Field(description="review_overdue, review_due, readability, long_sentence, long_word, passive, "
                                  "jargon, contradiction, duplicate or broken_link.")
    severity: Literal["error", "warning", "info"]
    line: int
    message: str
    fix: str
    owner: str
    other_article: str | None
    key: str


class FindingsOut(BaseModel):
    findings: list[FindingOut]


WorkStatus = Literal["open", "in behandeling", "opgelost"]


class WorkItemOut(BaseModel):
    key: str = Field(description="Stable id of the item (for its status).")
    kind: str = Field(description="signaal, kennisgat, controle, taal, tegenstrijdig, dubbel, link or variant.")
    team: str
    title: str
    detail: str
    status: WorkStatus
    due: str | None = Field(description="YYYY-MM-DD.")
    article_id: str | None
    contact_id: int | None
    line: int | None


class WorkListOut(BaseModel):
    items: list[WorkItemOut]


class WorkStatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: Annotated[str, TextRule(1, 256)]
    status: WorkStatus


class VariantOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: int
    article_id: str
    question: str
    count: int = Field(description="How many contacts resolved at first contact asked it this way.")
    contact_id: int | None
    status: Literal["voorgesteld", "goedgekeurd", "afgewezen"]
    created_at: datetime


class VariantListOut(BaseModel):
    variants: list[VariantOut]


class VariantDecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[Annotated[int, Field(ge=1, le=2_147_483_647)]] = Field(min_length=1, max_length=200)
    decision: Literal["goedgekeurd", "afgewezen"]


class VariantDecisionOut(BaseModel):
    decided: int
    versions: dict[str, int] = Field(description="Per article changed, its new published version.")


class CollectOut(BaseModel):
    added: int = Field(description="New suggestions from contacts resolved at first contact.")


class AuditOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    created_at: datetime
    actor: str
    role: str
    action: str
    target: str
    detail: str


class AuditListOut(BaseModel):
    entries: list[AuditOut]
