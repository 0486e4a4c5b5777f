"""The ``gids`` command line; ``python -m generator.cli`` runs it."""
from __future__ import annotations

from .main import build_parser, main

__all__ = ["build_parser", "main"]
