"""The process the crash-safety test kills: one real re-index (``Runtime.ingest``) of ``kb_dir`` into the
embedded index in ``data_dir``, which sends itself SIGKILL at the named step. No cleanup handler, no flush, no
``finally`` runs after a SIGKILL: the index is left exactly as a power cut or an OOM kill would leave it.

Usage: ``python tests/ingest/crash_child.py DATA_DIR KB_DIR STEP [incremental]``; exit code 3 means the step was
never reached. ``incremental``: the new KB version is built from the previous snapshot plus the touched articles
however many were touched (the path a re-index of a few articles in a big KB takes).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ingest.stores.edge import EdgeStore  # noqa: E402
from kcc.runtime import Runtime  # noqa: E402
from kcc.settings import Settings  # noqa: E402


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def partial_delete(store: EdgeStore, article_id: str, keep_hash: str | None) -> None:
    """Delete one section of the versions a delete would remove, then die: a delete cut off halfway."""
    import qdrant_edge as qe

    must = [qe.FieldCondition(key="meta.article_id", match=qe.MatchValue(article_id)),
            qe.FieldCondition(key="meta.section_index", match=qe.MatchValue(0))]
    must_not = [qe.FieldCondition(key="meta.article_hash", match=qe.MatchValue(keep_hash))] if keep_hash else []
    store._shard.update(qe.UpdateOperation.delete_points_by_filter(qe.Filter(must=must, must_not=must_not)))
    die()


def arm(runtime: Runtime, step: str) -> None:
    """Wrap the real operation of ``step`` so the process dies there."""
    store = runtime.store
    write, optimize = store.write, store.optimize
    if step == "before_write":
        store.write = lambda documents: die()
    elif step == "after_first_write":
        def write_then_die(documents):
            write(documents)
            die()
        store.write = write_then_die
    elif step == "before_delete":
        store.delete_article_versions = lambda article_id, keep_hash: die()
    elif step == "during_delete":
        store.delete_article_versions = lambda article_id, keep_hash: partial_delete(store, article_id, keep_hash)
    elif step == "during_optimize":
        def optimize_and_die():
            threading.Thread(target=lambda: (time.sleep(0.002), die()), daemon=True).start()
            optimize()
            die()
        store.optimize = optimize_and_die
    elif step == "before_calibrate":
        runtime.calibrate = lambda *args, **kwargs: die()
    elif step == "before_cleanup":
        runtime.indexer.cleanup = lambda report: die() if report.stale else None
    else:
        raise SystemExit(f"unknown step {step}")


def main(data_dir: str, kb_dir: str, step: str, path: str = "") -> None:
    if path == "incremental":
        import kcc.runtime

        kcc.runtime.REREAD_SHARE = 0
    runtime = Runtime(Settings(kb_dir=Path(kb_dir), data_dir=Path(data_dir), qdrant_url=None,
                               max_removal_share=1.0))
    arm(runtime, step)
    runtime.ingest()
    sys.exit(3)


if __name__ == "__main__":
    main(*sys.argv[1:5])
