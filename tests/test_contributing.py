"""CONTRIBUTING.md explains every field, its field list is the field table's (generator/records/fields.py), and its
examples are really in the records it names (as the frozen fixture project keeps them: an editor who changes a
practice need not change the manual)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.records.fields import BRON_FIELDS, CONTACT_FIELDS, RECORD_FIELDS

from .conftest import FIXTURE_PROJECT

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# a YAML example right after "Uit `praktijken/x.md`" (or "... `praktijken/x.md` (...):")
EXAMPLE = re.compile(r"`(praktijken/[a-z0-9-]+\.md)`[^`\n]{0,80}:\n\n```yaml\n(.*?)```", re.DOTALL)


def test_elk_veld_wordt_uitgelegd():
    for name in [*RECORD_FIELDS, *CONTACT_FIELDS]:
        assert f"`{name}`" in TEXT, name
    for name in BRON_FIELDS:
        assert f"`bron.{name}`" in TEXT, name


def field_rows() -> list[tuple[str, str]]:
    """(field, second column) of every table row in the section with all the fields."""
    section = TEXT[TEXT.index("## Alle velden, met voorbeelden"):]
    section = section[:section.index("\n## ", 1)]
    return re.findall(r"^\| `([a-z_.]+)` \| ([^|]*) \|", section, re.MULTILINE)


def test_de_veldenlijst_is_die_van_de_veldentabel():
    """The tables under 'Alle velden' name exactly the fields of fields.py, each once; where a table has a
    column 'verplicht', it says what the field table says ('ja, tenzij ...' for a field required with a condition)."""
    table = [*RECORD_FIELDS, *CONTACT_FIELDS, *(f"bron.{name}" for name in BRON_FIELDS)]
    rows = field_rows()
    assert sorted(name for name, _ in rows) == sorted(table)
    rules = {**RECORD_FIELDS, **{f"bron.{name}": rule for name, rule in BRON_FIELDS.items()}}
    verplicht = [(name, column) for name, column in rows if column == "nee" or column.startswith("ja")]
    assert len(verplicht) > len(BRON_FIELDS), verplicht  # the column was found
    for name, column in verplicht:
        assert rules[name].required == (column == "ja"), f"{name}: '{column}' in CONTRIBUTING.md"


def examples() -> list:
    found = EXAMPLE.findall(TEXT)
    assert len(found) >= 8, found
    return [pytest.param(path, block, id=f"{path}-{i}") for i, (path, block) in enumerate(found)]


@pytest.mark.parametrize(("path", "block"), examples())
def test_voorbeeld_staat_echt_in_de_praktijk(path, block):
    record = (FIXTURE_PROJECT / path).read_text(encoding="utf-8").splitlines()
    for line in block.splitlines():
        assert line.strip() in {r.strip() for r in record}, f"{path}: {line!r}"
