"""The errors of ``kcc backup`` and ``kcc restore``: their messages (Dutch) are shown to the operator as they are."""

from __future__ import annotations


class BackupError(RuntimeError):
    """A backup cannot be made or restored; the message (Dutch) says why and what to do. Nothing was changed."""


class IndexInUse(BackupError):
    """Another process (or another store in this one) has the Edge index open."""
