"""The Jinja2 environment for the site's page fragments and the print edition.

Record values reach HTML only through these templates: autoescaping is on, undefined names
are errors, and no record value is ever rendered as a template.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def datum(d: date) -> str:
    """A date the Dutch way: '23 november 2026'."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def safe_env(folder: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["datum"] = datum
    env.filters["labels"] = lambda ids, terms: ", ".join(terms[i].label for i in ids)
    env.filters["tel"] = lambda number: "".join(ch for ch in number if ch.isdigit() or ch == "+")
    env.filters["weblink"] = lambda site: site if site.startswith(("http://", "https://")) else f"https://{site}"
    return env
