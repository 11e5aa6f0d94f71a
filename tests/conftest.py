"""Shared builders: small cases written as the YAML a user would write, as dicts."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

REFERENCE = {
    "id": "lokale-besturen-2023-2025",
    "title": "Sectorconvenant 2023-2025 Lokale Besturen",
    "term": {"start": "2023-07-01", "end": "2025-06-30"},
    "max_subsidy": "424000.00",
    "consultants_fte": 4,
    "result_commitments": [
        {"id": "R1", "title": "Bereiken van werkvloeren", "target": 96},
        {"id": "R2", "title": "Infosessies zij-instroom met VIVO", "target": 4},
        {"id": "R3", "title": "Opgeleide jobcoaches", "target": 100},
        {"id": "R4", "title": "Deelnemers digitale vaardigheden", "target": 500},
        {"id": "R5", "title": "Deelnemers leiderschapstrajecten", "target": 500},
    ],
}


def example_as_of(case: Path) -> str | None:
    """The ``as_of`` of a casebook case's expected.yaml (S16: settle it with --as-of), or None."""
    import re

    expected = case / "expected.yaml"
    text = expected.read_text(encoding="utf-8") if expected.is_file() else ""
    found = re.search(r'^as_of:\s*"?(\d{4}-\d{2}-\d{2})', text, re.MULTILINE)
    return found.group(1) if found else None


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
