"""Thin, idempotent tasks for the deadline engine."""

from django.tasks import task

from .services import signalen_herberekenen


@task
def signalen_dagelijks() -> dict:
    """The daily full recomputation (terms move with the calendar, not only with changes)."""
    return signalen_herberekenen()
