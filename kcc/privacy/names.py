"""Names and street addresses, found by deduce (Dutch de-identification: lookup lists of Dutch first names,
surnames and streets, with the patterns around them), loaded once, lazily.

deduce keeps its lists in its wheel; the first load in an install builds lookup structures from them and
caches those (about a minute, an 80 MB pickle); later loads read the cache (2-4 s here) and hold about 1.1 GB.
Only the processors for names and street addresses run: BSNs, phone numbers and the like are found with
their checksums and formats (``kcc.privacy.identifiers``), and place names are what questions are about.
"""

from __future__ import annotations

import gc
import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcc.privacy.cues import Cues
from kcc.privacy.identifiers import Span

if TYPE_CHECKING:
    import deduce

log = logging.getLogger("kcc.privacy")

_NAMES = {"names", "prefix_with_initial", "prefix_with_interfix", "prefix_with_name", "interfix_with_name",
          "initial_with_name", "initial_interfix", "first_name_lookup", "surname_lookup", "name_context",
          "eponymous_disease", "person_annotation_converter"}  # not patient_name: it needs the patient's name
_AFTER = {"post_processing", "overlap_resolver"}
# As written, where capitals say what a name is. Place names and streets are found only to be left alone:
# "Eindhoven" is a town here, not a surname; "Burgemeester de Withstraat" without a number names no one.
AS_WRITTEN = frozenset(_NAMES | _AFTER | {"merge_adjacent_annotations", "locations", "placename", "street_pattern",
                                         "street_lookup", "housenumber"})
# The next two run on the text with every word capitalised, for notes typed in lower case: street addresses
# ("verhuisd naar stationssingel 21b") ...
STREETS = frozenset(_AFTER | {"locations", "street_pattern", "street_lookup", "housenumber", "remove_street_tags"})
# ... and names from the lists and titles only ("tb piet jansen", "mw de groot"), every part of them: with every
# word capitalised, "looks like a name" says nothing any more, so two parts must say it (``_listed_names``)
LISTED = frozenset({"names", "first_name_lookup", "surname_lookup", "interfix_with_name", "prefix_with_initial",
                    "prefix_with_name", "prefix_with_interfix", "initial_with_name", "initial_interfix"})
_lock = threading.Lock()
_model: deduce.Deduce | None = None


def _import_deduce() -> Any:
    root = logging.getLogger()
    guard = logging.NullHandler()
    # deduce calls logging.basicConfig(level=DEBUG, stream=stdout) when imported: with a handler on the root
    # logger that does nothing, and every library's debug lines stay out of the service's output
    root.addHandler(guard)
    try:
        import deduce
    finally:
        root.removeHandler(guard)
    return deduce


def _cache_path(package_dir: Path, version: str) -> Path:
    """deduce caches next to its lists; where the install is read-only, a folder in the temp directory."""
    if os.access(package_dir / "cache", os.W_OK):
        return package_dir
    return Path(tempfile.gettempdir()) / f"kcc-deduce-{version}"


def _deduce(module: Any, cache: Path) -> Any:
    """deduce from its cache; else built, and the cache written whole or not at all: deduce writes it in place,
    and a process stopped halfway (a server stopped in its first minute) would leave a cache that never loads."""
    target = cache / "cache" / "lookup_structs.pickle"
    if target.exists():
        try:
            return module.Deduce(cache_path=cache)
        except Exception as exc:  # noqa: BLE001 - a broken cache is rebuilt, whatever broke it
            log.warning("deduce's cache %s does not load (%s): building it again", target, exc)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as building:
        model = module.Deduce(cache_path=Path(building), build_lookup_structs=True)
        os.replace(Path(building) / "cache" / target.name, target)
    return model


@contextmanager
def _one_builder(version: str) -> Iterator[None]:
    """Processes (API workers, test runs) that load at the same time wait for the first to write the cache,
    instead of reading a half-written one."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock
        yield
        return
    with open(Path(tempfile.gettempdir()) / f"kcc-deduce-{version}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def load() -> deduce.Deduce:
    """The deduce model, loaded at the first call; safe to call from several threads at once."""
    global _model
    if _model is not None:
        return _model
    with _lock:
        if _model is None:
            started = time.perf_counter()
            module = _import_deduce()
            lookup = Path(module.__file__).parent / "data" / "lookup"
            gc_was_enabled = gc.isenabled()
            gc.disable()  # millions of small objects: collections during the load only cost time
            try:
                with _one_builder(module.__version__):
                    model = _deduce(module, _cache_path(lookup, module.__version__))
            finally:
                if gc_was_enabled:
                    gc.enable()
            # out of the collector's view for good: a full collection over them would hold every thread
            gc.freeze()
            _model = model
            log.info("deduce %s loaded in %.1f s", module.__version__, time.perf_counter() - started)
    return _model


def loaded() -> bool:
    return _model is not None


@cache
def _words(model: Any, name: str) -> frozenset[str]:
    """A lookup list of deduce in lower case ("dhr.", "mevrouw"; "van", "de")."""
    return frozenset(item.lower() for item in model.lookup_structs[name].items())


def _trim(text: str, start: int, end: int, prefixes: frozenset[str], interfixes: frozenset[str],
          not_names: frozenset[str] = frozenset()) -> tuple[int, int, bool]:
    """Without a title in front ("mevrouw", "dhr.") or a dangling "van de" or team behind ("Jansen van
    Burgerzaken"), and without the spaces around: "mevrouw [naam] van Burgerzaken" still says who the question was
    about, not who it was. The third value: whether a title was there."""
    words = list(re.finditer(r"\S+", text[start:end]))
    count = len(words)
    while len(words) > 1 and words[0].group().lower() in prefixes | not_names:
        words.pop(0)
    if len(words) > 2 and f"{words[0].group()} {words[1].group()}".lower() in prefixes:  # "de heer"
        del words[:2]
    titled = len(words) < count
    while len(words) > 1 and words[-1].group().lower().strip(",.") in not_names | interfixes:
        words.pop()
    return start + words[0].start(), start + words[-1].end(), titled


def _starts_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'(“‘")
    return not before or before[-1] in ".!?:;\n"


def _capitalised(text: str) -> str:
    """Every word's first letter in capitals, each character kept in its place (so spans stay valid)."""
    return re.sub(r"(?<![^\W\d_])[^\W\d_]",
                  lambda m: m.group().upper() if len(m.group().upper()) == 1 else m.group(), text)


def _addition(text: str, end: int, cues: Cues) -> int:
    """The end of an address with what is written after its house number ("45-1", "14 bis", "56 3 hoog")."""
    while match := cues.house_addition.match(text, end):
        end = match.end()
    return end


def _annotations(model: Any, text: str, enabled: frozenset[str]) -> list[tuple[str, int, int]]:
    doc = model.deidentify(text, enabled=set(enabled))
    return [(a.tag, int(a.start_char), int(a.end_char)) for a in doc.annotations if a.text.strip()]


def _listed_names(text: str, annotations: list[tuple[str, int, int]], interfixes: frozenset[str],
                  whitelist: frozenset[str]) -> list[tuple[int, int]]:
    """Names where two parts say it is one: a title or an initial with a name ("mw de groot", "p.vermeulen"), or
    a first name followed by a surname ("piet jansen"). Parts are next to each other, or joined by a hyphen, an
    interfix ("el", "van der") or a short particle with a hyphen ("Al-Hassan"). One word from the lists is not
    enough: "wil", "ben" and "roos" are first names too; and a part that deduce's whitelist holds ("man", "wil")
    is no part."""
    names = []
    group: list[tuple[int, int, str]] = []
    for start, end, tag in sorted((s, e, t) for t, s, e in annotations) + [(len(text) + 1, len(text) + 1, "")]:
        if group:
            gap = text[max(e for _, e, _ in group):start] if start > max(e for _, e, _ in group) else ""
            words = [w for w in re.split(r"[\s-]+", gap.lower()) if w]
            joined = start <= len(text) and all(w in interfixes or (len(w) <= 3 and gap.rstrip().endswith("-"))
                                                for w in words) and "\n" not in gap and "," not in gap
            if joined:
                group.append((start, end, tag))
                continue
            tags = [(s, t) for s, e, t in group if t.split("+")[0] not in ("voornaam", "achternaam", "interfix")
                    or text[s:e].lower() not in whitelist]
            # an initial is a letter with a full stop: "t", "m'n", "'s" and "a" are words
            titled = any(t.startswith("prefix") or (t.startswith("initiaal") and re.match(r"[^\W\d_]\.", text[s:]))
                         for s, t in tags)
            first_last = any(t == "voornaam" and any(s2 > s and t2.endswith("achternaam") for s2, t2 in tags)
                             for s, t in tags)
            if titled or first_last:
                names.append((group[0][0], max(e for _, e, _ in group)))
        group = [(start, end, tag)]
    return names


def find_names_and_addresses(text: str, cues: Cues) -> list[Span]:
    """Spans of person names ("name") and street addresses with a house number ("address") in ``text``.

    One word from the name lists at the start of a sentence, without a title, is taken for a word: there its
    capital says nothing, and first names are words too ("Kost het iets?", "Can I ...", "Mark de plek").
    """
    model = load()
    prefixes, interfixes = _words(model, "prefix"), _words(model, "interfix")
    capitalised = _capitalised(text)
    written = _annotations(model, text, AS_WRITTEN)
    # addresses as deduce finds them where capitals say so; in lower case, a street must look like one
    # ("stationssingel 21b", not "eerst 4 weken")
    addresses = [(s, e) for tag, s, e in written if tag.startswith("straat+huisnummer")]
    addresses += [(s, e) for tag, s, e in _annotations(model, capitalised, STREETS)
                  if tag.startswith("straat+huisnummer") and cues.street.search(re.split(r"\s+\d", text[s:e])[0])]
    spans = [Span(start, _addition(text, end, cues), "address") for start, end in addresses]
    streets = [(s, e) for tag, s, e in written if tag == "straat" and cues.street.search(text[s:e])]
    names = [(s, e) for tag, s, e in written if tag == "persoon"]
    names += _listed_names(text, _annotations(model, capitalised, LISTED), interfixes, _words(model, "whitelist"))
    for start, end in names:
        if any(s < end and start < e for s, e in streets):
            continue  # part of a street's name ("Burgemeester de Withstraat")
        start, end, titled = _trim(text, start, end, prefixes, interfixes, cues.not_names)
        if text[start:end].lower() in prefixes | cues.not_names:
            # a title alone: part of the street after it ("Ds. Kuypersingel 112"), or no name at all
            spans += [Span(start, a.end, "address") for a in spans if a.kind == "address" and a.start >= end
                      and not text[end:a.start].strip()]
            continue
        if not titled and not re.search(r"[\s.]", text[start:end]) and _starts_sentence(text, start):
            continue
        spans.append(Span(start, end, "name"))
    return spans
