"""``kcc eval`` and ``kcc calibrate``: answer quality measured, and the no-answer decision fitted."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import click

from cli.options import build_settings, data_option, embedder_option, kb_option

BASELINES = Path(__file__).resolve().parent.parent / "eval" / "baselines"
DEFAULT_GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold" / "lindewaard.jsonl"


@click.command("eval")
@click.option("--gold", "gold_file", type=click.Path(path_type=Path, exists=True),
              default=DEFAULT_GOLD,
              show_default="eval/gold/lindewaard.jsonl", help="Gold question set (JSON lines).")
@kb_option
@data_option
@embedder_option
@click.option("--api", "api_url", help="Evaluate a running API by URL instead of in-process.")
@click.option("--agent-key", envvar="KCC_AGENT_API_KEY", help="Agent key for --api (internal questions).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("eval/reports"), show_default=True)
@click.option("--compare", is_flag=True, help="Run BM25-only, dense-only, hybrid and other set-ups side by side.")
@click.option("--check", is_flag=True,
              help="Fail when a headline figure drops below the gold set's baseline (eval/baselines/<gold>.json).")
@click.option("--write-baseline", is_flag=True, help="Store this run's headline figures as the new baseline.")
@click.option("--consistency/--no-consistency", default=True, help="Ask every question on all five channels.")
@click.option("--variants", is_flag=True, help="Also measure the question-variant loop's hit@1 lift: half of each "
                                               "article's questions fed as resolved contacts, the other half asked.")
@click.option("--variants-from", "variants_from", type=click.Path(path_type=Path, exists=True),
              help="With --variants: feed this whole gold set as resolved contacts and ask all of --gold.")
def eval_command(gold_file: Path, kb_dir: Path | None, data_dir: Path | None, embedder: str | None,
                 api_url: str | None, agent_key: str | None, out: Path, compare: bool, check: bool,
                 write_baseline: bool, consistency: bool, variants: bool, variants_from: Path | None) -> None:
    """Measure answer quality on a gold question set and write JSON, Markdown and PNG charts.

    With --kb the KB is indexed into a temporary data folder; without it the configured index is used.

    Example: kcc eval --kb kb/articles --compare
    """
    from eval import experiment, report
    from eval.gold import GoldError, load_gold

    try:
        questions = load_gold(gold_file)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    settings = build_settings(kb_dir=kb_dir, data_dir=data_dir, embedder=embedder)
    if api_url:
        from eval.clients import HttpClient
        from eval.leaks import internal_fragments
        from eval.runner import run_gold
        from kb.loader import load_kb

        reports = [run_gold(HttpClient(api_url, agent_key), questions,
                            internal_fragments(load_kb(settings.kb_dir).articles), name=api_url,
                            consistency=consistency)]
    else:
        configs = experiment.COMPARE_CONFIGS if compare else {"hybrid (default)": {}}
        reports = experiment.evaluate(settings, questions, configs, temporary_index=kb_dir is not None,
                                      consistency=consistency)
    for run in reports:
        folder = out / re.sub(r"[^a-z0-9]+", "-", run.name.lower()).strip("-")
        report.write_report(run, folder)
        click.echo(f"{run.name}: {json.dumps({k: round(v, 3) for k, v in run.headline().items()})}  -> {folder}")
    if len(reports) > 1:
        (out / "compare.md").write_text(report.comparison_markdown(reports), encoding="utf-8")
        report.comparison_chart(reports, out)
        click.echo(report.comparison_markdown(reports))
    if variants:
        import tempfile

        from eval.variants import measure_lift

        try:
            feed = load_gold(variants_from) if variants_from else None
        except GoldError as exc:
            raise click.ClickException(str(exc)) from exc
        with tempfile.TemporaryDirectory(prefix="kcc-variants-") as work:
            lift = measure_lift(settings, questions, Path(work), feed=feed)
        out.mkdir(parents=True, exist_ok=True)
        (out / "variants.md").write_text(lift.markdown(gold_file.stem), encoding="utf-8")
        (out / "variants.json").write_text(json.dumps(dataclasses.asdict(lift), indent=2), encoding="utf-8")
        click.echo(lift.markdown(gold_file.stem))
    baseline = BASELINES / f"{gold_file.stem}.json"
    if write_baseline:
        experiment.write_baseline(reports[0], baseline, gold=gold_file.name)
        click.echo(f"Baseline geschreven: {baseline}")
    if check:
        if not baseline.is_file():
            raise click.ClickException(f"Geen baseline voor deze vragenset: {baseline}. Maak hem met --write-baseline.")
        failures = experiment.check_against_baseline(reports[0], baseline)
        if failures:
            raise click.ClickException("Kwaliteit gedaald: " + "; ".join(failures))
        click.echo("Geen daling ten opzichte van de baseline.")


@click.command()
@kb_option
@data_option
@embedder_option
@click.option("--gold", "gold_file", type=click.Path(path_type=Path, exists=True),
              help="The municipality's own gold questions (JSON lines) to fit on as well.")
def calibrate(kb_dir: Path | None, data_dir: Path | None, embedder: str | None, gold_file: Path | None) -> None:
    """Fit the no-answer decision on the indexed KB (and your gold questions) and store it beside the index.

    'kcc ingest' does this by itself when the KB changed; run it after changing the out-of-scope examples
    (KCC_OUT_OF_SCOPE_FILE) or to add a gold set. The API reads the result when it starts.

    Example: kcc calibrate --gold eval/gold/lindewaard.jsonl
    """
    from eval.gold import GoldError, load_gold
    from kcc.calibrate import LabelledQuestion
    from kcc.runtime import Runtime

    gold: list[LabelledQuestion] = []
    if gold_file:
        try:
            gold = [LabelledQuestion(q.question, q.answerable) for q in load_gold(gold_file) if q.kind != "internal"]
        except GoldError as exc:
            raise click.ClickException(str(exc)) from exc
    settings = build_settings(kb_dir=kb_dir, data_dir=data_dir, embedder=embedder)
    with Runtime(settings) as runtime:
        view = runtime.view()
        if not view.articles:
            raise click.ClickException("De index is leeg. Indexeer eerst de kennisbank met 'kcc ingest'.")
        calibration = runtime.calibrate(view, gold=gold)
    e = calibration.expected
    click.echo(f"Kalibratie opgeslagen bij de index: drempel {calibration.threshold:.3f} "
               f"({calibration.sizes['positives']} vragen uit de kennisbank, {calibration.sizes['negatives']} "
               f"buiten bereik, {calibration.sizes['gold']} eigen vragen).")
    click.echo(f"Verwacht: {e['full_answerable_refused']:.1%} van de beantwoordbare vragen geweigerd, "
               f"{e['full_out_of_scope_refused']:.1%} van de vragen buiten bereik geweigerd "
               f"(vragen in een andere taal: {e['dense_only_answerable_refused']:.1%} / "
               f"{e['dense_only_out_of_scope_refused']:.1%}).")
    if calibration.second_article is not None:
        click.echo(f"Tweede artikel: een eigen blok vanaf score {calibration.second_article:.3f} "
                   f"({settings.second_article_share:.0%} van de vragen uit de kennisbank).")


@click.command()
@click.option("--sizes", default="1000,10000,50000", show_default=True,
              help="Synthetic KB sizes (articles), comma-separated.")
@click.option("--clients", default="1,10,50", show_default=True, help="Concurrent HTTP clients, comma-separated.")
@click.option("--seconds", default=20.0, show_default=True, help="Duration of each load step.")
@click.option("--questions", default=6000, show_default=True, help="Distinct questions per size (at most).")
@click.option("--embed-all-max", default=1000, show_default=True,
              help="Largest size whose chunks are all embedded for real (larger ones reuse vectors).")
@kb_option
@click.option("--work", type=click.Path(path_type=Path), help="Folder for the synthetic KBs and indexes "
              "(default: a temporary folder, removed afterwards).")
@click.option("--out", type=click.Path(path_type=Path), default=Path("eval/reports/bench"), show_default=True)
def bench(sizes: str, clients: str, seconds: float, questions: int, embed_all_max: int, kb_dir: Path | None,
          work: Path | None, out: Path) -> None:
    """Speed and memory on synthetic KBs: ingest, start-up, retrieval, /v1/answer under load, during a re-index,
    and qdrant-client local mode and bm25s on the same data. Writes bench.md, bench.json and bench.png.

    Example: kcc bench --sizes 1000,10000,50000
    """
    import tempfile

    from eval.bench import run_bench
    from kcc.settings import SAMPLE_KB_DIR

    def numbers(text: str) -> list[int]:
        try:
            values = [int(part) for part in text.split(",") if part.strip()]
        except ValueError:
            values = []
        if not values or min(values) < 1:
            raise click.BadParameter(f"'{text}': geef positieve gehele getallen, gescheiden door komma's.")
        return values

    with tempfile.TemporaryDirectory(prefix="kcc-bench-") as temporary:
        results = run_bench(numbers(sizes), out, work=work or Path(temporary), source=kb_dir or SAMPLE_KB_DIR,
                            clients=numbers(clients), seconds=seconds, embed_all_max=embed_all_max,
                            questions=questions, log=click.echo)
    click.echo(f"Rapport: {out / 'bench.md'} ({len(results)} groottes)")
