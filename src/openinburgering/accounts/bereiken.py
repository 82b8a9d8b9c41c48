"""Scopes (*bereiken*) of an API token: per area read (``lezen``) and/or write (``schrijven``).

Every API view names its area in a class attribute ``bereik`` (``bereik = "pip"``); the API's
permission class asks ``<area>:lezen`` for GET, HEAD and OPTIONS and ``<area>:schrijven`` for the
other methods (a view may name exceptions in ``bereik_acties``, e.g. a search by POST that only
reads). A token acts with the rights its scopes give (:func:`rechten_voor`), so a service that
checks ``actor.mag(...)`` refuses what the token's scopes do not cover (ADR 0074).

Adding an area: one line in ``GEBIEDEN`` (and, if it writes, its rights in ``RECHTEN``).
"""

from django.utils.translation import gettext_lazy as _

from .rollen import Recht

LEZEN, SCHRIJVEN = "lezen", "schrijven"

#: area -> (label, the actions that exist for it)
GEBIEDEN: dict[str, tuple] = {
    "inburgeraars": (_("Inburgeraars en dossiers"), (LEZEN, SCHRIJVEN)),
    "pip": (_("PIP's, PIP-versies en bezwaar"), (LEZEN, SCHRIJVEN)),
    "intake": (_("Brede intake en leerbaarheidstoets"), (LEZEN, SCHRIJVEN)),
    "werklijst": (_("Werklijst (signalen en termijnen)"), (LEZEN,)),
    "duo": (_("DUO-werkitems en de stand van berichten aan DUO"), (LEZEN,)),
    "tijdlijn": (_("Tijdlijn van het dossier"), (LEZEN,)),
    "traject": (_("Traject: aanbod, uren, PVT, MAP, examens"), (LEZEN, SCHRIJVEN)),
    "handhaving": (_("Handhaving en boetes"), (LEZEN, SCHRIJVEN)),
    "taalaanbieders": (_("Taalaanbieders, contracten en verwijzingen"), (LEZEN, SCHRIJVEN)),
    "logboek": (_("Verwerkingenlogboek"), (LEZEN,)),
    # Werk & Inkomen's income system delivers the bijstand periods (ADR 0078).
    "bijstand": (_("Bijstandsperiodes (Werk en Inkomen)"), (LEZEN, SCHRIJVEN)),
    # For a data warehouse: counts and pseudonymised facts, never a name, BSN or address.
    "statistiek": (_("Cijfers en gepseudonimiseerde feiten (datawarehouse)"), (LEZEN,)),
}

ACTIE_LABELS = {LEZEN: _("lezen"), SCHRIJVEN: _("schrijven")}


def alle() -> list[str]:
    """Every scope that exists, as ``area:action``, in catalogue order."""
    return [
        f"{gebied}:{actie}" for gebied, (_label, acties) in GEBIEDEN.items() for actie in acties
    ]


def keuzes() -> list[tuple[str, str]]:
    return [
        (f"{gebied}:{actie}", f"{label}: {ACTIE_LABELS[actie]}")
        for gebied, (label, acties) in GEBIEDEN.items()
        for actie in acties
    ]


#: What every token could do before scopes existed (the two resources of API v1 and their
#: writes); the data migration gives existing tokens exactly these, and
#: ``apitoken_aanmaken`` without a choice makes a token with them.
STANDAARD = (
    "inburgeraars:lezen",
    "inburgeraars:schrijven",
    "pip:lezen",
    "pip:schrijven",
)

#: The rights a scope gives an API token inside the services (``Actor.mag``). Reading personal
#: data is given by every reading scope of an area about persons; the view's scope check is
#: what keeps a token inside its areas.
RECHTEN: dict[str, frozenset[Recht]] = {
    "inburgeraars:schrijven": frozenset(
        {Recht.INBURGERAAR_WIJZIGEN, Recht.DOSSIER_STATUS_WIJZIGEN}
    ),
    "pip:schrijven": frozenset({Recht.PIP_VASTSTELLEN}),
    "intake:schrijven": frozenset({Recht.INTAKE_VOEREN}),
    "traject:schrijven": frozenset({Recht.TRAJECT_VASTLEGGEN}),
    "handhaving:schrijven": frozenset({Recht.HANDHAVING_VOORBEREIDEN}),
    "taalaanbieders:lezen": frozenset({Recht.CONTRACTEN_LEZEN}),
    "bijstand:schrijven": frozenset({Recht.ONTZORGEN_VASTLEGGEN}),
    "taalaanbieders:schrijven": frozenset(
        {Recht.VERWIJZEN, Recht.CONTRACTEN_LEZEN, Recht.CONTRACTEN_BEHEREN}
    ),
}
#: Areas whose reading scope reads personal data.
PERSOONSGEBONDEN = (
    "inburgeraars",
    "pip",
    "intake",
    "werklijst",
    "duo",
    "tijdlijn",
    "traject",
    "handhaving",
    "taalaanbieders",
    "bijstand",
)


def rechten_voor(bereiken) -> frozenset[Recht]:
    rechten: set[Recht] = set()
    for bereik in bereiken or ():
        rechten |= RECHTEN.get(bereik, frozenset())
        gebied, _sep, actie = bereik.partition(":")
        if gebied in PERSOONSGEBONDEN and actie in (LEZEN, SCHRIJVEN):
            rechten.add(Recht.PERSOONSGEGEVENS_LEZEN)
        if bereik == "logboek:lezen":
            rechten.add(Recht.LOGBOEK_LEZEN)
        if bereik == "statistiek:lezen":
            rechten.add(Recht.CIJFERS_LEZEN)
    return frozenset(rechten)


def vereist(gebied: str, methode: str, uitzonderingen: dict | None = None) -> str:
    """The scope a request by ``methode`` on an area needs."""
    methode = methode.upper()
    actie = (uitzonderingen or {}).get(methode)
    if actie is None:
        actie = LEZEN if methode in ("GET", "HEAD", "OPTIONS") else SCHRIJVEN
    return f"{gebied}:{actie}"
