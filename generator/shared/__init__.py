"""Helpers every package may use: output that cannot fake a line or a terminal command."""
