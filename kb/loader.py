"""Load and validate article files. One bad file gives an error and never stops the others.

Example::

    result = load_kb(Path("kb/articles"))
    for problem in result.errors:
        print(problem)          # "kb/articles/x.md:3: ... Oplossing: ..."
    articles = result.articles  # every article that loaded
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from kb.model import ARTICLE_TYPES, AUDIENCES, Article, Section, is_internal_heading

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
HEADING_PATTERN = re.compile(r"^##\s+(.+?)\s*#*\s*$")
TITLE_PATTERN = re.compile(r"^#\s+(.+?)\s*$")
REQUIRED_FIELDS = ("id", "title", "type", "audience", "owner")
ARTICLE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class Problem:
    """A validation finding with the place it is at and how to fix it (in Dutch: editors read it)."""

    path: Path
    line: int
    message: str
    fix: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.severity}: {self.message}"
        return f"{text} Oplossing: {self.fix}" if self.fix else text


class ArticleError(Exception):
    """An article that cannot be loaded; carries its problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


# libyaml's safe loader when the wheel has it (Linux, macOS): 10x faster on a 50,000-article KB. Its error marks
# differ, so a file it refuses is parsed again by PyYAML's own loader, whose marks point where the editor looks.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ArticleError(
            [Problem(path, line, f"het bestand is geen geldige UTF-8 (byte {exc.start}).",
                     "sla het bestand op als UTF-8.")]
        ) from exc


def _split_front_matter(path: Path, text: str) -> tuple[str, str, int]:
    """Return (front matter, body, line number where the body starts)."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ArticleError([Problem(path, 1, "de front matter ontbreekt.",
                                    "begin het bestand met '---', de velden, en weer '---'.")])
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return "\n".join(lines[1:number - 1]), "\n".join(lines[number:]), number + 1
    raise ArticleError([Problem(path, 1, "de front matter wordt niet afgesloten.",
                                "sluit de velden af met een regel '---'.")])


def _key_line(front: str, key: str) -> int:
    for number, line in enumerate(front.splitlines(), start=2):
        if re.match(rf"^{re.escape(key)}\s*:", line):
            return number
    return 1


def _parse_yaml(path: Path, front: str) -> dict:
    try:
        try:
            meta = yaml.load(front, Loader=FAST_LOADER) if front.strip() else {}
        except yaml.YAMLError:
            meta = yaml.safe_load(front)  # raises again, with PyYAML's marks
    except yaml.YAMLError as exc:
        # an unclosed bracket or quote is reported where it opened, which is where the editor must look
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise ArticleError([Problem(path, line, f"de front matter is geen geldige YAML ({reason}).",
                                    "controleer dubbele punten, aanhalingstekens en inspringing.")]) from exc
    if not isinstance(meta, dict):
        raise ArticleError([Problem(path, 2, "de front matter moet velden bevatten ('naam: waarde').",
                                    "zet elk veld op een eigen regel.")])
    return meta


def _parse_sections(path: Path, title: str, body: str, first_line: int) -> tuple[list[Section], list[Problem]]:
    sections: list[Section] = []
    warnings: list[Problem] = []
    heading: str | None = None
    start = first_line
    buffer: list[str] = []

    def close() -> None:
        text = "\n".join(buffer).strip()
        if heading is None:
            if text:
                sections.append(Section("Inleiding", text, start, False))
            return
        if not text:
            warnings.append(Problem(path, start, f"sectie '{heading}' is leeg.",
                                    "schrijf tekst onder de kop of haal de kop weg.", "warning"))
            return
        sections.append(Section(heading, text, start, is_internal_heading(heading)))

    for number, line in enumerate(body.splitlines(), start=first_line):
        match = HEADING_PATTERN.match(line)
        title_match = TITLE_PATTERN.match(line)
        if match:
            close()
            heading, start, buffer = match.group(1), number, []
        elif title_match and heading is None and not "".join(buffer).strip():
            continue  # an optional "# Title" line at the top repeats the title
        else:
            buffer.append(line)
    close()
    return sections, warnings


def _as_date(path: Path, front: str, value: object) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ArticleError([Problem(path, _key_line(front, "reviewed"), f"'reviewed: {value}' is geen datum.",
                                    "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-01.")]) from exc


def load_article(path: Path) -> tuple[Article, list[Problem]]:
    """Parse one article file. Raises :class:`ArticleError`; returns the article and its warnings."""
    return parse_article(path, _read_text(path))


def parse_article(path: Path, text: str) -> tuple[Article, list[Problem]]:
    """Parse an article's text as if it were the file ``path`` (an editor's edit, checked before it is saved).
    Raises :class:`ArticleError`; returns the article and its warnings."""
    text = text.removeprefix("\ufeff")
    front, body, body_line = _split_front_matter(path, text)
    meta = _parse_yaml(path, front)
    problems: list[Problem] = []
    for key in REQUIRED_FIELDS:
        value = meta.get(key)
        if value is None or not str(value).strip():
            problems.append(Problem(path, _key_line(front, key), f"het verplichte veld '{key}' ontbreekt of is leeg.",
                                    f"voeg '{key}: ...' toe aan de front matter."))
    if problems:
        raise ArticleError(problems)
    article_id = str(meta["id"]).strip()
    if not ID_PATTERN.match(article_id):
        problems.append(Problem(path, _key_line(front, "id"), f"id '{article_id}' is geen geldige slug.",
                                "gebruik kleine letters, cijfers en streepjes, bijvoorbeeld 'paspoort-aanvragen'."))
    audience = str(meta["audience"]).strip()
    if audience not in AUDIENCES:
        problems.append(Problem(path, _key_line(front, "audience"), f"onbekende audience '{audience}'.",
                                f"kies een van: {', '.join(AUDIENCES)}."))
    article_type = str(meta["type"]).strip()
    if article_type not in ARTICLE_TYPES:
        problems.append(Problem(path, _key_line(front, "type"), f"onbekend type '{article_type}'.",
                                f"kies een van: {', '.join(ARTICLE_TYPES)}."))
    keywords = meta.get("keywords") or []
    if isinstance(keywords, str):
        keywords = [k.strip() for k in keywords.split(",") if k.strip()]
    if not isinstance(keywords, list):
        problems.append(Problem(path, _key_line(front, "keywords"), "keywords moet een lijst zijn.",
                                "schrijf bijvoorbeeld 'keywords: [paspoort, reisdocument]'."))
        keywords = []
    questions = meta.get("vragen") or []
    if not isinstance(questions, list) or not all(isinstance(q, str | int | float) for q in questions):
        problems.append(Problem(path, _key_line(front, "vragen"), "vragen moet een lijst van vragen zijn.",
                                "schrijf elke vraag op een eigen regel die begint met '  - '."))
        questions = []
    reviewed = meta.get("reviewed")
    if reviewed is not None:
        try:
            reviewed = _as_date(path, front, reviewed)
        except ArticleError as exc:
            problems.extend(exc.problems)
    title = str(meta["title"]).strip()
    sections, warnings = _parse_sections(path, title, body, body_line)
    if not sections:
        problems.append(Problem(path, body_line, "het artikel heeft geen tekst.",
                                "schrijf minstens één sectie, bijvoorbeeld '## Wat is het?' met tekst eronder."))
    if problems:
        raise ArticleError(problems)
    if path.stem != article_id:
        warnings.append(Problem(path, _key_line(front, "id"), f"id '{article_id}' wijkt af van de bestandsnaam.",
                                f"noem het bestand '{article_id}.md'.", "warning"))
    if reviewed is None:
        warnings.append(Problem(path, 1, "het veld 'reviewed' ontbreekt.",
                                "zet de datum van de laatste inhoudelijke controle erin.", "warning"))
    known = {"id", "title", "type", "audience", "owner", "upl", "reviewed", "keywords", "url", "referral", "vragen"}
    article = Article(
        id=article_id,
        title=title,
        type=article_type,
        audience=audience,
        owner=str(meta["owner"]).strip(),
        sections=tuple(sections),
        path=path,
        upl=str(meta["upl"]).strip() if meta.get("upl") else None,
        reviewed=reviewed,
        keywords=tuple(str(k).strip() for k in keywords if str(k).strip()),
        url=str(meta["url"]).strip() if meta.get("url") else None,
        referral=str(meta["referral"]).strip() if meta.get("referral") else None,
        extra={k: v for k, v in meta.items() if k not in known},
        questions=tuple(dict.fromkeys(str(q).strip() for q in questions if str(q).strip())),
    )
    return article, warnings


def article_files(kb_dir: Path) -> list[Path]:
    """Every article file under ``kb_dir``, sorted. From the folder listings alone (``os.walk``): a stat call per
    file released and retook the interpreter lock 10,000 times, and an API process answering meanwhile waited."""
    return sorted(Path(folder) / name for folder, _, names in os.walk(kb_dir) for name in names
                  if Path(name).suffix.lower() in ARTICLE_SUFFIXES)


def load_kb(kb_dir: Path) -> LoadResult:
    """Load every article under ``kb_dir``; collect errors per file and go on."""
    result = LoadResult()
    if not kb_dir.is_dir():
        result.errors.append(Problem(kb_dir, 0, "de map met artikelen bestaat niet.",
                                     "zet KCC_KB_DIR op een bestaande map."))
        return result
    seen: dict[str, Path] = {}
    for path in article_files(kb_dir):
        try:
            article, warnings = load_article(path)
        except ArticleError as exc:
            result.errors.extend(exc.problems)
            continue
        except OSError as exc:
            result.errors.append(Problem(path, 0, f"het bestand kan niet worden gelezen ({exc.strerror}).",
                                         "controleer de rechten op het bestand."))
            continue
        if article.id in seen:
            result.errors.append(Problem(path, 2, f"id '{article.id}' staat ook in {seen[article.id]}.",
                                         "geef elk artikel een eigen id."))
            continue
        seen[article.id] = path
        result.articles.append(article)
        result.warnings.extend(warnings)
    return result
