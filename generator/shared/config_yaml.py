"""Reading the YAML files we write ourselves (the vocabularies, the search synonyms)."""
from __future__ import annotations

from typing import Any

import yaml


def load_config_yaml(text: str) -> Any:  # the shape is the file's own; its reader knows it
    """Plain safe YAML, with libyaml's speed: these files hold no editor's mistakes to point at."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
