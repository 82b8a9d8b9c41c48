"""What DUO knows about the demo's people, as plain data for the DUO simulator (``POST
/_sim/zaaien`` or ``--zaai``).

The simulator imports nothing from the product, so the demo hands it JSON: every person of the
demo (DUO registers the Wi2013 duty too) with their duty (plicht, start, notice), doelgroep,
settling date, the leerbaarheidstoets as the intake recorded it, their exam results, and the PIPs
DUO already received. PIPs and hours still waiting in the outbox are not seeded: the outbox
delivers them, and DUO confirms them.
"""

from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.integrations.duo.models import MeldingSoort, UitgaandBericht, UitgaandStatus
from openinburgering.regels.plicht import begindatum_plicht

from .verhuisd import vertrokken_kopieen

# Why the duty ended, in DUO's words (Inburgeringsplicht API, RedenGeenInburgeringsplicht).
REDEN_GEEN_PLICHT = {
    Eindreden.VOLDAAN: "Inburgeringsplicht voldaan",
    Eindreden.VRIJGESTELD: "Volledige vrijstelling",
    Eindreden.ONTHEVEN: "Volledige ontheffing",
    Eindreden.OVERLEDEN: "Overlijden",
    Eindreden.PLICHT_VERVALLEN: "Overig",
}


def _score(waarde) -> str:
    return f"{waarde:.2f}".replace(".", ",")


def _lbt(intake) -> dict:
    if intake is None or intake.lbt_afgenomen_op is None:
        return {}
    haalbaar = intake.lbt_behaalde_score >= intake.lbt_benodigde_score
    return {
        "examennummer": f"LBT{intake.pk:06d}",
        "resultaten": [
            {
                "resultaat": "B1-route haalbaar" if haalbaar else "B1-route niet haalbaar",
                "behaaldeScore": _score(intake.lbt_behaalde_score),
                "benodigdeScore": _score(intake.lbt_benodigde_score),
                "datumAfname": intake.lbt_afgenomen_op.isoformat(),
            }
        ],
    }


def _bezorgde_pip(inburgeraar) -> dict | None:
    """The last PIP DUO confirmed (a restart of the simulator must not lose it)."""
    bericht = (
        UitgaandBericht.objects.filter(
            inburgeraar=inburgeraar,
            soort=MeldingSoort.PIP_REGISTREREN,
            status=UitgaandStatus.BEZORGD,
        )
        .order_by("-id")
        .first()
    )
    if bericht is None:
        return None
    return {"gemeenteOin": inburgeraar.gemeente.oin, **(bericht.inhoud or {})}


def persoon_voor_duo(inburgeraar: Inburgeraar) -> dict:
    dossier = inburgeraar.dossier
    gemeente = inburgeraar.gemeente
    begin = (
        begindatum_plicht(inburgeraar.geboortedatum, inburgeraar.datum_bekendmaking_ind).waarde
        if inburgeraar.datum_bekendmaking_ind
        else dossier.aangemeld_op
    )
    persoon = {
        "bsn": inburgeraar.bsn,
        "naam": " ".join(d for d in (inburgeraar.voornamen, inburgeraar.achternaam) if d),
        "doelgroep": inburgeraar.doelgroep,
        "gedetailleerdeDoelgroep": inburgeraar.gedetailleerde_doelgroep,
        "woongemeenteOin": gemeente.oin,
        "gemeentecode": gemeente.code,
        "gemeentenaam": gemeente.naam,
        "vestigingsdatum": dossier.aangemeld_op.isoformat(),
        "plichtBegindatum": begin.isoformat(),
        "datumKennisgeving": dossier.aangemeld_op.isoformat(),
    }
    if inburgeraar.vnummer and inburgeraar.vnummer.isdigit():
        persoon["vNummer"] = int(inburgeraar.vnummer)
    if dossier.status == Status.AFGEROND and dossier.eindreden in REDEN_GEEN_PLICHT:
        persoon.update(
            plichtig=False,
            plichtEinddatum=dossier.afgerond_op.isoformat(),
            redenGeenInburgeringsplicht=REDEN_GEEN_PLICHT[dossier.eindreden],
        )
    lbt = _lbt(getattr(dossier, "brede_intake", None))
    if lbt:
        persoon["lbt"] = lbt
    persoon["examenresultaten"] = [
        {
            "onderdeel": u.onderdeel,
            "examendatum": u.examendatum.isoformat(),
            "resultaat": u.resultaat,
            **({"niveau": u.niveau} if u.niveau else {}),
            **({"redenGeenResultaat": u.reden_geen_resultaat} if u.reden_geen_resultaat else {}),
        }
        for u in dossier.examenuitslagen.order_by("examendatum", "id")
    ]
    persoon["gratisPogingen"] = [
        {"onderdeel": p.onderdeel, "gratisPogingenTegoed": p.tegoed}
        for p in dossier.gratis_pogingen.order_by("onderdeel")
    ]
    pip = _bezorgde_pip(inburgeraar)
    if pip is not None:
        persoon["pip"] = pip
    persoon.update(_besluiten(inburgeraar))
    return persoon


def _besluiten(inburgeraar) -> dict:
    """What DUO decided in the demo (``demo.duo_besluiten``): the term DUO extended, the
    extension requests and DUO's fines, in DUO's shape, so that "Ophalen bij DUO" answers the
    same."""
    stand = getattr(inburgeraar, "duo_stand", None)
    gegevens = stand.gegevens if stand is not None else {}
    uit: dict = {}
    termijn = gegevens.get("termijn") or {}
    if termijn.get("startdatum") and termijn.get("einddatum"):
        uit["termijnAutomatisch"] = False
        uit["termijn"] = {"startdatum": termijn["startdatum"], "einddatum": termijn["einddatum"]}
    if gegevens.get("verlengingen"):
        uit["verlengingen"] = [
            {
                "ontvangstdatum": v["ontvangstdatum"],
                "beoordelingAanvraag": v["beoordeling_aanvraag"],
                **(
                    {"datumBeoordeling": v["datum_beoordeling"]}
                    if v.get("datum_beoordeling")
                    else {}
                ),
            }
            for v in gegevens["verlengingen"]
        ]
    if gegevens.get("boetes"):
        uit["boetes"] = [{"bedrag": b["bedrag"], "datum": b["datum"]} for b in gegevens["boetes"]]
    return uit


def zaaigegevens() -> dict:
    """Every demo gemeente and person, in the shape of ``POST /_sim/zaaien``."""
    # A person who moved is known to DUO once, in the gemeente they live in now.
    inburgeraars = (
        Inburgeraar.objects.select_related(
            "gemeente", "dossier", "dossier__brede_intake", "duo_stand"
        )
        .exclude(id__in=vertrokken_kopieen())
        .order_by("id")
    )
    return {
        "gemeenten": [
            {"oin": g.oin, "gemeentecode": g.code, "naam": g.naam}
            for g in Gemeente.objects.order_by("code")
        ],
        "personen": [persoon_voor_duo(i) for i in inburgeraars],
    }
