"""``gids voorstel``: an answered issue form, as GitHub renders it, becomes a record that ``gids check`` judges.

The bodies in ``tests/fixtures/voorstel/`` are the committed forms filled in by hand as an officer would:
``ingevuld.md`` (partners one per line with and without '- ', an e-mail address and a phone inside the contact
field, a date as 12/03/2024), ``leeg.md`` (only what the form requires), ``vijandig.md`` (answers that try to
be YAML, a tag, a template, HTML, a path). A correction form is made from the committed correction form.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.cli.formulieren import CORRECTIE, FORMS_DIR, VOORSTEL, forms
from generator.cli.issue_body import lines_of, one_line, read_answers
from generator.records.fields import PATTERNS
from generator.records.vocab import load_vocab
from generator.shared.issue_forms import CORRECTIE_FORM, VOORSTEL_FORM

from .conftest import ROOT, copy_klein, run_gids

BODIES = ROOT / "tests" / "fixtures" / "voorstel"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_klein(tmp_path / "project")


def voorstel(project: Path, body: Path, *extra: str):
    before = set((project / "praktijken").iterdir())
    result = run_gids("voorstel", str(body), "--commentaar", str(project / "reactie.md"), *extra, cwd=project)
    made = set((project / "praktijken").iterdir()) - before
    return result, made


def front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def story(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1].strip()


def test_de_formulieren_zijn_wat_gids_formulieren_schrijft():
    for name, text in forms(load_vocab()).items():
        assert (ROOT / FORMS_DIR / name).read_text(encoding="utf-8") == text, f"run: gids formulieren ({name})"


@pytest.mark.parametrize("body", sorted(BODIES.glob("*.md")), ids=lambda p: p.name)
def test_de_ingevulde_formulieren_volgen_het_echte_formulier(body):
    """Each fixture holds the committed proposal form's headings, in its order: a label changed in the form
    must be changed in the fixtures, or they test a form that no longer exists."""
    form = yaml.safe_load((ROOT / FORMS_DIR / VOORSTEL_FORM).read_text(encoding="utf-8"))
    labels = [item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown"]
    assert re.findall(r"^### (.+)$", body.read_text(encoding="utf-8"), re.MULTILINE)[:len(labels)] == labels


def test_een_ingevuld_voorstel_wordt_een_praktijk_die_gids_check_aanvaardt(project):
    body = BODIES / "ingevuld.md"
    answers = read_answers(body.read_text(encoding="utf-8"), VOORSTEL)
    result, [made] = voorstel(project, body)
    assert result.returncode == 0, result.stderr
    assert made.stem == made.name.removesuffix(".md") and re.match(PATTERNS["slug"], made.stem)
    *problems, last = result.stdout.strip().split("\n")[1:]
    assert last.startswith("gids check: de praktijk is in orde")
    assert all(": waarschuwing: " in line for line in problems)  # whether the source is old depends on today
    check = run_gids("check", "praktijken", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    record = front(made)
    assert made.read_text(encoding="utf-8").split("\n")[1] == "# yaml-language-server: $schema=../schema/praktijk.schema.json"
    assert record["titel"] == one_line(answers["titel"]) and record["plaats"] == one_line(answers["plaats"])
    assert record["gemeenten"] == [g.strip() for g in re.split(r",| en ", answers["plaats"])]
    assert record["partners"] == lines_of(answers["partners"]) and len(record["partners"]) == 3
    [contact] = record["contact"]
    assert contact["email"] in answers["contact"] and contact["telefoon"] in answers["contact"]
    assert contact["naam"] + ", " + contact["functie"] == answers["contact"].split("\n")[0]
    assert record["budget"] == "onbekend"  # left empty in the form
    assert record["bron"]["datum"] == "2024-03-12"
    assert story(made) == answers["verhaal"]
    reactie = (project / "reactie.md").read_text(encoding="utf-8")
    assert f"`praktijken/{made.name}`" in reactie and "in orde" in reactie


def test_lege_antwoorden_worden_onbekend_of_precies_wat_gids_check_nog_vraagt(project):
    result, [made] = voorstel(project, BODIES / "leeg.md")
    assert result.returncode == 1
    record = front(made)
    assert all(record[name] == "onbekend" for name in ("trekker", "partners", "budget", "periode", "contact"))
    check = run_gids("check", "praktijken", cwd=project)
    fields = {m[1] for m in re.finditer(rf"^praktijken/{made.name}:\d+:\d+: ([\w.\[\]]+):", check.stdout, re.MULTILINE)}
    # the required answers left empty: the summary, the source's title and date, the story
    assert check.returncode == 1 and fields == {"samenvatting", "bron.titel", "bron.jaar", "verhaal"}, check.stdout
    reactie = (project / "reactie.md").read_text(encoding="utf-8")
    assert all(f"`{field}`" in reactie for field in fields), reactie
    assert check.stdout.count(made.name) == len(re.findall(r"^- regel ", reactie, re.MULTILINE))


def test_vijandige_antwoorden_blijven_tekst(project):
    body = BODIES / "vijandig.md"
    answers = read_answers(body.read_text(encoding="utf-8"), VOORSTEL)
    reference, [made] = voorstel(project, body)
    assert reference.returncode == 0, reference.stdout + reference.stderr
    check = run_gids("check", "praktijken", cwd=project)
    assert check.returncode == 0, check.stdout
    record = front(made)
    # the same fields as an honest proposal: nothing added, nothing changed by an answer
    honest = copy_klein(project.parent / "eerlijk")
    _, [plain] = voorstel(honest, BODIES / "ingevuld.md")
    assert list(record) == list(front(plain))
    assert record["hoofdstuk"] == "onthaalbeleid" and "lopend" not in record and "bedrag_eur" not in record
    for name in ("titel", "trekker", "budget", "periode", "samenvatting"):
        assert record[name] == one_line(answers[name]), name  # the answer, as text, whole
    assert record["partners"] == lines_of(answers["partners"])
    assert made.parent == project / "praktijken" and re.match(PATTERNS["slug"], made.stem)
    assert story(made) == answers["verhaal"]  # a '---' in the story is Markdown, not a second front matter
    assert not Path("/tmp/gekaapt").exists()


def test_geen_toestemming_dan_geen_contact(project, tmp_path):
    text = (BODIES / "ingevuld.md").read_text(encoding="utf-8").replace("- [X] Elke persoon", "- [ ] Elke persoon")
    (tmp_path / "body.md").write_text(text, encoding="utf-8")
    result, [made] = voorstel(project, tmp_path / "body.md")
    assert front(made)["contact"] == "onbekend"
    assert "toestemming" in result.stderr and "toestemming" in (project / "reactie.md").read_text(encoding="utf-8")


def test_geen_formulier_of_bestaande_praktijk_schrijft_niets(project, tmp_path):
    (tmp_path / "los.md").write_text("Hallo, ik heb een idee.\n", encoding="utf-8")
    result, made = voorstel(project, tmp_path / "los.md")
    assert result.returncode == 2 and not made and "geen ingevuld formulier" in result.stderr
    first, [made_once] = voorstel(project, BODIES / "ingevuld.md")
    again, made = voorstel(project, BODIES / "ingevuld.md")
    assert again.returncode == 2 and not made and "bestaat al" in again.stderr


def correction(slug: str, veld: str, waarde: str) -> str:
    answers = {"praktijk": slug, "veld": veld, "waarde": waarde, "bron": "Mail van de contactpersoon, 2 december 2026"}
    return "".join(f"### {q.label}\n\n{answers[q.id]}\n\n" for q in CORRECTIE)


def test_een_wijziging_vervangt_alleen_dat_veld(project, tmp_path):
    target = project / "praktijken" / "gent-iedereen-onder-dak.md"
    before = front(target)
    form = yaml.safe_load((ROOT / FORMS_DIR / CORRECTIE_FORM).read_text(encoding="utf-8"))
    veld = next(item for item in form["body"] if item.get("id") == "veld")["attributes"]["options"]
    partners = next(option for option in veld if option.endswith("(partners)"))
    (tmp_path / "body.md").write_text(correction("gent-iedereen-onder-dak", partners, "Stad Gent\nCAW Oost-Vlaanderen\n"
                                                 "slug: gekaapt"), encoding="utf-8")
    result, made = voorstel(project, tmp_path / "body.md")
    assert not made and result.returncode == 0, result.stdout + result.stderr
    after = front(target)
    assert after["partners"] == ["Stad Gent", "CAW Oost-Vlaanderen", "slug: gekaapt"]
    assert {k: v for k, v in after.items() if k != "partners"} == {k: v for k, v in before.items() if k != "partners"}
    assert run_gids("check", "praktijken", cwd=project).returncode == 0
    reactie = (project / "reactie.md").read_text(encoding="utf-8")
    assert "`praktijken/gent-iedereen-onder-dak.md`" in reactie and "`partners`" in reactie


@pytest.mark.parametrize("slug", ["../../mkdocs", "/etc/passwd", "bestaat-niet"])
def test_een_wijziging_aan_een_onbekende_praktijk_schrijft_niets(project, tmp_path, slug):
    (tmp_path / "body.md").write_text(correction(slug, "Trekker (trekker)", "iets"), encoding="utf-8")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result, _ = voorstel(project, tmp_path / "body.md")
    assert result.returncode == 2 and "bestaat niet" in result.stderr
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and p.name != "reactie.md"} == before


def test_een_wijziging_van_een_regel_tekst_blijft_een_regel_tekst(project, tmp_path):
    target = project / "praktijken" / "gent-iedereen-onder-dak.md"
    (tmp_path / "body.md").write_text(correction("gent-iedereen-onder-dak", "Trekker (trekker)",
                                                 "OCMW Gent\nslug: gekaapt\n---\nlopend: false"), encoding="utf-8")
    result, _ = voorstel(project, tmp_path / "body.md")
    assert result.returncode == 0, result.stdout + result.stderr
    after = front(target)
    assert after["trekker"] == "OCMW Gent slug: gekaapt --- lopend: false" and "slug" not in after and "lopend" not in after


@pytest.mark.parametrize("veld", ["Contact (contact)", "Iets anders (anders)"])
def test_een_wijziging_die_geen_tekstveld_is_wordt_een_notitie(project, tmp_path, veld):
    target = project / "praktijken" / "gent-iedereen-onder-dak.md"
    before = target.read_bytes()
    (tmp_path / "body.md").write_text(correction("gent-iedereen-onder-dak", veld, "An Peeters vertrok"), encoding="utf-8")
    result, made = voorstel(project, tmp_path / "body.md")
    assert result.returncode == 1 and not made and target.read_bytes() == before
    reactie = (project / "reactie.md").read_text(encoding="utf-8")
    assert "`praktijken/gent-iedereen-onder-dak.md`" in reactie and "met de hand" in reactie
    assert ("`contact`" if "contact" in veld else "`iets anders`") in reactie
