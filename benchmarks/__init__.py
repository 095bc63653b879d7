"""Benchmarks of the dashboard: scripts that print tables (run `python -m benchmarks.run`)."""
