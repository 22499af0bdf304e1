"""``kcc backup`` and ``kcc restore``: the data folder in one archive and back (registered in cli.main)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cli.options import build_settings, data_option

if TYPE_CHECKING:
    from kcc.backup import Manifest

PART_LABELS = {"index": "Index", "snapshots": "KB-snapshots", "database": "Contactlog"}


@click.command()
@data_option
@click.option("--out", "target", type=click.Path(path_type=Path, dir_okay=False),
              help="Archive to write  [default: <data folder>/backups/kcc-backup-<UTC time>.tar.gz]")
@click.option("--without-index", is_flag=True,
              help="Leave the index out (needed with KCC_QDRANT_URL: back that up with Qdrant's snapshot API).")
def backup(data_dir: Path | None, target: Path | None, without_index: bool) -> None:
    """Save the index, the KB snapshots and the contact log in one archive with checksums.

    Stop the API first when it uses the embedded index: its index is locked while it runs. A PostgreSQL
    contact log is saved with pg_dump (PostgreSQL client programs needed), while the API may run.

    Example: kcc backup --out /srv/backups/kcc-2026-06-01.tar.gz
    """
    from kcc.backup import BackupError, create_backup, default_backup_path

    settings = build_settings(data_dir=data_dir)
    try:
        report = create_backup(settings, target or default_backup_path(settings), include_index=not without_index)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Back-up gemaakt: {report.archive} ({_size(report.archive_size)})")
    _describe(report.manifest, report.manifest.contacts)


@click.command()
@click.argument("archive", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@data_option
@click.option("--force", is_flag=True, help="Replace an index, snapshots or contact log that hold data.")
def restore(archive: Path, data_dir: Path | None, force: bool) -> None:
    """Put a backup made by 'kcc backup' back, after checking every file's checksum.

    A damaged or changed archive is refused and nothing is touched; so is a data folder or contact log that
    holds data, unless --force. Stop the API first.

    Example: kcc restore data/backups/kcc-backup-20260601T020000Z.tar.gz --force
    """
    from kcc.backup import BackupError, restore_backup

    settings = build_settings(data_dir=data_dir)
    try:
        report = restore_backup(settings, archive, force=force)
    except BackupError as exc:
        raise click.ClickException(str(exc)) from exc
    manifest = report.manifest
    click.echo(f"Teruggezet: {archive} (gemaakt {manifest.created_at} met versie {manifest.product_version})")
    _describe(manifest, report.contacts)
    for replaced in report.replaced:
        click.echo(f"Vervangen: {replaced}")


def _describe(manifest: Manifest, contacts: int) -> None:
    for part in manifest.parts:
        count, size = manifest.totals(part)
        line = f"{PART_LABELS[part]}: {count} bestand(en), {_size(size)}"
        if part == "index":
            line += f"; KB-versie {manifest.kb_version or 'onbekend'}"
        if part == "database":
            line += f" ({'SQLite' if manifest.database == 'sqlite' else 'PostgreSQL'}); {contacts} contacten"
        click.echo(line)
    if "database" not in manifest.parts:
        click.echo("Contactlog: niet in de back-up (er was nog geen database)")


def _size(size: int) -> str:
    """1000-based, Dutch decimal comma: 193,4 MB."""
    for unit in ("bytes", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}".replace(".", ",")
        size /= 1000
    raise AssertionError("unreachable")
