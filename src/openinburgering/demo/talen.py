"""The portal's languages in ``make demo`` (ADR 0089): two of the newcomers who can sign in with
the DigiD stand-in (``demo/digid.py``) chose a language before, so signing in as them opens the
portal in Tigrinya and in Arabic; the others see it in Dutch until they pick one in the switch."""

from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.portaal import selectors
from openinburgering.talen.services import taal_bewaren

VOORKEUREN = ("ti", "ar")


def voorkeuren_laden() -> str:
    gekozen = []
    kandidaten = Inburgeraar.objects.filter(gemeente__code="9001").order_by("pk")
    # The same people, in the same order, as the stand-in's list; the first keeps Dutch.
    met_portaal = [i for i in kandidaten if selectors.afspraken(i) and selectors.brieven(i)]
    for inburgeraar, taal in zip(met_portaal[1:], VOORKEUREN, strict=False):
        taal_bewaren(inburgeraar=inburgeraar, taal=taal)
        gekozen.append(f"{inburgeraar.volledige_naam} ({taal})")
    return "Portaal: taal gekozen door " + (", ".join(gekozen) or "niemand")
