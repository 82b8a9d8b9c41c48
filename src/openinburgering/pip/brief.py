"""What the PIP beschikking says; the letter itself is rendered by :mod:`openinburgering.brieven`.

The Dutch text is the decision. The summary in the person's language takes its dates from the
same ``regels`` results as the Dutch text, and its route sentence from the route (no exams in
the Z-route, R59).
"""

from openinburgering import brieven
from openinburgering.brieven import samenvattingen, teksten
from openinburgering.regels.base import datum_nl
from openinburgering.regels.leerroutes import ZROUTE_MIN_TAALUREN, ZROUTE_MIN_UREN


def samenvatting(taalcode: str, *, leerroute: str, einde, bezwaar) -> dict | None:
    return samenvattingen.samenvatting_pip(
        taalcode,
        leerroute=leerroute,
        waarden={
            "einde": datum_nl(einde),
            "bezwaar": datum_nl(bezwaar),
            "uren": ZROUTE_MIN_UREN,
            "taaluren": ZROUTE_MIN_TAALUREN,
        },
    )


def beschikking(
    *, pip, inburgeraar, gemeente, termijn, bezwaar, kenmerk, taalcode, wijziging_uitleg=""
) -> dict:
    """The arguments of :func:`brieven.render_pdf` for this beschikking."""
    return {
        "template": "pip/beschikking.html",
        "context": {
            "pip": pip,
            "route": teksten.routetekst(pip.leerroute, niveau=pip.niveau),
            "termijn": termijn,
            "bezwaar": bezwaar,
            "wijziging_uitleg": wijziging_uitleg,
        },
        "gemeente": gemeente,
        "ontvanger": brieven.ontvanger(inburgeraar),
        "kenmerk": kenmerk,
        "datum": pip.dagtekening,
        "samenvatting": samenvatting(
            taalcode,
            leerroute=pip.leerroute,
            einde=termijn.laatste_dag,
            bezwaar=bezwaar.laatste_dag,
        ),
    }


def render_beschikking(**kwargs) -> bytes:
    """The letter as PDF bytes (arguments as :func:`beschikking`). Pure rendering: no database
    writes, no files."""
    return brieven.render_pdf(**beschikking(**kwargs))
