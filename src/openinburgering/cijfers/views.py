"""Thin views: the steering dashboards (right CIJFERS_LEZEN) and the public council page."""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from openinburgering.accounts.permissions import recht_vereist
from openinburgering.accounts.rollen import Recht
from openinburgering.core.tabellen import cel_onschadelijk, csv_tekst
from openinburgering.regels.codes import Doelgroep, Leerroute
from openinburgering.regels.openbaarheid import DREMPEL_KLEINE_AANTALLEN

from . import dashboards, selectors
from . import raad as raadsinformatie
from .tasks import cijfers_bijwerken

#: How long a rendered dashboard or council table stays in the cache at most. The key changes
#: with every computation of the figures anyway; this only bounds the memory of stale entries.
CACHE_SECONDEN = 60 * 60


def _filter(request) -> tuple[selectors.Filter, dict]:
    """The filter from the query string; a gemeente the user may not see is a 404."""
    toegestaan = selectors.gemeenten_met_cijfers(request.lidmaatschappen)
    code = request.GET.get("gemeente", "")
    if code == "alle":
        gemeenten = toegestaan
    elif code:
        gemeenten = [g for g in toegestaan if g.code == code]
        if not gemeenten:
            raise Http404
    else:
        gemeenten = [request.gemeente]
        code = request.gemeente.code
    periodes = selectors.periodes()
    periode = selectors.periode(request.GET.get("periode", "")) or periodes[0]
    doelgroep = request.GET.get("doelgroep", "")
    if doelgroep not in {d.value for d in Doelgroep}:
        doelgroep = ""
    leerroute = request.GET.get("leerroute", "")
    if leerroute not in {*(r.value for r in Leerroute), "-"}:
        leerroute = ""
    keuzes = {
        "gemeenten": toegestaan,
        "gemeente": code,
        "periodes": [(p, _periode_label(p)) for p in periodes],
        "periode": periode.code,
        "doelgroepen": [d.value for d in Doelgroep],
        "doelgroep": doelgroep,
        "leerroutes": [(r.value, dashboards.leerroute_label(r.value)) for r in Leerroute]
        + [("-", dashboards.leerroute_label(""))],
        "leerroute": leerroute,
        "querystring": request.GET.urlencode(),
    }
    filter = selectors.Filter(
        gemeente_ids=tuple(g.id for g in gemeenten),
        periode=periode,
        doelgroep=doelgroep,
        leerroute=leerroute,
    )
    return filter, keuzes


def _periode_label(p: selectors.Periode) -> str:
    if p.code == "12m":
        return _("De laatste 12 maanden")
    if "-K" in p.code:
        jaar, kwartaal = p.code.split("-K")
        return _("%(k)se kwartaal %(j)s") % {"k": kwartaal, "j": jaar}
    return _("Jaar %(j)s") % {"j": p.code}


def _sleutel(soort: str, *delen: object) -> str:
    """A cache key: what the answer depends on, hashed. The figures change only when they are
    recomputed, so the time of each gemeente's last computation is part of the key (ADR 0068)."""
    tekst = "|".join(str(d) for d in (soort, get_language(), timezone.localdate(), *delen))
    return "cijfers:" + hashlib.sha256(tekst.encode()).hexdigest()


@recht_vereist(Recht.CIJFERS_LEZEN)
def dashboard(request, pagina: str = "stroom"):
    huidige = dashboards.pagina(pagina)
    if huidige is None:
        raise Http404
    filter, keuzes = _filter(request)
    bijwerkingen = selectors.bijwerkingen(filter.gemeente_ids)
    # Only after the access check: the key holds the gemeenten this user may see.
    sleutel = _sleutel(
        "dashboard",
        huidige.code,
        filter,
        keuzes["querystring"],
        [(b.gemeente_id, b.bijgewerkt_op) for b in bijwerkingen],
    )
    secties_html = cache.get(sleutel)
    if secties_html is None:
        cijfers = selectors.kengetallen(filter)
        namen = (
            selectors.namen_van_medewerkers(cijfers.per("onderdeel", "caseload", stand=True))
            if "caseload" in huidige.secties
            else {}
        )
        secties_html = render_to_string(
            "cijfers/_secties.html",
            {
                "secties": [dashboards.sectie(s, cijfers, namen) for s in huidige.secties],
                "querystring": keuzes["querystring"],
            },
        )
        cache.set(sleutel, secties_html, CACHE_SECONDEN)
    return render(
        request,
        "cijfers/dashboard.html",
        {
            "paginas": dashboards.PAGINAS,
            "pagina": huidige,
            "secties_html": secties_html,
            "bijwerkingen": bijwerkingen,
            **keuzes,
        },
    )


@recht_vereist(Recht.CIJFERS_LEZEN)
def export(request, sectie: str, formaat: str):
    if sectie not in dashboards.BOUWERS or formaat not in ("csv", "xlsx"):
        raise Http404
    filter, _keuzes = _filter(request)
    cijfers = selectors.kengetallen(filter)
    namen = (
        selectors.namen_van_medewerkers(cijfers.per("onderdeel", "caseload", stand=True))
        if sectie == "caseload"
        else {}
    )
    s = dashboards.sectie(sectie, cijfers, namen)
    naam = f"cijfers-{s.id}-{filter.periode.code}"
    # Numbers stay numbers in XLSX; in the CSV (Dutch, ";") a decimal has a comma.
    rijen = [[_cel(c) for c in rij] for rij in s.rijen]
    if formaat == "csv":
        tekst = [
            [str(c).replace(".", ",") if isinstance(c, float) else c for c in rij] for rij in rijen
        ]
        antwoord = HttpResponse(
            "\ufeff" + csv_tekst([str(k) for k in s.kolommen], tekst),
            content_type="text/csv; charset=utf-8",
        )
    else:
        from openpyxl import Workbook

        boek = Workbook()
        blad = boek.active
        blad.title = s.id[:31]
        blad.append([cel_onschadelijk(str(k)) for k in s.kolommen])
        for rij in rijen:
            blad.append([cel_onschadelijk(c) for c in rij])
        uit = io.BytesIO()
        boek.save(uit)
        antwoord = HttpResponse(
            uit.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return antwoord


def _cel(waarde):
    if isinstance(waarde, Decimal):
        return int(waarde) if waarde == int(waarde) else float(waarde)
    return waarde if isinstance(waarde, int | float) else str(waarde)


@require_POST
@recht_vereist(Recht.CIJFERS_LEZEN)
def bijwerken(request):
    cijfers_bijwerken.enqueue(gemeente_code=request.gemeente.code)
    messages.info(
        request,
        _("De cijfers van %(naam)s worden opnieuw berekend; ververs de pagina over een minuut.")
        % {"naam": request.gemeente.naam},
    )
    return redirect("cijfers:dashboard")


def _raad_context(code: str) -> tuple[dict, str]:
    gemeente = selectors.gemeente_op_code(code)
    if gemeente is None:
        raise Http404
    bijwerking = selectors.bijwerkingen([gemeente.id])
    sleutel = _sleutel("raad", gemeente.code, [b.bijgewerkt_op for b in bijwerking])
    gerenderd = cache.get(sleutel)
    if gerenderd is None:
        tabellen = raadsinformatie.raadscijfers(gemeente)
        tabellen_html = render_to_string(
            "cijfers/_raadstabellen.html",
            {"tabellen": tabellen, "gemeente": gemeente, "drempel": DREMPEL_KLEINE_AANTALLEN},
        )
        gerenderd = (tabellen_html, raadsinformatie.trendgrafiek(tabellen))
        cache.set(sleutel, gerenderd, CACHE_SECONDEN)
    tabellen_html, trend = gerenderd
    context = {
        "gemeente": gemeente,
        "tabellen_html": tabellen_html,
        "trend": trend,
        "bijwerking": bijwerking,
    }
    return context, sleutel


def raad(request, code: str):
    """Public, without login: only suppressed aggregates, never a person."""
    return render(request, "cijfers/raad.html", _raad_context(code)[0])


def raad_pdf(request, code: str):
    from weasyprint import HTML

    from openinburgering.brieven import lettertypen

    context, sleutel = _raad_context(code)
    # A public URL: the PDF is made once per computation of the figures, not per visitor.
    pdf = cache.get(sleutel + ":pdf")
    if pdf is None:
        html = render_to_string(
            "cijfers/raad_pdf.html", {**context, "font_face": lettertypen.font_face_css()}
        )
        pdf = HTML(string=html, base_url=str(lettertypen.MAP)).write_pdf()
        cache.set(sleutel + ":pdf", pdf, CACHE_SECONDEN)
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = (
        f'inline; filename="raadsinformatie-inburgering-{context["gemeente"].code}.pdf"'
    )
    return antwoord
