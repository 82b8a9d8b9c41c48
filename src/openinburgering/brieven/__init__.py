"""Letters as PDF: one renderer and one layout for every letter the gemeente sends.

The PIP beschikking, the intake letters and the handhaving letters all extend
``brieven/brief.html`` and are rendered here by WeasyPrint (:func:`persoonsbrief`); the letter of
every kind of beschikking carries the one bezwaar clause (:func:`bezwaarclausule`). The
gemeente-settings preview shows the same partials and renders a sample letter through the same
function. Every letter carries
the recipient's name and address as the dossier holds them, the gemeente's logo and contact
block, a readable kenmerk (``services.kenmerk_toekennen``), and a summary in the person's
language or a note in Dutch and English that there is none (``samenvattingen``).

Fonts ship with the project (``lettertypen``): no system fonts, no network. Files live under
``settings.PRIVATE_MEDIA_ROOT``, never under static or media, and are only handed out by views
that check the role and the gemeente.
"""

import base64
import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from openinburgering.core import brp
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.regels.base import Termijn
from openinburgering.regels.duo_besluiten import toets_brief_adres_in_onderzoek
from openinburgering.regels.termijnen import BEZWAAR_TERMIJN_WEKEN

from . import lettertypen, samenvattingen

#: The fictional addressee of the sample letter on the settings page (no real person).
VOORBEELD_ONTVANGER = {
    "naam": "A. Voorbeeld",
    "adresregels": ["Voorbeeldstraat 1", "9999 ZZ Voorbeeldstad"],
}


def ontvanger(inburgeraar) -> dict:
    """Name and address lines as the dossier holds them.

    Refuses when the address is unknown: a letter without an address cannot be sent, and a
    letter with a placeholder could be sent as if it were complete. The caseworker fills in the
    address first (as with a missing name, ``vereis_persoonsgegevens``).
    """
    from openinburgering.inburgeraars.services import vereis_persoonsgegevens

    vereis_persoonsgegevens(inburgeraar)
    if not inburgeraar.adres_bekend:
        raise Geweigerd(
            _(
                "Het adres van deze inburgeraar is nog onbekend. Een brief moet naar een adres: "
                "vul eerst het adres aan via ‘Gegevens wijzigen’."
            ),
            veld="straat_huisnummer",
        )
    return {"naam": inburgeraar.volledige_naam, "adresregels": inburgeraar.adresregels}


def logo_data_uri(gemeente) -> str:
    if not gemeente.logo:
        return ""
    return "data:image/png;base64," + base64.b64encode(bytes(gemeente.logo)).decode("ascii")


def bezwaarclausule(*, gemeente, bezwaartermijn: Termijn, extra: str = "") -> dict:
    """What every decision's letter says about bezwaar (R23): until when, and where to send it,
    from the gemeente's settings (the postal address for bezwaar, else the visiting address)."""
    return {
        "laatste_dag": bezwaartermijn.laatste_dag,
        "weken": BEZWAAR_TERMIJN_WEKEN,
        "adres": gemeente.bezwaar_adres or gemeente.adres,
        "extra": extra,
    }


def briefcontext(
    *, gemeente, ontvanger: dict, kenmerk: str, datum: date, samenvatting=None, bezwaar=None
):
    """What every letter shows around its own text; also what the settings preview shows.
    ``bezwaar`` (:func:`bezwaarclausule`): the letter is a decision and says how to object."""
    return {
        "gemeente": gemeente,
        "logo": logo_data_uri(gemeente),
        "ontvanger": ontvanger,
        "kenmerk": kenmerk,
        "datum": datum,
        "samenvatting": samenvatting,
        "bezwaar": bezwaar,
    }


def render_html(template: str, context: dict) -> str:
    # The letter is Dutch whatever the user's language: the Dutch text is the decision.
    with translation.override("nl"):
        return render_to_string(template, context)


def brief_html(
    template: str, context: dict, *, gemeente, ontvanger: dict, kenmerk: str, datum: date,
    samenvatting=None, bezwaar=None,
) -> str:  # fmt: skip
    """The letter as the HTML WeasyPrint gets: ``template`` extends ``brieven/brief.html``."""
    return render_html(
        template,
        {
            **context,
            **briefcontext(
                gemeente=gemeente,
                ontvanger=ontvanger,
                kenmerk=kenmerk,
                datum=datum,
                samenvatting=samenvatting,
                bezwaar=bezwaar,
            ),
            "font_face": lettertypen.font_face_css(),
            "font_standaard": lettertypen.STANDAARD,
            "font_arabisch": lettertypen.ARABISCH,
            "font_ethiopisch": lettertypen.ETHIOPISCH,
        },
    )


def render_pdf(template: str, context: dict, **brief) -> bytes:
    """The letter as PDF bytes (arguments as :func:`brief_html`). No side effects."""
    from weasyprint import HTML

    html = brief_html(template, context, **brief)
    return HTML(string=html, base_url=str(lettertypen.MAP)).write_pdf()


#: The checkbox a letter form carries when the address is under investigation (R74).
ADRES_BEVESTIGD = "adres_in_onderzoek_bevestigd"


def adres_bevestigd(data) -> bool:
    """Did the caseworker tick the confirmation (R74) in this form's data (``request.POST``)?"""
    return data.get(ADRES_BEVESTIGD) == "1"


def adres_toetsen(inburgeraar, *, bevestigd: bool) -> None:
    """R74: refuse a letter to an address the BRP has under investigation, unless the caseworker
    confirmed it explicitly. Without a BRP link there is nothing to check."""
    stand = brp.brp().stand(inburgeraar) if brp.aan() else None
    uitkomst = toets_brief_adres_in_onderzoek(
        adres_in_onderzoek=bool(stand is not None and stand.adres_in_onderzoek),
        bevestigd=bevestigd,
    )
    if not uitkomst.toegestaan:
        raise RegelsGeschonden(uitkomst)


def persoonsbrief(
    *, template: str, context: dict, gemeente, inburgeraar, brief, soort: str, datum: date,
    map: str, samenvatting: Callable[[str], dict | None] = samenvattingen.samenvatting_brief,
    bezwaartermijn: Termijn | None = None, bezwaar_extra: str = "",
    adres_bevestigd: bool = False,
) -> tuple[str, str]:  # fmt: skip
    """Make and store a letter to ``inburgeraar`` about ``brief`` (a uuid): refuse without an
    address, give it its kenmerk, add the summary in the person's language (``samenvatting``
    of the language code; the short note by default). A decision's letter passes its
    ``bezwaartermijn`` and says until when and where to object. An address the BRP has under
    investigation needs ``adres_bevestigd`` (R74). Returns (path, sha256) as :func:`opslaan`."""
    from .services import kenmerk_toekennen

    # R74: never silently to an address under investigation; before a kenmerk is used up.
    adres_toetsen(inburgeraar, bevestigd=adres_bevestigd)
    aan = ontvanger(inburgeraar)  # before a kenmerk is used up
    kenmerk = kenmerk_toekennen(
        gemeente=gemeente, brief=brief, soort=soort, datum=datum, dossier=inburgeraar.dossier
    )
    taal = samenvattingen.samenvattingstaal(inburgeraar.talen)
    inhoud = render_pdf(
        template,
        {**context, "inburgeraar": inburgeraar},
        gemeente=gemeente,
        ontvanger=aan,
        kenmerk=kenmerk,
        datum=datum,
        samenvatting=samenvatting(taal),
        bezwaar=bezwaarclausule(
            gemeente=gemeente, bezwaartermijn=bezwaartermijn, extra=bezwaar_extra
        )
        if bezwaartermijn
        else None,
    )
    return opslaan(inhoud=inhoud, map=map, gemeente_code=gemeente.code, naam=str(brief))


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


def als_download(relatief: str, *, bestandsnaam: str):
    """A stored letter as a PDF download. A letter that is missing on disk, or a path outside
    PRIVATE_MEDIA_ROOT, is a 404, never an error page. The caller logs the read."""
    from django.http import FileResponse, Http404

    try:
        bestand = pad(relatief).open("rb")  # FileResponse closes it
    except (OSError, ValueError):
        raise Http404 from None
    return FileResponse(
        bestand, as_attachment=True, filename=bestandsnaam, content_type="application/pdf"
    )
