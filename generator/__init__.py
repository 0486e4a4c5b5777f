"""Generator of the catalogue "Van opvang naar samenleven": records in, site and guide out."""
