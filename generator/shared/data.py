"""Where the package's data files live (generator/data/: vocabularies, stop words, synonyms, licences)."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent.parent / "data"
