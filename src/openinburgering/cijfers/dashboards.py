"""The steering dashboards: each section is a chart, its table, an export and a caption.

A section is built from one :class:`~.selectors.Cijfers` read (no query of its own, except the
names of the caseload's klantregisseurs, read once). The same rows feed the chart, the table
and the CSV/XLSX export, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from openinburgering.handhaving.models import StapSoort
from openinburgering.regels.codes import Doelgroep, Examenonderdeel, Examenresultaat, Leerroute
from openinburgering.regels.termijnen import PIP_OP_TIJD_DAGEN
from openinburgering.signalen.models import Soort

from . import grafiek
from .selectors import Cijfers
from .services import DAGEN_BAKKEN, TRECHTER


@dataclass
class Sectie:
    id: str
    titel: str
    bijschrift: str
    kolommen: list[str]
    rijen: list[list[Any]]
    grafiek: SafeString | None = None
    #: Extra lines under the table (definitions), plain text.
    noten: list[str] = field(default_factory=list)


def leerroute_label(code: str) -> str:
    return {
        Leerroute.B1_ROUTE: _("B1-route"),
        Leerroute.ONDERWIJSROUTE: _("Onderwijsroute"),
        Leerroute.Z_ROUTE: _("Z-route"),
    }.get(code, _("Nog geen PIP"))


def procent(deel: int | Decimal, geheel: int | Decimal) -> str:
    if not geheel:
        return "–"
    return f"{Decimal(deel) * 100 / Decimal(geheel):.0f}%"


def gemiddelde(som: Decimal, aantal: int) -> str:
    if not aantal:
        return "–"
    return f"{som / aantal:.1f}".replace(".", ",")


def maandlabel(m) -> str:
    return date_format(m, "M Y")


def _trechter(c: Cijfers) -> Sectie:
    labels = {
        "aangemeld": _("Gemeld door DUO"),
        "intake": _("Brede intake gestart"),
        "pip": _("PIP vastgesteld"),
        "uitvoering": _("Leerroute in uitvoering"),
        "voldaan": _("Inburgeringsplicht voldaan"),
    }
    per = c.per("onderdeel", "trechter")
    aangemeld = per.get("aangemeld", 0)
    rijen = [[labels[f], per.get(f, 0), procent(per.get(f, 0), aangemeld)] for f in TRECHTER]
    titel = _("Van melding door DUO tot plicht voldaan")
    return Sectie(
        id="trechter",
        titel=titel,
        bijschrift=_(
            "Van de %(n)s personen die DUO in deze periode meldde, kregen er %(pip)s (%(p)s) "
            "een PIP en voldeden er %(v)s aan hun inburgeringsplicht."
        )
        % {
            "n": aangemeld,
            "pip": per.get("pip", 0),
            "p": procent(per.get("pip", 0), aangemeld),
            "v": per.get("voldaan", 0),
        },
        kolommen=[_("Fase"), _("Aantal personen"), _("Deel van de gemelde personen")],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-trechter",
            titel=titel,
            uitleg=_("Staafdiagram: per fase het aantal personen dat die fase bereikte."),
            categorieen=[r[0] for r in rijen],
            reeksen=[grafiek.Reeks(_("Aantal personen"), [r[1] for r in rijen])],
        ),
        noten=[
            _(
                "Groep: de personen die DUO in de gekozen periode meldde. Elke persoon telt mee "
                "in elke fase die hij of zij tot vandaag bereikte."
            )
        ],
    )


def _pip_op_tijd(c: Cijfers) -> Sectie:
    maanden = c.filter.periode.maanden()
    op_tijd = c.per("maand", "pip_r51", onderdeel="op_tijd")
    te_laat = c.per("maand", "pip_r51", onderdeel="te_laat")
    zonder = c.per("maand", "pip_r51", onderdeel="zonder_ss139")
    rijen = [
        [
            maandlabel(m),
            op_tijd.get(m, 0),
            te_laat.get(m, 0),
            zonder.get(m, 0),
            procent(op_tijd.get(m, 0), op_tijd.get(m, 0) + te_laat.get(m, 0)),
        ]
        for m in maanden
    ]
    totaal_op_tijd, totaal_te_laat = sum(op_tijd.values()), sum(te_laat.values())
    titel = _("Eerste PIP's binnen 10 weken (R51)")
    return Sectie(
        id="pip-op-tijd",
        titel=titel,
        bijschrift=_(
            "In deze periode werden %(n)s eerste PIP's vastgesteld na een melding van DUO; "
            "%(op)s daarvan (%(p)s) binnen %(dagen)s dagen."
        )
        % {
            "n": totaal_op_tijd + totaal_te_laat,
            "op": totaal_op_tijd,
            "p": procent(totaal_op_tijd, totaal_op_tijd + totaal_te_laat),
            "dagen": PIP_OP_TIJD_DAGEN,
        },
        kolommen=[
            _("Maand"),
            _("Op tijd"),
            _("Te laat"),
            _("Zonder melding SS139"),
            _("Op tijd (%)"),
        ],
        rijen=rijen,
        grafiek=grafiek.lijnen(
            id="g-pip-op-tijd",
            titel=titel,
            uitleg=_("Lijndiagram: per maand het aantal eerste PIP's op tijd en te laat."),
            labels=[r[0] for r in rijen],
            reeksen=[
                grafiek.Reeks(_("Op tijd"), [r[1] for r in rijen]),
                grafiek.Reeks(_("Te laat"), [r[2] for r in rijen]),
            ],
        ),
        noten=[
            _(
                "Op tijd: de dagtekening van het eerste PIP ligt uiterlijk %(dagen)s dagen na de "
                "laatste melding SS139 van DUO ervóór (regel R51)."
            )
            % {"dagen": PIP_OP_TIJD_DAGEN}
        ],
    )


def _doorlooptijd(c: Cijfers) -> Sectie:
    intake = c.per("onderdeel", "intake_gestart")
    pip = c.per("onderdeel", "eerste_pip")
    labels = {
        "0-4": _("0 tot en met 4 weken"),
        "5-8": _("4 tot en met 8 weken"),
        "9-10": _("8 tot en met 10 weken"),
        "10+": _("Meer dan 10 weken"),
    }
    rijen = [[labels[b], intake.get(b, 0), pip.get(b, 0)] for b, _grens in DAGEN_BAKKEN]
    n_intake, n_pip = sum(intake.values()), sum(pip.values())
    titel = _("Dagen van melding tot brede intake en tot PIP")
    return Sectie(
        id="doorlooptijd",
        titel=titel,
        bijschrift=_(
            "Een brede intake begon gemiddeld %(i)s dagen na de melding (%(ni)s intakes); een "
            "eerste PIP werd gemiddeld %(p)s dagen na de melding vastgesteld (%(np)s PIP's)."
        )
        % {
            "i": gemiddelde(c.som("intake_gestart"), n_intake),
            "ni": n_intake,
            "p": gemiddelde(c.som("eerste_pip"), n_pip),
            "np": n_pip,
        },
        kolommen=[_("Tijd na de melding"), _("Brede intakes gestart"), _("Eerste PIP's")],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-doorlooptijd",
            titel=titel,
            uitleg=_(
                "Staafdiagram: per tijdvak na de melding het aantal gestarte brede intakes en "
                "het aantal eerste PIP's."
            ),
            categorieen=[r[0] for r in rijen],
            reeksen=[
                grafiek.Reeks(_("Brede intakes gestart"), [r[1] for r in rijen]),
                grafiek.Reeks(_("Eerste PIP's"), [r[2] for r in rijen]),
            ],
        ),
    )


def _leerroute_doelgroep(c: Cijfers) -> Sectie:
    routes = [Leerroute.B1_ROUTE, Leerroute.ONDERWIJSROUTE, Leerroute.Z_ROUTE]
    rijen = []
    for doelgroep in Doelgroep:
        per = c.per("leerroute", "eerste_pip", doelgroep=doelgroep.value)
        rijen.append([doelgroep.value, *[per.get(r.value, 0) for r in routes]])
    titel = _("Leerroute per doelgroep")
    totaal = {r: sum(rij[i + 1] for rij in rijen) for i, r in enumerate(routes)}
    alle = sum(totaal.values())
    return Sectie(
        id="leerroute",
        titel=titel,
        bijschrift=_(
            "Van de %(n)s eerste PIP's in deze periode gaan er %(b)s (%(pb)s) over de B1-route, "
            "%(o)s over de onderwijsroute en %(z)s over de Z-route (de leerroute van het PIP "
            "dat nu geldt)."
        )
        % {
            "n": alle,
            "b": totaal[Leerroute.B1_ROUTE],
            "pb": procent(totaal[Leerroute.B1_ROUTE], alle),
            "o": totaal[Leerroute.ONDERWIJSROUTE],
            "z": totaal[Leerroute.Z_ROUTE],
        },
        kolommen=[_("Doelgroep"), *[leerroute_label(r) for r in routes]],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-leerroute",
            titel=titel,
            uitleg=_("Staafdiagram: per doelgroep het aantal eerste PIP's per leerroute."),
            categorieen=[r[0] for r in rijen],
            reeksen=[
                grafiek.Reeks(leerroute_label(r), [rij[i + 1] for rij in rijen])
                for i, r in enumerate(routes)
            ],
        ),
    )


def _examens(c: Cijfers) -> Sectie:
    resultaten = [Examenresultaat.GESLAAGD, Examenresultaat.GEZAKT, Examenresultaat.GEEN]
    labels = {
        Examenresultaat.GESLAAGD: _("Geslaagd"),
        Examenresultaat.GEZAKT: _("Gezakt"),
        Examenresultaat.GEEN: _("Geen resultaat"),
    }
    per = c.per("onderdeel", "examen")
    tegoed = c.som_per("onderdeel", "gratis_pogingen", stand=True)
    op = c.per("onderdeel", "gratis_op", stand=True)
    rijen = [
        [
            o.value,
            *[per.get(f"{o.value}:{r.value}", 0) for r in resultaten],
            int(tegoed.get(o.value, 0)),
            op.get(o.value, 0),
        ]
        for o in Examenonderdeel
    ]
    geslaagd = sum(r[1] for r in rijen)
    afgelegd = sum(r[1] + r[2] + r[3] for r in rijen)
    titel = _("Examens en gratis pogingen")
    return Sectie(
        id="examens",
        titel=titel,
        bijschrift=_(
            "In deze periode werden %(n)s examenonderdelen afgelegd; %(g)s (%(p)s) daarvan met "
            "een voldoende. %(op)s keer heeft iemand voor een onderdeel geen gratis poging meer."
        )
        % {
            "n": afgelegd,
            "g": geslaagd,
            "p": procent(geslaagd, afgelegd),
            "op": sum(op.values()),
        },
        kolommen=[
            _("Onderdeel"),
            *[labels[r] for r in resultaten],
            _("Gratis pogingen over (nu)"),
            _("Personen zonder gratis poging (nu)"),
        ],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-examens",
            titel=titel,
            uitleg=_("Staafdiagram: per examenonderdeel het aantal uitslagen per resultaat."),
            categorieen=[r[0] for r in rijen],
            reeksen=[
                grafiek.Reeks(labels[res], [rij[i + 1] for rij in rijen])
                for i, res in enumerate(resultaten)
            ],
        ),
        noten=[
            _(
                "Onderdelen: KNM = Kennis van de Nederlandse Maatschappij, LE = lezen, "
                "LU = luisteren, SC = schrijven, SP = spreken. Gratis pogingen zoals DUO ze "
                "laatst doorgaf."
            )
        ],
    )


def _pvt_map(c: Cijfers) -> Sectie:
    standen = ["afgerond", "bezig", "niet_gestart"]
    labels = {"afgerond": _("Afgerond"), "bezig": _("Bezig"), "niet_gestart": _("Niet gestart")}
    rijen = []
    for onderdeel, naam in (("pvt", _("PVT")), ("map", _("MAP"))):
        per = c.per("onderdeel", f"{onderdeel}_stand", stand=True)
        totaal = sum(per.values())
        rijen.append(
            [naam, *[per.get(s, 0) for s in standen], procent(per.get("afgerond", 0), totaal)]
        )
    titel = _("PVT en MAP: afgerond, bezig, niet gestart")
    return Sectie(
        id="pvt-map",
        titel=titel,
        bijschrift=_(
            "Van de personen met een PIP rondden %(pvt)s het participatieverklaringstraject af "
            "en %(map)s de Module Arbeidsmarkt en Participatie (stand van vandaag)."
        )
        % {"pvt": rijen[0][4], "map": rijen[1][4]},
        kolommen=[_("Onderdeel"), *[labels[s] for s in standen], _("Afgerond (%)")],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-pvt-map",
            titel=titel,
            uitleg=_("Staafdiagram: voor PVT en MAP het aantal personen per stand."),
            categorieen=[r[0] for r in rijen],
            reeksen=[
                grafiek.Reeks(labels[s], [rij[i + 1] for rij in rijen])
                for i, s in enumerate(standen)
            ],
        ),
        noten=[_("Personen met een vastgesteld PIP, stand op de dag van de laatste berekening.")],
    )


def _uren(c: Cijfers) -> Sectie:
    maanden = c.filter.periode.maanden()
    aangeboden = c.som_per("maand", "uren", onderdeel="aangeboden")
    aanwezig = c.som_per("maand", "uren", onderdeel="aanwezig")
    rijen = []
    for m in maanden:
        a, w = aangeboden.get(m, Decimal(0)), aanwezig.get(m, Decimal(0))
        rijen.append([maandlabel(m), a, w, a - w, procent(a - w, a)])
    som_a, som_w = sum(aangeboden.values(), Decimal(0)), sum(aanwezig.values(), Decimal(0))
    titel = _("Lesuren en verzuim volgens de taalaanbieders")
    return Sectie(
        id="uren",
        titel=titel,
        bijschrift=_(
            "Scholen boden in deze periode %(a)s lesuren aan; deelnemers waren %(w)s uur "
            "aanwezig, een verzuim van %(p)s."
        )
        % {"a": f"{som_a:.0f}", "w": f"{som_w:.0f}", "p": procent(som_a - som_w, som_a)},
        kolommen=[
            _("Maand"),
            _("Aangeboden uren"),
            _("Aanwezig (uren)"),
            _("Verzuim (uren)"),
            _("Verzuim (%)"),
        ],
        rijen=rijen,
        grafiek=grafiek.lijnen(
            id="g-uren",
            titel=titel,
            uitleg=_("Lijndiagram: per maand de aangeboden uren en de uren aanwezig."),
            labels=[r[0] for r in rijen],
            reeksen=[
                grafiek.Reeks(_("Aangeboden uren"), [r[1] for r in rijen]),
                grafiek.Reeks(_("Aanwezig (uren)"), [r[2] for r in rijen]),
            ],
        ),
    )


def _werk(c: Cijfers) -> Sectie:
    open_ = c.per("onderdeel", "werk_open", stand=True)
    te_laat = c.per("onderdeel", "werk_te_laat", stand=True)
    rijen = [
        [soort.label, open_.get(soort.value, 0), te_laat.get(soort.value, 0)]
        for soort in Soort
        if open_.get(soort.value)
    ]
    titel = _("Openstaand en achterstallig werk")
    return Sectie(
        id="werk",
        titel=titel,
        bijschrift=_(
            "Er staan %(n)s werkitems open; bij %(l)s daarvan is de uiterste datum verstreken."
        )
        % {"n": sum(open_.values()), "l": sum(te_laat.values())},
        kolommen=[_("Soort werk"), _("Open"), _("Over de uiterste datum")],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-werk",
            titel=titel,
            uitleg=_("Staafdiagram: per soort werk het aantal open werkitems en hoeveel te laat."),
            categorieen=[str(r[0]) for r in rijen],
            reeksen=[
                grafiek.Reeks(_("Open"), [r[1] for r in rijen]),
                grafiek.Reeks(_("Over de uiterste datum"), [r[2] for r in rijen]),
            ],
        ),
        noten=[_("Stand op de dag van de laatste berekening.")],
    )


def _caseload(c: Cijfers, namen: dict[str, str]) -> Sectie:
    per = c.per("onderdeel", "caseload", stand=True)
    rijen = sorted(
        ([namen.get(k) or _("Niet toegewezen"), n] for k, n in per.items()),
        key=lambda r: (-r[1], r[0]),
    )
    titel = _("Caseload per klantregisseur")
    return Sectie(
        id="caseload",
        titel=titel,
        bijschrift=_(
            "%(n)s lopende dossiers over %(k)s klantregisseurs; %(z)s dossiers hebben nog "
            "geen klantregisseur."
        )
        % {
            "n": sum(per.values()),
            "k": len([k for k in per if k]),
            "z": per.get("", 0),
        },
        kolommen=[_("Klantregisseur"), _("Lopende dossiers")],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-caseload",
            titel=titel,
            uitleg=_("Staafdiagram: per klantregisseur het aantal lopende dossiers."),
            categorieen=[str(r[0]) for r in rijen],
            reeksen=[grafiek.Reeks(_("Lopende dossiers"), [r[1] for r in rijen])],
        ),
        noten=[_("Stand op de dag van de laatste berekening.")],
    )


def _handhaving(c: Cijfers) -> Sectie:
    per = c.per("onderdeel", "handhaving")
    bedrag = c.som_per("onderdeel", "handhaving")
    rijen = [
        [soort.label, per.get(soort.value, 0), bedrag.get(soort.value, Decimal(0))]
        for soort in StapSoort
    ]
    boetes = per.get(StapSoort.BESLUIT.value, 0)
    titel = _("Handhaving: stappen en boetes")
    return Sectie(
        id="handhaving",
        titel=titel,
        bijschrift=_(
            "In deze periode werden %(w)s schriftelijke waarschuwingen gegeven en %(b)s boetes "
            "opgelegd, samen € %(s)s."
        )
        % {
            "w": per.get(StapSoort.WAARSCHUWING.value, 0),
            "b": boetes,
            "s": f"{bedrag.get(StapSoort.BESLUIT.value, Decimal(0)):.2f}".replace(".", ","),
        },
        kolommen=[_("Stap"), _("Aantal"), _("Bedrag (euro)")],
        rijen=rijen,
        grafiek=grafiek.staven(
            id="g-handhaving",
            titel=titel,
            uitleg=_("Staafdiagram: per stap in de handhaving het aantal in deze periode."),
            categorieen=[str(r[0]) for r in rijen],
            reeksen=[grafiek.Reeks(_("Aantal"), [r[1] for r in rijen])],
        ),
    )


@dataclass(frozen=True)
class Pagina:
    code: str
    titel: Any
    secties: tuple[str, ...]


PAGINAS = (
    Pagina(
        "stroom",
        gettext_lazy("Instroom en doorlooptijd"),
        ("trechter", "pip-op-tijd", "doorlooptijd"),
    ),
    Pagina(
        "route", gettext_lazy("Leerroute en examens"), ("leerroute", "examens", "pvt-map", "uren")
    ),
    Pagina("werk", gettext_lazy("Werk en handhaving"), ("werk", "caseload", "handhaving")),
)

BOUWERS: dict[str, Callable[..., Sectie]] = {
    "trechter": _trechter,
    "pip-op-tijd": _pip_op_tijd,
    "doorlooptijd": _doorlooptijd,
    "leerroute": _leerroute_doelgroep,
    "examens": _examens,
    "pvt-map": _pvt_map,
    "uren": _uren,
    "werk": _werk,
    "caseload": _caseload,
    "handhaving": _handhaving,
}


def pagina(code: str) -> Pagina | None:
    return next((p for p in PAGINAS if p.code == code), None)


def sectie(code: str, c: Cijfers, namen: dict[str, str]) -> Sectie:
    if code == "caseload":
        return _caseload(c, namen)
    return BOUWERS[code](c)
