"""Demo data: a realistic month in the contact log, made by asking real questions to the real answer core.

Questions come from the gold set (``eval/gold/lindewaard.jsonl``); each distinct question is answered once by
:class:`kcc.answer.AnswerService`, so answer ids, statuses, sources and texts are the ones an agent would have
seen. The outcome an agent logs depends on that answer (no answer: mostly transferred, a call-back note or a
referral; a confident answer: mostly resolved), and the share of unresolved outcomes shrinks over the month, as
if the team learns. Human grades follow the gold set: an answer from a gold article is mostly judged correct.

Example::

    with Database(settings.database) as db, db.session() as session:
        summary = generate(session, service, settings, days=30, end=date(2026, 11, 20), seed=7)
    summary.contacts, summary.fcr          # e.g. (1412, 0.76)
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.orm import Session

from eval.gold import GoldQuestion, load_gold
from kcc.answer import AnswerResult, AnswerService
from kcc.contacts.db import Database
from kcc.contacts.db.models import Contact, ContactQuestion, Feedback, Grade
from kcc.contacts.log import count_contacts, derive_team, summarise
from kcc.runtime import Runtime
from kcc.settings import Settings

GOLD_FILE = Path(__file__).resolve().parent.parent / "eval" / "gold" / "lindewaard.jsonl"
POOL_SIZE = 100  # distinct questions per month: each costs one real answer (~25 ms), repeats are free
AGENTS = tuple(f"agent-{i:02d}" for i in range(1, 13))
GRADERS = ("kwaliteit-01", "teamleider-02")
WEEKDAY_CHANNELS = {"phone": 0.48, "counter": 0.24, "email": 0.17, "chat": 0.11}
WEEKEND_CHANNELS = {"email": 0.55, "chat": 0.45}  # phone and counter are closed at the weekend
DURATIONS = {"phone": (210, 0.5), "counter": (420, 0.45), "email": (330, 0.6), "chat": (360, 0.5)}  # median s, sigma
# office hours 8:30-17:00 with the usual morning peak; weights per starting hour
HOURS = {8: 0.6, 9: 1.6, 10: 1.5, 11: 1.3, 12: 0.8, 13: 1.1, 14: 1.0, 15: 0.9, 16: 0.6}

# outcome weights per kind of answer; "learning" shrinks the unresolved ones over the month
NO_ANSWER = {"Zelfstandig afgehandeld": 4, "Afgehandeld na ruggespraak": 16, "Verwezen naar andere instantie": 16,
             "Doorverbonden": 30, "Terugbelnotitie gemaakt": 28, "Klant neemt opnieuw contact op": 6,
             "Verbinding verbroken": 6}
REFERRAL = {"Zelfstandig afgehandeld": 25, "Afgehandeld na ruggespraak": 5, "Verwezen naar andere instantie": 55,
            "Doorverbonden": 5, "Terugbelnotitie gemaakt": 5, "Klant neemt opnieuw contact op": 3,
            "Verbinding verbroken": 2}
CONFIDENT = {"Zelfstandig afgehandeld": 76, "Afgehandeld na ruggespraak": 8, "Verwezen naar andere instantie": 1,
             "Doorverbonden": 5, "Terugbelnotitie gemaakt": 5, "Klant neemt opnieuw contact op": 3,
             "Verbinding verbroken": 2}
UNSURE = {"Zelfstandig afgehandeld": 50, "Afgehandeld na ruggespraak": 13, "Verwezen naar andere instantie": 2,
          "Doorverbonden": 13, "Terugbelnotitie gemaakt": 11, "Klant neemt opnieuw contact op": 6,
          "Verbinding verbroken": 5}
CONFIDENT_FROM = 0.7
NO_ANSWER_POPULARITY = 0.5
LEARNING = 0.45  # unresolved outcomes are this much rarer on the last day than on the first
OVERRIDE_SHARE = 0.03
FEEDBACK = (
    "Het tarief voor volgend jaar staat er nog niet in; klanten vragen er al naar.",
    "Niet duidelijk welke documenten een kind van 12 moet meenemen.",
    "Het doorverbindnummer in de interne informatie klopt niet meer.",
    "Te lang om aan de telefoon voor te lezen; graag een korte samenvatting bovenaan.",
    "De link naar het aanvraagformulier werkt niet.",
    "Klanten vragen vaak of het ook op zaterdag kan; dat staat er niet in.",
    "Verwijzing naar de andere instantie mist het telefoonnummer.",
    "Tekst spreekt de VAC over dit onderwerp tegen; welke klopt?",
)
GRADE_COMMENTS = ("Antwoord gaat over een ander product.", "Prijs of termijn ontbreekt in het antwoord.",
                  "Bron past niet bij de vraag.", "Zinnen te lang voor taalniveau B1.")


@dataclass(frozen=True)
class DemoSummary:
    contacts: int
    resolved: int
    feedback: int
    grades: int
    start: date
    end: date
    questions: int  # distinct questions asked

    @property
    def fcr(self) -> float:
        return self.resolved / self.contacts if self.contacts else 0.0


def _amsterdam() -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Amsterdam")
    except Exception:  # no time zone data on this system: winter time is close enough for demo data
        from datetime import timezone

        return timezone(timedelta(hours=1))


def _pick(rng: random.Random, weights: Mapping[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def outcome_weights(result: AnswerResult, outcomes: Mapping[str, bool], progress: float) -> dict[str, float]:
    """How likely each configured outcome is for this answer, ``progress`` (0..1) into the month."""
    if result.status == "no_answer":
        base = NO_ANSWER
    elif result.referral is not None:
        base = REFERRAL
    else:
        base = CONFIDENT if result.confidence >= CONFIDENT_FROM else UNSURE
    weights = {name: weight * (1 if outcomes[name] else 1 - LEARNING * progress)
               for name, weight in base.items() if name in outcomes}
    if not weights:
        raise ValueError("demo data needs the default outcomes (kcc.settings.DEFAULT_OUTCOMES)")
    return weights


def _contact(rng: random.Random, when: datetime, channel: str, gold: GoldQuestion, result: AnswerResult,
             settings: Settings, service: AnswerService, progress: float) -> Contact:
    outcome = _pick(rng, outcome_weights(result, settings.outcomes, progress))
    resolved = settings.outcomes[outcome]
    overridden = rng.random() < OVERRIDE_SHARE
    sources = [{"article_id": s.article_id, "section": s.section} for s in result.sources]
    article_id = sources[0]["article_id"] if sources else None
    forwarded_to = None
    if outcome in ("Doorverbonden", "Terugbelnotitie gemaakt"):
        owner = derive_team(None, article_id or (gold.gold[0] if gold.gold else None), service.articles)
        forwarded_to = owner or rng.choice(sorted({a.owner for a in service.articles.values()}))
    median, sigma = DURATIONS[channel]
    question = ContactQuestion(
        position=0, question=gold.question, answer_id=result.answer.id if result.answer else None,
        answer_status=result.status, sources=sources, answer_text=result.answer.text if result.answer else None,
        outcome=outcome, resolved_first_contact=resolved != overridden, resolved_overridden=overridden,
        forwarded_to=forwarded_to, team=derive_team(forwarded_to, article_id, service.articles), article_id=article_id)
    return summarise(Contact(created_at=when, channel=channel, questions=[question],
                             duration_seconds=int(rng.lognormvariate(0, sigma) * median), agent_id=rng.choice(AGENTS)))


def _moments(rng: random.Random, day: date, zone: tzinfo) -> list[tuple[datetime, str]]:
    """The contacts of one day: when (UTC) and on which channel."""
    weekend = day.weekday() >= 5
    count = rng.randint(4, 12) if weekend else int(rng.randint(40, 80) * (1.15 if day.weekday() == 0 else 1))
    moments = []
    for _ in range(count):
        if weekend:
            local = datetime.combine(day, time(rng.randint(9, 20), rng.randint(0, 59), rng.randint(0, 59)), zone)
        else:
            hour = int(_pick(rng, {str(h): w for h, w in HOURS.items()}))
            minute = rng.randint(30, 59) if hour == 8 else rng.randint(0, 59)
            local = datetime.combine(day, time(hour, minute, rng.randint(0, 59)), zone)
        moments.append((local.astimezone(UTC), _pick(rng, WEEKEND_CHANNELS if weekend else WEEKDAY_CHANNELS)))
    return sorted(moments)


def _grade(rng: random.Random, contact: Contact, gold: GoldQuestion, graded_at: datetime) -> Grade:
    shown = {s["article_id"] for s in contact.sources}
    right_article = bool(shown & set(gold.gold))
    text = (contact.answer_text or "").lower()
    complete = all(fact.lower() in text for fact in gold.answer_must_contain)
    grade = Grade(created_at=graded_at, contact_id=contact.id, grader=rng.choice(GRADERS),
                  juist=rng.random() < (0.95 if right_article else 0.15),
                  volledig=rng.random() < (0.9 if complete and right_article else 0.25),
                  bron_klopt=rng.random() < (0.95 if right_article else 0.1),
                  begrijpelijk=rng.random() < (0.9 if len(text) < 1500 else 0.7))
    failed = [i for i, ok in enumerate((grade.juist, grade.volledig, grade.bron_klopt, grade.begrijpelijk)) if not ok]
    grade.comment = GRADE_COMMENTS[failed[0]] if failed and rng.random() < 0.7 else None
    return grade


def generate(session: Session, service: AnswerService, settings: Settings, *, days: int = 30,
             end: date | None = None, seed: int = 42, now: datetime | None = None,
             answers: dict[str, AnswerResult] | None = None, feedback: int = 8, grades: int = 60) -> DemoSummary:
    """Add ``days`` days of contacts ending on ``end`` (default today), with feedback and grades.

    :param now: nothing is dated after it (default: the current time), so a month ending today stops now.
    :param answers: a cache of answers by question, shared between calls (tests); filled as it goes.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    now = now or datetime.now(UTC)
    end = end or now.date()
    start = end - timedelta(days=days - 1)
    # two streams: when and what is asked does not shift when the outcome model changes
    rng, plan = random.Random(f"{seed}-outcomes"), random.Random(f"{seed}-plan")
    gold = load_gold(GOLD_FILE)
    pool = plan.sample(gold, min(POOL_SIZE, len(gold)))
    answers = {} if answers is None else answers
    for question in pool:
        if question.question not in answers:
            answers[question.question] = service.answer(question.question, channel="phone", agent=False)
    # a few questions are asked all the time; those the KB cannot answer are mostly the rarer ones
    popularity = [(NO_ANSWER_POPULARITY if answers[q.question].status == "no_answer" else 1) / (rank + 1) ** 0.6
                  for rank, q in enumerate(pool)]
    zone = _amsterdam()
    contacts: list[tuple[Contact, GoldQuestion]] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        progress = offset / max(days - 1, 1)
        for when, channel in _moments(plan, day, zone):
            question = plan.choices(pool, weights=popularity)[0]
            if when > now:
                continue
            contacts.append((_contact(rng, when, channel, question, answers[question.question], settings, service,
                                      progress), question))
    session.add_all([c for c, _ in contacts])
    session.flush()  # ids for feedback and grades

    answered = [(c, g) for c, g in contacts if c.answer_id is not None]
    # agents give feedback where an answer did not settle the question
    unsettled = [c for c, _ in answered if not c.resolved_first_contact]
    remarks = rng.sample(unsettled, min(feedback, len(unsettled)))
    for contact in remarks:
        session.add(Feedback(created_at=min(contact.created_at + timedelta(minutes=rng.randint(2, 30)), now),
                             article_id=contact.article_id, section=contact.sources[0]["section"],
                             comment=rng.choice(FEEDBACK), agent_id=contact.agent_id,
                             owner=service.articles[contact.article_id].owner, contact_id=contact.id))
    graded = rng.sample(answered, min(grades, len(answered)))
    for contact, question in graded:
        graded_at = min(contact.created_at + timedelta(days=rng.randint(1, 3), hours=rng.randint(0, 6)), now)
        session.add(_grade(rng, contact, question, graded_at))
    session.commit()
    resolved = sum(c.resolved_first_contact for c, _ in contacts)
    return DemoSummary(contacts=len(contacts), resolved=resolved, feedback=len(remarks),
                       grades=len(graded), start=start, end=end, questions=len({g.id for _, g in contacts}))


def clear(session: Session) -> None:
    """Remove every contact, feedback item and grade (``kcc demo-data --replace``)."""
    for model in (Grade, Feedback, ContactQuestion, Contact):
        session.execute(delete(model))
    session.commit()


class DemoError(RuntimeError):
    """Demo data cannot be made as asked; the message is Dutch, for the command line."""


def fill(settings: Settings, runtime: Runtime, *, days: int = 30, end: date | None = None, seed: int = 42,
         replace: bool = False, only_if_empty: bool = False, service: AnswerService | None = None,
         answers: dict[str, AnswerResult] | None = None) -> DemoSummary | None:
    """Fill the contact log of ``settings.database`` from the open ``runtime``'s index.

    :param only_if_empty: return None and change nothing when the log has contacts (``kcc run``'s first start).
    :raises DemoError: empty index; contacts present without ``replace``.
    """
    if runtime.store.count() == 0:
        raise DemoError("De index is leeg: voer eerst 'kcc ingest' uit.")
    with Database(settings.database) as db:
        db.upgrade()
        with db.session() as session:
            existing = count_contacts(session)
            if existing and only_if_empty:
                return None
            if existing and not replace:
                raise DemoError(f"Het contactlog bevat al {existing} contacten. Gebruik --replace om ze te "
                                "vervangen door demodata.")
            clear(session)
            if service is None:
                service = runtime.answer_service()
            return generate(session, service, settings, days=days, end=end, seed=seed, answers=answers)
