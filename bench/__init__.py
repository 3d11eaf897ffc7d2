"""Vigil's benchmarks: `make bench` (`python -m bench`). Figures only, no assertions; see bench/__main__.py."""
