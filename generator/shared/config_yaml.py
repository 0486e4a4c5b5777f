"""Reading the YAML files we write ourselves (the vocabularies, the search synonyms)."""
from __future__ import annotations

import yaml


def load_config_yaml(text: str):
    """Plain safe YAML, with libyaml's speed: these files hold no editor's mistakes to point at."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
