"""The ``gids`` command: check the records, build the site, preview it, print the guide.

Every message is Dutch; a problem in a record never shows a traceback.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .catalog import load_catalog
from .pdf import PDF_NAAM, SELECTIE_NAAM, Bronnen, Voortgang, grootte, load_inputs, make_pdf
from .selectie import Selectie, SelectieFout, edition_for


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gids", description="Catalogus 'Van opvang naar samenleven': praktijken nakijken en de site bouwen.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    check = sub.add_parser("check", help="alle praktijken nakijken; stopt met code 1 bij fouten")
    check.add_argument("map", nargs="?", default="praktijken", help="map met de praktijken (standaard: praktijken)")
    check.add_argument("-q", "--stil", action="store_true", help="alleen fouten tonen, geen samenvatting")

    build = sub.add_parser("build", help="de site en de gids als pdf bouwen in site/ (alleen als alle praktijken in orde zijn)")
    build.add_argument("-f", "--config", default="mkdocs.yml", help="MkDocs-configuratie (standaard: mkdocs.yml)")
    build.add_argument("-d", "--doel", default="site", help="doelmap (standaard: site)")
    build.add_argument("--zonder-pdf", action="store_true", help="de site bouwen zonder de pdf van de gids (sneller)")

    serve = sub.add_parser("serve", help="de site live bekijken terwijl je schrijft")
    serve.add_argument("-f", "--config", default="mkdocs.yml")
    serve.add_argument("-a", "--adres", default="127.0.0.1:8000", help="adres:poort (standaard: 127.0.0.1:8000)")

    _add_pdf_parser(sub)

    schema = sub.add_parser("schema", help="het JSON Schema van een praktijk, voor de hulp in je editor")
    schema.add_argument("-o", "--uitvoer", type=Path, help="bestand om het schema in te schrijven (standaard: tonen)")

    from .nieuw import add_nieuw_parser
    add_nieuw_parser(sub)

    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return run_check(Path(args.map), args.stil)
        if args.command == "build":
            from .build import build_site
            return build_site(Path(args.config), Path(args.doel), pdf=not args.zonder_pdf)
        if args.command == "serve":
            from mkdocs.commands.serve import serve as mkdocs_serve
            mkdocs_serve(config_file=args.config, dev_addr=args.adres, livereload=True)
            return 0
        if args.command == "pdf":
            return run_pdf(args)
        if args.command == "schema":
            return run_schema(args.uitvoer)
        if args.command == "nieuw":
            from .nieuw import run_nieuw
            return run_nieuw(args)
    except KeyboardInterrupt:
        return 130
    return 2


def run_check(folder: Path, quiet: bool = False) -> int:
    started = time.perf_counter()
    catalog = load_catalog(folder)
    for error in catalog.errors:
        print(error)
    if not quiet:
        files = len(catalog.records) + len({e.path for e in catalog.errors})
        seconds = time.perf_counter() - started
        if catalog.ok:
            print(f"{len(catalog.records)} praktijken nagekeken in {seconds:.2f} s: geen fouten.", file=sys.stderr)
        else:
            print(f"{len(catalog.errors)} fout(en) in {len({e.path for e in catalog.errors})} van {files} bestanden.", file=sys.stderr)
    return 0 if catalog.ok else 1


PDF_UITLEG = """\
Zonder keuze: de hele gids (omslag, inhoudstafel, voorwoord, cijfers, de delen en hoofdstukken
met hun situerende artikels en praktijken, de partners en het colofon).

Met --thema, --hoofdstuk, --provincie of --praktijk: een selectie. Die bevat alleen de gekozen
praktijken en de hoofdstukken waartoe ze horen (met hun situerende artikels), een eigen
inhoudstafel en het colofon; voorwoord, cijfers en partners blijven weg. Een optie mag vaker:
binnen één soort volstaat één waarde (OF), verschillende soorten moeten allemaal kloppen (EN).
Voorbeeld: gids pdf --thema huisvesting --thema werk --provincie antwerpen --titel "Inspiratiedag wonen"
"""


def _add_pdf_parser(sub) -> None:
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
                     help=f"pdf-bestand (standaard: site/{PDF_NAAM} voor de hele gids, {SELECTIE_NAAM} voor een selectie)")
    pdf.add_argument("--map", type=Path, default=Path("."), help="projectmap met praktijken/, boek.yml, docs/ en theme/ (standaard: .)")
    pdf.add_argument("--voortgang", action="store_true", help="voortgang tonen, ook als de uitvoer geen terminal is")


def run_pdf(args: argparse.Namespace) -> int:
    bronnen = Bronnen.in_map(args.map)
    voortgang = Voortgang.automatisch(args.voortgang)
    voortgang.stap("praktijken en boekdefinitie inlezen")
    invoer = load_inputs(bronnen)
    if invoer.errors or invoer.boek is None:
        for error in invoer.errors:
            print(error, file=sys.stderr)
        print(f"De pdf is niet gemaakt: {len(invoer.errors)} fout(en) in de praktijken of de boekdefinitie.", file=sys.stderr)
        return 1
    selectie = Selectie(tuple(args.thema), tuple(args.hoofdstuk), tuple(args.provincie), tuple(args.praktijk))
    try:
        editie = edition_for(invoer.boek, invoer.records, invoer.vocab, selectie, args.titel)
    except SelectieFout as exc:
        print(f"De pdf is niet gemaakt:\n{exc}", file=sys.stderr)
        return 1
    target = args.uitvoer or (Path(SELECTIE_NAAM) if selectie else Path("site") / PDF_NAAM)
    try:
        result = make_pdf(editie, target, bronnen, invoer.vocab, voortgang)
    except OSError as exc:
        print(f"De pdf is niet gemaakt: {target} kan niet geschreven worden ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("GIDS_DEBUG"):
            raise
        print(f"De pdf is niet gemaakt door een interne fout ({type(exc).__name__}: {str(exc)[:300]}). "
              "Meld dit aan de beheerders; GIDS_DEBUG=1 toont de details.", file=sys.stderr)
        return 1
    for warning in result.waarschuwingen:
        print(f"waarschuwing: {warning}", file=sys.stderr)
    if voortgang.aan:
        print(f"PDF geschreven: {target} ({result.paginas} pagina's, {grootte(result.grootte)}, {result.seconden:.1f} s).",
              file=sys.stderr)
    return 0


def run_schema(target: Path | None) -> int:
    from .schema import schema_json
    from .vocab import load_vocab
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
