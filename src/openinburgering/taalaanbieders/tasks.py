"""Thin, idempotent tasks: they take ids, reload state and call the app's code."""

from django.tasks import task


@task
def urenupload_verwerken(upload_id: int) -> str:
    """Read and check an uploaded file of hours outside the web request (ADR 0055)."""
    from .upload import verwerken

    return verwerken(upload_id=upload_id)
