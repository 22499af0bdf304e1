"""Evaluation runs: one configuration, several side by side (``--compare``), and the regression guard."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from eval.clients import InProcessClient
from eval.gold import GoldQuestion
from eval.leaks import internal_fragments
from eval.runner import EvalReport, run_gold
from kb.loader import load_kb
from kcc.answer import AnswerService
from kcc.runtime import Runtime
from kcc.settings import Settings

# name -> settings that differ from the defaults; each embedder is indexed once per run
COMPARE_CONFIGS: dict[str, dict] = {
    "hybrid (default)": {},
    "bm25-only": {"retrieval_mode": "sparse"},
    "dense-only": {"retrieval_mode": "dense"},
    "hybrid, no section selection": {"section_aware": False},
    "hybrid, rrf fusion (k=10)": {"fusion": "rrf"},
    "hybrid, rrf k=2, dense weight 2": {"fusion": "rrf", "rrf_k": 2, "dense_weight": 2.0},
    "hybrid, use-m3": {"embedder": "use-m3"},
    "hybrid, chunks of 120 words": {"chunk_words": 120},
    "hybrid, chunks of 400 words": {"chunk_words": 400},
}
INDEX_SETTINGS = ("embedder", "chunk_words", "bm25_language")  # settings that need their own index
HIGHER_IS_BETTER = ("answer_hit1", "hit1", "hit5", "mrr", "fact_accuracy", "oos_refused", "consistency")
LOWER_IS_BETTER = ("answerable_refused", "extra_article")


def service_for(runtime: Runtime, settings: Settings) -> AnswerService:
    """An answer service with other retrieval settings on an already open index."""
    return runtime.answer_service(settings)


def evaluate(base: Settings, questions: Sequence[GoldQuestion], configs: dict[str, dict], *,
             temporary_index: bool, consistency: bool = True) -> list[EvalReport]:
    """Evaluate each configuration in-process; a temporary index per embedder when ``temporary_index``."""
    fragments = internal_fragments(load_kb(base.kb_dir).articles)
    reports = []
    with ExitStack() as stack:
        runtimes: dict[tuple, Runtime] = {}
        for name, overrides in configs.items():
            settings = base.model_copy(update=overrides)
            key = tuple(getattr(settings, k) for k in INDEX_SETTINGS)
            if key not in runtimes:
                index_settings = settings
                if temporary_index or key != tuple(getattr(base, k) for k in INDEX_SETTINGS):
                    data = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kcc-eval-")))
                    index_settings = settings.model_copy(update={"data_dir": data, "qdrant_url": None})
                runtime = stack.enter_context(Runtime(index_settings))
                runtime.ingest()
                runtimes[key] = runtime
            client = InProcessClient(service_for(runtimes[key], settings))
            reports.append(run_gold(client, questions, fragments, name=name, consistency=consistency))
    return reports


def check_against_baseline(report: EvalReport, baseline_path: Path) -> list[str]:
    """Figures that dropped beyond the baseline's tolerance (empty when all is well)."""
    baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    tolerance = baseline.get("tolerance", 0.02)
    now = report.headline()
    failures = []
    for key, value in baseline["headline"].items():
        if key == "internal_leaks":
            if now[key] > value:
                failures.append(f"internal_leaks {now[key]:.0f} > {value:.0f}")
        elif key in HIGHER_IS_BETTER and now.get(key, 0.0) < value - tolerance:
            failures.append(f"{key} {now.get(key, 0.0):.3f} < baseline {value:.3f} - {tolerance}")
        elif key in LOWER_IS_BETTER and now.get(key, 1.0) > value + tolerance:
            failures.append(f"{key} {now.get(key, 1.0):.3f} > baseline {value:.3f} + {tolerance}")
    return failures


def write_baseline(report: EvalReport, path: Path, tolerance: float | None = None, gold: str = "") -> None:
    """:param tolerance: None keeps the baseline's own (a small set's "one question"), else 0.02."""
    if tolerance is None:
        try:
            tolerance = float(json.loads(path.read_text(encoding="utf-8"))["tolerance"])
        except (OSError, ValueError, KeyError, TypeError):
            tolerance = 0.02
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"gold": gold, "configuration": report.name, "tolerance": tolerance,
            "headline": {k: round(v, 4) for k, v in report.headline().items()}}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
