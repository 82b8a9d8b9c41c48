"""Thin tasks: the daily application of the retention terms (ADR 0060)."""

from django.tasks import task

from .bewaren import bewaartermijnen_toepassen


@task
def bewaartermijnen_dagelijks() -> dict:
    """Destroy what has passed its retention term (R69, R70); counts only in the result."""
    return bewaartermijnen_toepassen(door="taak").als_dict()
