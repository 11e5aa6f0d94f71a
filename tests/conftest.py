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


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
