"""Making and restoring a backup: the index quiesced while it is copied, the parts staged and packed with their
manifest, and a restore checked whole before it swaps the parts in place (and back on any error)."""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Literal

from ingest.embedders import embedder_slug
from ingest.stores import StoreError, VectorStore
from ingest.stores.edge import SCHEMA_FILE, EdgeStore
from kcc.backup.archive import (
    INDEX,
    MANIFEST_NAME,
    PG_MEMBER,
    SNAPSHOTS,
    SQLITE_MEMBER,
    BackupFile,
    Manifest,
    Part,
    checksum,
    copy_tree,
    unpack,
)
from kcc.backup.database import (
    backup_sqlite,
    database_kind,
    log_rows,
    log_rows_if_any,
    restore_sqlite,
    run_pg,
    sqlite_path,
)
from kcc.backup.errors import BackupError, IndexInUse
from kcc.contacts.db import safe_url
from kcc.settings import Settings

RESTORE_PREFIX = ".kcc-restore-"


@dataclass(frozen=True)
class BackupReport:
    archive: Path
    manifest: Manifest
    archive_size: int


@dataclass(frozen=True)
class RestoreReport:
    archive: Path
    manifest: Manifest
    contacts: int  # in the contact log after the restore
    replaced: list[str]  # what held data before and was replaced (with force)


def default_backup_path(settings: Settings, now: datetime | None = None) -> Path:
    """``<data folder>/backups/kcc-backup-<UTC time>.tar.gz``."""
    return settings.data_dir / "backups" / f"kcc-backup-{(now or datetime.now(UTC)):%Y%m%dT%H%M%SZ}.tar.gz"


def create_backup(settings: Settings, target: Path, *, store: VectorStore | None = None,
                  include_index: bool = True) -> BackupReport:
    """Write one archive of the index, the KB snapshots and the contact log to ``target``.

    :param store: the Edge store this process has open (the API's); the caller keeps writes out meanwhile.
    :param include_index: False leaves the index out (required with a Qdrant server: see the ``kcc.backup``
        docstring).
    :raises BackupError: the index is in use by another process, a Qdrant server index was asked for, the
        database cannot be read or pg_dump is missing or fails, or ``target`` exists. No archive is left behind.
    """
    target = Path(target)
    if settings.qdrant_url and include_index:
        raise BackupError("De index staat op een Qdrant-server (KCC_QDRANT_URL) en gaat niet mee in deze back-up. "
                          "Maak daarvan een snapshot met de snapshot-API van Qdrant (POST /collections/<naam>/"
                          "snapshots) of bouw hem na het terugzetten opnieuw op met 'kcc ingest'. Bewaar het "
                          "contactlog en de KB-snapshots met 'kcc backup --without-index'.")
    if target.exists():
        raise BackupError(f"{target} bestaat al; kies een andere naam.")
    kind = database_kind(settings)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".kcc-backup-") as tmp:
        staging = Path(tmp) / "data"
        files: list[BackupFile] = []
        kb_version = None
        if include_index:
            with _quiet_index(settings.data_dir / INDEX, store) as states:
                files += copy_tree(settings.data_dir / INDEX, staging, INDEX)
                files += copy_tree(settings.data_dir / SNAPSHOTS, staging, SNAPSHOTS)
            kb_version = (states.get(embedder_slug(settings.embedder)) or {}).get("kb_version")
        else:
            files += copy_tree(settings.data_dir / SNAPSHOTS, staging, SNAPSHOTS)
        parts: list[Part] = [INDEX, SNAPSHOTS] if include_index else [SNAPSHOTS]
        contacts = 0
        member = staging / (SQLITE_MEMBER if kind == "sqlite" else PG_MEMBER)
        member.parent.mkdir(parents=True, exist_ok=True)
        if kind == "sqlite" and sqlite_path(settings).exists():  # no file yet: no contact was ever logged
            backup_sqlite(sqlite_path(settings), member)
            contacts = log_rows(f"sqlite:///{member}").get("contacts", 0)
        elif kind == "postgresql":
            contacts = log_rows(settings.database).get("contacts", 0)  # pg_dump's snapshot is a moment later
            run_pg("pg_dump", ["--format=custom", f"--file={member}"], settings.database)
        if member.exists():
            parts.append("database")
            with open(member, "rb") as dumped:
                files.append(BackupFile(member.relative_to(staging).as_posix(), *checksum(dumped)))
        manifest = Manifest(datetime.now(UTC).isoformat(timespec="seconds"), _product_version(), kb_version,
                            "qdrant" if settings.qdrant_url else "edge", kind, tuple(parts), contacts, tuple(files))
        partial = Path(tmp) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            info = tarfile.TarInfo(MANIFEST_NAME)
            raw = manifest.to_json()
            info.size, info.mtime, info.mode = len(raw), int(datetime.now(UTC).timestamp()), 0o600
            tar.addfile(info, io.BytesIO(raw))
            for entry in files:
                tar.add(staging / entry.path, arcname=entry.path, recursive=False)
        partial.chmod(0o600)  # the contact log is personal data
        os.replace(partial, target)
    return BackupReport(target, manifest, target.stat().st_size)


def restore_backup(settings: Settings, archive: Path, *, force: bool = False) -> RestoreReport:
    """Put a backup back: the archive is checked whole (manifest, every checksum) before anything is touched.

    The parts are unpacked beside the data folder's contents and moved in place; the database is restored in one
    transaction. On any error the moved folders go back, so nothing is left half restored.

    :param force: replace an index, snapshots or contact log that hold data (else refused).
    :raises BackupError: damaged, foreign or unsafe archive; it does not fit these settings (other database or
        store); data would be overwritten without ``force``; the index is in use; the database restore failed.
    """
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"{archive} bestaat niet of is geen bestand.")
    data_dir = settings.data_dir.resolve()
    made_data_dir = not data_dir.exists()
    data_dir.mkdir(parents=True, exist_ok=True)
    try:
        # staged inside the data folder: a rename into place never crosses a file system (a mounted volume)
        with tempfile.TemporaryDirectory(dir=data_dir, prefix=RESTORE_PREFIX) as tmp:
            manifest = unpack(archive, Path(tmp) / "new")
            _check_fits(settings, manifest)
            present = _holding_data(settings, data_dir, manifest)
            if present and not force:
                raise BackupError(f"Terugzetten zou overschrijven: {'; '.join(present)}. Vervang dat met "
                                  "'kcc restore --force'.")
            if INDEX in manifest.parts:
                _check_index_free(data_dir / INDEX)
            _swap_in(settings, data_dir, manifest, Path(tmp))
    except BaseException:
        if made_data_dir and not any(data_dir.iterdir()):
            data_dir.rmdir()
        raise
    return RestoreReport(archive, manifest, log_rows_if_any(settings).get("contacts", 0), present)


# --- the index ------------------------------------------------------------------------------------------------

@contextmanager
def _quiet_index(index_dir: Path, store: VectorStore | None) -> Iterator[dict[str, dict | None]]:
    """Every Edge shard in ``index_dir`` flushed and held open (its lock keeps other writers out) while the caller
    copies the folder; yields each shard folder's state. ``store`` (open in this process) is used as it is."""
    opened: list[EdgeStore] = []
    states: dict[str, dict | None] = {}
    try:
        for folder in _shard_folders(index_dir):
            own = isinstance(store, EdgeStore) and store.path.resolve() == folder.resolve()
            shard = store if own else _open_shard(folder, "backup")
            if not own:
                opened.append(shard)
            shard.flush()
            states[folder.name] = shard.read_state()
        yield states
    finally:
        for shard in opened:
            shard.close()


def _shard_folders(index_dir: Path) -> list[Path]:
    return sorted(p for p in index_dir.iterdir() if (p / SCHEMA_FILE).is_file()) if index_dir.is_dir() else []


def _open_shard(folder: Path, action: Literal["backup", "restore"]) -> EdgeStore:
    try:
        dim = json.loads((folder / SCHEMA_FILE).read_text(encoding="utf-8"))["dim"]
        return EdgeStore(folder, dim=dim)
    except StoreError as exc:
        if "lock" in str(exc).lower() or "wouldblock" in str(exc).lower():
            why = ("Een kopie van een geopende index kan half geschreven zijn" if action == "backup" else
                   "Terugzetten zou de index onder dat proces vervangen")
            raise IndexInUse(f"De index in {folder} is in gebruik door een ander kcc-proces (de API via 'kcc serve' "
                             f"of 'kcc run', of 'kcc ingest'). {why}: stop dat proces en probeer het opnieuw.") from exc
        raise BackupError(f"De index in {folder} kan niet worden geopend: {exc}") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BackupError(f"De index in {folder} kan niet worden gelezen: {exc}") from exc


def _check_index_free(index_dir: Path) -> None:
    """Refuse a restore over an index another process has open; an unreadable one may be replaced."""
    for folder in _shard_folders(index_dir):
        try:
            _open_shard(folder, "restore").close()
        except IndexInUse:
            raise
        except BackupError:
            continue


def _check_fits(settings: Settings, manifest: Manifest) -> None:
    if INDEX in manifest.parts and settings.qdrant_url:
        raise BackupError("Deze back-up bevat een ingebouwde index (Qdrant Edge), maar KCC_QDRANT_URL wijst naar een "
                          "Qdrant-server. Zet hem terug zonder KCC_QDRANT_URL, of vul de server met 'kcc ingest'.")
    kind = database_kind(settings)
    if "database" in manifest.parts and manifest.database != kind:
        raise BackupError(f"Deze back-up bevat een {manifest.database}-contactlog, maar dit contactlog is {kind} "
                          f"({safe_url(settings.database)}). Zet KCC_DATABASE_URL zoals bij de back-up.")


def _holding_data(settings: Settings, data_dir: Path, manifest: Manifest) -> list[str]:
    """What a restore of ``manifest`` would overwrite that holds data now, in words."""
    found = [f"{label} ({data_dir / part})" for part, label in ((INDEX, "de index"), (SNAPSHOTS, "de KB-snapshots"))
             if part in manifest.parts and _has_files(data_dir / part)]
    rows = log_rows_if_any(settings) if "database" in manifest.parts else {}
    if sum(rows.values()):
        found.append(f"het contactlog met {rows.get('contacts', 0)} contacten ({safe_url(settings.database)})")
    return found


def _has_files(folder: Path) -> bool:
    return folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))


def _swap_in(settings: Settings, data_dir: Path, manifest: Manifest, tmp: Path) -> None:
    moved: list[tuple[Path, Path]] = []  # (live, set aside)
    placed: list[Path] = []
    try:
        for part in (INDEX, SNAPSHOTS):
            if part not in manifest.parts:
                continue
            live, new = data_dir / part, tmp / "new" / part
            if live.exists():
                live.rename(tmp / f"old-{part}")
                moved.append((live, tmp / f"old-{part}"))
            if new.exists():
                new.rename(live)
                placed.append(live)
        if "database" in manifest.parts and manifest.database == "sqlite":
            restore_sqlite(tmp / "new" / SQLITE_MEMBER, sqlite_path(settings))
        elif "database" in manifest.parts:
            run_pg("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-acl", "--single-transaction",
                                   str(tmp / "new" / PG_MEMBER)], settings.database)
    except BaseException:
        for live in placed:
            shutil.rmtree(live, ignore_errors=True)
        for live, old in reversed(moved):
            old.rename(live)
        raise


def _product_version() -> str:
    try:
        return version("kcc-kennisbank")
    except PackageNotFoundError:
        return "onbekend"
