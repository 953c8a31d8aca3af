"""Benchmarks of linebot_fp, side by side with the official ``line-bot-sdk`` v3.

Run them with ``python -m benchmarks.run`` from the project root (see README.md).
They are never part of the test suite; ``tests/test_benchmarks_smoke.py`` only
checks that our own measurement functions still run.
"""
