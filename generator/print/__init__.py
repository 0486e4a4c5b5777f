"""The print edition: which practices and pages it holds, its HTML, and WeasyPrint's layout into a PDF."""
