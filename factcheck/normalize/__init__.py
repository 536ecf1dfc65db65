"""Normalization: numbers, units (one pint registry), dates, entity aliases."""
