"""convenant: settle a Flemish sectorconvenant subsidy exactly.

Layers, in the order data flows: ``yamlpos`` (YAML with positions) → ``loading``
and ``models`` (frozen, validated) → ``checks`` (across files) → ``rules`` (pure,
one module per cluster of articles) → ``settlement`` (the result object) →
``render`` (table, JSON, reports) → ``cli`` (thin).
"""

__version__ = "0.1.0"
