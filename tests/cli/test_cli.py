"""The command line as an operator uses it: exit codes and exact summaries."""

from __future__ import annotations

from click.testing import CliRunner

from cli.main import main
from tests.conftest import SMALL_KB


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_lint_ok_and_with_errors(small_kb):
    ok = run("lint", "--kb", str(small_kb))
    assert ok.exit_code == 0
    assert "3 artikelen geladen, 0 fouten" in ok.output
    (small_kb / "kapot.md").write_text("---\nid: kapot\ntitle: [\n---\n## A\nb\n", encoding="utf-8")
    bad = run("lint", "--kb", str(small_kb))
    assert bad.exit_code == 1
    assert "kapot.md:3: error: de front matter is geen geldige YAML" in bad.output
    assert "3 artikelen geladen, 1 fouten" in bad.output


def test_ingest_is_incremental_and_says_so(small_kb, tmp_path):
    args = ("ingest", "--kb", str(small_kb), "--data", str(tmp_path / "data"), "--no-progress")
    first = run(*args)
    assert first.exit_code == 0
    assert "3 nieuw, 0 gewijzigd, 0 verwijderd, 0 ongewijzigd; 6 stukken ge-embed uit 3 artikelen." in first.output
    second = run(*args)
    assert "Niets veranderd: 3 artikelen ongewijzigd, 0 opnieuw ge-embed." in second.output
    (small_kb / "grofvuil.md").write_text(SMALL_KB["grofvuil"].replace("€ 25", "€ 30"), encoding="utf-8")
    third = run(*args)
    assert "0 nieuw, 1 gewijzigd, 0 verwijderd, 2 ongewijzigd; 2 stukken ge-embed uit 1 artikelen." in third.output


def test_a_broken_edit_keeps_the_last_good_version_indexed(small_kb, tmp_path):
    args = ("ingest", "--kb", str(small_kb), "--data", str(tmp_path / "data"), "--no-progress")
    run(*args)
    (small_kb / "grofvuil.md").write_text("---\nid: grofvuil\ntitle: [kapot\n---\n", encoding="utf-8")
    result = run(*args)
    assert result.exit_code == 1  # an error, never "Niets veranderd" alone
    assert "Artikelen: Fout: 1 probleem/problemen in de artikelen; niet bijgewerkt: grofvuil." in result.output
    assert "vorige versie blijft in gebruik" in result.output
    assert "grofvuil.md:3" in result.output
    found = run("search", "matras ophalen", "--data", str(tmp_path / "data"))
    assert "grofvuil / " in found.output


def test_a_missing_or_empty_kb_folder_is_refused_and_nothing_is_deleted(small_kb, tmp_path):
    data = str(tmp_path / "data")
    run("ingest", "--kb", str(small_kb), "--data", data, "--no-progress")
    missing = run("ingest", "--kb", str(tmp_path / "bestaat-niet"), "--data", data, "--no-progress")
    assert missing.exit_code == 1 and "bestaat niet. Er is niets uit de index verwijderd." in missing.output
    (tmp_path / "leeg").mkdir()
    empty = run("ingest", "--kb", str(tmp_path / "leeg"), "--data", data, "--no-progress")
    assert empty.exit_code == 1 and "bevat geen artikelen" in empty.output
    assert "grofvuil / " in run("search", "matras ophalen", "--data", data).output


def test_a_run_that_would_remove_most_of_the_index_needs_allow_removal(small_kb, tmp_path):
    data = str(tmp_path / "data")
    run("ingest", "--kb", str(small_kb), "--data", data, "--no-progress")
    (small_kb / "grofvuil.md").unlink()
    (small_kb / "paspoort.md").unlink()
    refused = run("ingest", "--kb", str(small_kb), "--data", data, "--no-progress")
    assert refused.exit_code == 1 and "zou 2 van de 3 artikelen uit de index verwijderen" in refused.output
    assert "grofvuil / " in run("search", "matras ophalen", "--data", data).output
    allowed = run("ingest", "--kb", str(small_kb), "--data", data, "--no-progress", "--allow-removal")
    assert allowed.exit_code == 0 and "2 verwijderd" in allowed.output


def test_search_hides_internal_text_unless_agent(small_kb, tmp_path):
    data = str(tmp_path / "data")
    run("ingest", "--kb", str(small_kb), "--data", data, "--no-progress")
    public = run("search", "toestel vergunningen doorverbinden", "--data", data)
    assert "[intern]" not in public.output and "doorverbindlijst" not in public.output
    agent = run("search", "toestel vergunningen doorverbinden", "--data", data, "--agent")
    assert "1. doorverbindlijst / Teams [intern]" in agent.output


def test_an_invalid_setting_is_named_not_a_traceback(tmp_path):
    result = CliRunner().invoke(main, ["lint", "--kb", str(tmp_path)], env={"KCC_RRF_K": "nul"})
    assert result.exit_code == 1
    assert "Ongeldige instelling: KCC_RRF_K" in result.output
    assert "Traceback" not in result.output
