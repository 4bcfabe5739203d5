"""Benchmarks: ``python -m bench`` prints one JSON object per figure (name, value, unit, target, peer, ratio)."""
