"""Told after a change to a beschikking or bezwaar is stored, with the ``dossier_id``.

The deadline engine listens (a bezwaar has a decision term, R67) without this app importing it:
the engine reads decisions, so the dependency points from the engine to here.
"""

from django.dispatch import Signal

beschikking_gewijzigd = Signal()
