"""The core: a practice record, its fields, loading, validation and what is derived from it.

Imports no other package but shared."""
