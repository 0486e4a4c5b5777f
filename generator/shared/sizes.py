"""File sizes as a Dutch reader reads them."""
from __future__ import annotations


def human_size(size: int) -> str:
    """A size in bytes the Dutch way: '1,4 MB', '820 kB'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} kB"
