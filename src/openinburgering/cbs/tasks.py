"""Thin, idempotent tasks: they take ids, reload state and call the app's code."""

from django.tasks import task


@task
def cbs_levering_samenstellen(levering_id: int) -> str:
    """Build one quarterly SWI file outside the web request (ADR 0070)."""
    from .services import samenstellen

    return samenstellen(levering_id=levering_id)
