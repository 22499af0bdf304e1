"""The bench report reads its verdicts off the measurements (figures here are made up: this tests the report)."""

from __future__ import annotations

import json

from eval.bench_report import write_report


def result(size: int, embed: str, per_s: float, p95: float) -> dict:
    return {"size": size, "embed": embed, "startup_s": 1.5, "startup_cold_s": 4.0, "peak_mb": 900.0,
            "median_question_words": 4,
            "ingest": {"articles": size, "chunks": size * 5, "seconds": 10.0, "calibration_s": 2.0,
                       "chunks_per_s": 16.0, "embedder_s": 7.5, "store_s": 0.2, "rest_s": 0.3,
                       "embedded_for_real": size * 5, "peak_mb": 600.0},
            "retrieval": {"p50_ms": 20.0, "p95_ms": 30.0},
            "answer_profile": {"cpu_ms_per_answer": 33.0, "embedder_ms": 24.0, "store_ms": 2.0, "rest_ms": 7.0},
            "compare": {"qdrant_edge": {"p50_ms": 0.5, "p95_ms": 0.7},
                        "bm25s_in_process": {"p50_ms": 0.1, "p95_ms": 0.2, "load_s": 0.0}},
            "http": {"ready_s": 6.0, "answer": {"p50_ms": 25.0, "p95_ms": 60.0}, "repeated": {"p50_ms": 1.5,
                                                                                            "p95_ms": 2.0},
                     "load": [{"clients": 1, "per_s": 30.0, "p50_ms": 30, "p95_ms": 60, "errors": 0, "requests": 90},
                              {"clients": 50, "per_s": per_s, "p50_ms": 900, "p95_ms": p95, "errors": 0,
                               "requests": 500}],
                     "during_reindex": {"reindex_s": 12.0, "reindex_status": 200, "health_max_ms": 40.0,
                                        "answer_max_ms": 90.0, "answers": 30, "answers_unchanged": 30}}}


def test_the_report_has_every_size_and_judges_the_targets_at_the_largest(tmp_path):
    small = result(1000, "all", 48.0, 1400.0)
    small["compare"]["retriever_fused"] = {"p50_ms": 1.7, "p95_ms": 2.9}
    write_report([small, result(50000, "reuse", 61.0, 950.0)], tmp_path,
                 {"questions": 671, "identifiers_ms": 0.031, "full_ms": 0.55})
    text = (tmp_path / "bench.md").read_text(encoding="utf-8")
    assert "| 1,000 |" in text and "| 50,000 |" in text and "Machine:" in text
    targets = {line.split(" | ")[0].strip("| "): line.rsplit(" | ", 1)[1].strip(" |")
               for line in text.splitlines() if line.startswith("| ≥ ") or line.startswith("| single")
               or line.startswith("| a repeated") or line.startswith("| /health") or line.startswith("| API")
               or line.startswith("| ingest")}
    assert targets["≥ 60 answers/s at 50 concurrent clients, 0 errors, p95 ≤ 1 s"] == "yes"  # 61/s, 950 ms
    assert targets["single-client /v1/answer p50 ≤ 20 ms"] == "**no**"
    assert targets["/health and answers during a re-index ≤ 100 ms, unchanged"] == "yes"
    assert "16.0 chunks/s at 1,000 articles" in text  # ingest is judged on the largest size embedded for real
    assert "not run" in text  # no local-mode figures at 50,000
    assert "| 1,000 | 0.5 / 0.7 | 1.7 / 2.9 |" in text and "| 50,000 | 0.5 / 0.7 | not measured |" in text
    assert json.loads((tmp_path / "bench.json").read_text())[1]["size"] == 50000
    assert (tmp_path / "bench.png").stat().st_size > 0
    assert "over the 671 gold questions" in text and "| 0.031 | 0.55 |" in text


def test_the_masking_cost_is_measured_per_question():
    from eval.bench import gold_questions, masking_cost

    questions = gold_questions()
    assert len(questions) >= 600 and any("?" in q for q in questions)
    figures = masking_cost(questions[:30], rounds=1)
    assert figures["questions"] == 30 and figures["identifiers_ms"] > 0 and figures["full_ms"] > 0
