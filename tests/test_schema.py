"""The JSON Schema against the validator: the same verdict on every fixture and every real record.

The schema side reads the front matter as editors' tools do. yaml-language-server (VS Code and
others) reads YAML 1.2 with the core schema, so ``Yaml12Loader`` below is PyYAML with exactly the
core schema's implicit types: null, true/false in three spellings, integers (``010`` is ten, octal
needs ``0o``), floats; no timestamps (``2026-11-23`` stays a string, as it does for those tools),
no yes/no/on/off, no merge keys. A front matter that does not parse as YAML counts as refused:
the editor's tool shows the syntax error itself.

VALIDATOR_ONLY lists the fixtures whose problem a schema cannot express; there the schema must
accept and the validator refuse. Any other difference fails, and so does an entry that agrees.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from generator.cli import main
from generator.records.limits import LIJSTEN, TEKSTEN
from generator.records.schema import SCHEMA_FILE, _range_pattern, record_schema, schema_json, stale_schema
from generator.records.validation import validate_record
from generator.records.vocab import load_vocab

from .conftest import PROJECT, ROOT, run_gids

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GELDIG, ONGELDIG = FIXTURES / "geldig", FIXTURES / "ongeldig"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")

# Invalid fixtures the schema accepts, by design: what only `gids check` can see.
VALIDATOR_ONLY: dict[str, str] = {
    # the file name
    "slug_verschilt_van_bestandsnaam.md": "slug gelijk aan de bestandsnaam",
    # relations between values
    "start_na_einde.md": "einde vóór start",
    "toegevoegd_na_laatst_gecontroleerd.md": "toegevoegd na laatst_gecontroleerd (twee velden vergelijken)",
    # YAML 1.2 reads 40.000 as the number 40.0, which JSON Schema counts as an integer: the text is gone
    "bedrag_eur_met_punt.md": "40.000 als bedrag",
    # YAML features the loader refuses, which a parser resolves before any schema sees the value
    "yaml_anchor.md": "anchor",
    "yaml_tag.md": "tag (!!int)",
    "titel_dubbel_veld.md": "dubbel veld: de parser houdt het laatste",
    "contact_dubbel_veld.md": "dubbel veld: de parser houdt het laatste",
    # valid YAML that folds a '- ' line into the text above: the schema sees one (valid) text
    "partners_item_te_ver_ingesprongen.md": "lijstitem een spatie te ver: samengevoegd met het vorige",
    "partners_item_twee_spaties_te_ver.md": "lijstitem twee spaties te ver: samengevoegd met het vorige",
    "trekker_lijstitem_onder_tekst.md": "'- ' onder een tekst: samengevoegd met die tekst",
    # the story below the front matter
    "bestand_nul_teken.md": "NUL-teken in het verhaal",
    "verhaal_leeg.md": "verhaal leeg",
    "verhaal_voorbeeldtekst.md": "de voorbeeldtekst van gids nieuw in het verhaal",
    "verhaal_html.md": "HTML in het verhaal",
    "verhaal_bidi.md": "een stuurteken in het verhaal",
    "titel_stuurteken.md": "een stuurteken in een tekst",
    "verhaal_html_commentaar.md": "HTML in het verhaal",
    "verhaal_html_svg_onload.md": "HTML in het verhaal",
    "verhaal_javascript_link.md": "javascript:-link in het verhaal",
    "verhaal_javascript_link_entiteit.md": "javascript:-link in het verhaal",
    "verhaal_vbscript_referentielink.md": "vbscript:-link in het verhaal",
    "verhaal_data_link.md": "data:-link in het verhaal",
}


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML reading the YAML 1.2 core schema, as yaml-language-server does."""


def _int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    text = loader.construct_scalar(node)
    bases = {"0o": 8, "0x": 16}
    return int(text[2:], bases[text[:2]]) if text[:2] in bases else int(text, 10)


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
        ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
        ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
         list("-+.0123456789"))]:
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), _first)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int)

VALIDATOR = Draft202012Validator(record_schema(load_vocab()), format_checker=FormatChecker())


def front_matter(data: bytes) -> tuple[str | None, object]:
    """(None, the front matter as YAML 1.2 reads it), or (why it cannot be read, None)."""
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return "geen UTF-8", None
    fences = [i for i, line in enumerate(lines) if line.rstrip("\r").rstrip(" \t") == "---"]
    if not fences or fences[0] != 0 or len(fences) < 2:
        return "geen front matter", None
    try:
        return None, yaml.load("\n".join(lines[1:fences[1]]), Loader=Yaml12Loader)
    except (yaml.YAMLError, TypeError, ValueError) as exc:  # TypeError: a list as key
        return f"YAML: {type(exc).__name__}", None


def schema_problems(data: bytes) -> list[str]:
    unreadable, front = front_matter(data)
    if unreadable:
        return [unreadable]
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(front)]


def slug_path(fixture: Path) -> str:
    """As in test_validation: invalid fixtures are checked under their name as a valid slug."""
    return fixture.with_name(fixture.name.replace("_", "-")).relative_to(ROOT).as_posix()


def cases() -> list:
    params = [pytest.param(p, p.relative_to(ROOT).as_posix(), id=f"geldig/{p.stem}") for p in sorted(GELDIG.glob("*.md"))]
    params += [pytest.param(p, slug_path(p), id=f"ongeldig/{p.stem}") for p in sorted(ONGELDIG.glob("*.md"))]
    params += [pytest.param(p, p.relative_to(PROJECT).as_posix(), id=f"praktijken/{p.stem}", marks=pytest.mark.catalogus)
               for p in sorted((PROJECT / "praktijken").glob("*.md"))]
    return params


@pytest.mark.parametrize(("fixture", "path"), cases())
def test_schema_en_validator_zijn_het_eens(fixture: Path, path: str):
    data = fixture.read_bytes()
    schema_says = schema_problems(data)
    _, errors = validate_record(path, data)
    validator_says = [str(e) for e in errors]
    if fixture.name in VALIDATOR_ONLY and fixture.parent == ONGELDIG:
        assert schema_says == [] and validator_says, (
            f"{fixture.name} staat in VALIDATOR_ONLY ({VALIDATOR_ONLY[fixture.name]}), maar schema en validator "
            f"zijn het eens: haal de regel weg.\nschema: {schema_says}\nvalidator: {validator_says}")
    else:
        assert bool(schema_says) == bool(validator_says), f"schema: {schema_says}\nvalidator: {validator_says}"


def test_validator_only_noemt_bestaande_fixtures():
    assert sorted(set(VALIDATOR_ONLY) - {p.name for p in ONGELDIG.iterdir()}) == []


# What an editor may write, as YAML 1.2 types it: (fixture, text in it, replaced by, valid?)
EDITOR_WRITES = [
    ("eindhoven-afgeleide-feiten-overschreven.md", "lopend: nee", "lopend: false", True),  # a boolean
    ("eindhoven-afgeleide-feiten-overschreven.md", "lopend: nee", "lopend: Ja", True),  # a string
    ("eindhoven-afgeleide-feiten-overschreven.md", "lopend: nee", "lopend: misschien", False),
    ("eindhoven-afgeleide-feiten-overschreven.md", "vte: 2,5", "vte: 2.5", True),  # a float
    ("eindhoven-afgeleide-feiten-overschreven.md", "vte: 2,5", "vte: 3", True),  # an integer
    ("eindhoven-afgeleide-feiten-overschreven.md", "vte: 2,5", "vte: -1", False),
    ("eindhoven-afgeleide-feiten-overschreven.md", "start: 2015-09", "start: 2015", True),  # an integer
    ("eindhoven-afgeleide-feiten-overschreven.md", "start: 2015-09", "start: 15", False),
    ("eindhoven-afgeleide-feiten-overschreven.md", "einde: \"2019\"", "einde: 2019", True),
    ("eindhoven-afgeleide-feiten-overschreven.md", "bedrag_eur: 480000", "bedrag_eur: \"480000\"", True),
    ("eindhoven-afgeleide-feiten-overschreven.md", "bedrag_eur: 480000", "bedrag_eur: \"4800000000\"", False),
    ("gent-buurtgericht-onthaal.md", "telefoon: 09 266 00 00", "telefoon: 092660000", True),  # a number, 0 lost
    ("gent-buurtgericht-onthaal.md", "telefoon: 09 266 00 00", "telefoon: \"+32 9 266 00 00\"", True),
    ("gent-buurtgericht-onthaal.md", "telefoon: 09 266 00 00", "telefoon: \"9 266 00 00\"", False),
    ("gent-buurtgericht-onthaal.md", "periode: sinds 2015", "periode: 2015", True),  # a number, still a text
    ("gent-buurtgericht-onthaal.md", "periode: sinds 2015", "periode: true", True),  # a boolean, still a text
    ("gent-buurtgericht-onthaal.md", "periode: sinds 2015", "periode:", False),  # null
    ("gent-buurtgericht-onthaal.md", "periode: sinds 2015", "periode: '  '", False),
    ("gent-buurtgericht-onthaal.md", "doelgroepen: [nieuwkomers]", "doelgroepen:", True),  # optional: may stay empty
    ("gent-buurtgericht-onthaal.md", "themas: [onthaal, taal]", "themas:", False),  # required
    ("gent-buurtgericht-onthaal.md", "themas: [onthaal, taal]", "themas: onthaal", False),
    ("gent-buurtgericht-onthaal.md", "trekker: Stad Gent, dienst Samenleven", "trekker: onbekend", True),
    ("gent-buurtgericht-onthaal.md", "trekker: Stad Gent, dienst Samenleven", "trekker: Onbekend", False),
    ("gent-buurtgericht-onthaal.md", "trekker: Stad Gent, dienst Samenleven", "trekker: [Stad Gent, OCMW Gent]", True),
    ("gent-buurtgericht-onthaal.md", "bron: {titel: Testbron, jaar: 2016}", "bron: {titel: Testbron, jaar: \"1850\"}", False),
    ("gent-buurtgericht-onthaal.md", "bron: {titel: Testbron, jaar: 2016}", "bron: {titel: Testbron, jaar: 2016, pagina: 0}", False),
    ("gent-buurtgericht-onthaal.md", "laatst_gecontroleerd: 2026-11-23", "laatst_gecontroleerd: 2026-02-30", False),
    # a name and a role, no way to reach them: what the source gives, said honestly ("geen contactgegevens in de bron")
    ("gent-buurtgericht-onthaal.md", "    email: an.peeters@stad.gent\n    telefoon: 09 266 00 00\n", "", True),
    ("gent-buurtgericht-onthaal.md", "bron: {titel: Testbron, jaar: 2016}", "bron: {titel: Testbron, datum: 2023-05-12}", True),
    ("gent-buurtgericht-onthaal.md", "bron: {titel: Testbron, jaar: 2016}", "bron: {titel: Testbron, uitgever: Stad Gent}", False),
    ("gent-buurtgericht-onthaal.md", "bron: {titel: Testbron, jaar: 2016}", "bron: {titel: Testbron, datum: 2023-5-12}", False),
    ("gent-buurtgericht-onthaal.md", "laatst_gecontroleerd: 2026-11-23", "bevestigd: 2026-11-01\nlaatst_gecontroleerd: 2026-11-23", True),
    ("gent-buurtgericht-onthaal.md", "laatst_gecontroleerd: 2026-11-23", "bedrag_basis: per jaar\nlaatst_gecontroleerd: 2026-11-23", True),
    ("gent-buurtgericht-onthaal.md", "laatst_gecontroleerd: 2026-11-23", "bedrag_basis: jaarlijks\nlaatst_gecontroleerd: 2026-11-23", False),
    ("gent-buurtgericht-onthaal.md", "gemeenten: [Gent]", "gemeenten: []", False),  # no municipality, no province
    ("gent-buurtgericht-onthaal.md", "gemeenten: [Gent]", "gemeenten: []\nprovincies: [oost-vlaanderen]", True),
    ("aalst-taalstimulering.md", "projecten:", "budget: onbekend\nprojecten:", False),  # a fiche beside the projects
    # the budget of limits.py, in the schema too
    ("gent-buurtgericht-onthaal.md", "titel: buurtgericht onthaal van nieuwkomers", "titel: " + "a" * TEKSTEN["titel"], True),
    ("gent-buurtgericht-onthaal.md", "titel: buurtgericht onthaal van nieuwkomers", "titel: " + "a" * (TEKSTEN["titel"] + 1), False),
    ("gent-buurtgericht-onthaal.md", "  - OCMW Gent\n", "".join(f"  - partner {i}\n" for i in range(LIJSTEN["partners"].grens - 1)), True),
    ("gent-buurtgericht-onthaal.md", "  - OCMW Gent\n", "".join(f"  - partner {i}\n" for i in range(LIJSTEN["partners"].grens)), False),
]


@pytest.mark.parametrize(("name", "old", "new", "valid"), EDITOR_WRITES,
                         ids=[f"{n.split('-')[0]}:{new.strip() or 'weg'}" for n, _, new, _ in EDITOR_WRITES])
def test_wat_een_editor_schrijft(name: str, old: str, new: str, valid: bool):
    text = (GELDIG / name).read_text(encoding="utf-8")
    assert text.count(old) == 1
    data = text.replace(old, new).encode()
    schema_says = schema_problems(data)
    _, errors = validate_record(f"tests/fixtures/geldig/{name}", data)
    assert (not schema_says, not errors) == (valid, valid), f"schema: {schema_says}\nvalidator: {[str(e) for e in errors]}"


def test_yaml12_leest_zoals_de_editor():
    _, front = front_matter(b"---\na: 2016\nb: 2026-11-23\nc: NO\nd: 010\ne: true\nf: yes\ng: 0o10\n---\n")
    assert front == {"a": 2016, "b": "2026-11-23", "c": "NO", "d": 10, "e": True, "f": "yes", "g": 8}


@pytest.mark.parametrize(("low", "high"), [(1900, 2100), (1, 9999), (0, 5), (3, 47), (0, 10**9)])
def test_bereik_als_patroon(low: int, high: int):
    pattern = re.compile(_range_pattern(low, high))
    for n in [*range(12_000), 10**9 - 1, 10**9, 10**9 + 1]:
        assert bool(pattern.match(str(n))) == (low <= n <= high), n
    assert pattern.match(f"00{low}") and not pattern.match(f"{low} ") and not pattern.match("")


# --- the committed schema and the yaml-language-server lines --------------------------------------------


@pytest.mark.catalogus
def test_het_schema_in_de_repository_is_bijgewerkt():
    committed = (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_json(load_vocab()), (
        f"{SCHEMA_FILE} volgt fields.py en de gesloten lijsten niet meer: draai 'gids schema -o {SCHEMA_FILE}'")


def test_gids_check_meldt_een_schema_dat_achterloopt_op_de_lijsten(tmp_path):
    """An editor who adds a value to vocab.yml is told by `gids check`, not by a test, to write the schema again."""
    (tmp_path / "praktijken").mkdir()
    (tmp_path / "schema").mkdir()
    (tmp_path / SCHEMA_FILE).write_text(schema_json(load_vocab()), encoding="utf-8")
    assert stale_schema(tmp_path, load_vocab()) == []
    (tmp_path / SCHEMA_FILE).write_text("{}", encoding="utf-8")
    [error] = stale_schema(tmp_path, load_vocab())
    assert (error.line, error.field, error.severity) == (1, "schema", "fout")
    assert f"'gids schema -o {SCHEMA_FILE}'" in error.message
    result = run_gids("check", cwd=tmp_path)
    assert result.returncode == 1 and f"{SCHEMA_FILE}:1:1: schema: volgt generator/data/vocab.yml niet meer" in result.stdout
    assert stale_schema(tmp_path / "elders", load_vocab()) == []  # a project without a schema file


def test_schema_is_geldig_draft_2020_12():
    Draft202012Validator.check_schema(record_schema(load_vocab()))


@pytest.mark.parametrize(("record", "schema"), [
    *(pytest.param(p, PROJECT / SCHEMA_FILE, id=f"praktijken/{p.stem}", marks=pytest.mark.catalogus)
      for p in sorted((PROJECT / "praktijken").glob("*.md"))),
    *(pytest.param(p, ROOT / SCHEMA_FILE, id=f"geldig/{p.stem}") for p in sorted(GELDIG.glob("*.md")))])
def test_elke_praktijk_wijst_naar_het_schema(record: Path, schema: Path):
    second = record.read_text(encoding="utf-8").split("\n")[1]
    match = MODELINE.match(second)
    assert match, f"{record.name}: de eerste regel in de front matter is niet '# yaml-language-server: $schema=...'"
    assert (record.parent / match.group(1)).resolve() == schema.resolve()


def test_gids_schema_toont_en_schrijft(tmp_path, capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == schema_json(load_vocab())
    target = tmp_path / "sub" / "praktijk.schema.json"
    assert main(["schema", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == schema_json(load_vocab())
