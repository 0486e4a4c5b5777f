"""The guide's PDF for a screen reader: the machine-checkable rules of PDF/UA-1 (the pdfua checker), 0 findings.

What WeasyPrint's tagging leaves out is added by generator/print/tagging.py: the /Scope of every table
header, and the bookmarks panel open with the document. The guide is the fixture project's, laid out
once per run by its session build.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pdfua import Severity, validate

from generator.print.pdf import PDF_NAME

# pdfua 0.1.3's empty-heading rule fails on a /K that is an array (its as_integer() raises on arrays): it is
# skipped, and checked below by a read-back of our own.
SKIPPED_BY_CHECKER_BUG = {"UA-14-001"}


@pytest.fixture(scope="module")
def guide(fixture_site) -> Path:
    return fixture_site / PDF_NAME


@pytest.mark.pdf
def test_no_finding_of_the_pdfua_checker(guide):
    report = validate(str(guide))
    findings = [f"{f.rule_id} {f.severity.name} p.{f.location.page}: {f.message}" for f in report.findings
                if f.severity >= Severity.WARNING]
    assert findings == []
    assert {o.rule_id for o in report.skipped} <= SKIPPED_BY_CHECKER_BUG, [(o.rule_id, o.skipped_reason)
                                                                         for o in report.skipped]


@pytest.mark.pdf
def test_every_table_header_has_its_scope_and_every_heading_its_text(guide):
    with pikepdf.open(guide) as pdf:
        elements = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"]
        headers = [e for e in elements if e.get("/S") == "/TH"]
        assert headers and all(e["/A"].get("/Scope") in ("/Row", "/Column") for e in headers)
        # the fiche's headers ('Trekker', 'Partners', ...) head their rows
        assert {str(e["/A"]["/Scope"]) for e in headers} == {"/Row"}
        headings = [e for e in elements if str(e.get("/S", "")) in {f"/H{n}" for n in range(1, 7)}]
        assert headings and all(_marks_content(h) for h in headings)
        assert pdf.Root.get("/PageMode") == "/UseOutlines" and "/Outlines" in pdf.Root


def _marks_content(node: object) -> bool:
    """Whether a structure element reaches marked content (an MCID) through its kids: a heading with text."""
    if not isinstance(node, pikepdf.Dictionary):
        return False
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
        if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
            return True
        if isinstance(kid, pikepdf.Dictionary) and (kid.get("/Type") == "/MCR" or _marks_content(kid)):
            return True
    return False
