"""Questions that ask several things: "Ik ga trouwen en wil daarna Nederlander worden, wat kost dat?".

The question is cut at sentence ends and at coordinating words (Dutch grammar, not any KB's vocabulary)
into parts that each still say something (a word of six letters, or two of four). Only Dutch questions are
split (:meth:`kcc.answer.AnswerService.analyse`): of the parts of the sample's 32 questions in other languages
that led to another article than the whole question, 1 in 20 was right (greetings, scene-setting sentences).
The answer core
retrieves each part on its own and answers every part whose best article differs from the first one. A part that
is a question without a subject of its own ("Wat kost dat samen?", "Waar kan ik terecht?") asks about the other
parts: it is searched with each of them instead of on its own.

Example::

    split_parts("Ik ga trouwen en wil daarna Nederlander worden")
    # ["Ik ga trouwen", "wil daarna Nederlander worden"]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kcc.privacy.cues import load_cues

# sentence ends, and the coordinating words that join two requests in Dutch questions
# ("verder" and "daarnaast" join two requests only at the start of a clause: "Daarnaast wil ik ...", ", verder
# ..."; inside one they are adverbs: "ik heb verder geen legitimatie")
SENTENCE = re.compile(r"(?<=[?!.;])\s+")
SPLIT = re.compile(rf"{SENTENCE.pattern}|\s*;\s*|,?\s+(?:en|en ook|maar ook|ook nog|plus)\s+"
                   r"|,\s*(?:daarnaast|verder)\s+", re.IGNORECASE)
LEADING = re.compile(r"^(?:en|of|maar|en ook)\s+", re.IGNORECASE)
# "Mijn partner en ik willen ...": one subject of two people, not two requests (a possessive and one or two
# more words at a clause's start before "en", a first person after it); its "en" is hidden from SPLIT while the
# question is cut
JOINED = "\x00"


@cache
def _pair() -> re.Pattern[str]:
    """The pattern of "mijn partner en ik"; its possessives are the privacy cues' own (``persoon_bezittelijk``)."""
    possessive = "|".join(re.escape(w) for w in sorted(load_cues().possessives, key=len, reverse=True))
    return re.compile(rf"((?:^|[.!?,;:]\s*)(?:{possessive})(?:\s+[^\s,.;:?!]+){{1,2}})\s+en\s+(?=(?:ik|wij|we)\s)",
                      re.IGNORECASE)


MAX_PARTS = 4
LETTERS = re.compile(r"[^\W\d_]+")  # the words of a part, without numbers
# a part that asks something: a question word anywhere, or a verb first ("Kan ik ...", "Is er ..."); Dutch
# grammar, not any KB's words (a question mark and the intents' cues count too: :func:`asks`)
ASKING = re.compile(r"\b(?:hoe|wat|waar|wanneer|wie|welke?|waarom|hoeveel)\b"
                    r"|^(?:kan|kun|kunt|kunnen|mag|mogen|moet|moeten|is|zijn|heb|heeft|hebben|wil|wilt|krijg|krijgt)\s",
                    re.IGNORECASE)


def _meaningful(part: str) -> bool:
    lengths = [len(word) for word in LETTERS.findall(part)]
    return any(n >= 6 for n in lengths) or sum(1 for n in lengths if n >= 4) >= 2


def names_no_subject(part: str, is_subject: Callable[[str], bool]) -> bool:
    """``part`` is a question without a subject of its own ("Wat kost dat samen?", "Waar kan ik terecht?"); a
    statement says what the resident needs even in common words ("Mijn zoon heeft hulp nodig")."""
    return part.rstrip().endswith("?") and not any(is_subject(w) for w in LETTERS.findall(part))


def asks(part: str) -> bool:
    """Whether a part of a question asks something ("Hoe lang duurt dat", "Kan ik ...", "... tuinafval?") rather
    than only setting the scene ("Ik leef van een klein pensioen", "Wij wonen met z'n vieren")."""
    return part.rstrip().endswith("?") or ASKING.search(part.strip()) is not None


def _with_ask(part: str, ask: str) -> str:
    """A part with the shared question after it, as a reader would write it: "Ik wil mijn rijbewijs verlengen: wat
    kost dat samen?" (the console shows each part above its block)."""
    if part.endswith(("?", "!", ".")):
        return f"{part} {ask}"
    return f"{part}: {ask[:1].lower()}{ask[1:]}"


def split_parts(question: str, is_subject: Callable[[str], bool] | None = None) -> list[str]:
    """The parts of ``question`` (the whole question when it does not split into meaningful parts).

    :param is_subject: whether a word names a subject (:meth:`kcc.answer.AnswerService.is_subject`); with it,
        a question part that names none asks about every other part, and is searched with each of them."""
    return [part for part, _ in parts_and_scene(question, is_subject)]


def parts_and_scene(question: str, is_subject: Callable[[str], bool] | None = None,
                    asking: Callable[[str], bool] | None = None) -> list[tuple[str, bool]]:
    """:func:`split_parts` with, for each part, whether it only sets the scene: neither it nor its sentence asks
    anything (``asking``: :meth:`kcc.answer.AnswerService.asks`), as "Wij wonen met z'n vieren." before "Wat
    betalen we per jaar?"; "Ik ga trouwen" in "Ik ga trouwen en wil daarna Nederlander worden, wat kost dat?" is
    part of a sentence that asks, a part that a question without a subject asks about ("... Wat kost dat
    samen?") asks too; in a question that asks nothing ("Ik wil een paspoort en een rijbewijs.") no part only
    sets the scene."""
    protected = _pair().sub(lambda m: m.group(1) + JOINED, question.replace(JOINED, " "))
    sentences = SENTENCE.split(protected)
    # a statement sets the scene beside a question ("Onze buurtvereniging wil een opruimactie houden. Kunnen we
    # materiaal lenen?"); without one, the statements are the requests ("Ik wil een paspoort en een rijbewijs.",
    # "Mijn container is kapot en mijn paspoort is verlopen.")
    questioned = asking is not None and any(asking(s.replace(JOINED, " en ")) for s in sentences)

    def tells(text: str) -> bool:
        return questioned and asking is not None and not asking(text)

    pieces: list[tuple[str, bool]] = []
    for sentence in sentences:
        told = tells(sentence.replace(JOINED, " en "))
        for p in SPLIT.split(sentence):
            if p and p.strip(" ,.;"):
                piece = LEADING.sub("", p.strip(" ,.;")).replace(JOINED, " en ")
                pieces.append((piece, told and tells(piece)))
    parts: list[tuple[str, bool]] = []
    for piece, scene in pieces:
        if parts and (not _meaningful(piece) or not _meaningful(parts[-1][0])):
            # "en wat kost dat" belongs to the part before
            parts[-1] = (f"{parts[-1][0]} {piece}", parts[-1][1] and scene)
        else:
            parts.append((piece, scene))
    shared = [part for part, _ in parts if is_subject is not None and names_no_subject(part, is_subject)]
    if shared and len(shared) < len(parts):
        parts = [(_with_ask(part, " ".join(shared)), False) for part, _ in parts if part not in shared]
    if len(parts) > MAX_PARTS:
        last = parts[MAX_PARTS - 1:]
        parts = parts[:MAX_PARTS - 1] + [(" ".join(p for p, _ in last), all(scene for _, scene in last))]
    return parts if len(parts) > 1 else [(question, False)]
