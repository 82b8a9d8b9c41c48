from functools import lru_cache

from django.conf import settings
from django.template.loader import get_template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from openinburgering.accounts.rollen import Recht, Rol, heeft_recht

# Groups of the main navigation (ADR 0043). ``None`` is the daily work: always a top-level link.
AANBOD = "aanbod"
BEHEER = "beheer"
NASLAG = "naslag"
GROEPEN = {
    BEHEER: _("Beheer"),
    AANBOD: _("Aanbod"),
    NASLAG: _("Naslag"),
}

# (url name, label, right required, group)
NAVIGATIE = [
    ("signalen:werklijst", _("Werklijst"), Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("pip:agenda", _("Agenda"), Recht.INTAKE_VOEREN, None),
    ("inburgeraars:lijst", _("Caseload"), Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("duo:werkitems", _("DUO-werkitems"), Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("duo:beheer", _("Koppeling DUO"), Recht.KOPPELING_BEHEREN, BEHEER),
    ("logboek:lijst", _("Verwerkingenlogboek"), Recht.LOGBOEK_LEZEN, BEHEER),
    ("begeleiding:beheer", _("Checklist begeleiding"), Recht.BEGELEIDING_BEHEREN, BEHEER),
    ("brieven:instellingen", _("Gemeente-instellingen"), Recht.GEMEENTE_INSTELLEN, BEHEER),
    ("cbs:overzicht", _("Levering CBS"), Recht.CBS_AANLEVEREN, BEHEER),
    ("traject:pvt_groepen", _("PVT-groepen"), Recht.TRAJECT_VASTLEGGEN, AANBOD),
    ("taalaanbieders:overzicht", _("Taalaanbieders"), Recht.CONTRACTEN_LEZEN, AANBOD),
    # The monthly ontzorgen payments (ADR 0080): the caseworker makes, the teamleider approves.
    ("ontzorgen:runs", _("Betaalruns ontzorgen"), Recht.ONTZORGEN_VASTLEGGEN, AANBOD),
    ("cijfers:dashboard", _("Cijfers"), Recht.CIJFERS_LEZEN, NASLAG),
    # Money beside the figures (ADR 0082): as a group item it keeps every role at six or fewer.
    ("financien:overzicht", _("Budget"), Recht.FINANCIEN_LEZEN, NASLAG),
    ("ui:regels", _("Regelcatalogus"), Recht.REGELS_LEZEN, NASLAG),
    ("kennisbank:lijst", _("Kennisbank"), Recht.REGELS_LEZEN, NASLAG),
    ("ui:rollen", _("Rollen en rechten"), Recht.REGELS_LEZEN, NASLAG),
]

# Up to this many links fit on one line at desktop width and need no grouping at all.
ZONDER_GROEPEN_MAXIMAAL = 6


def _is_actief(path: str, url: str) -> bool:
    return path.startswith(url)


@lru_cache(maxsize=128)
def _toegestaan(rol: str | None, prefix: str, urlconf) -> tuple[tuple, ...]:
    """The role's links, reversed once per role (and URL prefix and URLconf) instead of a dozen
    ``reverse`` calls on every page (ADR 0061). The labels stay lazy: translated when shown."""
    return tuple(
        (reverse(naam, urlconf=urlconf), label, groep)
        for naam, label, recht, groep in NAVIGATIE
        if heeft_recht(rol, recht)
    )


def _actieve_url(toegestaan: tuple[tuple, ...], path: str) -> str | None:
    # The longest matching URL is the active one ("/koppeling/duo/werkitems/" beats
    # "/koppeling/duo/").
    kandidaten = [url for url, _label, _groep in toegestaan if _is_actief(path, url)]
    return max(kandidaten, key=len) if kandidaten else None


def navigatie_voor(rol: str | None, path: str) -> list[dict]:
    """The main navigation for one role: links, and groups shown as a disclosure menu.

    - Daily work is always a top-level link.
    - A role with few links gets them all top-level: a menu would only hide them.
    - A group with one link for this role is that link (no menu around a single item).
    - A role without daily work (the functioneel beheerder) gets the beheer links top-level:
      that is their daily work.
    """
    toegestaan = _toegestaan(rol, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
    actieve_url = _actieve_url(toegestaan, path)

    def link(url, label):
        actief = url == actieve_url
        # aria-current: "page" on the page itself, "true" on a page below it (a dossier).
        huidig = ("page" if path == url else "true") if actief else ""
        return {"soort": "link", "url": url, "label": label, "actief": actief, "huidig": huidig}

    if len(toegestaan) <= ZONDER_GROEPEN_MAXIMAAL:
        return [link(url, label) for url, label, _groep in toegestaan]

    heeft_dagelijks_werk = any(groep is None for _url, _label, groep in toegestaan)
    navigatie: list[dict] = []
    groepen: dict[str, dict] = {}
    for url, label, groep in toegestaan:
        if groep is None or (groep == BEHEER and not heeft_dagelijks_werk):
            navigatie.append(link(url, label))
            continue
        if groep not in groepen:
            groepen[groep] = {
                "soort": "groep",
                "id": f"nav-{groep}",
                "label": GROEPEN[groep],
                "items": [],
            }
            navigatie.append(groepen[groep])
        groepen[groep]["items"].append(link(url, label))
    for positie, item in enumerate(navigatie):
        if item["soort"] == "groep":
            if len(item["items"]) == 1:
                navigatie[positie] = item["items"][0]
            else:
                item["actief"] = any(sub["actief"] for sub in item["items"])
    return navigatie


@lru_cache(maxsize=512)
def _navigatie_html(rol: str, actieve_url: str | None, op_de_pagina: bool, *sleutel) -> str:
    # ``sleutel`` (language, URL prefix, URLconf) only keys the cache: rendering reads them
    # from the request's state. A path that gives the same active link: the page itself, or
    # one below it.
    if actieve_url is None:
        path = ""
    else:
        path = actieve_url if op_de_pagina else actieve_url + "\0"
    html = get_template("ui/_navigatie.html").render({"navigatie": navigatie_voor(rol, path)})
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, which escaped it


def navigatie_html(rol: str, path: str) -> str:
    """The main navigation's markup, rendered once per role, active link and language (ADR
    0061): the same for every page below a link and every user with the role, and a fifth of
    a list page's rendering when rendered on each request."""
    prefix, urlconf = get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF
    actieve_url = _actieve_url(_toegestaan(rol, prefix, urlconf), path)
    return _navigatie_html(rol, actieve_url, path == actieve_url, get_language(), prefix, urlconf)


@lru_cache(maxsize=32)
def _taalknoppen(huidige_taal: str, talen: tuple[str, ...]) -> str:
    return mark_safe(  # noqa: S308 - format_html escaped each value
        "".join(
            format_html(
                '\n          <button class="utrecht-button utrecht-button--subtle" type="submit"'
                ' name="language" value="{}" lang="{}">{}</button>\n          ',
                code,
                code,
                capfirst(get_language_info(code)["name_local"]),
            )
            for code in talen
            if code != huidige_taal
        )
    )


def taalknoppen() -> str:
    """The header's buttons to the other languages, written once per language (ADR 0061)."""
    return _taalknoppen(get_language(), tuple(code for code, _naam in settings.LANGUAGES))


def ui(request):
    rol = getattr(request, "rol", None)
    return {
        "demo_mode": settings.DEMO_MODE,
        "taalknoppen": taalknoppen(),
        "navigatie_html": navigatie_html(rol, request.path) if rol else "",
        "rol_label": Rol(rol).label if rol else "",
    }
