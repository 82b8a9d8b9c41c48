"""Route-dependent wording of letters, in one table keyed by the route.

Whether a route has exams comes from ``regels.leerroutes.ROUTES`` (R59: none in the Z-route); a
test checks that the Dutch text and every summary agree with it, so no letter tells someone in
the Z-route that they take exams.
"""

from dataclasses import dataclass

from openinburgering.regels.codes import Leerroute, Niveau
from openinburgering.regels.leerroutes import ROUTES, ZROUTE_MIN_TAALUREN, ZROUTE_MIN_UREN
from openinburgering.regels.pip import standaard_niveau


@dataclass(frozen=True)
class Routetekst:
    naam: str
    #: What the person does in this route: one sentence per bullet, B1 Dutch.
    wat_doet_u: tuple[str, ...]
    #: When the learning route is done.
    klaar: str


ROUTETEKSTEN: dict[Leerroute, Routetekst] = {
    Leerroute.B1_ROUTE: Routetekst(
        naam="B1-route",
        wat_doet_u=(
            "U volgt lessen Nederlands bij een taalschool. U doet de inburgeringsexamens "
            "lezen, luisteren, schrijven en spreken op taalniveau {niveau}.",
            "U doet ook het examen Kennis van de Nederlandse Maatschappij (KNM).",
        ),
        klaar="U bent klaar met de leerroute als u deze examens hebt gehaald.",
    ),
    Leerroute.ONDERWIJSROUTE: Routetekst(
        naam="onderwijsroute",
        wat_doet_u=(
            "U volgt een taalschakeltraject: lessen Nederlands die u voorbereiden op een "
            "opleiding in het mbo, hbo of wo.",
            "U doet examens Nederlands op taalniveau B1 en het examen Kennis van de "
            "Nederlandse Maatschappij (KNM).",
        ),
        klaar="U bent klaar met de leerroute als u het taalschakeltraject hebt afgerond en "
        "deze examens hebt gehaald.",
    ),
    Leerroute.Z_ROUTE: Routetekst(
        naam="zelfredzaamheidsroute (Z-route)",
        wat_doet_u=(
            "U volgt lessen Nederlands en u doet mee aan activiteiten, zodat u zich beter "
            "kunt redden in Nederland.",
        ),
        klaar=f"U bent klaar met de Z-route als u minstens {ZROUTE_MIN_UREN} uur lessen en "
        f"activiteiten hebt gevolgd, waarvan minstens {ZROUTE_MIN_TAALUREN} uur Nederlands.",
    ),
}


def routetekst(leerroute: str, *, niveau: str = "") -> dict:
    route = Leerroute(leerroute)
    tekst = ROUTETEKSTEN[route]
    # The niveau DUO registers (R17 from regels), so a draft reads as the decision will.
    geldend = standaard_niveau(route, Niveau(niveau) if niveau else None)
    return {
        "naam": tekst.naam,
        "wat_doet_u": [
            zin.format(niveau=geldend.value if geldend else "") for zin in tekst.wat_doet_u
        ],
        "klaar": tekst.klaar,
        "examens": ROUTES[Leerroute(leerroute)].examen_verplicht,
    }
