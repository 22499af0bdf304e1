"""The collector is paused while a new KB version is built and what is alive is frozen at the end."""

from __future__ import annotations

import gc
import threading

from kcc.gc_pause import collection_paused


def test_no_collection_during_the_pause_and_what_it_built_is_frozen_after():
    gc.unfreeze()
    try:
        with collection_paused():
            assert not gc.isenabled()
            built = [{"artikel": i} for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(built)
    finally:
        gc.unfreeze()


def test_overlapping_runs_share_one_pause_the_collector_runs_again_after_the_last():
    entered, leave = threading.Event(), threading.Event()

    def other_run() -> None:
        with collection_paused():
            entered.set()
            leave.wait(10)

    thread = threading.Thread(target=other_run)
    try:
        with collection_paused():
            thread.start()
            assert entered.wait(10)
        assert not gc.isenabled()  # the other run is still building
        leave.set()
        thread.join(10)
        assert gc.isenabled()
    finally:
        leave.set()
        gc.unfreeze()
        gc.enable()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()


def test_threads_switch_more_often_during_the_pause_and_as_before_after_the_last_run():
    import sys

    from kcc.gc_pause import BACKGROUND_SWITCH_S

    before = sys.getswitchinterval()
    with collection_paused():
        assert sys.getswitchinterval() == BACKGROUND_SWITCH_S < before
        with collection_paused():
            assert sys.getswitchinterval() == BACKGROUND_SWITCH_S
        assert sys.getswitchinterval() == BACKGROUND_SWITCH_S  # the outer run goes on
    assert sys.getswitchinterval() == before
