"""Where a project keeps its parts: the records, the book definition, the narrative pages and the theme.

The defaults are named here once; the plugin's options (mkdocs.yml) and the command line start from them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PRAKTIJKEN = "praktijken"  # the records, one Markdown file per practice
BOEK = "boek.yml"  # the book definition: parts, chapters and narrative pages in the guide's order
DOCS = "docs"  # the narrative pages
THEME = "theme"  # the theme: page fragments, print stylesheet, fonts
CONFIG = "mkdocs.yml"  # the site's configuration


@dataclass(frozen=True)
class ProjectLayout:
    """The paths of one project's inputs, as the site, the PDF and the check read them."""

    root: Path
    praktijken: Path
    boek: Path
    docs: Path
    theme: Path

    @property
    def fragments(self) -> Path:
        """The page-type templates of the site (theme/fragments/)."""
        return self.theme / "fragments"

    @classmethod
    def in_folder(cls, root: Path) -> ProjectLayout:
        """The usual layout of a project folder (as in mkdocs.yml): praktijken/, boek.yml, docs/, theme/."""
        root = root.resolve()
        return cls(root, root / PRAKTIJKEN, root / BOEK, root / DOCS, root / THEME)
