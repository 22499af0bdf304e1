"""The gold question format (one JSON object per line) and its loader.

Fields: ``id``, ``question``, ``channel`` (phone|counter|email|chat|web), ``gold`` (article ids, empty for
out-of-scope), ``answer_must_contain`` (strings the answer must hold), ``kind`` (direct|paraphrase|
colloquial|typo|multi|non_dutch|internal|out_of_scope).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

CHANNELS = ("phone", "counter", "email", "chat", "web")
KINDS = ("direct", "paraphrase", "colloquial", "typo", "multi", "non_dutch", "internal", "out_of_scope")
FIELDS = ("id", "question", "channel", "gold", "answer_must_contain", "kind")


class GoldError(ValueError):
    """A gold file line that does not follow the format; the message names file and line."""


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    channel: str
    gold: tuple[str, ...]
    answer_must_contain: tuple[str, ...]
    kind: str

    @property
    def answerable(self) -> bool:
        return self.kind != "out_of_scope"


def load_gold(path: Path) -> list[GoldQuestion]:
    questions: list[GoldQuestion] = []
    seen: set[str] = set()
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not valid JSON ({exc.msg})") from exc
        missing = [f for f in FIELDS if f not in row]
        if missing:
            raise GoldError(f"{where}: missing field(s) {', '.join(missing)}")
        if row["channel"] not in CHANNELS:
            raise GoldError(f"{where}: unknown channel '{row['channel']}'")
        if row["kind"] not in KINDS:
            raise GoldError(f"{where}: unknown kind '{row['kind']}'")
        if (row["kind"] == "out_of_scope") != (not row["gold"]):
            raise GoldError(f"{where}: gold must be empty exactly for out_of_scope questions")
        if row["id"] in seen:
            raise GoldError(f"{where}: duplicate id '{row['id']}'")
        seen.add(row["id"])
        questions.append(GoldQuestion(id=row["id"], question=row["question"], channel=row["channel"],
                                      gold=tuple(row["gold"]), answer_must_contain=tuple(row["answer_must_contain"]),
                                      kind=row["kind"]))
    return questions
