"""The caseload's rows: the columns read, the cells as text and the ``<tr>`` elements (ADR 0061).

Written out here rather than in the template: 25 to 100 rows of nine cells were 200 to 900
template variables, a quarter of a list request. ``format_html`` escapes every value, as the
template did (``tests/test_lijst.py``).
"""

import uuid
from functools import lru_cache
from html import escape

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .models import Dossier, Inburgeraar, lijstnaam

_NUL = str(uuid.UUID(int=0))

#: The columns a caseload row shows and the processing log needs (pseudoniem, gemeente).
LIJST_VELDEN = (
    "uuid",
    "gemeente_id",
    "pseudoniem",
    "voornamen",
    "voorvoegsel",
    "achternaam",
    "geboortedatum",
    "vnummer",
    "doelgroep",
    "regime",
    "dossier__status",
    "dossier__klantregisseur__first_name",
    "dossier__klantregisseur__last_name",
)

_CEL = '<td class="utrecht-table__cell">{}</td>'
_NAAM = '<td class="utrecht-table__cell"><a class="utrecht-link" href="{url}">{naam}</a></td>'
# A person of another of the user's gemeenten (a regional team's combined list): opening the
# dossier makes that gemeente the active one (ui:gemeente_wisselen), as the 404 page offers.
_NAAM_ELDERS = (
    '<td class="utrecht-table__cell">'
    '<form method="post" action="{wisselen}" class="oi-inline-form">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf}">'
    '<input type="hidden" name="gemeente" value="{code}">'
    '<input type="hidden" name="next" value="{url}">'
    '<button type="submit" class="utrecht-link-button utrecht-link-button--html-button">'
    "{naam}</button></form></td>"
)
_REST = (
    '<td class="utrecht-table__cell">{geboortedatum}</td>'
    '<td class="utrecht-table__cell">{vnummer}</td>'
    '<td class="utrecht-table__cell">{doelgroep}</td>'
    '<td class="utrecht-table__cell">{regime}</td>'
    '<td class="utrecht-table__cell">'
    '<span class="oi-status oi-status--{status}">{status_label}</span></td>'
    '<td class="utrecht-table__cell">{klantregisseur}</td>'
)


@lru_cache(maxsize=16)
def _labels(taal: str | None) -> tuple[dict[str, str], dict[str, str]]:
    # The choice labels in one language, translated once instead of on every page.
    doelgroepen = {
        w: str(label) for w, label in Inburgeraar._meta.get_field("doelgroep").flatchoices
    }
    statussen = {w: str(label) for w, label in Dossier._meta.get_field("status").flatchoices}
    return doelgroepen, statussen


def lijstrijen(items, *, gemeenten=()) -> list[dict]:
    """The caseload's cells as text, worked out once per page instead of per row in a template.

    With ``gemeenten`` (a combined list) each row also carries its gemeente's code and name.
    """
    basis = reverse("inburgeraars:detail", kwargs={"uuid": _NUL})
    doelgroepen, statussen = _labels(get_language())
    per_id = {g.pk: g for g in gemeenten}
    rijen = []
    for i in items:
        dossier = i.dossier
        status = dossier.status if dossier is not None else ""
        regisseur = dossier.klantregisseur if dossier is not None else None
        naam = f"{regisseur.first_name} {regisseur.last_name}".strip() if regisseur else ""
        rij = {
            "url": basis.replace(_NUL, str(i.uuid)),
            "naam": lijstnaam(i.voornamen, i.voorvoegsel, i.achternaam),
            "geboortedatum": i.geboortedatum.strftime("%d-%m-%Y") if i.geboortedatum else "–",
            "vnummer": i.vnummer or "–",
            "doelgroep": doelgroepen.get(i.doelgroep, i.doelgroep),
            "regime": i.regime,
            "status": status,
            "status_label": statussen.get(status, status),
            "klantregisseur": naam or "–",
        }
        if per_id:
            gemeente = per_id[i.gemeente_id]
            rij["gemeente_id"], rij["code"], rij["gemeente"] = (
                gemeente.pk,
                gemeente.code,
                gemeente.naam,
            )
        rijen.append(rij)
    return rijen


def tabelrijen(rijen: list[dict], *, actief=None, csrf: str = "") -> str:
    """The ``<tr>`` elements for :func:`lijstrijen`'s rows, as one safe string. Rows with a
    gemeente get its column; a row of another gemeente than ``actief`` opens through a switch.

    Every value is escaped with the standard library's ``html.escape``, which is what Django's
    ``escape`` calls, without its lazy-string and safe-string checks per value: 400 values a
    page (ADR 0061; the XSS test in ``tests/test_lijst.py``).
    """
    wisselen = reverse("ui:gemeente_wisselen")
    uit = []
    for rij in rijen:
        e = {sleutel: escape(str(waarde)) for sleutel, waarde in rij.items()}
        if "gemeente" not in rij or (actief is not None and rij["gemeente_id"] == actief.pk):
            naam = _NAAM.format(url=e["url"], naam=e["naam"])
        else:
            naam = _NAAM_ELDERS.format(
                wisselen=escape(wisselen),
                csrf=escape(csrf),
                code=e["code"],
                url=e["url"],
                naam=e["naam"],
            )
        gemeente = _CEL.format(e["gemeente"]) if "gemeente" in rij else ""
        uit.append(f'<tr class="utrecht-table__row">{naam}{gemeente}{_REST.format(**e)}</tr>\n')
    return mark_safe("".join(uit))  # noqa: S308 - every value went through html.escape
