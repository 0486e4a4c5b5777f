"""Fewer garbage collections while WeasyPrint lays out."""
from __future__ import annotations

import gc


class FewerCollections:
    """Fewer garbage collections while WeasyPrint lays out.

    Layout allocates millions of short-lived objects; at Python's default threshold the cyclic
    collector runs thousands of times and walks every live object, the records and vocabularies
    included. Freezing what exists and collecting the youngest generation less often takes a
    tenth off the guide's time at the same peak memory (bench/bench_pdf.py).
    """

    THRESHOLD = (100_000, 50, 100)

    def start(self) -> None:
        self.previous = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(*self.THRESHOLD)

    def stop(self) -> None:
        gc.set_threshold(*self.previous)
        gc.unfreeze()
