"""One source for the version, and metadata a package index shows."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest

import linebot_fp

ROOT = Path(__file__).resolve().parents[1]


def test_the_version_has_one_source():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.dev\d+)?", linebot_fp.__version__)
    assert importlib.metadata.version("linebot_fp") == linebot_fp.__version__


def test_the_metadata_names_urls_pythons_and_extras():
    """What the installed package says (``pip install -e .`` again after editing pyproject)."""
    metadata = importlib.metadata.metadata("linebot_fp")
    assert {url.split(",")[0] for url in metadata.get_all("Project-URL") or []} >= {
        "Homepage", "Documentation", "Changelog"}
    pythons = {c.rsplit(" :: ", 1)[1] for c in metadata.get_all("Classifier") or []
               if c.startswith("Programming Language :: Python :: 3.")}
    assert pythons == {"3.10", "3.11", "3.12", "3.13"}
    assert {"httpx", "aiohttp", "docs", "test"} <= set(metadata.get_all("Provides-Extra") or [])
    assert metadata["Requires-Python"] == ">=3.10"


def test_the_changelog_has_an_unreleased_section():
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog")
    assert "## [Unreleased]" in changelog
    assert "\n- " in changelog.split("## [Unreleased]", 1)[1].split("\n## [", 1)[0]
