"""The handover package (R76): what the models hold about one dossier, as the structured file
(``schema/overdracht-v1.schema.json``) and as the PDF for people, and the check of a file that
comes in (the schema, then R77).

Reads only: the writes are in ``services``. A fixed number of queries per dossier.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from openinburgering.begeleiding.models import StapStatus, Voortgang
from openinburgering.core.keten import raadplegen
from openinburgering.inburgeraars.codes import keuzes
from openinburgering.inburgeraars.models import Dossier
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.intake.models import BredeIntake, IntakeStatus
from openinburgering.pip.models import (
    GesprekStatus,
    PipStatus,
    PipVersie,
    Voortgangsgesprek,
    Wijzigingsreden,
)
from openinburgering.regels import codes
from openinburgering.regels.verhuizing import OVERDRACHT_SCHEMAVERSIE, mag_overdragen
from openinburgering.traject.models import (
    Afronding,
    DeelnameStatus,
    ExamenUitslag,
    MapActiviteit,
    MapSoort,
    Onderdeel,
    PvtDeelname,
    Urenregistratie,
    UrenSoort,
)

SCHEMA_PAD = Path(__file__).resolve().parent / "schema" / "overdracht-v1.schema.json"
SOORT = "openinburgering.overdracht"
#: A handover file is small (a dossier's text); anything bigger is refused before it is read.
MAX_BESTAND = 2 * 1024 * 1024

INTAKE_VELDEN = (
    "taal_en_opleiding",
    "werkervaring",
    "ambities",
    "gezondheid",
    "gezin_en_kinderopvang",
    "financien",
    "huisvesting",
    "sociaal_netwerk",
    "ondersteuningsbehoefte",
)
PIP_VELDEN = (
    "volgnummer",
    "status",
    "reden",
    "reden_toelichting",
    "dagtekening",
    "leerroute",
    "niveau",
    "geschatte_intensiteit_b1_route",
    "mag_opleiding_afmaken",
    "alfabetisering",
    "begeleiding",
    "pvt_inhoud",
    "pvt_intensiteit",
    "map_inhoud",
    "map_intensiteit",
    "ontzorgen",
    "randvoorwaarden",
    "voortgang",
    "gesprek_frequentie_weken",
    "afspraken",
    "motivering_leerroute",
    "vastgesteld_op",
)


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PAD.read_text(encoding="utf-8"))


def _d(waarde: date | datetime | None) -> str | None:
    if waarde is None:
        return None
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).isoformat()
    return waarde.isoformat()


def _waarde(waarde: Any) -> Any:
    return _d(waarde) if isinstance(waarde, date) else waarde


def pakket_maken(
    *, dossier: Dossier, overdracht_uuid: str, kenmerk: str, naar_code: str, naar_naam: str
) -> dict[str, Any]:
    """The structured file of this dossier, as the schema describes it (the person's BSN under
    the key ``bsn``: the number the law wants in an exchange, Wabb art. 11)."""
    inburgeraar = dossier.inburgeraar
    gemeente = dossier.gemeente
    klantregisseur = dossier.klantregisseur
    intake = BredeIntake.objects.filter(dossier=dossier).prefetch_related("gesprekken").first()
    versies = list(PipVersie.objects.filter(dossier=dossier).order_by("volgnummer"))
    geldend = next((v for v in versies if v.status == PipStatus.VASTGESTELD), None)
    dagtekeningen = [v.dagtekening for v in versies if v.status != PipStatus.CONCEPT]
    termijn = raadplegen.inburgeringstermijn(
        inburgeraar, pip_dagtekeningen=[d for d in dagtekeningen if d is not None]
    )
    return {
        "schemaversie": OVERDRACHT_SCHEMAVERSIE,
        "soort": SOORT,
        "overdracht": {
            "uuid": overdracht_uuid,
            "gemaakt_op": timezone.localtime().isoformat(),
            "kenmerk": kenmerk,
            "van_gemeente": {"code": gemeente.code, "naam": gemeente.naam},
            "naar_gemeente": {"code": naar_code, "naam": naar_naam},
            "regel": "R76",
        },
        "persoon": {
            "bsn": inburgeraar.bsn,
            "vnummer": inburgeraar.vnummer,
            "voornamen": inburgeraar.voornamen,
            "voorvoegsel": inburgeraar.voorvoegsel,
            "achternaam": inburgeraar.achternaam,
            "geboortedatum": _d(inburgeraar.geboortedatum),
            "nationaliteit": str(inburgeraar.nationaliteit or ""),
            "verblijfsdoel": inburgeraar.verblijfsdoel,
            "doelgroep": inburgeraar.doelgroep,
            "gedetailleerde_doelgroep": inburgeraar.gedetailleerde_doelgroep,
            "regime": inburgeraar.regime,
            "talen": inburgeraar.talen,
        },
        "contact": {
            "telefoon": inburgeraar.telefoon,
            "email": inburgeraar.email,
            "adres": {
                "straat_huisnummer": inburgeraar.straat_huisnummer,
                "postcode": inburgeraar.postcode,
                "woonplaats": inburgeraar.woonplaats,
            },
            "klantregisseur": {
                "naam": klantregisseur.get_full_name() or klantregisseur.username,
                "email": klantregisseur.email,
            }
            if klantregisseur is not None
            else None,
            "gemeente": {
                "naam": gemeente.naam,
                "telefoonnummer": gemeente.telefoonnummer,
                "email": gemeente.email,
                "adres": gemeente.adres,
            },
        },
        "dossier": {
            "status": dossier.status,
            "eindreden": dossier.eindreden,
            "aangemeld_op": _d(dossier.aangemeld_op),
            "afgerond_op": _d(dossier.afgerond_op),
        },
        "intake": _intake(intake) if intake is not None else None,
        "pip_versies": [{v: _waarde(getattr(p, v)) for v in PIP_VELDEN} for p in versies],
        "voortgangsgesprekken": [
            {
                "gepland_op": _d(g.gepland_op),
                "status": g.status,
                "gevoerd_op": _d(g.gevoerd_op),
                "notities": g.notities,
            }
            for g in Voortgangsgesprek.objects.filter(dossier=dossier).order_by("gepland_op", "id")
        ],
        "route": {
            "leerroute": geldend.leerroute if geldend else "",
            "niveau": geldend.niveau if geldend else "",
            "termijn_start": _d(termijn.start) if termijn else None,
            "termijn_einde_exclusief": _d(termijn.einde_exclusief) if termijn else None,
        },
        "uren": [
            {
                "soort": u.soort,
                "periode_start": _d(u.periode_start),
                "periode_einde": _d(u.periode_einde),
                "uren": u.uren,
                "omschrijving": u.omschrijving,
            }
            for u in Urenregistratie.objects.filter(dossier=dossier).order_by("periode_start", "id")
        ],
        "examens": [
            {
                "onderdeel": e.onderdeel,
                "niveau": e.niveau,
                "examendatum": _d(e.examendatum),
                "resultaat": e.resultaat,
                "reden_geen_resultaat": e.reden_geen_resultaat,
            }
            for e in ExamenUitslag.objects.filter(dossier=dossier).order_by("examendatum", "id")
        ],
        "participatie": {
            "afrondingen": [
                {"onderdeel": a.onderdeel, "datum": _d(a.datum), "verwijtbaar": a.verwijtbaar}
                for a in Afronding.objects.filter(dossier=dossier).order_by("onderdeel", "id")
            ],
            "map_activiteiten": [
                {
                    "soort": m.soort,
                    "omschrijving": m.omschrijving,
                    "datum": _d(m.datum),
                    "uren": str(m.uren),
                }
                for m in MapActiviteit.objects.filter(dossier=dossier).order_by("datum", "id")
            ],
            "pvt_deelnames": [
                {"groep": d.groep.naam, "status": d.status, "uitgenodigd_op": _d(d.uitgenodigd_op)}
                for d in PvtDeelname.objects.filter(dossier=dossier).select_related("groep")
            ],
        },
        "begeleiding": [
            {
                "stap": v.stap.naam,
                "status": v.status,
                "datum": _d(v.datum),
                "geholpen_door": v.geholpen_door,
                "toelichting": v.toelichting,
            }
            for v in Voortgang.objects.filter(dossier=dossier)
            .select_related("stap")
            .order_by("stap__volgorde", "id")
        ],
        "tijdlijn": [
            {"tijdstip": _d(g.tijdstip), "soort": g.soort, "omschrijving": g.omschrijving}
            for g in dossier.gebeurtenissen.order_by("tijdstip", "id")
        ],
    }


def _intake(intake: BredeIntake) -> dict[str, Any]:
    # Health and finances stay with the old gemeente (R76).
    tekst = {v: getattr(intake, v) for v in INTAKE_VELDEN if mag_overdragen(v)}
    return {
        "status": intake.status,
        "gestart_op": _d(intake.gestart_op),
        "afgesloten_op": _d(intake.afgesloten_op),
        **tekst,
        "lbt": {
            "afgenomen_op": _d(intake.lbt_afgenomen_op),
            "behaalde_score": str(intake.lbt_behaalde_score)
            if intake.lbt_behaalde_score is not None
            else None,
            "benodigde_score": str(intake.lbt_benodigde_score)
            if intake.lbt_benodigde_score is not None
            else None,
            "resultaat": intake.lbt_resultaat,
        },
        "geadviseerde_leerroute": intake.geadviseerde_leerroute,
        "gesprekken": [
            {
                "datum": _d(g.datum),
                "tolk_gebruikt": g.tolk_gebruikt,
                "tolk_taal": g.tolk_taal,
                "verslag": g.verslag,
            }
            for g in intake.gesprekken.all()
        ],
    }


class OngeldigBestand(Exception):
    """The file is no handover file this system can read; ``str()`` is plain Dutch, no BSN."""


def lees_bestand(inhoud: bytes) -> dict[str, Any]:
    """Parse and validate a handover file against the schema; :class:`OngeldigBestand` with a
    Dutch message (naming the place in the file, never its values) when it is not one."""
    from jsonschema import Draft202012Validator

    if len(inhoud) > MAX_BESTAND:
        raise OngeldigBestand(
            _("Het bestand is te groot voor een overdrachtsdossier (meer dan 2 MB).")
        )
    try:
        gegevens = json.loads(inhoud.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # RecursionError: JSON nested deeper than Python parses (a hostile file, not a 500).
        raise OngeldigBestand(
            _(
                "Dit bestand is geen overdrachtsdossier: het is geen geldig JSON-bestand. Kies "
                "het .json-bestand dat de vorige gemeente meegaf."
            )
        ) from None
    if not isinstance(gegevens, dict) or gegevens.get("soort") != SOORT:
        raise OngeldigBestand(
            _(
                "Dit bestand is geen overdrachtsdossier van een gemeente. Kies het .json-bestand "
                "dat de vorige gemeente meegaf."
            )
        )
    if gegevens.get("schemaversie") != OVERDRACHT_SCHEMAVERSIE:
        raise OngeldigBestand(
            _(
                "Dit overdrachtsdossier heeft versie %(versie)s; dit systeem leest versie "
                "%(ondersteund)s. Vraag de vorige gemeente om een bestand in versie "
                "%(ondersteund)s."
            )
            % {
                "versie": str(gegevens.get("schemaversie"))[:10],
                "ondersteund": OVERDRACHT_SCHEMAVERSIE,
            }
        )
    fouten = sorted(
        Draft202012Validator(schema()).iter_errors(gegevens), key=lambda f: list(f.absolute_path)
    )
    if fouten:
        plekken = ", ".join(
            "/".join(str(p) for p in fout.absolute_path) or _("het hele bestand")
            for fout in fouten[:5]
        )
        raise OngeldigBestand(
            _(
                "Dit overdrachtsdossier klopt niet met het schema (versie %(versie)s); er is niets "
                "overgenomen. Fout in: %(plekken)s."
            )
            % {"versie": OVERDRACHT_SCHEMAVERSIE, "plekken": plekken}
        )
    return gegevens


# --- for people: the PDF and the history page show labels, not codes ---------------------------


def _labels(keuzelijst) -> dict[str, Any]:
    return dict(keuzelijst)


def _datum(waarde: str | None) -> date | None:
    return date.fromisoformat(waarde) if waarde else None


def _tijdstip(waarde: str | None) -> datetime | None:
    return datetime.fromisoformat(waarde) if waarde else None


def weergave(gegevens: dict[str, Any]) -> dict[str, Any]:
    """The package with labels and dates for a template (the PDF at the old gemeente, the
    history page at the new one): the same file, read the same way on both sides."""
    label = {
        "doelgroep": _labels(keuzes(codes.Doelgroep)),
        "leerroute": _labels(keuzes(codes.Leerroute)),
        "onderdeel": _labels(keuzes(codes.Examenonderdeel)),
        "resultaat": _labels(keuzes(codes.Examenresultaat)),
        "lbt": _labels(keuzes(codes.LeerbaarheidstoetsResultaat)),
        "status": _labels(Status.choices),
        "eindreden": _labels(Eindreden.choices),
        "intake": _labels(IntakeStatus.choices),
        "pip_status": _labels(PipStatus.choices),
        "reden": _labels(Wijzigingsreden.choices),
        "gesprek": _labels(GesprekStatus.choices),
        "uren": _labels(UrenSoort.choices),
        "afronding": _labels(Onderdeel.choices),
        "map": _labels(MapSoort.choices),
        "deelname": _labels(DeelnameStatus.choices),
        "stap": _labels(StapStatus.choices),
    }

    def lab(soort: str, waarde: str) -> Any:
        return label[soort].get(waarde, waarde) if waarde else ""

    persoon, dossier, route = gegevens["persoon"], gegevens["dossier"], gegevens["route"]
    intake = gegevens["intake"]
    return {
        "van": gegevens["overdracht"]["van_gemeente"],
        "naar": gegevens["overdracht"]["naar_gemeente"],
        "kenmerk": gegevens["overdracht"]["kenmerk"],
        "gemaakt_op": _tijdstip(gegevens["overdracht"]["gemaakt_op"]),
        "naam": " ".join(
            p for p in (persoon["voornamen"], persoon["voorvoegsel"], persoon["achternaam"]) if p
        ),
        "geboortedatum": _datum(persoon["geboortedatum"]),
        "vnummer": persoon["vnummer"],
        "doelgroep": lab("doelgroep", persoon["doelgroep"]),
        "talen": persoon["talen"],
        "contact": gegevens["contact"],
        "dossier": {
            "status": lab("status", dossier["status"]),
            "eindreden": lab("eindreden", dossier["eindreden"]),
            "aangemeld_op": _datum(dossier["aangemeld_op"]),
            "afgerond_op": _datum(dossier["afgerond_op"]),
        },
        "route": {
            "leerroute": lab("leerroute", route["leerroute"]),
            "niveau": route["niveau"],
            "termijn_start": _datum(route["termijn_start"]),
            "termijn_einde": _datum(route["termijn_einde_exclusief"]),
        },
        "intake": {
            **intake,
            "status": lab("intake", intake["status"]),
            "gestart_op": _datum(intake["gestart_op"]),
            "afgesloten_op": _datum(intake["afgesloten_op"]),
            "lbt_resultaat": lab("lbt", intake["lbt"]["resultaat"]),
            "lbt_afgenomen_op": _datum(intake["lbt"]["afgenomen_op"]),
            "geadviseerde_leerroute": lab("leerroute", intake["geadviseerde_leerroute"]),
            "gesprekken": [{**g, "datum": _datum(g["datum"])} for g in intake["gesprekken"]],
        }
        if intake
        else None,
        "pip_versies": [
            {
                **v,
                "status": lab("pip_status", v["status"]),
                "reden": lab("reden", v["reden"]),
                "leerroute": lab("leerroute", v["leerroute"]),
                "dagtekening": _datum(v["dagtekening"]),
            }
            for v in gegevens["pip_versies"]
        ],
        "voortgangsgesprekken": [
            {
                **g,
                "status": lab("gesprek", g["status"]),
                "gepland_op": _datum(g["gepland_op"]),
                "gevoerd_op": _datum(g["gevoerd_op"]),
            }
            for g in gegevens["voortgangsgesprekken"]
        ],
        "uren": [
            {
                **u,
                "soort": lab("uren", u["soort"]),
                "periode_start": _datum(u["periode_start"]),
                "periode_einde": _datum(u["periode_einde"]),
            }
            for u in gegevens["uren"]
        ],
        "uren_totaal": sum(u["uren"] for u in gegevens["uren"]),
        "examens": [
            {
                **e,
                "onderdeel": lab("onderdeel", e["onderdeel"]),
                "resultaat": lab("resultaat", e["resultaat"]),
                "examendatum": _datum(e["examendatum"]),
            }
            for e in gegevens["examens"]
        ],
        "afrondingen": [
            {**a, "onderdeel": lab("afronding", a["onderdeel"]), "datum": _datum(a["datum"])}
            for a in gegevens["participatie"]["afrondingen"]
        ],
        "map_activiteiten": [
            {**m, "soort": lab("map", m["soort"]), "datum": _datum(m["datum"])}
            for m in gegevens["participatie"]["map_activiteiten"]
        ],
        "pvt_deelnames": [
            {
                **d,
                "status": lab("deelname", d["status"]),
                "uitgenodigd_op": _datum(d["uitgenodigd_op"]),
            }
            for d in gegevens["participatie"]["pvt_deelnames"]
        ],
        "begeleiding": [
            {**b, "status": lab("stap", b["status"]), "datum": _datum(b["datum"])}
            for b in gegevens["begeleiding"]
        ],
        "tijdlijn": [{**t, "tijdstip": _tijdstip(t["tijdstip"])} for t in gegevens["tijdlijn"]],
    }
