"""Backups of the data folder that round-trip: the index, the KB snapshots and the contact log in one archive.

Usage::

    report = create_backup(settings, default_backup_path(settings))
    restore_backup(settings, report.archive)              # refuses a data folder or database that holds data
    restore_backup(settings, report.archive, force=True)  # replaces them

The archive is a tar.gz whose first member is ``manifest.json`` (format, product and KB version, backends, and
every file with its SHA-256 and size), then ``index/...`` and ``snapshots/...`` as they lie in the data folder
and ``database/contactlog.sqlite`` or ``database/contactlog.pgdump`` (``kcc.backup.archive``).

Consistent copies while the API runs:

- SQLite through its online backup API, under SQLite's own locks: a copy of the file could miss what the WAL holds.
- PostgreSQL with ``pg_dump --format=custom`` (one snapshot transaction); restored by ``pg_restore --clean
  --if-exists`` in a single transaction (both in ``kcc.backup.database``).
- Qdrant Edge locks its folder for the process that opened it, and a copy of files a re-index is writing can be
  torn. So the backup opens every shard itself: that takes the lock (no writer can start while the copy is taken),
  and the shard is flushed first. When another process holds it ('kcc serve'), the backup is refused: stop it
  first. In the process that has the store open, pass ``store=``: it is flushed and copied in place, and the
  caller must keep every write out meanwhile (the API's re-index lock).
- A Qdrant server (``KCC_QDRANT_URL``) is not copied: back its collection up with Qdrant's own snapshot API, or
  rebuild it from the KB with 'kcc ingest'; ``include_index=False`` backs up the rest.

The parts: ``kcc.backup.service`` makes and restores a backup (the index quiesced, the parts swapped in place),
``kcc.backup.archive`` the archive and its manifest, ``kcc.backup.database`` the contact log, ``kcc.backup.errors``
the errors. The names below are re-exported from them.
"""

from kcc.backup.archive import (
    CHUNK,
    FORMAT,
    FORMAT_VERSION,
    INDEX,
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    PG_MEMBER,
    SNAPSHOTS,
    SQLITE_MEMBER,
    BackupFile,
    DatabaseKind,
    Manifest,
    Part,
)
from kcc.backup.database import LOG_TABLES, PG_BIN_GLOB, pg_tool
from kcc.backup.errors import BackupError, IndexInUse
from kcc.backup.service import (
    RESTORE_PREFIX,
    BackupReport,
    RestoreReport,
    create_backup,
    default_backup_path,
    restore_backup,
)

__all__ = [
    "CHUNK", "FORMAT", "FORMAT_VERSION", "INDEX", "LOG_TABLES", "MANIFEST_NAME", "MAX_MANIFEST_BYTES",
    "PG_BIN_GLOB", "PG_MEMBER", "RESTORE_PREFIX", "SNAPSHOTS", "SQLITE_MEMBER",
    "BackupError", "BackupFile", "BackupReport", "DatabaseKind", "IndexInUse", "Manifest", "Part", "RestoreReport",
    "create_backup", "default_backup_path", "pg_tool", "restore_backup",
]
