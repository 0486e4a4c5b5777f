"""Measure the print edition: `gids pdf` beside a plain `weasyprint` run on the same HTML.

Usage: .venv/bin/python bench/bench_pdf.py [--herhaal K] [echt | N ...]   (default: K=3, echt 200)

For each catalogue ("echt" = the real records, N = N synthetic records made from them,
as in bench_build.py) it prints the wall time, peak memory (max RSS) and page count of
  - gids pdf                the whole guide, as editors and `gids build` make it;
  - plain weasyprint        WeasyPrint alone doing the same work: exactly the HTML gids pdf lays out (QR codes
                            included), and where gids pdf lays the guide out a second time with some practices set
                            tighter (print/fill.py), that second HTML too; the same PDF/UA variant, no progress,
                            no link descriptions, no search for near-empty pages;
and the ratio, and how many times each lays the guide out. Each command runs in its own process, K times,
alternating with the other, and the fastest run counts (the least disturbed by whatever else the machine
does; the spread is shown). Target: the whole real guide within 10 s on this machine, at no more than 1.05x
the plain WeasyPrint time of the same work.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_build import copy_project, measure  # noqa: E402

from generator.print.edition import make_edition  # noqa: E402
from generator.print.fill import near_empty_pages, tails  # noqa: E402
from generator.print.html import build_html  # noqa: E402
from generator.print.pdf import PDF_OPTIONS, metadata_date  # noqa: E402
from generator.print.qr import site_url_in  # noqa: E402
from generator.records.inputs import load_inputs  # noqa: E402
from generator.records.layout import CONFIG, ProjectLayout  # noqa: E402

TARGET_SECONDS, TARGET_RATIO = 10.0, 1.05
# WeasyPrint alone: lay out each HTML file named, write the last one's PDF (argv: output, html...)
PLAIN = ("import sys; from weasyprint import HTML; "
         f"documents = [HTML(filename=f).render(**{PDF_OPTIONS!r}) for f in sys.argv[2:]]; "
         f"documents[-1].write_pdf(sys.argv[1], **{PDF_OPTIONS!r})")


def write_plain_html(project: Path) -> list[Path]:
    """The HTML gids pdf lays out, as files beside the print template (so their relative URLs resolve): the first
    layout's, and the second's if gids pdf sets some practices tighter (found as gids pdf finds them; untimed)."""
    from weasyprint import HTML

    layout = ProjectLayout.in_folder(project)
    invoer = load_inputs(layout)
    assert not invoer.errors and invoer.boek is not None, invoer.errors[:3]
    editie = make_edition(invoer.boek, invoer.records)

    def html(tight: frozenset[str] = frozenset()) -> str:
        return build_html(editie, docs_dir=layout.docs, theme_dir=layout.theme, vocab=invoer.vocab,
                          datum=metadata_date(editie.praktijken), site_url=site_url_in(layout.root / CONFIG),
                          tight=tight)

    first = layout.theme / "print" / "bench.html"
    first.write_text(html(), encoding="utf-8")
    document = HTML(filename=first).render(**PDF_OPTIONS)
    tight = tails(document, near_empty_pages(document), editie.ankers())
    if not tight:
        return [first]
    second = layout.theme / "print" / "bench-krap.html"
    second.write_text(html(tight), encoding="utf-8")
    return [first, second]


def pages(pdf: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(pdf).pages)


def main(args: list[str]) -> None:
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return
    repeat = 3
    if args[:1] == ["--herhaal"]:
        repeat, args = int(args[1]), args[2:]
    sizes = args or ["echt", "200"]
    python = sys.executable
    os.environ["PYTHONPATH"] = str(ROOT) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    print(f"# gids pdf bench (Python {sys.version.split()[0]}, {os.cpu_count()} cores, snelste van {repeat} runs)")
    print(f"{'catalogus':>10} {'stap':<18} {'seconden':>9} {'(traagste)':>10} {'piek MiB':>9} {'pagina':>7}")
    for size in sizes:
        count = None if size == "echt" else int(size)
        with tempfile.TemporaryDirectory(prefix="gids-pdf-bench-") as tmp:
            project = copy_project(Path(tmp), count)
            htmls = write_plain_html(project)
            print(f"{'':>10} (beide maken de gids {len(htmls)} keer op"
                  f"{': een tweede keer met praktijken krapper gezet' if len(htmls) > 1 else ''})")
            gids_pdf, plain_pdf = project / "gids.pdf", project / "plain.pdf"
            commands = {
                "gids pdf": [python, "-m", "generator.cli", "pdf", "-o", str(gids_pdf)],
                "plain weasyprint": [python, "-c", PLAIN, str(plain_pdf), *map(str, htmls)],
            }
            runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
            for _ in range(repeat):
                for name, command in commands.items():
                    runs[name].append(measure(command, project))
            label = "echt" if count is None else str(count)
            for (name, measured), pdf in zip(runs.items(), (gids_pdf, plain_pdf), strict=True):
                fastest, slowest = min(t for t, _ in measured), max(t for t, _ in measured)
                peak = max(m for _, m in measured)
                print(f"{label:>10} {name:<18} {fastest:>9.2f} {slowest:>10.2f} {peak:>9.0f} {pages(pdf):>7}")
            gids_s, plain_s = (min(t for t, _ in runs[name]) for name in commands)
            ratio = gids_s / plain_s
            met = ratio <= TARGET_RATIO and (count is not None or gids_s <= TARGET_SECONDS)
            print(f"{label:>10} {'gids / plain':<18} {ratio:>9.2f}x   "
                  f"[doel: hele gids <= {TARGET_SECONDS:.0f} s en <= {TARGET_RATIO}x: {'gehaald' if met else 'NIET gehaald'}]")


if __name__ == "__main__":
    main(sys.argv[1:])
