"""The ``gids`` command: check the records, build the site, preview it, print the guide.

Every message is Dutch; a problem in a record never shows a traceback.
"""
from __future__ import annotations

import argparse
import difflib
import errno
import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from ..print import fill
from ..print.handoff import PdfRefused
from ..print.pdf import PDF_NAME, SELECTION_NAME, make_pdf
from ..print.progress import Progress
from ..print.qr import site_url_in
from ..print.selection import Selection, SelectionError, edition_for
from ..records.catalog import load_catalog
from ..records.dates import today
from ..records.errors import TeDiepGenest, display_path
from ..records.freshness import DEFAULT_MONTHS, stale_warnings
from ..records.inputs import load_inputs
from ..records.layout import CONFIG, PRAKTIJKEN, ProjectLayout
from ..records.report import FORMATS, is_ok, render, summary
from ..records.schema import stale_schema
from ..records.vocab import load_vocab
from ..shared.safe_output import guarded, own
from ..shared.sizes import human_size
from ..site.links import check_links
from .argparse_nl import GidsParser


def main(argv: list[str] | None = None) -> int:
    # everything printed, also by argparse, MkDocs and Python itself, shows a record's control characters
    # as escapes and, in GitHub Actions, starts no workflow command (safe_output)
    with guarded():
        return _run(argv)


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            return run_check(Path(args.map), args.stil, fmt=args.format, verouderd_na=args.verouderd_na, strict=args.strict,
                             sinds=args.sinds, uitgebreid=args.uitgebreid)
        if args.command == "toon":
            return run_toon(args.map, args.slug)
        if args.command == "build":
            from ..site.build import build_site
            return build_site(Path(args.config), Path(args.doel), pdf=not args.zonder_pdf)
        if args.command == "serve":
            return run_serve(args.config, args.adres)
        if args.command == "pdf":
            return run_pdf(args)
        if args.command == "schema":
            return run_schema(args.uitvoer)
        if args.command == "nieuw":
            from .nieuw import run_nieuw
            return run_nieuw(args)
        if args.command == "voorstel":
            from .voorstel import run_voorstel
            return run_voorstel(args)
        if args.command == "formulieren":
            from .formulieren import run_formulieren
            return run_formulieren(args)
    except KeyboardInterrupt:
        return 130
    return 2


def build_parser() -> argparse.ArgumentParser:
    """The parser of `gids` and its subcommands; GidsParser makes argparse's own texts Dutch in all of them."""
    parser: argparse.ArgumentParser = GidsParser(
        prog="gids", description="Catalogus 'Van opvang naar samenleven': praktijken nakijken en de site bouwen.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    check = sub.add_parser("check", help="alle praktijken nakijken; stopt met code 1 bij fouten",
                           description=CHECK_UITLEG, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("map", nargs="?", default=PRAKTIJKEN, help=f"map met de praktijken (standaard: {PRAKTIJKEN})")
    check.add_argument("-q", "--stil", action="store_true", help="alleen de problemen tonen, geen samenvatting")
    check.add_argument("--format", choices=FORMATS, default="tekst",
                       help="tekst (standaard, voor mensen), github (aantekeningen in GitHub Actions) of json")
    check.add_argument("--verouderd-na", type=_maanden, default=DEFAULT_MONTHS, metavar="MAANDEN",
                       help="waarschuwen voor fiches die langer dan MAANDEN maanden niet nagekeken zijn "
                            f"(standaard: {DEFAULT_MONTHS})")
    check.add_argument("--strict", action="store_true", help="ook waarschuwingen doen de controle mislukken (code 1)")
    check.add_argument("--sinds", metavar="GIT-REF",
                       help="waarschuwingen over oude gegevens alleen voor praktijken die sinds GIT-REF gewijzigd of "
                            "nieuw zijn (bv. origin/main in een pull request); fouten altijd voor alle praktijken")
    check.add_argument("-v", "--uitgebreid", action="store_true",
                       help="per praktijk ook tonen wat de generator afleidt (datum van de gegevens, start, einde, "
                            "lopend, bedrag, VTE) en waarop dat steunt")

    toon = sub.add_parser("toon", help="tonen wat de generator uit een praktijk afleidt, en waarop dat steunt",
                          description="Toont voor een praktijk de datum van de gegevens en elk afgeleid feit (start, "
                                      "einde, lopend, bedrag, VTE) met de tekst waarop het steunt, zodat je een "
                                      "verkeerde lezing ziet en kunt overschrijven.")
    toon.add_argument("slug", nargs="+", help="de bestandsnaam van de praktijk zonder .md, een deel ervan (bv. gent-iedereen) "
                                               "of het pad naar het bestand")
    toon.add_argument("--map", type=Path, default=Path(PRAKTIJKEN), help=f"map met de praktijken (standaard: {PRAKTIJKEN})")

    build = sub.add_parser("build", help="de site en de gids als pdf bouwen in site/ (alleen als alle praktijken in orde zijn)")
    build.add_argument("-f", "--config", default=CONFIG, metavar="BESTAND", help=f"MkDocs-configuratie (standaard: {CONFIG})")
    build.add_argument("-d", "--doel", default="site", metavar="MAP", help="doelmap (standaard: site)")
    build.add_argument("--zonder-pdf", action="store_true", help="de site bouwen zonder de pdf van de gids (sneller)")

    serve = sub.add_parser("serve", help="de site live bekijken terwijl je schrijft")
    serve.add_argument("-f", "--config", default=CONFIG, metavar="BESTAND", help=f"MkDocs-configuratie (standaard: {CONFIG})")
    serve.add_argument("-a", "--adres", default="127.0.0.1:8000", metavar="ADRES", type=_adres,
                       help="adres:poort (standaard: 127.0.0.1:8000)")

    _add_pdf_parser(sub)

    schema = sub.add_parser("schema", help="het JSON Schema van een praktijk, voor de hulp in je editor")
    schema.add_argument("-o", "--uitvoer", type=Path, help="bestand om het schema in te schrijven (standaard: tonen)")

    from .formulieren import add_formulieren_parser
    from .nieuw import add_nieuw_parser
    from .voorstel import add_voorstel_parser
    add_nieuw_parser(sub)
    add_voorstel_parser(sub)
    add_formulieren_parser(sub)
    return parser


CHECK_UITLEG = """\
Kijkt elke praktijk na en meldt alle problemen tegelijk, met bestand, regel en kolom.

Fouten doen de controle mislukken (code 1). Waarschuwingen niet, behalve met --strict:
zo'n waarschuwing krijgt een fiche die langer dan --verouderd-na maanden niet is nagekeken
(volgens laatst_gecontroleerd). GIDS_VANDAAG=JJJJ-MM-DD kiest een andere datum als vandaag.

Voorbeelden: gids check
             gids check --format github          (in GitHub Actions)
             gids check --format json > problemen.json
             gids check --strict --verouderd-na 12
"""


def _maanden(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"verwacht een aantal maanden (een geheel getal vanaf 1), kreeg '{value}'")
    return int(value)


def _adres(value: str) -> str:
    if not re.fullmatch(r"[^\s:]+:[0-9]{1,5}", value.strip()):
        raise argparse.ArgumentTypeError(f"verwacht adres:poort, bv. 127.0.0.1:8000 of localhost:8001, kreeg '{value}'")
    return value.strip()


def run_check(folder: Path, quiet: bool = False, *, fmt: str = "tekst", verouderd_na: int = DEFAULT_MONTHS,
              strict: bool = False, sinds: str | None = None, uitgebreid: bool = False) -> int:
    """Print every problem in ``fmt`` on stdout and a summary on stderr; 0 when the check passes."""
    started = time.perf_counter()
    try:
        vandaag = today()
        touched = changed_records(folder, sinds) if sinds else None
    except ValueError as exc:
        print(f"gids check: {exc}", file=sys.stderr)
        return 2
    vocab = load_vocab()
    catalog = load_catalog(folder, vocab)
    # only valid records are dated: a record with errors fails the check anyway
    stale = stale_warnings(catalog.records, vandaag, verouderd_na)
    elsewhere = [w for w in stale if touched is not None and w.path not in touched]
    # boek.yml and docs/ as the build reads them (every problem at its line), then the links of stories and pages
    links = check_links(folder, catalog.records, vocab)
    problems = sorted(catalog.errors + links + stale_schema(folder.resolve().parent, vocab)
                      + [w for w in stale if w not in elsewhere])
    if fmt == "github":
        own(render(problems, fmt, strict), sys.stdout)  # our annotations: their values are escaped by github_command
    else:
        sys.stdout.write(render(problems, fmt, strict))
    if uitgebreid and fmt == "tekst":
        from ..records.explain import HERSTEL, text_block
        sys.stdout.write("".join("\n" + text_block(r) for r in catalog.records) + "\n" + HERSTEL + "\n")
    if not quiet:
        valid = {r.path for r in catalog.records}  # plus every other file with a problem: a record, boek.yml, a page
        files = len(valid) + len({e.path for e in problems if e.path not in valid})
        print(summary(problems, files, time.perf_counter() - started, strict), file=sys.stderr)
        if elsewhere:
            print(f"{len(elsewhere)} andere praktijk(en) hebben gegevens van meer dan {verouderd_na} maanden oud; deze "
                  f"wijziging raakt ze niet (gids check zonder --sinds toont ze).", file=sys.stderr)
    return 0 if is_ok(problems, strict) else 1


def run_toon(folder: Path, slugs: list[str]) -> int:
    """Print what the generator derives from each named record; 1 when one cannot be shown."""
    from ..records.explain import HERSTEL, text_block
    catalog = load_catalog(folder)
    by_slug = catalog.by_slug()
    code = 0
    for given in slugs:
        slug = Path(given).stem
        words = set(slug.split("-"))
        containing = [s for s in by_slug if words <= set(s.split("-"))]
        if slug not in by_slug and len(containing) == 1:
            slug = containing[0]  # part of one name: 'gids toon leuven' is enough when only one practice has it
        if slug in by_slug:
            sys.stdout.write(text_block(by_slug[slug]) + "\n")
            continue
        code = 1
        own = [e for e in catalog.errors if Path(e.path).stem == slug]
        if own:
            print(f"{slug}: de praktijk heeft fouten; los die eerst op:", file=sys.stderr)
            for error in own:
                print(f"  {error}", file=sys.stderr)
        elif containing:
            print(f"{slug}: meer praktijken hebben dat in hun naam; kies er een: {', '.join(sorted(containing))}",
                  file=sys.stderr)
        else:
            close = difflib.get_close_matches(slug, list(by_slug), n=1, cutoff=0.6)
            hint = f": bedoelde je '{close[0]}'?" if close else f" in {folder}"
            print(f"{slug}: geen praktijk met die naam{hint}", file=sys.stderr)
    if code == 0:
        print(HERSTEL, file=sys.stderr)
    return code


def changed_records(folder: Path, ref: str) -> set[str]:
    """The record paths (as `gids check` shows them) changed since the git ref, plus new untracked ones."""
    def git(*args: str) -> list[str]:
        try:
            done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
        except OSError as exc:
            raise ValueError(f"--sinds heeft git nodig, maar git kan niet starten ({exc.strerror or exc})") from None
        if done.returncode != 0:
            # git's own message is English: the editor gets what to do instead
            raise ValueError(f"--sinds {ref}: git kent die versie niet (of dit is geen git-repository); haal ze eerst "
                             "op, bv. git fetch origin main") from None
        return [line for line in done.stdout.splitlines() if line]

    # from where the branch left ``ref``: what changed on ``ref`` since is not this change's
    base = git("merge-base", ref, "HEAD")[0]
    names = git("diff", "--name-only", "--relative", base, "--", str(folder))
    names += git("ls-files", "--others", "--exclude-standard", "--", str(folder))
    return {display_path(Path(name)) for name in names}


def run_serve(config_file: str, address: str) -> int:
    """The engine's live preview, with its messages (and our record errors) on the terminal, in Dutch."""
    from ..site.engine import Abort, ConfigurationError, PluginError, serve
    from ..site.engine_messages import install, stop_message

    install(logging.INFO)  # every rebuild has a new plugin, which tells the messages where its pages come from
    if not Path(config_file).is_file():
        print(f"{config_file}: configuratiebestand niet gevonden", file=sys.stderr)
        return 1
    try:
        serve(config_file=config_file, dev_addr=address, livereload=True)
    except (PluginError, ConfigurationError, Abort) as exc:
        print(stop_message(exc), file=sys.stderr)
        print("De site kan niet getoond worden: los eerst de fouten hierboven op en start gids serve opnieuw.",
              file=sys.stderr)
        return 1
    except OSError as exc:  # the address: the site was built, the server cannot listen
        why = {errno.EADDRINUSE: "is al in gebruik (draait gids serve al in een andere terminal?)",
               errno.EACCES: "mag niet gebruikt worden (kies een poort boven 1024)"}.get(exc.errno or 0, "is niet beschikbaar")
        print(f"De site kan niet getoond worden: {address} {why}; kies een ander met -a, bv. -a 127.0.0.1:8001.",
              file=sys.stderr)
        return 1
    return 0


PDF_UITLEG = """\
Zonder keuze: de hele gids (omslag, inhoudstafel, voorwoord, cijfers, de delen en hoofdstukken
met hun situerende artikels en praktijken, de partners en het colofon).

Met --thema, --hoofdstuk, --provincie of --praktijk: een selectie. Die bevat alleen de gekozen
praktijken en de hoofdstukken waartoe ze horen (met hun situerende artikels), een eigen
inhoudstafel en het colofon; voorwoord, cijfers en partners blijven weg. Een optie mag vaker:
binnen één soort volstaat één waarde (OF), verschillende soorten moeten allemaal kloppen (EN).
Voorbeeld: gids pdf --thema huisvesting --thema werk --provincie antwerpen --titel "Inspiratiedag wonen"
"""


def _add_pdf_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pdf = sub.add_parser("pdf", help="de gids als pdf (A4): helemaal, of een selectie", description=PDF_UITLEG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    for option, metavar, what in (
            ("--thema", "THEMA", "alleen praktijken met dit thema (id of label, bv. huisvesting)"),
            ("--hoofdstuk", "HOOFDSTUK", "alleen praktijken uit dit hoofdstuk (id of label, bv. onthaalbeleid)"),
            ("--provincie", "PROVINCIE", "alleen praktijken uit deze provincie (id of label, bv. oost-vlaanderen)"),
            ("--praktijk", "SLUG", "alleen deze praktijk (de bestandsnaam zonder .md)")):
        pdf.add_argument(option, action="append", default=[], metavar=metavar, help=what)
    pdf.add_argument("--titel", help="titel op de omslag (standaard: Van opvang naar samenleven)")
    pdf.add_argument("-o", "--uitvoer", type=Path,
                     help=f"pdf-bestand (standaard: site/{PDF_NAME} voor de hele gids, {SELECTION_NAME} voor een selectie)")
    pdf.add_argument("--map", type=Path, default=Path("."),
                     help="projectmap met praktijken/, boek.yml, docs/ en theme/ (standaard: .)")
    pdf.add_argument("--voortgang", action="store_true", help="voortgang tonen, ook als de uitvoer geen terminal is")


def run_pdf(args: argparse.Namespace) -> int:
    layout = ProjectLayout.in_folder(args.map)
    progress = Progress.automatic(args.voortgang)
    progress.step("praktijken en boekdefinitie inlezen")
    inputs = load_inputs(layout)
    if inputs.errors or inputs.boek is None:
        for error in inputs.errors:
            print(error, file=sys.stderr)
        print(f"De pdf is niet gemaakt: {len(inputs.errors)} fout(en) in de praktijken of de boekdefinitie.", file=sys.stderr)
        return 1
    selectie = Selection(tuple(args.thema), tuple(args.hoofdstuk), tuple(args.provincie), tuple(args.praktijk))
    try:
        editie = edition_for(inputs.boek, inputs.records, inputs.vocab, selectie, args.titel)
    except SelectionError as exc:
        print(f"De pdf is niet gemaakt:\n{exc}", file=sys.stderr)
        return 1
    target = args.uitvoer or (Path(SELECTION_NAME) if selectie else Path("site") / PDF_NAME)
    try:
        result = make_pdf(editie, target, layout, inputs.vocab, progress, site_url=site_url_in(layout.root / CONFIG))
    except OSError as exc:
        print(f"De pdf is niet gemaakt: {target} kan niet geschreven worden ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    except PdfRefused as exc:
        for reason in exc.reasons:
            print(f"fout: {reason}", file=sys.stderr)
        print(f"De pdf is niet gemaakt: {len(exc.reasons)} fout(en) hierboven.", file=sys.stderr)
        return 1
    except TeDiepGenest as exc:
        print(f"De pdf is niet gemaakt: {exc}", file=sys.stderr)
        return 1
    except RecursionError:
        print("De pdf is niet gemaakt: een pagina is te diep genest om op te maken (citaten '>', lijsten of opmaak in "
              "elkaar); maak de opbouw vlakker", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("GIDS_DEBUG"):
            raise
        print(f"De pdf is niet gemaakt door een interne fout ({type(exc).__name__}: {str(exc)[:300]}). "
              "Meld dit aan de beheerders; GIDS_DEBUG=1 toont de details.", file=sys.stderr)
        return 1
    for warning in result.warnings:
        print(f"waarschuwing: {warning}", file=sys.stderr)
    if near_empty := fill.note(result.near_empty):
        print(f"opmerking: {near_empty}", file=sys.stderr)
    if progress.on:
        print(f"PDF geschreven: {target} ({result.pages} pagina's, {human_size(result.size)}, {result.seconds:.1f} s).",
              file=sys.stderr)
    return 0


def run_schema(target: Path | None) -> int:
    from ..records.schema import schema_json
    text = schema_json(load_vocab())
    if target is None:
        sys.stdout.write(text)
        return 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"Het schema is niet geschreven: {target} kan niet geschreven worden ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    print(f"Schema geschreven: {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
