"""Letters as PDF: a Django template rendered by WeasyPrint, stored privately, served by a view.

Shared by every app that sends letters (handhaving; pip has its own beschikking helper). Fonts
ship with the project (``ui/static/fonts``, Noto, SIL OFL): no system fonts, no network. Files
live under ``settings.PRIVATE_MEDIA_ROOT``, never under static or media, and are only handed out
by views that check the role and the gemeente.
"""

import hashlib
import threading
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

FONTS = Path(__file__).resolve().parent.parent / "ui" / "static" / "fonts"
_fonts = threading.local()


def html_naar_pdf(html: str) -> bytes:
    """HTML (with the shipped fonts) to PDF bytes.

    WeasyPrint unpacks every WOFF2 font of a fresh font configuration again, about a second per
    font; one configuration per thread keeps the unpacked fonts, so a letter takes a fraction of
    a second after the first (the demo sets a hundred PIPs).
    """
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    if getattr(_fonts, "config", None) is None:
        _fonts.config = FontConfiguration()
    return HTML(string=html, base_url=str(FONTS)).write_pdf(font_config=_fonts.config)


def render_pdf(template: str, context: dict) -> bytes:
    """Render ``template`` (Dutch, whatever the user's language) to PDF bytes. No side effects."""
    with translation.override("nl"):
        html = render_to_string(template, {**context, "fonts": FONTS.as_uri()})
    return html_naar_pdf(html)


def opslaan(*, inhoud: bytes, map: str, gemeente_code: str, naam: str) -> tuple[str, str]:
    """Write under PRIVATE_MEDIA_ROOT/<map>/<gemeente>/<naam>.pdf; return (path, sha256)."""
    relatief = Path(map) / gemeente_code / f"{naam}.pdf"
    pad = Path(settings.PRIVATE_MEDIA_ROOT) / relatief
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(".tmp")
    tijdelijk.write_bytes(inhoud)
    tijdelijk.replace(pad)
    return str(relatief), hashlib.sha256(inhoud).hexdigest()


def pad(relatief: str) -> Path:
    """The absolute path of a stored letter; refuses anything outside PRIVATE_MEDIA_ROOT."""
    basis = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    volledig = (basis / relatief).resolve()
    if basis not in volledig.parents:
        raise ValueError("path outside PRIVATE_MEDIA_ROOT")
    return volledig
