"""deduce (Dutch de-identification), loaded once per process, lazily and from several threads at once.

deduce keeps its lists in its wheel; the first load in an install builds lookup structures from them and
caches those (about a minute, an 80 MB pickle); later loads read the cache (2-4 s here) and hold about 1.1 GB.
The cache is written whole or not at all, and processes that load at the same time wait for the first to write it.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kcc.gc_pause import collection_paused
from kcc.privacy.context import country_names

if TYPE_CHECKING:
    import deduce

log = logging.getLogger("kcc.privacy")
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


_BUILDING = "kcc-building-"


def _cache_path(package_dir: Path, version: str) -> Path:
    """deduce caches next to its lists; where the install is read-only, a folder in the temp directory."""
    if os.access(package_dir / "cache", os.W_OK):
        return package_dir
    return Path(tempfile.gettempdir()) / f"kcc-deduce-{version}"


def _deduce(module: Any, cache: Path) -> Any:
    """deduce from its cache; else built, and the cache written whole or not at all: deduce writes it in place,
    and a process stopped halfway (a server stopped in its first minute) would leave a cache that never loads."""
    target = cache / "cache" / "lookup_structs.pickle"
    # what a build killed halfway left (a server stopped in its first minute): no build runs now (_one_builder)
    for stale in target.parent.glob(f"{_BUILDING}*") if target.parent.is_dir() else ():
        shutil.rmtree(stale, ignore_errors=True)
    if target.exists():
        try:
            return module.Deduce(cache_path=cache)
        except Exception as exc:  # noqa: BLE001 - a broken cache is rebuilt, whatever broke it
            log.warning("deduce's cache %s does not load (%s): building it again", target, exc)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=_BUILDING) as building:
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
            # millions of small objects: collections during the load only cost time, and afterwards they are
            # out of the collector's view for good (a full collection over them would hold every thread)
            with collection_paused(), _one_builder(module.__version__):
                model = _deduce(module, _cache_path(lookup, module.__version__))
            country_names()  # phonenumbers' region names (0.2 s): not in the first text's time either
            _model = model
            log.info("deduce %s loaded in %.1f s", module.__version__, time.perf_counter() - started)
    return _model


def loaded() -> bool:
    return _model is not None
