"""The ``kcc`` command line. Thin: parse, build settings, call the library, report."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

import click

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")

from cli.backup import backup, restore  # noqa: E402
from cli.contacts import db, demo_data, demo_fill  # noqa: E402
from cli.options import build_settings, data_option, embedder_option, kb_option  # noqa: E402
from cli.quality import bench, calibrate, eval_command  # noqa: E402
from kcc.settings import Settings, with_demo_keys  # noqa: E402


@click.group()
@click.version_option(package_name="kcc-kennisbank")
def main() -> None:
    """KCC Kennisbank: the knowledge base and answer service of the customer contact centre."""


@main.command()
@kb_option
@embedder_option
@click.option("--strict", is_flag=True, help="Also fail on warnings.")
@click.option("--no-embed", "no_embed", is_flag=True,
              help="Skip the embedding-based duplicate check (no embedder needed; words are still compared).")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Check review dates as on this day (YYYY-MM-DD), for a reproducible report. Default: today.")
def lint(kb_dir: Path | None, embedder: str | None, strict: bool, no_embed: bool, today) -> None:
    """Check every article: errors, review dates, taalniveau B1, facts that disagree, duplicates, broken links.

    Prints every finding as 'file:line: severity: message Oplossing: fix', per owner team with a summary line
    for the team. Exits with 1 on an error, and with --strict also on a warning.

    Example: kcc lint --kb kb/articles --no-embed --today 2026-11-01
    """
    from kb.loader import load_kb
    from kcc.editorial.checks import LanguageError, check_kb, load_language_rules, team_summaries

    settings = build_settings(kb_dir=kb_dir, embedder=embedder)
    try:
        # KCC_LANGUAGE_FILE: the municipality's own word lists
        rules = load_language_rules(settings.language_file)
    except LanguageError as exc:
        raise click.ClickException(str(exc)) from exc
    result = load_kb(settings.kb_dir)
    findings = check_kb(result.articles, today=today.date() if today else date.today(),
                        review_months=settings.review_months, language=rules,
                        embedder=None if no_embed else _lint_embedder(settings.embedder))
    owners = {a.path: a.owner for a in result.articles}
    lines: dict[str | None, list[str]] = {}
    for problem in result.errors + result.warnings:
        lines.setdefault(owners.get(problem.path), []).append(str(problem))
    for finding in findings:
        lines.setdefault(finding.owner, []).append(str(finding))
    for line in lines.pop(None, []):  # files that did not load have no owner
        click.echo(line)
    for summary in team_summaries(result.articles, findings):
        click.echo(f"== {summary}")
        for line in lines.get(summary.owner, []):
            click.echo(line)
    errors = len(result.errors) + sum(f.severity == "error" for f in findings)
    warnings = len(result.warnings) + sum(f.severity == "warning" for f in findings)
    click.echo(f"{len(result.articles)} artikelen geladen, {errors} fouten, {warnings} waarschuwingen, "
               f"{sum(f.severity == 'info' for f in findings)} tips.")
    if errors or (strict and warnings):
        raise SystemExit(1)


def _lint_embedder(spec: str):
    """The dense embedder for the duplicate check, or None (with a note) when it cannot be loaded."""
    from ingest.embedders import EmbedderError, make_embedder

    try:
        embedder = make_embedder(spec)
        embedder.warm_up()
    except (EmbedderError, ImportError, OSError) as exc:
        click.echo(f"Let op: dubbele artikelen alleen op woorden vergeleken; de embedder laadt niet ({exc}).", err=True)
        return None
    return embedder


@main.command()
@kb_option
@data_option
@embedder_option
@click.option("--reference", "reference_dirs", multiple=True, type=click.Path(path_type=Path, exists=True),
              help="Folder of reference documents (txt, md, html) to index too; repeatable.")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@click.option("--allow-removal", is_flag=True,
              help="Allow a run that removes more than KCC_MAX_REMOVAL_SHARE of the indexed articles.")
def ingest(kb_dir: Path | None, data_dir: Path | None, embedder: str | None, reference_dirs: tuple[Path, ...],
           progress: bool, allow_removal: bool) -> None:
    """Index the knowledge base into the vector store; only changed articles are re-embedded.

    Exits with 1 when an article has errors (its last good version stays in the index) and refuses, changing
    nothing, a missing or empty KB folder or a run that would remove too much of the index.

    Example: kcc ingest --kb kb/articles --reference ../shared/seeds
    """
    from ingest.pipeline import RemovalRefused
    from kcc.runtime import KbFolderError, Runtime

    settings = build_settings(kb_dir=kb_dir, data_dir=data_dir, embedder=embedder,
                              reference_dirs=list(reference_dirs))
    click.echo(f"Kennisbank: {settings.kb_dir}  index: {settings.qdrant_url or settings.index_dir}  "
               f"embedder: {settings.embedder}")
    with Runtime(settings) as runtime:
        try:
            outcome = runtime.ingest(progress=_progress_bar if progress else None, allow_removal=allow_removal)
        except (KbFolderError, RemovalRefused) as exc:
            raise click.ClickException(str(exc)) from exc
    for problem in outcome.kb.errors + outcome.reference_problems:
        click.echo(str(problem), err=True)
    click.echo(f"Artikelen: {outcome.summary()}")
    if outcome.references and (settings.reference_dirs or outcome.references.removed):
        click.echo(f"Referentiedocumenten: {outcome.references.summary()}")
    if outcome.kb.errors:
        raise click.ClickException(f"{len(outcome.kb.errors)} fout(en) gevonden; die artikelen zijn niet "
                                   "bijgewerkt en hun vorige versie blijft in gebruik. Zie 'kcc lint'.")


def _progress_bar(batches):
    from tqdm import tqdm

    return tqdm(batches, desc="Indexeren", unit="batch")


@main.command()
@click.argument("question")
@data_option
@embedder_option
@click.option("--agent", is_flag=True, help="Search as a KCC agent (internal text included).")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "sparse"]), default="hybrid")
@click.option("--references", is_flag=True, help="Also search reference documents (agents only).")
@click.option("-k", "top_k", default=5, show_default=True, help="Number of sections.")
def search(question: str, data_dir: Path | None, embedder: str | None, agent: bool, mode: str, references: bool,
           top_k: int) -> None:
    """Show the best matching sections for a question.

    Example: kcc search "wat kost een paspoort" --agent
    """
    from kcc.runtime import Runtime

    settings = build_settings(data_dir=data_dir, embedder=embedder)
    with Runtime(settings) as runtime:
        hits = runtime.searcher.search(question, audience="agent" if agent else "public", top_k=top_k, mode=mode,
                                       include_references=references)
    if not hits:
        click.echo("Geen resultaten. Is de kennisbank geïndexeerd ('kcc ingest')?")
    for hit in hits:
        marker = " [referentie]" if hit.source == "reference" else " [intern]" if hit.audience == "internal" else ""
        click.echo(f"{hit.rank}. {hit.article_id} / {hit.section}{marker}  ({hit.score:.3f})")


def _serve(settings: Settings, host: str, port: int, ingest_first: bool) -> None:
    import uvicorn

    from api.app import create_app
    from kcc.runtime import Runtime

    runtime = Runtime(settings)
    try:
        if ingest_first:
            outcome = runtime.ingest(progress=_progress_bar)
            click.echo(f"Artikelen: {outcome.summary()}")
        if settings.demo:
            demo_fill(settings, runtime)
        base = f"http://{host}:{port}"
        click.echo(f"API:        {base}/docs  (OpenAPI: {base}/openapi.json)")
        click.echo(f"Chatpagina: {base}/chat")
        uvicorn.run(create_app(settings, runtime=runtime), host=host, port=port, log_level="info")
    finally:
        runtime.close()


@main.command()
@kb_option
@data_option
@embedder_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--ingest/--no-ingest", "ingest_first", default=False, help="Index changed articles before serving.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="API processes; more than one needs KCC_QDRANT_URL and a PostgreSQL KCC_DATABASE_URL.")
def serve(kb_dir: Path | None, data_dir: Path | None, embedder: str | None, host: str, port: int,
          ingest_first: bool, workers: int) -> None:
    """Serve the answer API and the chat page.

    Example: kcc serve --host 0.0.0.0 --port 8000
    """
    settings = build_settings(kb_dir=kb_dir, data_dir=data_dir, embedder=embedder)
    if workers == 1:
        _serve(settings, host, port, ingest_first)
        return
    _serve_workers(settings, host, port, ingest_first, workers)


def _serve_workers(settings: Settings, host: str, port: int, ingest_first: bool, workers: int) -> None:
    """Several stateless API processes on one Qdrant server and one PostgreSQL contact log: each builds its
    app from the settings (``api.app:app_from_env``); a re-index through any of them reaches all within
    ``KCC_REFRESH_SECONDS`` through the KB version stored in the index."""
    import uvicorn

    if not settings.qdrant_url or settings.qdrant_url == ":memory:":
        raise click.ClickException("Meerdere workers delen één index: zet KCC_QDRANT_URL op een Qdrant-server. De "
                                   "ingebouwde index (Qdrant Edge) is van één proces.")
    if settings.database.startswith("sqlite"):
        raise click.ClickException("Meerdere workers delen het contactlog: zet KCC_DATABASE_URL op een "
                                   "PostgreSQL-database. SQLite is voor één proces.")
    if ingest_first:
        from kcc.runtime import Runtime

        with Runtime(settings) as runtime:
            click.echo(f"Artikelen: {runtime.ingest(progress=_progress_bar).summary()}")
    # the workers read their settings from the environment: hand down what the options changed
    os.environ.update({"KCC_KB_DIR": str(settings.kb_dir), "KCC_DATA_DIR": str(settings.data_dir),
                       "KCC_EMBEDDER": settings.embedder})
    click.echo(f"API:        http://{host}:{port}/docs  ({workers} workers)")
    uvicorn.run("api.app:app_from_env", factory=True, host=host, port=port, workers=workers, log_level="info")


@main.command()
@kb_option
@data_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--console-port", type=int, help="Port of the agent console (KCC_CONSOLE_PORT, 8501).")
def run(kb_dir: Path | None, data_dir: Path | None, host: str, port: int, console_port: int | None) -> None:
    """Demo on the embedded defaults: index the KB, then serve the API, the chat page and the agent console.

    Without KCC_AGENT_API_KEY (KCC_EDITOR_API_KEY) a random agent (editor) key is made for this start and
    printed; the console gets the agent key. The console (Streamlit) runs as a subprocess and stops with the API.

    Example: kcc run
    """
    from ui.launch import start_console, stop_console

    settings, made = with_demo_keys(build_settings(kb_dir=kb_dir, data_dir=data_dir, demo=True,
                                                   console_port=console_port))
    for role, key in made.items():
        click.echo(f"DEMO: {role}-sleutel voor deze start: {key}  (zet KCC_{role.upper()}_API_KEY voor echt gebruik)")
    # the demo's agent key logs the console in; with keys of your own, each agent logs in with theirs
    console = start_console(settings, port=settings.console_port, api_url=f"http://{_local_host(host)}:{port}",
                            agent_key=settings.agent_api_key if "agent" in made else None)
    click.echo(f"Console:    http://127.0.0.1:{settings.console_port}")
    try:
        _serve(settings, host, port, ingest_first=True)
    finally:
        stop_console(console)


@main.command()
@click.option("--port", type=int, help="Port of the console (KCC_CONSOLE_PORT, 8501).")
@click.option("--api-url", help="Base URL of a running API (KCC_API_URL).")
@click.option("--shared-key", is_flag=True, help="Every session uses the first KCC_AGENT_API_KEY (no log-in).")
def console(port: int | None, api_url: str | None, shared_key: bool) -> None:
    """Start the agent console (Streamlit) on 127.0.0.1 against a running API.

    Each agent logs in with their own key (KCC_AGENT_API_KEY as name:key, so contacts carry their name); with
    --shared-key every session uses the first KCC_AGENT_API_KEY (one desk, one agent).

    Example: kcc console --port 8501 --api-url http://127.0.0.1:8000
    """
    from kcc.settings import parse_keys
    from ui.launch import console_command, console_environment

    settings = build_settings(console_port=port, api_url=api_url)
    keys = parse_keys(settings.agent_api_key)
    if shared_key and not keys:
        raise click.UsageError("--shared-key: zet eerst KCC_AGENT_API_KEY")
    shared = (f"{keys[0][0]}:{keys[0][1]}" if keys[0][0] else keys[0][1]) if shared_key else None
    click.echo(f"Console: http://127.0.0.1:{settings.console_port}  (API: {settings.api_url})")
    sys.stdout.flush()
    # this process becomes Streamlit: signals (Ctrl+C, a service manager's stop) reach it directly
    command = console_command(settings.console_port)
    os.execve(command[0], command, console_environment(settings, agent_key=shared))


def _local_host(host: str) -> str:
    """Where a process on this machine reaches a server bound to ``host`` (0.0.0.0 binds every interface)."""
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host


main.add_command(db)
main.add_command(eval_command)
main.add_command(calibrate)
main.add_command(demo_data)
main.add_command(bench)
main.add_command(backup)
main.add_command(restore)


if __name__ == "__main__":
    main()
