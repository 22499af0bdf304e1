"""The answer core: one sourced, extractive answer for every channel.

The public answer is composed from public article text only, and does not depend on who asks or on the
channel, so every channel gets the same ``answer.id``, text and sources. Agents additionally get
``internal_notes``. When nothing in the KB answers the question the result is ``no_answer`` with a
referral, never a guess.

Example::

    service = AnswerService(searcher, articles, settings)
    result = service.answer("wat kost een paspoort", channel="phone", agent=False)
    result.status, result.sources[0].section    # ("answered", "Wat kost het?")
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kb.model import Article, Section, content_hash
from kcc.confidence import ConfidenceModel
from kcc.render import to_html, to_text
from kcc.scope import OutOfScopeExamples
from kcc.search import Retrieval, Searcher, SectionHit
from kcc.settings import Settings

CHANNELS = ("phone", "counter", "email", "chat", "web")
SECONDARY_RANK = 5  # another section of the same article joins the answer if it ranks this high
MAX_SECTIONS = 3
NOTE_RANK = 3  # internal sections ranked this high for an agent become notes

# Question words -> heading words: a price question gets the cost section, and so on.
INTENTS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("kost", "kosten", "prijs", "tarief", "betalen", "betaal", "euro", "geld", "gratis", "bedrag", "duur is"),
     ("kost", "tarief", "prijs", "bedrag")),
    (("meenemen", "meebrengen", "mee nemen", "nodig", "documenten", "papieren", "bewijs"), ("meenemen", "nodig")),
    (("hoe lang", "duurt", "termijn", "wanneer klaar", "hoe snel", "wachttijd"), ("hoe lang", "duurt", "termijn")),
    (("bezwaar", "niet eens", "oneens"), ("bezwaar",)),
    (("openingstijd", "open", "geopend", "adres", "waar zit", "waar is"), ("openingstijd", "adres", "waar")),
)


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


@dataclass(frozen=True)
class SourceRef:
    article_id: str
    title: str
    section: str
    url: str
    version: str
    reviewed: str | None


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


@dataclass
class AnswerResult:
    status: str
    answer: AnswerBody | None
    sources: list[SourceRef]
    referral: Referral | None
    confidence: float
    channel: str
    internal_notes: list[InternalNote] = field(default_factory=list)


def normalise_question(question: str, max_chars: int) -> str:
    text = re.sub(r"\s+", " ", question or "").strip()
    if not text:
        raise QuestionError("empty_question", "Stel een vraag: het vraagveld is leeg.")
    if len(text) > max_chars:
        raise QuestionError("question_too_long",
                            f"De vraag is te lang ({len(text)} tekens). Gebruik hoogstens {max_chars} tekens.")
    return text


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9à-ÿ]+", " ", text.lower()) + " "


def intent_headings(question: str) -> list[tuple[str, ...]]:
    """Heading word groups the question asks for, in the order of :data:`INTENTS`."""
    words = _words(question)
    return [headings for cues, headings in INTENTS if any(f" {cue} " in words for cue in cues)]


def _answer_section(article: Article, section: Section) -> Section:
    """A VAC's "Vraag" is matched, its "Antwoord" is the answer."""
    if section.heading.strip().lower() == "vraag":
        for other in article.public_sections:
            if other.heading.strip().lower() == "antwoord":
                return other
    return section


def select_sections(article: Article, hits: list[SectionHit], question: str) -> list[Section]:
    """The public sections of ``article`` that answer ``question``, in article order: first the sections
    the question asks for by intent (a price question gets the cost section), then the article's sections
    that rank high for the question, up to :data:`MAX_SECTIONS`."""
    public = article.public_sections
    chosen: list[Section] = []
    for headings in intent_headings(question):
        for section in public:
            if any(h in section.heading.lower() for h in headings) and section not in chosen:
                chosen.append(section)
                break
    for hit in hits:
        if len(chosen) >= MAX_SECTIONS:
            break
        if hit.article_id != article.id or hit.audience != "public" or hit.section_index >= len(article.sections):
            continue
        section = _answer_section(article, article.sections[hit.section_index])
        if section in public and section not in chosen and (not chosen or hit.rank <= SECONDARY_RANK):
            chosen.append(section)
    if not chosen and public:
        chosen.append(_answer_section(article, public[0]))
    return sorted(chosen, key=public.index)


class AnswerService:
    """Answers questions from the index and the loaded articles (the approved text)."""

    def __init__(self, searcher: Searcher, articles: Mapping[str, Article], settings: Settings):
        self.searcher = searcher
        self.settings = settings
        self.articles = dict(articles)

    @property
    def articles(self) -> dict[str, Article]:
        return self._articles

    @articles.setter
    def articles(self, articles: Mapping[str, Article]) -> None:
        """New articles (after a re-index) also re-calibrate the confidence model."""
        self._articles = dict(articles)
        self.confidence = ConfidenceModel(self._articles.values(), self.settings.bm25_language)
        self.confidence.calibrate(self._best_dense_cosine)
        self.out_of_scope = OutOfScopeExamples.from_file(self.settings.out_of_scope_file, self.searcher.embedder)

    def _best_dense_cosine(self, text: str) -> float:
        hit = self.searcher.top_hit(self.searcher.retrieve(text, audience="public", top_k=1), "dense")
        return hit.score if hit else 0.0

    def source_url(self, article: Article) -> str:
        return article.url or f"{self.settings.website.rstrip('/')}/{article.id}"

    def general_referral(self) -> Referral:
        s = self.settings
        return Referral(owner=f"KCC {s.municipality}",
                        how=f"Wij hebben hier geen antwoord op in de kennisbank. Bel {s.phone} "
                            f"({s.opening_hours}) of kijk op {s.website}.")

    def answer(self, question: str, *, channel: str, agent: bool) -> AnswerResult:
        """:raises QuestionError: empty, over-long question or unknown channel."""
        if channel not in CHANNELS:
            raise QuestionError("unknown_channel", f"Onbekend kanaal '{channel}'. Kies uit: {', '.join(CHANNELS)}.")
        text = normalise_question(question, self.settings.max_question_chars)
        retrieval = self.searcher.retrieve(text, audience="public", top_k=20, mode=self.settings.retrieval_mode)
        result = self._public_answer(text, channel, retrieval)
        if agent:
            result.internal_notes = self._internal_notes(retrieval, result)
        return result

    def _public_answer(self, question: str, channel: str, retrieval: Retrieval) -> AnswerResult:
        # an editor's out-of-scope example overrules the retrieval evidence: the KB does not answer this
        confidence = 0.0 if self._out_of_scope(retrieval) else self._confidence(retrieval)
        hits = [h for h in retrieval.hits if h.article_id in self.articles]
        if not hits or confidence < self.settings.no_answer_threshold:
            return AnswerResult("no_answer", None, [], self.general_referral(), confidence, channel)
        article = self.articles[hits[0].article_id]
        sections = select_sections(article, hits, question if self.settings.section_aware else "")
        markdown = "\n\n".join([f"**{article.title}**"] + [f"**{s.heading}**\n\n{s.body}" for s in sections])
        sources = [SourceRef(article.id, article.title, s.heading, self.source_url(article), article.hash,
                             article.reviewed.isoformat() if article.reviewed else None) for s in sections]
        body = AnswerBody(id=content_hash(markdown, [(s.article_id, s.section, s.version) for s in sources]),
                          text=to_text(markdown), markdown=markdown, html=to_html(markdown))
        referral = None
        if article.referral:
            referral = Referral(owner=article.referral.split(":", 1)[0].strip(), how=article.referral)
        return AnswerResult("answered", body, sources, referral, confidence, channel)

    def _confidence(self, retrieval: Retrieval) -> float:
        dense = self.searcher.top_hit(retrieval, "dense")
        if dense is None:
            return 0.0
        sparse = self.searcher.top_hit(retrieval, "sparse")
        agree = sparse is not None and sparse.article_id == dense.article_id
        return self.confidence.score(dense_top=dense.score, query_terms=list(retrieval.sparse.indices), agree=agree)

    def _out_of_scope(self, retrieval: Retrieval) -> bool:
        """A near-paraphrase of an editor's out-of-scope example that is closer to it than to any KB section."""
        similarity, _ = self.out_of_scope.nearest(retrieval.dense)
        if similarity < self.settings.out_of_scope_similarity:
            return False
        dense = self.searcher.top_hit(retrieval, "dense")
        return dense is None or similarity > dense.score

    def _internal_notes(self, retrieval: Retrieval, result: AnswerResult) -> list[InternalNote]:
        """Internal sections of the answered article, and internal text that ranks high for the question."""
        wanted: list[tuple[str, str]] = []
        if result.sources:
            article = self.articles[result.sources[0].article_id]
            wanted.extend((article.id, s.heading) for s in article.internal_sections)
        for hit in self.searcher.requery(retrieval, audience="agent", top_k=10):
            if hit.audience == "internal" and hit.rank <= NOTE_RANK and hit.article_id in self.articles:
                wanted.append((hit.article_id, hit.section))
        notes: list[InternalNote] = []
        for article_id, heading in dict.fromkeys(wanted):
            article = self.articles[article_id]
            section = next((s for s in article.internal_sections if s.heading == heading), None)
            if section is not None:
                notes.append(InternalNote(article.id, article.title, section.heading,
                                          f"**{section.heading}**\n\n{section.body}"))
        return notes
