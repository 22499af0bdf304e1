"""``kcc db`` and ``kcc demo-data``: the contact log's commands (registered in cli.main)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from cli.options import build_settings, data_option, kb_option
from kcc.settings import Settings


@click.group()
def db() -> None:
    """The contact log's database: KCC_DATABASE_URL, or a SQLite file in KCC_DATA_DIR."""


@db.command("upgrade")
@data_option
@click.option("--revision", default="head", show_default=True, help="Alembic revision to migrate to.")
def db_upgrade(data_dir: Path | None, revision: str) -> None:
    """Apply the database migrations (the API also does this when it starts).

    Example: KCC_DATABASE_URL=postgresql+psycopg://kcc:secret@db/kcc kcc db upgrade
    """
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from kcc.contacts.db import Database, current_revision, safe_url

    settings = build_settings(data_dir=data_dir)
    try:
        with Database(settings.database) as database:
            database.upgrade(revision)
            reached = current_revision(database.engine)
    except (SQLAlchemyError, CommandError) as exc:
        raise click.ClickException(f"Bijwerken van de database {safe_url(settings.database)} mislukt: {exc}") from exc
    click.echo(f"Database {safe_url(settings.database)} staat op revisie {reached}.")


@db.command("purge")
@data_option
@click.option("--days", type=click.IntRange(min=1),
              help="Keep this many days (default: KCC_CONTACT_RETENTION_DAYS).")
def db_purge(data_dir: Path | None, days: int | None) -> None:
    """Delete contacts, feedback and callback requests older than the retention period (daily, e.g. from cron).

    Grades go with their contact. Example: KCC_CONTACT_RETENTION_DAYS=365 kcc db purge
    """
    from sqlalchemy.exc import SQLAlchemyError

    from kcc.contacts.db import Database, safe_url
    from kcc.contacts.log import purge_before

    settings = build_settings(data_dir=data_dir)
    days = days or settings.contact_retention_days
    if days is None:
        raise click.ClickException("Geen bewaartermijn: stel KCC_CONTACT_RETENTION_DAYS in of geef --days.")
    cutoff = datetime.now(UTC) - timedelta(days=days)
    try:
        with Database(settings.database) as database, database.session() as session:
            purged = purge_before(session, cutoff)
    except SQLAlchemyError as exc:
        raise click.ClickException(f"Opschonen van de database {safe_url(settings.database)} mislukt: {exc}") from exc
    click.echo(f"Verwijderd: {purged.contacts} contacten, {purged.feedback} feedbackmeldingen en {purged.callbacks} "
               f"terugbelverzoeken van voor "
               f"{cutoff:%Y-%m-%d %H:%M} UTC (bewaartermijn {days} dagen).")


@click.command("demo-data")
@kb_option
@data_option
@click.option("--days", default=30, show_default=True, type=click.IntRange(1, 366), help="Number of days.")
@click.option("--end", type=click.DateTime(formats=["%Y-%m-%d"]), help="Last day, YYYY-MM-DD  [default: today]")
@click.option("--seed", default=42, show_default=True, help="The same seed gives the same contacts.")
@click.option("--replace", is_flag=True, help="Replace the contacts, feedback and grades already in the log.")
def demo_data(kb_dir: Path | None, data_dir: Path | None, days: int, end: datetime | None, seed: int,
              replace: bool) -> None:
    """Fill the contact log with a realistic month of contacts, feedback and grades.

    Gold-set questions are answered by the real answer core, so every contact holds a genuine answer.
    Needs an index ('kcc ingest') that no 'kcc serve' holds open.

    Example: kcc demo-data --days 30 --seed 42
    """
    from sqlalchemy.exc import SQLAlchemyError

    from cli.demo import DemoError, fill
    from ingest.stores import StoreError
    from kcc.contacts.db import safe_url
    from kcc.runtime import Runtime

    settings = build_settings(kb_dir=kb_dir, data_dir=data_dir)
    try:
        with Runtime(settings) as runtime:
            summary = fill(settings, runtime, days=days, end=end.date() if end else None, seed=seed, replace=replace)
    except StoreError as exc:
        raise click.ClickException(_store_message(settings, exc)) from exc
    except DemoError as exc:
        raise click.ClickException(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise click.ClickException(f"Het contactlog {safe_url(settings.database)} is niet bruikbaar: {exc}") from exc
    assert summary is not None
    click.echo(f"Demodata: {summary.contacts} contacten van {summary.start} t/m {summary.end} "
               f"({summary.questions} verschillende vragen), FCR {summary.fcr:.2f}; {summary.feedback} "
               f"feedbackmeldingen, {summary.grades} beoordelingen.")
    click.echo(f"Database: {safe_url(settings.database)}")


def _store_message(settings: Settings, exc: Exception) -> str:
    cause = str(exc).lower()
    if settings.qdrant_url is None and ("lock" in cause or "wouldblock" in cause):
        return (f"De index in {settings.index_dir} is in gebruik door een ander proces. Stop eerst 'kcc serve' "
                "(of 'kcc run') en probeer het opnieuw.")
    return f"De index kan niet worden geopend: {exc}"


def demo_fill(settings: Settings, runtime) -> None:
    """Demo mode: an empty contact log gets a month of demo data, so the dashboards show something."""
    from cli.demo import DemoError, fill

    try:
        summary = fill(settings, runtime, only_if_empty=True)
    except DemoError as exc:
        click.echo(f"Geen demodata: {exc}", err=True)
        return
    if summary is not None:
        click.echo(f"Demodata:   {summary.contacts} contacten ({summary.start} t/m {summary.end}) in het contactlog.")
