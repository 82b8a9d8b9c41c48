"""BRP stand-in: a separate process that plays the BRP API Personen (Haal Centraal) for demos
and tests.

It answers ``POST /personen`` with ``type`` ``RaadpleegMetBurgerservicenummer`` from the RvIG's
specification carried in the project (``src/openinburgering/specs/brp``), with fictional people
only. It validates every request against that specification and only answers with bodies that
validate against it. Nothing in this package imports from the rest of ``openinburgering``
(import-linter contract ``brp-stand-in-los``; ``tests/test_geen_domeinimports.py``).

Run it with ``python -m openinburgering.brp_simulator --port 8002``; see ``__main__.py``.
"""

from pathlib import Path

# src/openinburgering/brp_simulator/__init__.py -> parents[3] is the repository root.
REPO_ROOT = Path(__file__).resolve().parents[3]
