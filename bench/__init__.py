"""Spinewise benchmarks: ``python -m bench`` measures and writes docs/performance.md.

These are measurements, not timed tests: nothing here fails the build. Each section
catches its own errors and reports them in the document.
"""
