"""An answer's text: one block per answered article, opening with the sentences that answer the question.

The answer core (:mod:`kcc.answer`) decides which articles answer which part of a question; this module
writes their blocks from the indexed article text: the article's title, its best sentences for the question
(:func:`kcc.extract.best_units`), then the sections that answer it (:func:`select_sections`), each with its
heading. Every channel gets the same text, ``answer.id`` and sources.

Example::

    composed = compose([(question, hits)], intents.asked(question), intents, articles, idf, source_url)
    composed.body.short, composed.sources
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from kb.model import Article, Section, content_hash
from kcc.answer_model import AnswerBody, SourceRef
from kcc.extract import best_units
from kcc.intents import Intent, Intents
from kcc.render import to_text, to_text_and_html
from kcc.search import SectionHit

MAX_SECTIONS = 3


def _answer_part(article: Article, section: Section) -> Section:
    """A section that only asks the question (a VAC's question) is answered by the next public section."""
    public = article.public_sections
    if section.body.rstrip().endswith("?") and section in public:
        following = public[public.index(section) + 1:]
        if following:
            return following[0]
    return section


def select_sections(article: Article, hits: list[SectionHit], intents: list[Intent]) -> list[Section]:
    """The public sections of ``article`` that answer the question, in article order: first those whose
    heading matches an answer kind the question asks for, then the article's best-ranked sections, up to
    ``MAX_SECTIONS``, however far other articles' sections rank between them (a block of one section left the
    fact out of vague questions: the sample KB's facts 0.872 -> 0.879, answers a median 6 words longer)."""
    public = article.public_sections
    chosen: list[Section] = []
    for intent in intents:
        for section in public:
            if intent.matches_heading(section.heading) and section not in chosen:
                chosen.append(section)
                break
    for hit in hits:
        if len(chosen) >= MAX_SECTIONS:
            break
        if hit.article_id != article.id or hit.audience != "public" or hit.section_index >= len(article.sections):
            continue
        section = _answer_part(article, article.sections[hit.section_index])
        if section in public and section not in chosen:
            chosen.append(section)
    if not chosen and public:
        chosen.append(_answer_part(article, public[0]))
    return sorted(chosen, key=public.index)


@dataclass(frozen=True)
class Composed:
    body: AnswerBody
    sources: list[SourceRef]


def compose(answered: Sequence[tuple[str, list[SectionHit]]], asked: list[Intent], intents: Intents,
            articles: Mapping[str, Article], idf: dict[str, float],
            source_url: Callable[[Article], str]) -> Composed:
    """The answer to a question whose parts ``answered`` (each part's text and its hits, the part's article's
    first) lead to the articles that answer them; ``asked`` are the kinds of answer the whole question asks for.

    The first block answers the whole question (or its first part); each later one its own part."""
    blocks: list[str] = []
    shorts: list[str] = []
    sources: list[SourceRef] = []
    for part, (text, part_hits) in enumerate(answered):
        article = articles[part_hits[0].article_id]
        # a part asks for its own kind of answer ("... en hoe lang duurt dat?"); else the question's
        own = (intents.asked(text) or asked) if part else asked
        # its sections also answer the kinds the whole question asks for ("Wat kost trouwen op een zaterdag?
        # En hoe lang duurt naturalisatie?": the naturalisation's price too), its short answer its own first
        sections = select_sections(article, part_hits, list(dict.fromkeys(own + asked)))
        # the short answer is the article's best sentences for the question, wherever they are: the
        # sentence that answers may sit in a section the retrieval ranked low, and its section joins
        public = article.public_sections
        chosen = best_units(text, public, own, idf)
        sections = sorted(set(sections) | {public[u.section] for u in chosen}, key=public.index)
        short = "\n\n".join(u.markdown for u in chosen)
        shorts.append(short)
        blocks.append("\n\n".join([f"**{article.title}**", short, *(f"**{s.heading}**\n\n{s.body}"
                                                                  for s in sections)]))
        sources += [SourceRef(article.id, article.title, s.heading, source_url(article), article.hash,
                              article.reviewed.isoformat() if article.reviewed else None, part)
                    for s in sections]
    markdown = "\n\n---\n\n".join(blocks)
    text, html = to_text_and_html(markdown)
    body = AnswerBody(id=content_hash(markdown, [(s.article_id, s.section, s.version) for s in sources]),
                      text=text, markdown=markdown, html=html, short=to_text("\n\n".join(shorts)))
    return Composed(body, sources)
