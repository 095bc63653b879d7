"""Curated Moroccan migration indicators: models, checks, tables and charts."""
