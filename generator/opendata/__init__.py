"""The catalogue for machines and re-users: open data (JSON, CSV), the Atom feed, linked data, privacy."""
