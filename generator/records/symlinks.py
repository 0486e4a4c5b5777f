"""What an editor adds is a file, never a symbolic link: links in praktijken/ and docs/ are refused.

A pull request can add a link that points anywhere on the machine that builds the site
(``/proc/self/environ``, the checkout's token in ``.git/config``). The loaders, MkDocs and the PDF
follow links, so what a link points at would be published. A link that stays inside the project is
refused as well: it is never needed (a page can link to another page), and telling the two apart
would mean trusting a path resolved at build time.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import RecordError, display_path


def symlink_errors(folder: Path) -> list[RecordError]:
    """Every symbolic link at or under ``folder`` (files and folders), reported at the link itself."""
    links = [folder] if folder.is_symlink() else []
    if not links and folder.is_dir():
        for parent, folders, files in os.walk(folder):  # does not descend into linked folders
            links += [Path(parent) / name for name in sorted(folders + files) if (Path(parent) / name).is_symlink()]
    return [RecordError(display_path(link), 1, 1, "", message(link)) for link in links]


def message(link: Path) -> str:
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    if link.is_dir():
        what, instead = "gewone map", "zet de bestanden zelf in deze map"
    else:
        what, instead = "gewoon bestand", "zet de inhoud zelf in dit bestand"
    return (f"is een symbolische link (naar '{target}'), geen {what}: de site en de pdf nemen alleen gewone "
            f"bestanden op; {instead}")
