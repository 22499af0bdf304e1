"""The YAML word files editors extend (vraagsoorten, aanhef): read with one clear Dutch error when they cannot be."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def read_word_file(path: Path, error: type[ValueError], what: str, setting: str) -> Any:
    """The parsed file (``{}`` when empty).

    :param error: raised, with a message naming the file, ``what`` it holds and the ``setting`` that points to it,
        when the file cannot be read or is no valid YAML."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: het bestand met {what} kan niet worden gelezen ({exc}). "
                    f"Controleer het pad ({setting}) en de YAML-opmaak.") from exc
