"""Problems found in a record, printed compiler-style for editors."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..shared.safe_output import shown

Severity = Literal["fout", "waarschuwing"]  # a warning fails `gids check` only with --strict


@dataclass(frozen=True, order=True)
class RecordError:
    """One problem at one place in one record.

    Printed as ``praktijken/x.md:12:3: partners[1]: is leeg (verwacht tekst)``.
    The field is the path an editor recognises: the YAML key, list index and sub-key.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "fout"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        prefix = "waarschuwing: " if self.severity == "waarschuwing" else ""
        field = f"{self.field}: " if self.field else ""
        # one line, whatever the record holds: a newline or ESC in a value could fake another message
        return shown(f"{where}: {prefix}{field}{self.message}", one_line=True)


def display_path(path: Path) -> str:
    """The path as the editor sees it: relative to the working directory when possible.

    A symbolic link is shown where it is, not where it points: that is the file the editor must fix.
    """
    try:
        resolved = path.parent.resolve() / path.name if path.is_symlink() else path.resolve()
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


class TeDiepGenest(Exception):
    """A text nested deeper than Python can follow (the budget's depth limit should have refused it first)."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"{path}: is te diep genest om te verwerken (citaten '>', lijsten of opmaak in elkaar); maak "
                         "de opbouw vlakker")


def te_diep(path: str) -> RecordError:
    """What `gids check` says when reading a file ran out of stack: the file, never an internal error."""
    return RecordError(path, 1, 1, "", "is te diep genest om te verwerken (citaten '>', lijsten of YAML in elkaar); "
                                       "maak de opbouw vlakker")
