"""No full garbage collection while a re-index or publication builds a new KB version beside the one answering.

CPython's cyclic collector stops every thread while it walks all tracked objects; with a KB version of 10,000
articles in memory (and a second one being built) one full collection took 100-350 ms, and a re-index caused
about eight, so ``/health`` and answers stalled for that long meanwhile (measured in ``kcc bench``). Almost
everything a re-index makes is freed by reference counting (about 600 objects in cycles at 10,000 articles),
so the collector is paused for the run and, at its end, everything alive (the new KB version) is moved to
the permanent generation (:func:`gc.freeze`): later collections no longer walk it. Nested and concurrent runs
share one pause; the collector runs again when the last one ends.

Example::

    with collection_paused():
        runtime.ingest()
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
_was_enabled = True


@contextmanager
def collection_paused() -> Iterator[None]:
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.freeze()
                if _was_enabled:
                    gc.enable()


def settle() -> None:
    """Move what is alive now (a KB version just loaded or swapped in) out of the collector's way; within a
    pause, its end does this."""
    with _lock:
        if _running == 0:
            gc.freeze()
