"""convenant: settle a Flemish sectorconvenant subsidy exactly.

Layers, bottom to top, in the order data flows (a module imports only its own layer
or lower ones; ``tests/test_layers.py`` checks it, and that no import cycle exists):
``core`` (models, money, rules, settlement: pure) → ``io`` (YAML with positions,
loading, cross-file checks, writing) → ``views`` (report model, ledger, labels) →
``render`` (table, JSON, Markdown/HTML, SVG, CSV) → ``casebook`` (``convenant check``)
→ ``cli`` (thin).
"""

__version__ = "0.1.0"
