"""The open data files of the catalogue's build, read back: praktijken.json and praktijken.csv.

What a named record exports is checked on the fixture project.
"""
from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
import yaml

from generator.opendata.export import CSV_COLUMNS, CSV_SCHEIDING, LIJST_SCHEIDING
from generator.opendata.privacy import (
    WEGGELATEN,
    contact_names,
    is_mobile,
    is_personal_email,
    without_names,
)

from .conftest import PROJECT

OVERRIDES = ("start", "einde", "lopend", "bedrag_eur", "bedrag_basis", "vte")
RECORD_FILES = sorted(p for p in (PROJECT / "praktijken").glob("*.md"))


def front_matter(path: Path) -> dict:
    """The record's front matter, read with plain PyYAML: independent of the generator's own loader."""
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def without_personal_data(contacts, pagina: str):
    """What the export should keep of a front-matter contact list, by the rule on the Open data page."""
    if not isinstance(contacts, list):
        return contacts
    kept = []
    for original in contacts:
        c = {k: v for k, v in original.items() if k not in ("naam", "gsm")}
        if "email" in c and is_personal_email(c["email"], original.get("naam")):
            del c["email"]
        if "telefoon" in c and is_mobile(str(c["telefoon"])):
            del c["telefoon"]
        if not set(c) & {"email", "telefoon", "adres", "website"}:
            c = {k: v for k, v in c.items() if k in ("functie", "organisatie")} | {"website": pagina}
        kept.append(c)
    return kept


def replace_names(value, names: list[str]):
    if isinstance(value, dict):
        return {k: replace_names(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [replace_names(v, names) for v in value]
    for name in names:
        value = value.replace(name, WEGGELATEN)
    return value


def expected_record(path: Path, pagina: str) -> dict:
    data = {k: v for k, v in front_matter(path).items() if k not in OVERRIDES}
    fiches = data.get("projecten", [data])
    names = sorted({c["naam"] for f in fiches if isinstance(f["contact"], list) for c in f["contact"] if "naam" in c},
                   key=len, reverse=True)
    if "jaar" not in data["bron"]:  # the export always gives the source's year, as the Open data page says
        data["bron"]["jaar"] = front_matter(path)["bron"]["datum"].year
    for fiche in fiches:
        if isinstance(fiche.get("trekker"), str) and fiche["trekker"] != "onbekend":
            fiche["trekker"] = [fiche["trekker"]]
        fiche["contact"] = without_personal_data(fiche["contact"], pagina)
    return replace_names(normal(data), names)


def normal(value):
    """Leaves as stripped text, so that YAML's 2016 and JSON's 2016 (or a date and its ISO text) compare equal."""
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


@pytest.fixture(scope="module")
def catalogue(built_site) -> dict:
    return json.loads((built_site / "open-data" / "praktijken.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows(built_site) -> list[dict]:
    return read_csv(built_site)


def read_csv(site: Path) -> list[dict]:
    data = (site / "open-data" / "praktijken.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel"
    text = data[3:].decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=CSV_SCHEIDING))


def test_json_round_trips_every_record_without_personal_data(catalogue):
    by_slug = {p["slug"]: p for p in catalogue["praktijken"]}
    assert sorted(by_slug) == sorted(p.stem for p in RECORD_FILES)
    for path in RECORD_FILES:
        practice = by_slug[path.stem]
        assert normal(practice["record"]) == expected_record(path, practice["url"]), path.name


def test_json_holds_no_name_no_mobile_and_no_personal_address(catalogue, records):
    text = json.dumps(catalogue, ensure_ascii=False)
    for record in records:
        for fiche in record.fiches:
            for contact in fiche.contact or ():
                if contact.naam:
                    assert contact.naam not in text
                if contact.gsm:
                    assert contact.gsm not in text
                if contact.email and is_personal_email(contact.email, contact.naam):
                    assert contact.email not in text
    for practice in catalogue["praktijken"]:
        for contact in practice["record"].get("contact") or []:
            assert "naam" not in contact and "gsm" not in contact


def test_json_says_where_each_practice_lives_and_what_it_derives(catalogue, records):
    assert catalogue["licentie"]["id"] == "CC-BY-4.0"
    assert catalogue["schema"] == "praktijk.schema.json"
    assert catalogue["bijgewerkt"] == max(max(r.laatst_gecontroleerd, r.in_catalogus_sinds) for r in records).isoformat()
    by_slug = {p["slug"]: p for p in catalogue["praktijken"]}
    for record in records:
        practice = by_slug[record.slug]
        assert practice["url"].endswith(f"/praktijken/{record.slug}/") and practice["url"].startswith("https://")
        assert practice["bestand"] == f"praktijken/{record.slug}.md"
        assert practice["afgeleid"]["start"] == record.afgeleid.start
        assert practice["afgeleid"]["lopend"] == record.afgeleid.lopend
        assert [g["naam"] for g in practice["afgeleid"]["gemeenten"]] == list(record.gemeenten)
        for key in record.themas:
            assert key in catalogue["lijsten"]["themas"]


def split(cell: str) -> list[str]:
    """A list cell, as the Open data page documents it: values joined by " | ", an empty list an empty cell."""
    return cell.split(LIJST_SCHEIDING) if cell else []


def test_csv_parses_back_to_the_records_values(rows, records):
    assert list(rows[0]) == [k.naam for k in CSV_COLUMNS]
    by_slug = {row["slug"]: row for row in rows}
    assert sorted(by_slug) == sorted(r.slug for r in records)
    for r in records:
        row = by_slug[r.slug]

        names = contact_names(r)

        def pub(values, names=names):  # the record's texts as the export shows them: contact names left out
            return [without_names(v, names) for v in values]

        assert [row["titel"], row["plaats"], row["samenvatting"]] == pub([r.titel, r.plaats, r.samenvatting])
        assert split(row["gemeenten"]) == list(r.gemeenten)
        assert split(row["themas"]) == list(r.themas)
        assert split(row["doelgroepen"]) == list(r.doelgroepen)
        assert row["laatst_gecontroleerd"] == r.laatst_gecontroleerd.isoformat()
        assert row["bron_jaar"] == str(r.bron.jaar)
        if len(r.fiches) == 1 and r.fiches[0].naam is None:
            fiche = r.fiches[0]
            assert split(row["partners"]) == pub(fiche.partners or ["onbekend"])
            assert split(row["trekker"]) == pub(fiche.trekker or ["onbekend"])
            assert [row["budget"]] == pub([fiche.budget or "onbekend"])
        else:
            assert split(row["projecten"]) == [f.naam for f in r.fiches]
            for f in r.fiches:
                assert pub([f"{f.naam}: {f.budget or 'onbekend'}"])[0] in split(row["budget"])
        if r.afgeleid.vte is not None:
            assert float(row["vte"].replace(",", ".")) == r.afgeleid.vte
        assert row["lopend"] == {True: "ja", False: "nee", None: ""}[r.afgeleid.lopend]


def test_csv_keeps_accents_and_leaves_out_personal_data(fixture_site):
    rows = read_csv(fixture_site)
    text = (fixture_site / "open-data" / "praktijken.csv").read_text(encoding="utf-8-sig")
    assert "geïntegreerd" in text and "coördinator" in text
    assert "Fie Velghe" not in text and "0491 52 97 34" not in text and "Fie.Velghe@" not in text
    kortrijk = next(row for row in rows if row["slug"] == "kortrijk-toeleiders-1-loketdienst")
    assert kortrijk["contact"] == "056 74 21 50, President Kennedypark 30 | 8500 Kortrijk"


def test_open_data_page_explains_every_column_and_links_the_files(built_site):
    markup = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    for column in CSV_COLUMNS:
        assert f"<code>{column.naam}</code>" in markup, column.naam
    for href in ('href="praktijken.json"', 'href="praktijken.csv"', 'href="praktijk.schema.json"', 'href="../feed.xml"'):
        assert href in markup
    assert "CC BY 4.0" in markup and "Statbel" in markup


def test_every_exported_record_validates_against_the_record_schema(catalogue, built_site):
    import jsonschema

    from generator.records.schema import record_schema
    from generator.records.vocab import load_vocab

    schema = record_schema(load_vocab())
    published = json.loads((built_site / "open-data" / "praktijk.schema.json").read_text(encoding="utf-8"))
    assert published == schema
    validator = jsonschema.Draft202012Validator(schema)
    for practice in catalogue["praktijken"]:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(practice["record"])]
        assert not errors, (practice["slug"], errors)
