"""DUO simulator: a separate process that plays DUO for demos and tests.

It implements DUO's machine-to-machine APIs for gemeenten (Wet inburgering 2021) from DUO's own
documentation, independently of the product's domain code, so that it catches the product's
mistakes instead of repeating them. Nothing in this package imports from the rest of
``openinburgering``; ``tests/test_geen_domeinimports.py`` enforces that.

Run it with ``python -m openinburgering.duo_simulator --port 8001``; see ``__main__.py``.
"""

from pathlib import Path

DUO_OIN_STANDAARD = "00000001800866472000"

# src/openinburgering/duo_simulator/__init__.py -> parents[3] is the repository root.
REPO_ROOT = Path(__file__).resolve().parents[3]
