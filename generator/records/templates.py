"""The Jinja2 environment for the site's page fragments and the print edition.

Record values reach HTML only through these templates: autoescaping is on, undefined names
are errors, and no record value is ever rendered as a template.
"""
from __future__ import annotations

from pathlib import Path

import jinja2

from . import stand
from .dates import datum


def safe_env(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["datum"] = datum
    # when the facts were true, and the derived state with that date (never a claim about today)
    env.filters["gegevens"] = stand.gegevens
    env.filters["looptijd"] = stand.looptijd
    env.filters["looptijd_volledig"] = stand.looptijd_volledig
    env.filters["labels"] = lambda ids, terms: ", ".join(terms[i].label for i in ids)
    env.filters["tel"] = lambda number: "".join(ch for ch in number if ch.isdigit() or ch == "+")
    env.filters["weblink"] = lambda site: site if site.startswith(("http://", "https://")) else f"https://{site}"
    return env
