"""The repository's issue forms, as the site links to them and ``gids formulieren`` names them.

A form opens pre-filled from its URL: ``template`` picks the form, ``title`` the issue's title, and each
question's id its answer (GitHub's issue-form query parameters). Everything is URL-encoded, so a practice's
title cannot add a parameter.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

VOORSTEL_FORM = "nieuwe-praktijk.yml"
CORRECTIE_FORM = "correctie.yml"


@dataclass(frozen=True)
class IssueForms:
    """The forms of one repository (``repo_url`` in mkdocs.yml, e.g. https://github.com/eigenaar/catalogus)."""

    repo_url: str

    def _new(self, **parameters: str) -> str:
        return f"{self.repo_url.rstrip('/')}/issues/new?{urlencode(parameters)}"

    @property
    def voorstel(self) -> str:
        return self._new(template=VOORSTEL_FORM)

    def correctie(self, slug: str, plaats: str, titel: str) -> str:
        """The correction form with the practice filled in: its slug in the question 'praktijk', its name in the title."""
        return self._new(template=CORRECTIE_FORM, title=f"Wijziging: {plaats}: {titel}", praktijk=slug)
