import sys, tempfile
from pathlib import Path
from tests import test_relevance as t
from generator.records.catalog import load_catalog
from tests.conftest import FIXTURE_PRAKTIJKEN
qs = sys.argv[1:]
t.CASES[:] = [t.case(q) for q in qs]
t.SINGULAR_PLURAL[:] = []
with tempfile.TemporaryDirectory() as tmp:
    r = t.rank(load_catalog(FIXTURE_PRAKTIJKEN).records, Path(tmp))
for q in qs:
    print(repr(q), len(r[q]), [(s[:40], round(v, 2)) for s, v in r[q][:5]])
