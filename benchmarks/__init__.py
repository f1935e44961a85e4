"""Benchmarks for Selfcare: cue timing, start-up, and the load of a playing session.

Run them all with `python -m benchmarks.run` (`--quick` for a CI-sized run);
`benchmarks/README.md` explains each figure and how it is measured.
"""
