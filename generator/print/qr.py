"""The way from paper to the live page: a QR code and a short address beside each printed practice.

A printed guide ages: its contacts are those of the source. The live page of a practice has the current
ones, so each practice carries its address as a vector QR code (segno, made offline) and in print.
The address comes from ``site_url`` in mkdocs.yml; while that is still the placeholder, the codes lead
nowhere and the build says so.
"""
from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import segno
import yaml

PLACEHOLDER_TLD = ".example"  # RFC 2606: a domain that never resolves, used until the site has its address


def practice_url(site_url: str, slug: str) -> str:
    return f"{site_url.rstrip('/')}/praktijken/{slug}/"


def printed_address(url: str) -> str:
    """The address as a reader types it: no scheme, no 'www.', no closing slash."""
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


@functools.lru_cache(maxsize=1024)  # a build lays out the guide twice and each chapter once: the same codes again
def qr_svg(url: str) -> str:
    """An inline SVG QR code of ``url``, sized by the stylesheet; medium error correction survives a crease."""
    code = segno.make(url, error="m", micro=False)
    return str(code.svg_inline(scale=1, border=0, omitsize=True, dark="#163a50", svgclass="qr__code",
                               lineclass=None, title=f"QR-code naar {printed_address(url)}"))


def placeholder_warning(site_url: str | None) -> str | None:
    """A warning in Dutch while ``site_url`` is missing or the placeholder; None when the codes lead somewhere."""
    if not site_url:
        return "site_url ontbreekt in mkdocs.yml: de gids krijgt geen QR-codes naar de praktijken"
    host = urlsplit(site_url).hostname or ""
    if host.endswith(PLACEHOLDER_TLD):
        return (f"site_url in mkdocs.yml is nog het voorbeeldadres {site_url}: de QR-codes in de gids leiden nog "
                "nergens heen; zet het echte adres in site_url (of in de omgevingsvariabele GIDS_SITE_URL)")
    return None


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads the one tag that matters here: ``!ENV [VARIABLE, default]``."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]  # type: ignore[arg-type]
    names, default = (values[:-1], values[-1]) if len(values) > 1 else (values, None)
    return next((os.environ[n] for n in names if n in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)  # other tags (Python names) do not matter here


def site_url_in(config: Path) -> str | None:
    """``site_url`` of a project's mkdocs.yml; None when there is no such file or value."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (a safe loader)
    except (OSError, yaml.YAMLError):
        return None
    url = data.get("site_url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url else None
