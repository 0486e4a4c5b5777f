"""Measure `gids check` and `gids build` on synthetic catalogues, beside a plain `mkdocs build`.

Usage: python bench/bench_build.py [AANTAL ...]   (default: 1000 5000)

For each size it writes a synthetic project (records made from the real records'
vocabulary: places, themes, fiche texts, story paragraphs), then prints the wall
time and peak memory (max RSS) of:
  - gids check            (validation only)
  - gids build            (validation + MkDocs + Material through the plugin)
  - plain mkdocs build    (the same pages written out as Markdown files, Material with
                           its usual search plugin, the same nav without the records)
and the ratio build/plain. Each command runs in its own process.
"""
from __future__ import annotations

import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from generator.records.book import load_book  # noqa: E402
from generator.records.catalog import load_catalog  # noqa: E402
from generator.records.vocab import load_vocab  # noqa: E402
from generator.site.pages import SiteModel, fragment_context, fragment_env  # noqa: E402


class _EnvLoader(yaml.SafeLoader):
    """mkdocs.yml's '!ENV [NAME, default]' read as its default, as MkDocs does when NAME is not set."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def synthetic_records(folder: Path, count: int, seed: int = 2016) -> None:
    """Write `count` valid records built from pieces of the real ones."""
    rng = random.Random(seed)
    real = [p for p in sorted((ROOT / "praktijken").glob("*.md"))]
    parsed = []
    for path in real:
        text = path.read_text(encoding="utf-8")
        _, front, story = text.split("---\n", 2)
        parsed.append((yaml.load(front, Loader=yaml.BaseLoader), story))
    paragraphs = [p for _, story in parsed for p in story.split("\n\n") if len(p) > 80 and not p.startswith("#")]
    vocab = load_vocab()
    gemeenten = sorted(g for g, info in vocab.gemeenten.items() if info.land == "België" and info.refnis and not info.opvolger)
    folder.mkdir(parents=True)
    for i in range(count):
        front, _ = parsed[i % len(parsed)]
        front = dict(front)
        place = rng.choice(gemeenten)
        words = front["titel"].split()
        rng.shuffle(words)
        front.update(titel=" ".join(words), plaats=place, gemeenten=[place], samenvatting=front["samenvatting"][:280])
        front.pop("provincies", None)
        story = "\n\n".join(
            (f"## {rng.choice(paragraphs)[:40].strip()}\n\n" if k % 3 == 0 else "") + rng.choice(paragraphs)
            for k in range(rng.randint(5, 9))
        )
        slug = f"praktijk-{i:05d}"
        (folder / f"{slug}.md").write_text(
            "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + story + "\n",
            encoding="utf-8")


def copy_project(base: Path, count: int | None) -> Path:
    """A copy of this project in base/gids; with `count`, its records replaced by synthetic ones."""
    project = base / "gids"
    project.mkdir()
    for name in ("mkdocs.yml", "boek.yml"):
        shutil.copy(ROOT / name, project / name)
    for folder in ("docs", "theme"):
        shutil.copytree(ROOT / folder, project / folder)
    if count is None:
        shutil.copytree(ROOT / "praktijken", project / "praktijken")
    else:
        synthetic_records(project / "praktijken", count)
    return project


def make_projects(base: Path, count: int) -> tuple[Path, Path]:
    """A gids project and a plain MkDocs project with the same pages."""
    gids = copy_project(base, count)

    plain = base / "plain"
    shutil.copytree(gids / "docs", plain / "docs")
    shutil.copytree(gids / "theme", plain / "theme")
    vocab = load_vocab()
    catalog = load_catalog(gids / "praktijken", vocab)
    assert catalog.ok, catalog.errors[:5]
    boek, _ = load_book(gids / "boek.yml", gids / "docs", vocab)
    model = SiteModel(boek, vocab, catalog.records)
    env = fragment_env(gids / "theme")
    for page in model.pages():
        # The same HTML the plugin produces, written out as a plain Markdown page.
        fragment = env.get_template(page.fragment).render(
            **fragment_context(model, lambda target: "/" + target), **page.template_context())
        target = plain / "docs" / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown + "\n\n" + fragment + "\n", encoding="utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config["plugins"] = [{"search": {"lang": "nl"}}]
    config["nav"] = model.nav()
    config["strict"] = False
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return gids, plain


def run_measured(command: list[str], cwd: Path) -> tuple[float, resource.struct_rusage]:
    """Wall seconds and resource usage (the command and the processes it waited for) of one command in its own
    process; a command that fails stops the bench with its stderr."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}: {process.stderr.read().decode()[-2000:]}")
    return seconds, usage


def measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one command in its own process."""
    seconds, usage = run_measured(command, cwd)
    return seconds, usage.ru_maxrss / 1024


def main(sizes: list[int]) -> None:
    python = sys.executable
    gids = [python, "-m", "generator.cli"]
    env_note = f"Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    print(f"# gids bench ({env_note})")
    print(f"{'records':>8} {'stap':<22} {'seconden':>9} {'piek MiB':>9} {'ms/record':>10}")
    results = {}
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="gids-bench-") as tmp:
            project, plain = make_projects(Path(tmp), count)
            env_path = os.environ.get("PYTHONPATH", "")
            os.environ["PYTHONPATH"] = f"{ROOT}{os.pathsep}{env_path}" if env_path else str(ROOT)
            rows = {
                "gids check": measure(gids + ["check", "praktijken"], project),
                "gids build": measure(gids + ["build", "--zonder-pdf"], project),
                "plain mkdocs build": measure([python, "-m", "mkdocs", "build", "-q"], plain),
            }
            for name, (seconds, peak) in rows.items():
                print(f"{count:>8} {name:<22} {seconds:>9.2f} {peak:>9.0f} {1000 * seconds / count:>10.2f}")
            ratio = rows["gids build"][0] / rows["plain mkdocs build"][0]
            print(f"{count:>8} {'build / plain':<22} {ratio:>9.2f}x")
            results[count] = {name: {"s": round(s, 3), "mib": round(m)} for name, (s, m) in rows.items()}
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        growth = results[b]["gids build"]["s"] / results[a]["gids build"]["s"]
        print(f"groei gids build {a} -> {b} records: {growth:.2f}x voor {b / a:.1f}x zoveel records")
    print(json.dumps(results))


if __name__ == "__main__":
    main([int(n) for n in sys.argv[1:]] or [1000, 5000])
