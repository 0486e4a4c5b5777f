"""The validator, table-driven (in the style of publiccode-parser's testdata).

tests/fixtures/geldig/    records that must give no error at all;
tests/fixtures/ongeldig/  records with exactly ONE problem each, named <veld>_<probleem>.md.

EXPECTED says, for every invalid fixture, which error it must give: the field path, a fragment of
the Dutch message (enough to prove it is the right error), and the line and column an editor
jumps to. A fixture without an expectation, or an expectation without a fixture, fails
``test_elke_fixture_heeft_een_verwachting``.

Fixture names use '_' (as the field names do), which is not a valid slug, so each invalid fixture
is validated under the path with '_' replaced by '-' (``themas-onbekende-waarde.md``): otherwise
every fixture would also get the "bestandsnaam is geen geldige slug" error.

KNOWN_BUGS lists the fixtures on which the validator is wrong today; they are strict xfails, so a
fix makes them XPASS and the suite asks for the entry to be removed.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.records.catalog import load_catalog
from generator.records.errors import RecordError
from generator.records.model import Praktijk
from generator.records.validation import validate_record
from generator.records.vocab import load_vocab
from generator.records.yaml_errors import explain

from .conftest import FIXTURE_PRAKTIJKEN, PROJECT, ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GELDIG = FIXTURES / "geldig"
ONGELDIG = FIXTURES / "ongeldig"
KORTRIJK = FIXTURE_PRAKTIJKEN / "kortrijk-toeleiders-1-loketdienst.md"

THEMAS = ", ".join(load_vocab().themas)  # the closed lists are data: read, never copied
HOOFDSTUKKEN = ", ".join(load_vocab().hoofdstukken)
JS_LINK = "een link naar 'javascript:', 'vbscript:' of 'data:' is niet toegestaan"
FOLDED_LEBBEKE = ("dit lijstitem staat één spatie te ver naar rechts: YAML voegt het samen met het vorige item "
                  "('Gemeente Lebbeke - Gemeente Buggenhout'). Zet het streepje onder dat van het vorige item.")

# fixture -> (field, message fragment, line, column)
EXPECTED: dict[str, tuple[str, str, int, int]] = {
    # --- the file itself ----------------------------------------------------------------
    "bestand_bom.md": ("", "begint met een BOM", 1, 1),
    "bestand_geen_utf8.md": ("", "geen geldige UTF-8 (byte 0xe9)", 2, 26),
    "bestand_nul_teken.md": ("", "NUL-teken", 26, 7),
    "bestand_leeg.md": ("", "front matter ontbreekt", 1, 1),
    "front_matter_ontbreekt.md": ("", "front matter ontbreekt", 1, 1),
    "front_matter_niet_afgesloten.md": ("", "front matter is niet afgesloten", 1, 1),
    "front_matter_leeg.md": ("", "front matter is leeg", 2, 1),
    "front_matter_lijst.md": ("", "front matter moet uit velden 'naam: waarde' bestaan", 2, 1),
    # --- YAML syntax and the YAML features that are refused --------------------------------
    "yaml_syntaxfout.md": ("titel", "YAML-syntaxfout: een ':' staat op een plaats waar YAML hem niet verwacht", 2, 15),
    "yaml_tab_inspringing.md": ("contact", "tabs zijn niet toegestaan", 19, 1),
    "yaml_aanhalingsteken_niet_gesloten.md": ("plaats", "hier opent een aanhalingsteken dat nergens (goed) gesloten wordt", 3, 9),
    "yaml_lijst_niet_gesloten.md": ("themas", "haakje", 6, 9),
    "yaml_mapping_niet_gesloten.md": ("bron", "haakje", 21, 7),
    "yaml_lijstitem_verkeerd_ingesprongen.md": ("partners", "dit lijstitem staat één spatie te ver naar links: zet het streepje onder dat van het vorige item (regel 13)", 14, 2),
    "yaml_documenteinde.md": ("", "YAML-syntaxfout", 16, 1),
    "yaml_controleteken.md": ("plaats", "stuurteken", 3, 11),
    "yaml_apestaartje.md": ("contact", "mag niet met dit teken beginnen", 19, 12),
    "yaml_anchor.md": ("", "anchor '&plaats' is niet toegestaan", 3, 9),
    "yaml_alias.md": ("", "alias '*stad' is niet toegestaan", 3, 9),
    "yaml_tag.md": ("", "YAML-tag '!!int' is niet toegestaan", 21, 31),
    "yaml_sleutel_geen_tekst.md": ("", "een sleutel moet een gewoon woord zijn", 16, 3),
    "yaml_contact_item_te_ver_ingesprongen.md": ("contact", "YAML-syntaxfout: dit lijstitem staat één spatie te ver naar rechts: "
                                                            "zet het streepje onder dat van het vorige item (regel 18)", 21, 4),
    "yaml_veld_te_ver_ingesprongen.md": ("titel", "YAML-syntaxfout: 'plaats' springt één spatie verder in dan 'titel' (regel 2), "
                                                  "dus leest YAML deze regel als vervolg van de waarde van 'titel'; zet 'plaats:' "
                                                  "recht onder 'titel:'", 3, 2),
    "yaml_tekst_niet_ingesprongen.md": ("samenvatting", "YAML-syntaxfout: op deze regel ontbreekt de ':' na de veldnaam; of hoort "
                                                        "ze bij de tekst van 'samenvatting' erboven, laat ze dan inspringen", 10, 1),
    "yaml_apostrof_tussen_aanhalingstekens.md": ("titel", "YAML-syntaxfout: hier sluit een enkel aanhalingsteken de waarde af, maar "
                                                          "de regel gaat nog verder; schrijf een ' in tekst tussen '...' dubbel", 2, 33),
    "yaml_spatie_na_dubbelpunt_ontbreekt.md": ("plaats", "YAML-syntaxfout: na 'plaats:' ontbreekt een spatie; schrijf 'plaats: ...'", 3, 8),
    # --- valid YAML that does not say what the editor meant: a '- ' line folded into the text above ----------
    "partners_item_te_ver_ingesprongen.md": ("partners[0]", FOLDED_LEBBEKE, 14, 4),
    "partners_item_twee_spaties_te_ver.md": ("partners[1]", "dit lijstitem staat 2 spaties te ver naar rechts: YAML voegt het samen "
                                                            "met het vorige item ('OCMW Gent - CAW Oost-Vlaanderen')", 15, 5),
    "trekker_lijstitem_onder_tekst.md": ("trekker", "deze regel begint met '-', maar YAML leest ze als vervolg van de tekst van "
                                                    "'trekker' ('Stad Gent, dienst Samenleven - OCMW Gent'). Bedoel je een lijst", 12, 3),
    "titel_dubbel_veld.md": ("titel", "veld staat twee keer in de front matter (eerst op regel 2)", 4, 1),
    "contact_dubbel_veld.md": ("contact[0].email", "veld staat twee keer in de front matter (eerst op regel 19)", 21, 5),
    # --- keys: unknown, typo'd, missing -----------------------------------------------------
    "onbekend_veld_zonder_suggestie.md": ("opmerking", "onbekend veld 'opmerking' (toegestaan: slug, titel,", 17, 1),
    "doelgroepen_onbekend_veld_doelgroep.md": ("doelgroep", "onbekend veld 'doelgroep': bedoelde je 'doelgroepen'?", 7, 1),
    "partners_onbekend_veld_partner.md": ("partner", "onbekend veld 'partner': bedoelde je 'partners'?", 12, 1),
    "titel_hoofdletter_in_sleutel.md": ("Titel", "onbekend veld 'Titel': bedoelde je 'titel'?", 2, 1),
    "contact_onbekend_veld_mail.md": ("contact[0].mail", "onbekend veld 'mail': bedoelde je 'email'?", 19, 5),
    "bron_onbekend_veld_pagna.md": ("bron.pagna", "onbekend veld 'pagna': bedoelde je 'pagina'?", 21, 37),
    "projecten_onbekend_veld.md": ("projecten[0].opmerking", "onbekend veld 'opmerking' (toegestaan: naam,", 14, 5),
    "titel_ontbreekt.md": ("titel", "verplicht veld ontbreekt (de titel zoals in de bron, zonder de plaats ervoor); voeg 'titel:' toe boven deze regel '---'", 22, 1),
    "periode_ontbreekt.md": ("periode", "verplicht veld ontbreekt (de periode zoals in de fiche van de bron); schrijf 'onbekend'", 22, 1),
    "laatst_gecontroleerd_ontbreekt.md": ("laatst_gecontroleerd", "verplicht veld ontbreekt", 22, 1),
    "budget_ontbreekt.md": ("budget", "verplicht veld ontbreekt (budget/personeelsinzet zoals in de fiche van de bron); schrijf "
                                      "'onbekend' als de bron het niet vermeldt; voeg 'budget:' toe boven deze regel '---'", 22, 1),
    "bron_titel_ontbreekt.md": ("bron.titel", "verplicht veld ontbreekt", 21, 7),
    "bron_jaar_ontbreekt.md": ("bron.jaar", "verplicht veld ontbreekt", 22, 3),
    "projecten_naam_ontbreekt.md": ("projecten[1].naam", "verplicht veld ontbreekt", 17, 5),
    "projecten_contact_ontbreekt.md": ("projecten[1].contact", "verplicht veld ontbreekt", 17, 5),
    "projecten_naast_fiche.md": ("budget", "staat naast 'projecten'", 24, 1),
    # --- text fields ----------------------------------------------------------------------
    "titel_leeg.md": ("titel", "is leeg (verwacht tekst)", 2, 7),
    "titel_stuurteken.md": ("titel", "bevat een onzichtbaar stuurteken (U+001B) dat de tekst kan verdraaien", 2, 8),
    "titel_lege_aanhalingstekens.md": ("titel", "is leeg (verwacht tekst)", 2, 8),
    "titel_null.md": ("titel", "is leeg (verwacht tekst)", 2, 8),
    "titel_lijst.md": ("titel", "verwacht tekst, kreeg een lijst", 2, 8),
    "plaats_velden_in_plaats_van_tekst.md": ("plaats", "verwacht tekst, kreeg velden (naam: waarde)", 3, 9),
    "samenvatting_te_lang.md": ("samenvatting", "is 305 tekens lang (verwacht hoogstens 300)", 8, 15),
    "budget_lijst_in_plaats_van_tekst.md": ("budget", "verwacht tekst, kreeg een lijst", 16, 3),
    "budget_leeg.md": ("budget", "is leeg (verwacht tekst); schrijf 'onbekend'", 15, 8),
    "periode_tilde.md": ("periode", "is leeg (verwacht tekst)", 16, 10),
    "trekker_lege_lijst.md": ("trekker", "is een lege lijst (verwacht minstens één waarde, of 'onbekend'", 11, 10),
    "trekker_velden.md": ("trekker", "kreeg velden (naam: waarde)", 11, 10),
    "partners_geen_lijst.md": ("partners", "verwacht een lijst (regels die beginnen met '- '), kreeg tekst", 12, 11),
    "partners_leeg_item.md": ("partners[1]", "is leeg (verwacht tekst)", 14, 4),
    "partners_onbekend_met_hoofdletter.md": ("partners", "schrijf 'onbekend' in kleine letters, kreeg 'Onbekend'", 12, 11),
    "slug_verschilt_van_bestandsnaam.md": ("slug", "'gent-onthaal' komt niet overeen met de bestandsnaam 'slug-verschilt-van-bestandsnaam.md'", 2, 7),
    "slug_leeg.md": ("slug", "is leeg (verwacht tekst)", 2, 6),
    # --- closed lists -----------------------------------------------------------------------
    "themas_onbekende_waarde.md": ("themas[1]", f"onbekende waarde 'sport' (verwacht een van: {THEMAS})", 6, 19),
    "themas_hoofdletter.md": ("themas[1]", f"onbekende waarde 'Huisvesting' (verwacht een van: {THEMAS}): bedoelde je 'huisvesting'?", 6, 19),
    "themas_geen_lijst.md": ("themas", "verwacht een lijst, bv. [onthaal], kreeg tekst", 6, 9),
    "themas_lege_lijst.md": ("themas", "is een lege lijst (verwacht minstens één van: onthaal,", 6, 9),
    "themas_leeg.md": ("themas", "is leeg", 6, 8),
    "themas_dubbel.md": ("themas[2]", "'onthaal' staat twee keer in de lijst", 6, 25),
    "themas_item_velden.md": ("themas[1]", "verwacht tekst, kreeg velden (naam: waarde)", 8, 5),
    "doelgroepen_tikfout.md": ("doelgroepen[0]", "onbekende waarde 'nieuwkomer'", 7, 15),
    "hoofdstuk_onbekend.md": ("hoofdstuk", f"onbekende waarde 'sport' (verwacht een van: {HOOFDSTUKKEN})", 5, 12),
    "hoofdstuk_lijst.md": ("hoofdstuk", "kreeg een lijst", 5, 12),
    "hoofdstuk_leeg.md": ("hoofdstuk", "is leeg (verwacht tekst)", 5, 11),
    "provincies_hoofdletter.md": ("provincies[0]", "onbekende waarde 'Oost-Vlaanderen'", 5, 14),
    "gemeenten_onbekend.md": ("gemeenten[1]", "onbekende gemeente 'Atlantis' (verwacht de Nederlandse naam van een Belgische gemeente", 4, 19),
    "gemeenten_tikfout.md": ("gemeenten[1]", "onbekende gemeente 'Kortijk': bedoelde je 'Kortrijk'?", 4, 19),
    "gemeenten_alleen_onbekende.md": ("gemeenten[0]", "onbekende gemeente 'Kortijk': bedoelde je 'Kortrijk'?", 4, 13),
    "gemeenten_dubbel.md": ("gemeenten[2]", "'Gent' staat twee keer in de lijst", 4, 30),
    "gemeenten_lege_lijst.md": ("gemeenten", "is een lege lijst (verwacht minstens één gemeente, of vul 'provincies' in)", 4, 12),
    "gemeenten_geen_lijst.md": ("gemeenten", "verwacht een lijst van gemeenten, bv. [Gent], kreeg tekst", 4, 12),
    # --- contact --------------------------------------------------------------------------------
    "contact_email_ongeldig.md": ("contact[0].email", "ongeldig e-mailadres 'an.peeters(at)stad.gent'", 19, 12),
    "contact_telefoon_ongeldig.md": ("contact[0].telefoon", "ongeldig telefoonnummer '09 266 00'", 20, 15),
    "contact_gsm_ongeldig.md": ("contact[0].gsm", "ongeldig telefoonnummer '491 52 97 34'", 20, 10),
    "contact_website_ongeldig.md": ("contact[0].website", "ongeldig webadres 'stad gent'", 20, 14),
    "contact_geen_bereikbaarheid.md": ("contact[0]", "geen manier om iemand te bereiken en geen naam (verwacht minstens één van: email, telefoon", 18, 5),
    "contact_lege_lijst.md": ("contact", "is een lege lijst (verwacht minstens één contact, of 'onbekend'", 17, 10),
    "contact_geen_lijst.md": ("contact", "verwacht een lijst van contacten", 17, 10),
    "contact_item_tekst.md": ("contact[0]", "verwacht velden zoals naam, email, telefoon, kreeg tekst", 18, 5),
    "contact_naam_leeg.md": ("contact[0].naam", "is leeg (verwacht tekst)", 18, 10),
    # --- bron -----------------------------------------------------------------------------------
    "bron_geen_velden.md": ("bron", "verwacht velden titel, jaar (of datum) en pagina (of url), kreeg tekst", 21, 7),
    "bron_jaar_geen_getal.md": ("bron.jaar", "verwacht een jaartal zoals 2016, kreeg 'tweeduizend zestien'", 21, 31),
    "bron_jaar_te_vroeg.md": ("bron.jaar", "verwacht een jaartal zoals 2016, kreeg '1850'", 21, 31),
    "bron_pagina_geen_getal.md": ("bron.pagina", "verwacht een paginanummer, kreeg '31-32'", 21, 45),
    "bron_pagina_nul.md": ("bron.pagina", "verwacht een paginanummer, kreeg '0'", 21, 45),
    "bron_pagina_superscript.md": ("bron.pagina", "verwacht een paginanummer, kreeg '²'", 21, 45),
    "bron_url_ongeldig.md": ("bron.url", "ongeldig webadres 'www.vvsg.be/gids' (verwacht een adres dat begint met https://", 21, 42),
    # --- dates and the overrides of derived facts ------------------------------------------------
    "laatst_gecontroleerd_ongeldige_datum.md": ("laatst_gecontroleerd", "ongeldige datum '2026-02-30' (verwacht JJJJ-MM-DD", 22, 23),
    "laatst_gecontroleerd_belgische_notatie.md": ("laatst_gecontroleerd", "ongeldige datum '23/11/2026'", 22, 23),
    "toegevoegd_ongeldige_datum.md": ("toegevoegd", "ongeldige datum '2026-11-31' (verwacht JJJJ-MM-DD", 23, 13),
    "toegevoegd_na_laatst_gecontroleerd.md": ("toegevoegd", "2026-02-01 ligt na laatst_gecontroleerd 2026-01-10", 23, 13),
    "start_ongeldige_maand.md": ("start", "verwacht een jaar of jaar-maand (JJJJ of JJJJ-MM), kreeg '2015-13'", 17, 8),
    "einde_tekst.md": ("einde", "kreeg 'eind 2018'", 17, 8),
    "start_na_einde.md": ("einde", "start", 18, 8),
    "lopend_geen_boolean.md": ("lopend", "verwacht true of false, kreeg 'NO'", 17, 9),
    "bedrag_eur_met_punt.md": ("bedrag_eur", "als geheel getal, bv. 40000, kreeg '40.000'", 17, 13),
    "vte_geen_getal.md": ("vte", "verwacht een getal, bv. 1.5, kreeg 'anderhalf'", 17, 6),
    # --- projecten ---------------------------------------------------------------------------------
    "projecten_lege_lijst.md": ("projecten", "is een lege lijst (verwacht minstens één deelproject", 8, 12),
    "projecten_geen_lijst.md": ("projecten", "verwacht een lijst van deelprojecten, kreeg tekst", 8, 12),
    "projecten_item_tekst.md": ("projecten[2]", "verwacht velden naam, trekker, partners, budget, periode, contact, kreeg tekst", 24, 5),
    "projecten_yaml_syntaxfout.md": ("projecten", "een ':' staat op een plaats waar YAML hem niet verwacht", 13, 19),
    "projecten_contact_email_ongeldig.md": ("projecten[1].contact[0].email", "ongeldig e-mailadres 'taalbubbels.aalst.be'", 23, 16),
    # --- verhaal ---------------------------------------------------------------------------------------
    "verhaal_leeg.md": ("verhaal", "het verhaal onder de front matter is leeg", 24, 1),
    "verhaal_voorbeeldtekst.md": ("verhaal", "de voorbeeldtekst van 'gids nieuw' staat er nog", 25, 1),
    "verhaal_html.md": ("verhaal", "HTML ('<span>') is niet toegestaan in het verhaal", 28, 12),
    "verhaal_bidi.md": ("verhaal", "bevat een onzichtbaar stuurteken voor de schrijfrichting (U+202E)", 28, 18),
    "verhaal_html_commentaar.md": ("verhaal", "HTML ('<!--') is niet toegestaan", 26, 1),
    "verhaal_html_svg_onload.md": ("verhaal", "HTML ('<svg", 26, 8),
    "verhaal_javascript_link.md": ("verhaal", JS_LINK, 26, 16),
    "verhaal_javascript_link_entiteit.md": ("verhaal", JS_LINK, 26, 16),
    "verhaal_vbscript_referentielink.md": ("verhaal", JS_LINK, 32, 6),
    "verhaal_data_link.md": ("verhaal", JS_LINK, 26, 8),
}

# fixture -> what the validator does wrong today (strict xfail: remove the entry once fixed)
KNOWN_BUGS: dict[str, str] = {}

ENGLISH = re.compile(r"\b(?:expected|found|did not|unacceptable|characters?|while|stream|token|position)\b")


def slug_path(fixture: Path) -> str:
    """The path the fixture is validated under: its name as a valid slug."""
    return fixture.with_name(fixture.name.replace("_", "-")).relative_to(ROOT).as_posix()


def prefix(path: str, error: RecordError) -> str:
    return f"{path}:{error.line}:{error.column}: " + (f"{error.field}: " if error.field else "")


def run_check(folder: Path, vandaag: str = "2026-11-23") -> subprocess.CompletedProcess:
    """`gids check` on the day the fixtures were written, with a freshness limit so wide that only errors show
    (the fixtures' facts are of 2016: freshness has its own tests)."""
    return subprocess.run([sys.executable, "-m", "generator.cli", "check", "--verouderd-na", "1200", str(folder)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env={**os.environ, "GIDS_VANDAAG": vandaag})


def table_params() -> list:
    params = []
    for name in sorted(EXPECTED):
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[name])] if name in KNOWN_BUGS else []
        params.append(pytest.param(name, *EXPECTED[name], id=name.removesuffix(".md"), marks=marks))
    return params


# --- the table ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "field", "fragment", "line", "column"), table_params())
def test_ongeldige_fixture_geeft_precies_een_fout(name, field, fragment, line, column):
    fixture = ONGELDIG / name
    path = slug_path(fixture)
    record, errors = validate_record(path, fixture.read_bytes())
    shown = "\n".join(map(str, errors))
    assert record is None
    assert len(errors) == 1, f"verwacht precies één fout, kreeg:\n{shown}"
    error = errors[0]
    assert (error.field, error.line, error.column) == (field, line, column), shown
    assert fragment in error.message, shown
    assert not ENGLISH.search(error.message), f"Engels in de melding: {error.message}"
    assert str(error).startswith(f"{path}:{line}:{column}: " + (f"{field}: " if field else "")), str(error)


def test_elke_fixture_heeft_een_verwachting():
    on_disk = {p.name for p in ONGELDIG.iterdir()}
    assert sorted(on_disk - set(EXPECTED)) == [], "fixtures zonder verwachting in EXPECTED"
    assert sorted(set(EXPECTED) - on_disk) == [], "verwachtingen zonder fixture"
    assert set(KNOWN_BUGS) <= set(EXPECTED)
    assert len(on_disk) >= 45


def test_ongeldige_fixtures_zijn_klein_en_utf8():
    for fixture in ONGELDIG.iterdir():
        data = fixture.read_bytes()
        assert data.count(b"\n") <= 35, fixture.name
        if not fixture.name.startswith("bestand_"):
            data.decode("utf-8")  # only the encoding fixtures may be broken UTF-8


# --- the valid records ---------------------------------------------------------------------------------


def validate_valid(name: str) -> Praktijk:
    fixture = GELDIG / name
    record, errors = validate_record(fixture.relative_to(ROOT).as_posix(), fixture.read_bytes())
    assert errors == [], "\n".join(map(str, errors))
    assert isinstance(record, Praktijk)
    return record


@pytest.mark.parametrize("name", sorted(p.name for p in GELDIG.glob("*.md")))
def test_geldige_fixture_geeft_geen_fouten(name):
    record = validate_valid(name)
    assert record.slug == name.removesuffix(".md")


@pytest.mark.parametrize("name", sorted(p.name for p in GELDIG.glob("*.md")))
def test_geldige_fixture_met_crlf_geeft_geen_fouten(name):
    data = (GELDIG / name).read_bytes().replace(b"\n", b"\r\n")
    record, errors = validate_record(f"tests/fixtures/geldig/{name}", data)
    assert errors == [], "\n".join(map(str, errors))
    assert record is not None


def test_geldig_alle_geldige_fixtures_samen():
    catalog = load_catalog(GELDIG)
    assert catalog.errors == []
    assert len(catalog.records) == len(list(GELDIG.glob("*.md"))) >= 4


def test_geldig_impliciete_typen_blijven_tekst():
    record = validate_valid("overpelt-valkuilen-bij-het-typeren.md")
    fiche = record.fiches[0]
    assert fiche.periode == "2016 - 2018"  # not the number 1998
    assert fiche.trekker == ("NO",)  # not False
    assert fiche.partners is None and fiche.budget is None  # 'onbekend'
    assert fiche.contact[0].telefoon == "010 22 33 44"  # not the octal number 10
    assert fiche.contact[0].gsm == "+32 491 52 97 34"
    assert record.gemeenten == ("Overpelt", "Borsbeek")  # merged municipalities keep their name
    assert record.bron.jaar == 2016 and record.bron.pagina == 12
    # judged in 2016, the year of its source: it ran then (nothing is said about today)
    assert (record.afgeleid.start, record.afgeleid.einde, record.afgeleid.lopend) == ("2016", "2018", True)


def test_geldig_provincie_zonder_gemeenten():
    record = validate_valid("limburg-provinciaal-netwerk.md")
    fiche = record.fiches[0]
    assert record.gemeenten == () and record.provincies == ("limburg",)
    assert fiche.periode == "2016"  # not the number 2016
    assert fiche.contact is None  # contact: onbekend
    assert fiche.budget is None  # "onbekend", quoted, is still onbekend
    assert fiche.trekker == ("Provincie Limburg",)
    assert record.bron.jaar == 2016  # jaar: "2016", quoted
    assert record.samenvatting.endswith("twee keer per jaar.")


def test_geldig_overschreven_afgeleide_feiten():
    record = validate_valid("eindhoven-afgeleide-feiten-overschreven.md")
    assert record.gemeenten == ("Eindhoven",) and record.provincies == ("noord-brabant",)
    a = record.afgeleid
    assert (a.start, a.einde, a.lopend, a.bedrag_eur, a.vte) == ("2015-09", "2019", False, 480000, 2.5)
    assert record.fiches[0].contact[0].website == "www.eindhoven.nl"


def test_geldig_projecten():
    record = validate_valid("aalst-taalstimulering.md")
    assert [f.naam for f in record.fiches] == ["Taalcoach", "Taalbubbels"]
    assert record.fiches[1].trekker == ("team Inburgering", "dienst Onderwijs")
    assert record.fiches[1].partners is None
    assert record.fiches[0].contact[0].email == "onderwijs@aalst.be"
    assert (record.bron.pagina, record.bron.url) == (116, "https://www.vvsg.be/gids")


def test_geldig_gewone_praktijk():
    record = validate_valid("gent-buurtgericht-onthaal.md")
    assert record.volledige_titel == "Gent: buurtgericht onthaal van nieuwkomers"
    assert record.hoofdstuk == "onthaalbeleid" and record.themas == ("onthaal", "taal")
    assert record.fiches[0].contact[0].naam == "An Peeters"
    assert "`<br>`" in record.verhaal  # HTML in inline code is allowed


# --- what only a folder can show -------------------------------------------------------------------------


def test_slug_twee_keer_gebruikt(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(GELDIG / "gent-buurtgericht-onthaal.md", tmp_path / sub / "gent-buurtgericht-onthaal.md")
    catalog = load_catalog(tmp_path)
    assert len(catalog.errors) == 1, catalog.errors
    error = catalog.errors[0]
    assert (error.field, error.line, error.column) == ("slug", 1, 1)
    assert error.path.endswith("b/gent-buurtgericht-onthaal.md")
    assert "slug 'gent-buurtgericht-onthaal' wordt al gebruikt door" in error.message
    assert error.message.split("door ")[1].startswith(str(tmp_path / "a" / "gent-buurtgericht-onthaal.md"))


def test_bestandsnaam_geen_slug(tmp_path):
    shutil.copy(GELDIG / "gent-buurtgericht-onthaal.md", tmp_path / "Bestand_Met_Hoofdletters.md")
    catalog = load_catalog(tmp_path)
    assert len(catalog.errors) == 1, catalog.errors
    error = catalog.errors[0]
    assert (error.field, error.line, error.column) == ("slug", 1, 1)
    assert "bestandsnaam 'Bestand_Met_Hoofdletters.md' is geen geldige slug" in error.message


def test_readme_is_geen_praktijk(tmp_path):
    (tmp_path / "README.md").write_text("# Praktijken\n\nUitleg voor redacteurs.\n", encoding="utf-8")
    shutil.copy(GELDIG / "gent-buurtgericht-onthaal.md", tmp_path)
    catalog = load_catalog(tmp_path)
    assert catalog.errors == [] and len(catalog.records) == 1


def test_map_bestaat_niet(tmp_path):
    catalog = load_catalog(tmp_path / "bestaat-niet")
    assert [e.message for e in catalog.errors] == ["map met praktijken bestaat niet"]


def test_bestand_te_groot():
    data = (GELDIG / "gent-buurtgericht-onthaal.md").read_bytes() + b"Nog een zin.\n" * 25_000
    record, errors = validate_record("praktijken/gent-groot.md", data)
    assert record is None
    assert [(e.line, e.column, e.field) for e in errors] == [(1, 1, "")]
    assert f"bestand is {len(data)} bytes groot" in errors[0].message


@pytest.mark.parametrize("name", ["themas_onbekende_waarde.md", "contact_onbekend_veld_mail.md", "verhaal_html.md",
                                  "partners_item_te_ver_ingesprongen.md", "yaml_veld_te_ver_ingesprongen.md",
                                  "yaml_spatie_na_dubbelpunt_ontbreekt.md", "titel_ontbreekt.md"])
def test_crlf_verandert_regel_en_kolom_niet(name):
    field, fragment, line, column = EXPECTED[name]
    data = (ONGELDIG / name).read_bytes().replace(b"\n", b"\r\n")
    _, errors = validate_record("praktijken/x.md", data)
    assert [(e.field, e.line, e.column) for e in errors] == [(field, line, column)]
    assert fragment in errors[0].message


# --- the real catalogue -----------------------------------------------------------------------------------


@pytest.mark.catalogus
def test_echte_catalogus_heeft_geen_fouten():
    catalog = load_catalog(PROJECT / "praktijken")
    assert catalog.errors == [], "\n".join(map(str, catalog.errors))
    assert catalog.records


# --- YAML traps beyond one fixture ---------------------------------------------------------------------------


def gent_with(old: str, new: str) -> bytes:
    text = (GELDIG / "gent-buurtgericht-onthaal.md").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new).encode()


GENT_PARTNERS = "partners:\n  - Agentschap Integratie en Inburgering\n  - OCMW Gent\n"


def test_elke_verschoven_regel_van_een_lijstitem_krijgt_een_melding():
    data = gent_with(GENT_PARTNERS, "partners:\n  - A\n  - B\n   - C\n   - D\n")
    _, errors = validate_record("praktijken/gent-buurtgericht-onthaal.md", data)
    assert [(e.line, e.column, e.field) for e in errors] == [(16, 4, "partners[1]"), (17, 4, "partners[1]")]
    assert all("YAML voegt het samen met het vorige item ('B - C - D')" in e.message for e in errors)


@pytest.mark.parametrize(("old", "new"), [
    # a folded block (>-) keeps its dashes on purpose: it is text
    ("  wijzen ze de weg naar school, werk en vrije tijd.", "  wijzen ze de weg naar:\n  - school en werk\n  - vrije tijd"),
    # quoted text over two lines
    ("periode: sinds 2015", "periode: 'sinds 2015\n  - en nog steeds'"),
    # a dash that does not start an item
    ("periode: sinds 2015", "periode: 2015\n  -2018"),
    # the items of a list written correctly, at any indentation
    (GENT_PARTNERS, "partners:\n- Agentschap Integratie en Inburgering\n- OCMW Gent\n"),
    (GENT_PARTNERS, "partners:\n    - Agentschap Integratie en Inburgering\n    - OCMW Gent\n"),
])
def test_een_streepje_in_tekst_of_een_juiste_lijst_is_geen_fout(old, new):
    record, errors = validate_record("praktijken/gent-buurtgericht-onthaal.md", gent_with(old, new))
    assert errors == [], "\n".join(map(str, errors))
    assert record is not None


# the fixtures whose front matter YAML cannot parse (the others are read, then refused)
SYNTAX_FIXTURES = sorted(name for name in EXPECTED if "yaml_" in name and name not in {
    "yaml_documenteinde.md", "yaml_controleteken.md", "yaml_anchor.md", "yaml_alias.md", "yaml_tag.md", "yaml_sleutel_geen_tekst.md"})


@pytest.mark.parametrize("name", SYNTAX_FIXTURES)
def test_zonder_libyaml_geeft_yaml_dezelfde_melding(name):
    """Where libyaml is missing, PyYAML's own parser (other English words) gives the editor the same Dutch message."""
    lines = (ONGELDIG / name).read_text(encoding="utf-8").split("\n")
    front = lines[1:lines.index("---", 1)]
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        list(yaml.parse("\n".join(front), Loader=yaml.SafeLoader))
    said = explain(caught.value, front, 2)
    field, fragment, line, column = EXPECTED[name]
    assert (said.field, said.line + 2, said.column + 1) == (field, line, column), said
    assert fragment.removeprefix("YAML-syntaxfout: ") in said.message, said


def test_een_onbekende_yaml_fout_krijgt_toch_plaats_en_veld_in_het_nederlands():
    lines = ["titel: x", "partners:", "  - a", "  - b"]
    mark = yaml.Mark("<tekst>", 0, 3, 4, None, None)
    said = explain(yaml.MarkedYAMLError(problem="some problem no parser has had yet", problem_mark=mark), lines, 2)
    assert (said.line, said.column, said.field) == (3, 4, "partners")
    assert "YAML kan deze regel niet lezen" in said.message and not ENGLISH.search(said.message)


# --- the command line ---------------------------------------------------------------------------------------


def test_cli_ongeldige_fixture(tmp_path):
    name = "themas_onbekende_waarde.md"
    target = tmp_path / name.replace("_", "-")
    shutil.copy(ONGELDIG / name, target)
    result = run_check(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0] == f"{target}:6:19: themas[1]: onbekende waarde 'sport' (verwacht een van: {THEMAS})"
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_verschoven_partner_als_github_aantekening_en_als_tekst(tmp_path):
    """The everyday trap (a partner one space too far) fails `gids check`, annotated on its line in a pull request."""
    target = tmp_path / "partners-item-te-ver-ingesprongen.md"
    shutil.copy(ONGELDIG / "partners_item_te_ver_ingesprongen.md", target)
    github = subprocess.run([sys.executable, "-m", "generator.cli", "check", "--format", "github", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert github.returncode == 1, github.stdout + github.stderr
    errors = [line for line in github.stdout.splitlines() if line.startswith("::error ")]
    assert errors == [f"::error file={target},line=14,col=4,title=partners[0]::{FOLDED_LEBBEKE}"], github.stdout
    text = run_check(tmp_path)
    assert f"{target}:14:4: partners[0]: {FOLDED_LEBBEKE}" in text.stdout.splitlines(), text.stdout


def test_cli_geldige_fixtures():
    result = run_check(GELDIG)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "geen fouten" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_alle_ongeldige_fixtures_zonder_traceback(tmp_path):
    for fixture in ONGELDIG.iterdir():
        shutil.copy(fixture, tmp_path / fixture.name.replace("_", "-"))
    result = run_check(tmp_path)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len({line.split(":", 1)[0] for line in lines}) == len(EXPECTED)  # every file reported


def test_cli_drie_fouten_in_een_bestand(tmp_path):
    """One typo'd key, one wrong theme and one broken YAML line in ONE copy of a fixture record.

    The loader recovers from a YAML syntax error by setting aside the broken top-level field, so
    the other two problems are still reported. (Before that recovery, a syntax error hid every
    other problem in the front matter, and the three needed three files.)
    """
    text = KORTRIJK.read_text(encoding="utf-8")
    for old, new in [("partners:\n", "partner:\n"),
                     ("themas: [onthaal, toeleiding, diversiteit]", "themas: [onthaal, toeleiding, sport]"),
                     ("periode: Gestart op 1 december 2015.", "periode: Gestart op: 1 december 2015.")]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    target = tmp_path / KORTRIJK.name
    target.write_text(text, encoding="utf-8")
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout
    assert lines[0].startswith(f"{target}:7:31: themas[2]: onbekende waarde 'sport'")
    assert lines[1] == f"{target}:14:1: partner: onbekend veld 'partner': bedoelde je 'partners'?"
    assert lines[2].startswith(f"{target}:18:20: periode: YAML-syntaxfout: een ':' staat op een plaats waar YAML hem niet verwacht")


# --- crash-proofing ---------------------------------------------------------------------------------------------


def _garbage() -> list:
    rng = random.Random(20261123)
    gent = (GELDIG / "gent-buurtgericht-onthaal.md").read_text(encoding="utf-8")
    cases = [pytest.param(bytes(rng.randrange(256) for _ in range(n)), True, id=f"willekeurig-{n}") for n in (1, 10, 100, 1000, 5000)]
    cases += [pytest.param(b"---\n" + bytes(rng.randrange(32, 127) for _ in range(2000)) + b"\n---\nx\n", True, id="willekeurig-ascii-front")]
    cases += [pytest.param(data, True, id=name) for name, data in {
        "leeg": b"",
        "alleen-bom": b"\xef\xbb\xbf",
        "een-streep": b"---",
        "twee-strepen": b"---\n---\n",
        "alleen-nul": b"\x00" * 10,
        "utf16": gent.encode("utf-16"),
        "alleen-cr": gent.replace("\n", "\r").encode(),
        "lijst-bovenaan": b"---\n- titel\n- plaats\n---\nverhaal\n",
        "tekst-bovenaan": b"---\nzomaar tekst\n---\nverhaal\n",
        "getal-bovenaan": b"---\n2016\n---\nverhaal\n",
        "diep-geneste-lijsten": b"---\ntitel: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nx\n",
        "diep-geneste-mappings": b"---\ntitel: " + b"{a: " * 3000 + b"b" + b"}" * 3000 + b"\n---\nx\n",
        "diep-ingesprongen": b"---\n" + b"".join(b"  " * i + b"a:\n" for i in range(300)) + b"---\nx\n",
        "niet-gesloten-lijst": b"---\ntitel: [" + b"a, " * 1000 + b"\n---\nx\n",
        "300-kb": b"---\ntitel: " + b"x" * 300_000 + b"\n---\nx\n",
        "lange-regel": b"---\ntitel: " + b"x" * 200_000 + b"\n---\nx\n",
        "5000-onbekende-velden": b"---\n" + b"".join(b"veld%d: x\n" % i for i in range(5000)) + b"---\nx\n",
        "sleutel-lijst": b"---\n[a, b]: c\n---\nx\n",
        "sleutel-mapping": b"---\n{a: b}: c\n---\nx\n",
        "sleutel-leeg": b"---\n? \n: c\n---\nx\n",
        "merge-sleutel": b"---\n<<: {titel: x}\n---\nx\n",
        "anchors-dubbel": b"---\ntitel: &a x\nplaats: &a y\n---\nx\n",
        "alias-als-sleutel": b"---\ntitel: &a x\n*a : y\n---\nx\n",
        "python-tag": b"---\ntitel: !!python/object:os.system [ls]\n---\nx\n",
        "tag-handle": b"---\ntitel: !x!y z\n---\nx\n",
        "yaml-directief": b"---\n%YAML 1.1\ntitel: x\n---\nx\n",
        "documenteinde": b"---\ntitel: x\n...\nplaats: y\n---\nx\n",
        "controletekens": b"---\ntitel: a\x01\x02\x1b\x7f\n---\nx\n",
        "lijnscheider": "---\ntitel: a\u2028b\nplaats: c\n---\nx\n".encode(),
        "surrogaat": b"---\ntitel: \xed\xa0\x80\n---\nx\n",
        "tabs-overal": gent.replace("  ", "\t").encode(),
        "alle-haakjes-open": gent.replace("]", "").encode(),
        "alle-dubbelpunten-weg": gent.replace(": ", " ").encode(),
        "alles-tussen-quotes": gent.replace(": ", ': "').encode(),
        "syntaxfouten-in-elk-veld": "\n".join(line + ": x" if ":" in line else line for line in gent.split("\n")).encode(),
    }.items()]
    cases += [
        pytest.param(gent.replace("periode: sinds 2015", "periode: sinds 2015\nbedrag_eur: ²").encode(), True,
                     id="bedrag-superscript"),
        pytest.param(gent.replace("periode: sinds 2015", "periode: ſeptember 2016").encode(), False, id="periode-lange-s",),
        pytest.param(gent.replace("periode: sinds 2015", "periode: van auguſtus 2016 tot 2018").encode(), False,
                     id="periode-lange-s-augustus"),
    ]
    return cases


GARBAGE = _garbage()


def check_invariants(path: str, data: bytes, record, errors) -> None:
    assert (record is None) == bool(errors)
    last_line = data.count(b"\n") + 1
    for error in errors:
        assert isinstance(error, RecordError) and error.message
        assert 1 <= error.line <= last_line, str(error)
        assert error.column >= 1, str(error)
        assert str(error).startswith(prefix(path, error))


@pytest.mark.parametrize(("data", "invalid"), GARBAGE)
def test_onzin_geeft_fouten_en_geen_crash(data, invalid):
    record, errors = validate_record("praktijken/onzin.md", data)
    check_invariants("praktijken/onzin.md", data, record, errors)
    if invalid:
        assert errors, "onzin zonder fout aanvaard"


def test_afgekapte_praktijken_geven_geen_crash():
    files = sorted(FIXTURE_PRAKTIJKEN.glob("*.md"))
    assert files
    for source in files:
        data = source.read_bytes()
        for end in range(0, len(data), 50):
            path = f"praktijken/{source.name}"
            try:
                record, errors = validate_record(path, data[:end])
            except Exception as exc:  # pragma: no cover - the message names the input
                raise AssertionError(f"{source.name} afgekapt op byte {end}: {type(exc).__name__}: {exc}") from exc
            check_invariants(path, data[:end], record, errors)
            if end < data.index(b"\n---", 3):  # cut inside the front matter: never a valid record
                assert errors, f"{source.name} afgekapt op byte {end} aanvaard"
