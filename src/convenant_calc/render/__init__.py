"""Renderers: read a Settlement, write text. No rule is computed here."""
