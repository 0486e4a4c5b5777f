"""The catalogue as a whole: many files, validated in parallel, give the same answer as one by one."""
from __future__ import annotations

from pathlib import Path

from generator.records import catalog as catalog_module
from generator.records.catalog import load_catalog

GELDIG = Path(__file__).parent / "fixtures" / "geldig" / "gent-buurtgericht-onthaal.md"


def test_large_catalogue_is_validated_in_parallel_with_the_same_result(tmp_path, monkeypatch):
    text = GELDIG.read_text(encoding="utf-8")
    count = catalog_module.PARALLEL_FROM + 50
    for i in range(count):
        (tmp_path / f"praktijk-{i:04d}.md").write_text(text, encoding="utf-8")
    broken = tmp_path / "praktijk-0123.md"
    broken.write_text(text.replace("themas: [", "themas: [sport, ", 1), encoding="utf-8")

    parallel = load_catalog(tmp_path)
    monkeypatch.setattr(catalog_module, "PARALLEL_FROM", 10**9)
    serial = load_catalog(tmp_path)

    assert len(parallel.records) == count - 1
    assert [str(e) for e in parallel.errors] == [str(e) for e in serial.errors]
    assert len(parallel.errors) == 1 and "praktijk-0123.md" in parallel.errors[0].path
    assert [r.slug for r in parallel.records] == [r.slug for r in serial.records]
