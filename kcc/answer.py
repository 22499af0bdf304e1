"""The answer core: one sourced, extractive answer for every channel.

Everything a resident or agent reads is composed from what is indexed (:class:`ingest.index_view.IndexView`:
hash-checked article versions), so index and answer can never drift and a broken edit keeps answering in
its last good version. The public answer does not depend on who asks or on the channel, so every channel
gets the same ``answer.id``, text and sources; agents additionally get ``internal_notes``. When nothing in
the KB answers the question the result is ``no_answer`` with a referral, never a guess.

Example::

    service = AnswerService(searcher, view, settings, calibration)
    result = service.answer("wat kost een paspoort", channel="phone", agent=False)
    result.status, result.answer.short    # ("answered", "U betaalt € 84,45 ...")
"""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass

from cachetools import LRUCache

from ingest.dispose import dispose_unshared
from ingest.index_view import IndexView
from kb.model import Article
from kcc.answer_model import (
    AnswerResult,
    ArticleRef,
    Clarify,
    InternalNote,
    QuestionError,
    Referral,
)
from kcc.calibration import Calibration
from kcc.compose import compose
from kcc.courtesy import Courtesy
from kcc.elsewhere import OtherPlaces
from kcc.evidence import EvidenceScorer
from kcc.intents import Intents, words
from kcc.kb_stats import KbStats, answerable
from kcc.language import LanguageDetector
from kcc.multipart import asks, parts_and_scene
from kcc.privacy import PLACEHOLDER, mask_identifiers
from kcc.products import COMMON_ZIPF, KbWords, ProductCatalogue
from kcc.referrals import ReferralGuide, load_guide_or_generic
from kcc.scope import vector_cache
from kcc.search import Retrieval, Searcher, SectionHit, second_article
from kcc.settings import Settings
from kcc.spelling import zipf

__all__ = ["CHANNELS", "AnswerService", "QuestionError", "normalise_question"]

CHANNELS = ("phone", "counter", "email", "chat", "web")
# a word less common in Dutch than this (wordfreq's Zipf scale: "paspoort" 3.4, "heffing" 3.0; "terecht" 5.0,
# "samen" 5.8) names a subject whatever the KB; a commoner one only when the KB's titles, UPL names or keywords
# have it ("trouwen" 4.6, "hond" 4.96), it asks for no kind of answer ("kost") and it is not among Dutch's
# commonest words (COMMON_ZIPF: "krijg" 5.3 in a title "Kan ik een briefadres krijgen?")
SUBJECT_ZIPF = 4.5
NOTE_RANK = 3  # internal sections ranked this high for an agent become notes
PART_ARTICLES = 10  # a part's own article must also be among the whole question's best articles
ALTERNATIVES = 3
OWN_ARTICLES = 1  # a town named in the article that would answer is part of its answer


def normalise_question(question: str, max_chars: int) -> str:
    text = re.sub(r"\s+", " ", question or "").strip()
    if not text:
        raise QuestionError("empty_question", "Stel een vraag: het vraagveld is leeg.")
    if len(text) > max_chars:
        raise QuestionError("question_too_long",
                            f"De vraag is te lang ({len(text)} tekens). Gebruik hoogstens {max_chars} tekens.")
    return text


@dataclass(frozen=True)
class Query:
    """A question as the core searches it: personal data out, language known, misspellings corrected."""

    text: str  # what is searched
    language: str
    parts: tuple[str, ...]
    other_place: str | None = None  # the question is about another municipality's town
    scene: frozenset[str] = frozenset()  # parts that only set the scene: searched with the whole question only

    @property
    def same_language(self) -> bool:
        return self.language == "nl"


class AnswerService:
    """Answers questions from the index (the approved, indexed text) with a calibrated no-answer decision."""

    def __init__(self, searcher: Searcher, view: IndexView, settings: Settings, calibration: Calibration,
                 *, intents: Intents | None = None, language: LanguageDetector | None = None,
                 stats: KbStats | None = None):
        """:param stats: the KB version's word statistics when kept from before (:mod:`kcc.kb_stats`)."""
        self.searcher = searcher
        self.settings = settings
        self.view = view
        self.articles: dict[str, Article] = {a.id: a for a in answerable(view.articles.values())}
        self.calibration = calibration
        self.intents = intents or Intents.from_file(settings.intents_file)
        self.language = language or LanguageDetector()
        self.language.warm_up()  # at start-up, not in the first resident's question (about 1 s)
        stats = stats or KbStats.compute(list(self.articles.values()), settings.bm25_language)
        self.stats = stats  # kept: a publication updates them for one article (:meth:`Snapshot.replaced`)
        self.idf = stats.idf()
        self.speller = stats.speller()
        self.evidence = EvidenceScorer.for_service(searcher, self.articles.values(), settings, calibration.reference,
                                                   coverage=stats.coverage())
        # the catalogue's products this KB has no article about: a question about one gets a referral, not a guess
        self.products = ProductCatalogue.for_kb(settings, searcher.embedder, stats.term_df, stats.about_df)
        self.subjects = KbWords.for_language(settings.bm25_language, stats.subject_df)
        self.courtesy = Courtesy.load(settings.courtesy_file)
        self.other_places = OtherPlaces.load(settings.municipality, settings.own_places, settings.elsewhere_file)
        self.referrals = ReferralGuide(load_guide_or_generic(settings.referral_file), searcher.embedder,
                                       settings.out_of_scope_similarity, vector_cache(settings))
        # the same question asked again before the KB changes (a new KB version is a new service, so a new cache)
        self._cache: LRUCache = LRUCache(maxsize=max(1, settings.answer_cache_size))
        self._cache_lock = threading.Lock()

    def __del__(self) -> None:
        # a KB version swapped out: its articles and word counts freed in steps, not in one (:mod:`ingest.dispose`)
        try:  # noqa: SIM105 - not contextlib.suppress: at interpreter exit that module may be gone already
            dispose_unshared(self, "articles", "view", "idf", "stats", "speller", "evidence", "products", "subjects")
        except Exception:  # noqa: BLE001,S110 - nothing to report while the interpreter shuts down
            pass

    def source_url(self, article: Article) -> str:
        return article.url or f"{self.settings.website.rstrip('/')}/{article.id}"

    def general_referral(self) -> Referral:
        s = self.settings
        return Referral(owner=f"KCC {s.municipality}",
                        how=f"Wij hebben hier geen antwoord op. Bel {s.phone} ({s.opening_hours}) of kijk op "
                            f"{s.website}.")

    def no_answer_referral(self, retrieval: Retrieval) -> Referral:
        """The organisation of the referral guide that handles such questions, else the municipality's KCC.
        A question closer to a generic out-of-scope example than to the guide ("Gaat het morgen regenen?") is
        nobody's task: naming the nearest organisation would be a guess."""
        organisation, score = self.referrals.match(retrieval.dense)
        nearest, example = self.evidence.out_of_scope_examples.nearest(retrieval.dense)
        if organisation is None or (nearest > score and example not in self.referrals.questions):
            return self.general_referral()
        reach = organisation.reach[:1].upper() + organisation.reach[1:]
        handles = f", voor {organisation.handles}" if organisation.handles else ""
        return Referral(owner=organisation.name,
                        how=f"De {self.settings.municipality} gaat hier niet over. U kunt terecht bij "
                            f"{organisation.name}{handles}. {reach.rstrip('.')}.")

    def agent_referral(self, retrieval: Retrieval, referral: Referral, confidence: float, question: str) -> Referral:
        """For an agent, instead of the KCC's own number: the team of the nearest article, so the agent knows
        whom to ask or where to route a callback request. A referral guide organisation stays as it is."""
        if referral != self.general_referral():
            return referral
        product = self.products.not_offered(retrieval.dense, question)
        if confidence == 0.0 and product is None:  # an out-of-scope example's paraphrase: no team helps
            return Referral(owner="", how="Hier gaat de gemeente niet over: de vraag lijkt op een voorbeeld van de "
                                          "buiten-bereiklijst. Zeg dat vriendelijk, of zoek in de doorverwijsgids "
                                          "wie wel helpt.")
        lead = "Geen betrouwbaar antwoord in de kennisbank."
        if product is not None:  # a municipal product without an article (kcc.products): the editors' gap too
            lead = f"De kennisbank heeft geen artikel over '{product.name}': meld het de redactie."
        nearest = next((self.articles[h.article_id] for h in self._current(retrieval.hits)), None)
        if nearest is None or not nearest.owner:
            return Referral(owner="", how=f"{lead} Er is ook geen artikel dat in de buurt komt. Vraag door, of maak "
                                          f"een contactverzoek.")
        return Referral(owner=nearest.owner,
                        how=f"{lead} Het artikel dat het dichtst in de buurt komt, '{nearest.title}', is van team "
                            f"{nearest.owner}: verbind door of maak een contactverzoek voor dat team. Gaat een andere "
                            f"organisatie erover, verwijs dan door.")

    def other_place_referral(self, place: str) -> Referral:
        s = self.settings
        return Referral(owner=f"gemeente {place}",
                        how=f"Deze vraag gaat over {place}, niet over {s.municipality}. Neem contact op met de "
                            f"gemeente {place}: bel 14 met het netnummer van die plaats, of kijk op de website "
                            f"van die gemeente.")

    def analyse(self, question: str, *, masked: str | None = None) -> Query:
        """Personal data out (it must not steer retrieval), the language, misspellings against the KB,
        another municipality's town the question is about.

        :param masked: ``question`` with its personal data masked, when the caller has done that already."""
        masked = mask_identifiers(question) if masked is None else masked
        text = re.sub(r"\s+", " ", PLACEHOLDER.sub(" ", masked)).strip() or question
        text = self.courtesy.remove(text)  # "Goedemorgen, met mevrouw Bakker." asks for nothing
        language = self.language.detect(text)
        place = self.other_places.find(text)
        if language != "nl":
            # the splitter knows Dutch grammar; in another language it cut at greetings and sentences that only
            # set the scene, each answered from its own (wrong) article by the dense branch alone
            return Query(text=text, language=language, parts=(text,), other_place=place)
        text = self.speller.correct(text).text
        parts = parts_and_scene(text, self.is_subject, self.asks)
        return Query(text=text, language=language, parts=tuple(p for p, _ in parts), other_place=place,
                     scene=frozenset(p for p, scene in parts if scene))

    def asks(self, sentence: str) -> bool:
        """Whether a sentence of a Dutch question asks something (:func:`kcc.multipart.asks`, or a kind of answer
        the intents file knows: "Ik wil de verhuizing doorgeven."); one that only sets the scene ("Ik leef van
        een klein pensioen.") is no part of the question of its own (:func:`kcc.multipart.parts_and_scene`): on the
        sample KB's four sets, the blocks of parts with neither a question mark nor an intent cue were wrong in 37
        of 45 cases."""
        return asks(sentence) or bool(self.intents.asked(sentence))

    def is_subject(self, word: str) -> bool:
        """Whether a word of a Dutch question names what it is about, not only what it asks for: "Wat kost dat
        samen?" names nothing and asks about the question's other parts (:func:`kcc.multipart.split_parts`)."""
        frequency = zipf(word.lower(), "nl")
        if frequency < SUBJECT_ZIPF:
            return True
        return frequency < COMMON_ZIPF and self.subjects.has(word) and not self.intents.asked(word)

    def keywords(self, text: str) -> str | None:
        """What the BM25 branch searches for a Dutch ``text`` when it holds a compound the KB does not use:
        ``text`` with that compound's parts ("badkamertegels" also as "badkamer tegels",
        :meth:`kcc.spelling.SpellingCorrector.compound_parts`), else None (the text itself). The dense branch
        embeds the question as asked."""
        parts = [part for word in words(text) for part in self.speller.compound_parts(word) or ()]
        return f"{text} {' '.join(parts)}" if parts else None

    def _retrieve(self, text: str, query: Query, top_k: int = 20) -> Retrieval:
        mode = self.settings.retrieval_mode
        if not query.same_language and mode == "hybrid":
            mode = "dense"  # the Dutch BM25 branch would drag a question in another language off
        keywords = self.keywords(text) if mode != "dense" else None
        return self.searcher.retrieve(text, audience="public", top_k=top_k, mode=mode, with_tops=True,
                                      keywords=keywords)

    def answer(self, question: str, *, channel: str, agent: bool) -> AnswerResult:
        """:raises QuestionError: empty, over-long question or unknown channel."""
        if channel not in CHANNELS:
            raise QuestionError("unknown_channel", f"Onbekend kanaal '{channel}'. Kies uit: {', '.join(CHANNELS)}.")
        text = normalise_question(question, self.settings.max_question_chars)
        # identifiers only (0.06 ms): deduce's name lists would add 0.35 ms a question, 3 s and 1 GB to every
        # process that answers (kcc eval, kcc ask); what is stored is masked in full (kcc.contacts)
        masked = mask_identifiers(text)
        key = (masked, channel, agent)  # personal data never makes two answers differ
        if self.settings.answer_cache_size:
            with self._cache_lock:
                cached = self._cache.get(key)
            if cached is not None:
                return copy.copy(cached)
        query = self.analyse(text, masked=masked)
        retrieval = self._retrieve(query.text, query)
        result = self._public_answer(query, channel, retrieval)
        if agent:
            result.internal_notes = self._internal_notes(retrieval, result)
            if result.status == "no_answer" and result.referral is not None:
                result.referral = self.agent_referral(retrieval, result.referral, result.confidence, query.text)
        if self.settings.answer_cache_size:
            with self._cache_lock:
                self._cache[key] = result
        return copy.copy(result)

    def _current(self, hits: list[SectionHit]) -> list[SectionHit]:
        return [h for h in hits if h.article_id in self.articles and self.view.is_current(h.article_id, h.article_hash)]

    def confidence(self, retrieval: Retrieval, query: Query,
                   tops: tuple[SectionHit | None, SectionHit | None] | None = None) -> float:
        evidence = self.evidence.evidence(retrieval, sparse=query.same_language, tops=tops)
        if self.evidence.out_of_scope(evidence):
            return 0.0  # an editor's out-of-scope example overrules the retrieval evidence
        if self.products.not_offered(retrieval.dense, query.text) is not None:
            return 0.0  # a municipal product the KB has no article about (kcc.products)
        return self.calibration.confidence(evidence, same_language=query.same_language)

    def _public_answer(self, query: Query, channel: str, retrieval: Retrieval) -> AnswerResult:
        hits = self._current(retrieval.hits)
        if query.other_place and not self.other_places.mentioned(query.other_place, self._texts(hits, OWN_ARTICLES)):
            return AnswerResult("no_answer", None, [], self.other_place_referral(query.other_place), 0.0, channel,
                                language=query.language)
        tops = self.evidence.tops(retrieval)  # each branch's best hit, queried once for all that follows
        confidence = self.confidence(retrieval, query, tops)
        if not hits or confidence < self.calibration.threshold_for(query.same_language):
            return AnswerResult("no_answer", None, [], self.no_answer_referral(retrieval), confidence, channel,
                                language=query.language)
        ranked = list(dict.fromkeys(h.article_id for h in hits))
        answered: list[tuple[str, list[SectionHit]]] = [(query.text, hits)]
        if len(query.parts) > 1:
            # a question that asks several things also gets a block for each part whose own best article is
            # another one, confidently so; the whole question's best article leads (replacing it by the parts'
            # articles lost more single questions than it won on the sample KB's gold set)
            by_part = self._parts(query, ranked[:PART_ARTICLES])
            others = [(text, part_hits) for text, part_hits in by_part if part_hits[0].article_id != ranked[0]]
            if others:
                # the leading article's sections ranked by its own part, not diluted by the other parts'
                own = [(text, part_hits) for text, part_hits in by_part if part_hits[0].article_id == ranked[0]]
                answered = own[:1] + others if own else answered + others
        parts = [text for text, _ in answered] if len(answered) > 1 else []
        if query.same_language:
            # the whole question's second article, when it reaches the KB's bar, also beside the parts' blocks:
            # a part that leads to the first article may ask about the second too ("mag dat allemaal bij het
            # grofvuil?" after the paint tins)
            shown = {part_hits[0].article_id for _, part_hits in answered}
            answered += [block for block in self._second_article(hits, query.text)
                         if block[1][0].article_id not in shown]
        composed = compose(answered, self.intents.asked(query.text), self.intents, self.articles, self.idf,
                           self.source_url)
        sources = composed.sources
        first = self.articles[answered[0][1][0].article_id]
        referral = Referral(first.referral.split(":", 1)[0].strip(), first.referral) if first.referral else None
        done = {s.article_id for s in sources}
        alternatives = [self._ref(a) for a in ranked if a not in done][:ALTERNATIVES]
        return AnswerResult("answered", composed.body, sources, referral, confidence, channel,
                            alternatives=alternatives, clarify=self._clarify(tops, ranked, len(answered)),
                            parts=parts,
                            language=query.language)

    def _second_article(self, hits: list[SectionHit], text: str) -> list[tuple[str, list[SectionHit]]]:
        """The second-best article's block, when its score reaches the KB's calibrated bar: a question that asks
        two things in one sentence has both articles at the top (kcc.calibrate.fit_second_article)."""
        bar = self.calibration.second_article_for(self.settings.ranking)
        if bar is None or self.settings.second_article_share <= 0:  # a share of 0 turns it off at once
            return []
        second = second_article(hits, self.settings.section_support)
        if second is None or second[1] < bar:
            return []
        return [(text, [h for h in hits if h.article_id == second[0]])]

    def _parts(self, query: Query, candidates: list[str]) -> list[tuple[str, list[SectionHit]]]:
        """Each part whose own best article is confident and among the whole question's best articles; of
        several parts with the same best article, the most confident one."""
        found: dict[str, tuple[float, str, list[SectionHit]]] = {}  # by article, in order of first appearance
        for part in query.parts:
            if part in query.scene:
                continue  # "Ik leef van een klein pensioen." (AnswerService.asks)
            retrieval = self._retrieve(part, query)
            hits = self._current(retrieval.hits)
            if not hits or hits[0].article_id not in candidates:
                continue
            confidence = self.confidence(retrieval, query)
            if confidence < self.calibration.threshold_for(query.same_language):
                continue
            # parts that lead to the same article: its block answers the most confident one ("Kan ik een
            # betalingsregeling krijgen?"), not a sentence that only sets the scene ("Ik kan niet betalen.")
            best = found.get(hits[0].article_id)
            if best is None or confidence > best[0]:
                found[hits[0].article_id] = (confidence, part, hits)
        return [(part, hits) for _, part, hits in found.values()]

    def _texts(self, hits: list[SectionHit], articles: int) -> list[str]:
        """The whole text of the best ``articles`` articles among ``hits``."""
        ranked = list(dict.fromkeys(h.article_id for h in hits))[:articles]
        return [f"{a.title}\n{' '.join(a.keywords)}\n" + "\n".join(f"{s.heading}\n{s.body}" for s in a.sections)
                for a in (self.articles[i] for i in ranked)]

    def _ref(self, article_id: str) -> ArticleRef:
        article = self.articles[article_id]
        return ArticleRef(article.id, article.title, self.source_url(article))

    def _clarify(self, tops: tuple[SectionHit | None, SectionHit | None], ranked: list[str],
                 parts: int) -> Clarify | None:
        """BM25 and dense each put another article first, and those two lead the fused ranking."""
        if parts > 1 or len(ranked) < 2:
            return None
        dense, sparse = tops
        if dense is None or sparse is None or dense.article_id == sparse.article_id:
            return None
        if {dense.article_id, sparse.article_id} != set(ranked[:2]):
            return None
        choices = [self._ref(a) for a in ranked[:2]]
        return Clarify(question="Bedoelt u " + " of ".join(f"'{c.title}'" for c in choices) + "?", choices=choices)

    def _internal_notes(self, retrieval: Retrieval, result: AnswerResult) -> list[InternalNote]:
        """Internal sections of the answered articles, and internal text that ranks high for the question: from
        the articles the agent sees (the alternatives and choices) and staff-only articles (work instructions,
        the transfer list) down to ``NOTE_RANK``; from any other article only when it is the best match of all
        (an agent's own question: "Waar verbind ik door als de klant geen geld voor eten heeft?"). A note the
        agent cannot place is noise, or worse, read out as if it belonged to the answer. Each note carries its
        article's title."""
        answered = list(dict.fromkeys(s.article_id for s in result.sources))
        shown = set(answered) | {a.article_id for a in result.alternatives}
        if result.clarify is not None:
            shown |= {c.article_id for c in result.clarify.choices}
        wanted: list[tuple[str, str]] = []
        for article_id in answered:
            wanted.extend((article_id, s.heading) for s in self.articles[article_id].internal_sections)
        for hit in self.searcher.requery(retrieval, audience="agent", top_k=10):
            article = self.articles.get(hit.article_id)
            if hit.audience != "internal" or article is None:
                continue
            if hit.rank == 1 or (hit.rank <= NOTE_RANK and (article.internal or article.id in shown)):
                wanted.append((hit.article_id, hit.section))
        notes: list[InternalNote] = []
        for article_id, heading in dict.fromkeys(wanted):
            article = self.articles[article_id]
            section = next((s for s in article.internal_sections if s.heading == heading), None)
            if section is not None:
                notes.append(InternalNote(article.id, article.title, section.heading,
                                          f"**{section.heading}**\n\n{section.body}"))
        return notes
