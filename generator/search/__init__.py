"""The catalogue's search: lunr indexes (with the Dutch stemmer), the catalogue page's data, related practices."""
