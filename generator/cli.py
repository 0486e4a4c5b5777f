"""The ``gids`` command: check the records, build the site, preview it.

Every message is Dutch; a problem in a record never shows a traceback.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .catalog import load_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="gids", description="Catalogus 'Van opvang naar samenleven': praktijken nakijken en de site bouwen.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    check = sub.add_parser("check", help="alle praktijken nakijken; stopt met code 1 bij fouten")
    check.add_argument("map", nargs="?", default="praktijken", help="map met de praktijken (standaard: praktijken)")
    check.add_argument("-q", "--stil", action="store_true", help="alleen fouten tonen, geen samenvatting")

    build = sub.add_parser("build", help="de site bouwen in site/ (alleen als alle praktijken in orde zijn)")
    build.add_argument("-f", "--config", default="mkdocs.yml", help="MkDocs-configuratie (standaard: mkdocs.yml)")
    build.add_argument("-d", "--doel", default="site", help="doelmap (standaard: site)")

    serve = sub.add_parser("serve", help="de site live bekijken terwijl je schrijft")
    serve.add_argument("-f", "--config", default="mkdocs.yml")
    serve.add_argument("-a", "--adres", default="127.0.0.1:8000", help="adres:poort (standaard: 127.0.0.1:8000)")

    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return run_check(Path(args.map), args.stil)
        if args.command == "build":
            from .build import build_site
            return build_site(Path(args.config), Path(args.doel))
        if args.command == "serve":
            from mkdocs.commands.serve import serve as mkdocs_serve
            mkdocs_serve(config_file=args.config, dev_addr=args.adres, livereload=True)
            return 0
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


if __name__ == "__main__":
    sys.exit(main())
