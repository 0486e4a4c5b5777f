"""The GitHub issue forms, written from the field table and the closed lists (``gids formulieren``).

One question table serves both ways: ``forms()`` writes ``.github/ISSUE_TEMPLATE/*.yml`` from it, and
``gids voorstel`` reads an answered form back by the same labels (GitHub renders each answer under a
``### Label`` heading). A label changed here changes both, so they cannot drift apart; a test holds the
committed forms to this module's output.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from ..records.fields import BRON_FIELDS, RECORD_FIELDS, FieldRule, VocabName, label
from ..records.vocab import Vocab, load_vocab
from ..shared.issue_forms import CORRECTIE_FORM, VOORSTEL_FORM

FORMS_DIR = Path(".github") / "ISSUE_TEMPLATE"
PRIVACY_PAGE = "privacy/"  # on the site: what the catalogue publishes about people, and why
QuestionType = Literal["input", "textarea", "dropdown", "checkboxes"]


@dataclass(frozen=True)
class Question:
    """One question of a form: its id (the URL parameter that pre-fills it) and the label GitHub renders."""

    id: str
    type: QuestionType
    label: str
    description: str
    required: bool = False
    vocab: VocabName | None = None  # a dropdown's closed list
    multiple: bool = False
    placeholder: str = ""


def _explained(rule: FieldRule, extra: str = "") -> str:
    text = rule.uitleg[0].upper() + rule.uitleg[1:]
    return f"{text}.{' ' + extra if extra else ''}"


def _field(name: str, type_: QuestionType, extra: str = "", **kwargs: Any) -> Question:
    """A question for one record field, in the words of the field table."""
    rule = RECORD_FIELDS[name]
    return Question(name, type_, label(name), _explained(rule, extra), required=rule.required and not rule.onbekend_allowed,
                    vocab=rule.vocab, multiple=rule.kind == "ids", placeholder=kwargs.pop("placeholder", rule.voorbeeld),
                    **kwargs)


ONBEKEND_UITLEG = "Vermeldt de bron het niet, laat dit dan leeg."
TOESTEMMING = ("Elke persoon die bij Contact staat, stemde ermee in dat naam, e-mailadres en telefoonnummer op de site "
               "en in de pdf verschijnen (zie de privacypagina), of Contact is leeg of noemt alleen een dienst.")

VOORSTEL: tuple[Question, ...] = (
    _field("plaats", "input", "Noem je meer gemeenten, scheid ze met komma's of 'en': ze komen in de lijst van gemeenten."),
    _field("titel", "input"),
    _field("hoofdstuk", "dropdown"),
    _field("themas", "dropdown"),
    _field("doelgroepen", "dropdown", "Mag leeg blijven."),
    _field("provincies", "dropdown", "Mag leeg blijven."),
    _field("samenvatting", "textarea", placeholder=""),
    _field("trekker", "input", ONBEKEND_UITLEG),
    _field("partners", "textarea", "Eén partner per regel. " + ONBEKEND_UITLEG,
           placeholder="Stad Kortrijk\nAgentschap Integratie en Inburgering"),
    _field("budget", "input", ONBEKEND_UITLEG),
    _field("periode", "input", ONBEKEND_UITLEG),
    _field("contact", "textarea", "Naam, functie of dienst op de eerste regel, daaronder e-mailadres, telefoon of "
                                  "website, elk op een regel. " + ONBEKEND_UITLEG,
           placeholder="An Peeters, integratieambtenaar\nan.peeters@gemeente.be\n09 266 00 00"),
    Question("toestemming", "checkboxes", "Toestemming", "Een issue is openbaar, en de fiche ook.", required=True),
    Question("bron_titel", "input", "Bron: titel", _explained(BRON_FIELDS["titel"]), required=True,
             placeholder=BRON_FIELDS["titel"].voorbeeld),
    Question("bron_uitgever", "input", "Bron: uitgever", _explained(BRON_FIELDS["uitgever"]),
             placeholder=BRON_FIELDS["uitgever"].voorbeeld),
    Question("bron_datum", "input", "Bron: datum of jaar", "Datum (JJJJ-MM-DD) of jaar (JJJJ) van de bron.",
             required=True, placeholder=BRON_FIELDS["datum"].voorbeeld),
    Question("bron_url", "input", "Bron: webadres", _explained(BRON_FIELDS["url"]), placeholder=BRON_FIELDS["url"].voorbeeld),
    Question("verhaal", "textarea", "Het verhaal", "De tekst van de praktijk: de aanleiding, de aanpak en wat het "
             "opleverde. Tussentitels met '## '. Geen HTML.", required=True),
)

# The fields a correction can name: everything an editor may read on a practice page.
CORRECTIE_VELDEN = tuple(name for name in RECORD_FIELDS if name not in ("slug", "laatst_gecontroleerd", "toegevoegd"))
CORRECTIE: tuple[Question, ...] = (
    Question("praktijk", "input", "Praktijk", "De praktijk die niet meer klopt (de laatste deel van haar webadres, "
             "bv. gent-iedereen-onder-dak). Kom je van de pagina van de praktijk, dan staat dit al ingevuld.", required=True),
    Question("veld", "dropdown", "Veld", "Wat klopt er niet meer?", required=True),
    Question("waarde", "textarea", "Wat is nu juist?", "De juiste tekst, zoals hij op de fiche moet komen. Is het een "
             "lijst (partners), zet dan één waarde per regel.", required=True),
    Question("bron", "textarea", "Bron", "Waar staat het? Een webadres, een document of wie het bevestigde (bv. de "
             "contactpersoon, op welke datum).", required=True),
)


def veld_option(name: str) -> str:
    return f"{label(name)} ({name})"


def _options(q: Question, vocab: Vocab) -> list[str]:
    if q.vocab:
        return [f"{term.label} ({key})" for key, term in vocab.terms(q.vocab).items()]
    if q.id == "veld":
        return [veld_option(name) for name in CORRECTIE_VELDEN] + ["Iets anders (anders)"]
    return []


def _item(q: Question, vocab: Vocab, privacy_url: str) -> dict[str, Any]:
    attributes: dict[str, Any] = {"label": q.label, "description": q.description}
    if q.type == "checkboxes":
        text = TOESTEMMING.replace("de privacypagina", f"[de privacypagina]({privacy_url})") if privacy_url else TOESTEMMING
        attributes["options"] = [{"label": text, "required": True}]
        return {"type": q.type, "id": q.id, "attributes": attributes}
    if q.type == "dropdown":
        attributes["multiple"] = q.multiple
        attributes["options"] = _options(q, vocab)
    elif q.placeholder:
        attributes["placeholder"] = q.placeholder
    item: dict[str, Any] = {"type": q.type, "id": q.id, "attributes": attributes}
    if q.required:
        item["validations"] = {"required": True}
    return item


def forms(vocab: Vocab, site_url: str = "") -> dict[str, str]:
    """The two forms' YAML texts, by file name."""
    privacy = site_url.rstrip("/") + "/" + PRIVACY_PAGE if site_url else ""
    voorstel = {
        "name": "Nieuwe praktijk voorstellen",
        "description": "Stel een goede praktijk van lokaal integratiebeleid voor; een redacteur maakt er een fiche van.",
        "title": "Nieuwe praktijk: ",
        "labels": ["nieuwe praktijk"],
        "body": [{"type": "markdown", "attributes": {"value": (
            "Bedankt! Vul in wat je weet; wat de bron niet vermeldt, laat je leeg. Een redacteur leest je voorstel, "
            "maakt er een fiche van en vult aan wat nog ontbreekt. Dit issue is openbaar: zet er geen naam, e-mailadres "
            "of telefoonnummer van een persoon in zonder dat die ermee instemt.\n")}},
            *(_item(q, vocab, privacy) for q in VOORSTEL)],
    }
    correctie = {
        "name": "Een wijziging melden",
        "description": "Klopt er iets niet meer op de fiche van een praktijk? Meld wat nu juist is.",
        "title": "Wijziging: ",
        "labels": ["wijziging"],
        "body": [{"type": "markdown", "attributes": {"value": (
            "Bedankt! Een redacteur legt je melding naast de bron en past de fiche aan. Dit issue is openbaar: zet er "
            "geen gegevens van een persoon in zonder dat die ermee instemt.\n")}},
            *(_item(q, vocab, privacy) for q in CORRECTIE)],
    }
    return {VOORSTEL_FORM: _dump(voorstel), CORRECTIE_FORM: _dump(correctie)}


HEADER = "# Gemaakt door 'gids formulieren' uit generator/records/fields.py en vocab.yml; pas die aan, niet dit bestand.\n"


def _dump(form: dict[str, Any]) -> str:
    return HEADER + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=120)


def add_formulieren_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("formulieren", help="de issueformulieren voor GitHub schrijven uit de velden en de gesloten lijsten",
                       description="Schrijft .github/ISSUE_TEMPLATE/nieuwe-praktijk.yml en correctie.yml.")
    p.add_argument("--map", type=Path, default=FORMS_DIR, help=f"waar de formulieren komen (standaard: {FORMS_DIR})")
    p.add_argument("--site-url", default="", help="het adres van de site, voor de link naar de privacypagina")


def run_formulieren(args: argparse.Namespace) -> int:
    if not args.map.is_dir():
        print(f"gids formulieren: de map '{args.map}' bestaat niet", flush=True)
        return 2
    for name, text in forms(load_vocab(), args.site_url).items():
        (args.map / name).write_text(text, encoding="utf-8")
        print(args.map / name)
    return 0
