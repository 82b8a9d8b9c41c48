"""Thin, idempotent tasks: the daily recomputation of the figures (ADR 0068)."""

from django.tasks import task

from openinburgering.gemeenten.models import Gemeente

from .services import alle_kengetallen_bijwerken


@task
def cijfers_dagelijks() -> dict:
    """Every gemeente's figures, recomputed (plan it daily, e.g. at night)."""
    uitkomsten = alle_kengetallen_bijwerken()
    return {"gemeenten": len(uitkomsten), "dossiers": sum(u.dossiers for u in uitkomsten)}


@task
def cijfers_bijwerken(gemeente_code: str) -> dict:
    """One gemeente's figures, on request from the dashboard ("Nu bijwerken")."""
    gemeenten = list(Gemeente.objects.filter(code=gemeente_code))
    uitkomsten = alle_kengetallen_bijwerken(gemeenten=gemeenten)
    return {"gemeenten": len(uitkomsten), "dossiers": sum(u.dossiers for u in uitkomsten)}
