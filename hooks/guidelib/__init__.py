"""Shared, dependency-light helpers for the MkDocs hooks, the tests and scripts/docs.py."""
