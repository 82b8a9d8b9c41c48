"""Handlers for DUO's APIs (the ``/v1/...`` paths). Each runs inside one store transaction."""

from dataclasses import dataclass
from datetime import date

from . import acceptatie
from .acceptatie import huidige_pip
from .datums import parse_datum
from .store import Store

# Grounds for extension of the term (codes and texts invented for the simulator).
VERLENGINGSGRONDEN = (
    {"code": "1", "omschrijving": "Ziekte of gebrek van de inburgeraar"},
    {"code": "2", "omschrijving": "Ziekte of overlijden van een familielid"},
    {"code": "3", "omschrijving": "Inburgeringsaanbod niet tijdig gestart"},
    {"code": "4", "omschrijving": "Niet-vrijstellende opleiding gevolgd"},
    {"code": "9", "omschrijving": "Overige niet-verwijtbare omstandigheden"},
)


class Weigering(Exception):  # noqa: N818 - Dutch domain name
    """DUO refuses the request: status and the list of fouttekst."""

    def __init__(self, status: int, fouten: list[str] | str):
        self.status = status
        self.fouten = [fouten] if isinstance(fouten, str) else list(fouten)
        super().__init__(status)


@dataclass
class Antwoord:
    status: int
    body: object = None  # JSON-serialisable, or None for no body


@dataclass
class Context:
    store: Store
    bron: str
    params: dict
    body: dict | None
    vandaag: date

    # --- person lookup with DUO's scope ----------------------------------------------------------
    def persoon(self) -> dict:
        persoon = self.store.persoon(self.params["bsn"])
        if persoon is None:
            raise Weigering(404, "De persoon is niet bekend bij DUO.")
        if not acceptatie.is_relevant(persoon, self.bron, self.vandaag):
            raise Weigering(403, "De persoon is niet relevant voor uw gemeente.")
        return persoon

    def bewaar(self, persoon: dict) -> None:
        self.store.persoon_opslaan(persoon)

    def gemeentecode(self, oin: str) -> str:
        return self.store.gemeentecode(oin) or "0000"


def _zonder_leeg(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None}


# --- Inburgeringsplicht ---------------------------------------------------------------------------
def doelgroep(ctx: Context) -> Antwoord:
    return Antwoord(200, _zonder_leeg(ctx.persoon().get("doelgroep") or {}))


def doelgroep_historie(ctx: Context) -> Antwoord:
    return Antwoord(200, [_zonder_leeg(h) for h in ctx.persoon().get("doelgroepHistorie") or []])


def plicht(ctx: Context) -> Antwoord:
    return Antwoord(200, _zonder_leeg(ctx.persoon()["inburgeringsplicht"]))


def plicht_historie(ctx: Context) -> Antwoord:
    historie = ctx.persoon().get("inburgeringsplichtHistorie") or []
    return Antwoord(200, [_zonder_leeg(h) for h in historie])


# --- Leerbaarheidstoets ---------------------------------------------------------------------------
def lbt_examennummer(ctx: Context) -> Antwoord:
    lbt = ctx.persoon().get("lbt") or {}
    if not lbt.get("examennummer") or lbt.get("overgeslagen"):
        raise Weigering(404, "Er is geen examennummer voor de leerbaarheidstoets.")
    return Antwoord(200, {"examennummer": lbt["examennummer"]})


def lbt_overslaan(ctx: Context) -> Antwoord:
    persoon = ctx.persoon()
    lbt = persoon.get("lbt") or {}
    if not lbt.get("examennummer") or lbt.get("overgeslagen"):
        raise Weigering(404, "Er is geen examennummer voor de leerbaarheidstoets.")
    if lbt.get("resultaten"):
        raise Weigering(
            403, "De leerbaarheidstoets is al afgenomen en kan niet worden overgeslagen."
        )
    lbt["overgeslagen"] = True
    persoon["lbt"] = lbt
    ctx.bewaar(persoon)
    return Antwoord(200)


def lbt_resultaten(ctx: Context) -> Antwoord:
    return Antwoord(200, list((ctx.persoon().get("lbt") or {}).get("resultaten") or []))


# --- Inburgeringstermijn --------------------------------------------------------------------------
def termijn(ctx: Context) -> Antwoord:
    t = ctx.persoon().get("termijn")
    if not t:
        raise Weigering(404, "Er is nog geen inburgeringstermijn vastgesteld.")
    return Antwoord(200, _zonder_leeg(t))


def termijn_historie(ctx: Context) -> Antwoord:
    return Antwoord(200, [_zonder_leeg(h) for h in ctx.persoon().get("termijnHistorie") or []])


def verlengingsgronden(ctx: Context) -> Antwoord:
    return Antwoord(200, [dict(g) for g in VERLENGINGSGRONDEN])


# --- Vrijstelling, Ontheffing, Examen (read-only, seeded) -----------------------------------------
def vrijstellingen(ctx: Context) -> Antwoord:
    return Antwoord(200, list(ctx.persoon().get("vrijstellingen") or []))


def ontheffingen(ctx: Context) -> Antwoord:
    return Antwoord(200, list(ctx.persoon().get("ontheffingen") or []))


def examenresultaten(ctx: Context) -> Antwoord:
    return Antwoord(200, list(ctx.persoon().get("examenresultaten") or []))


def gratis_pogingen(ctx: Context) -> Antwoord:
    return Antwoord(200, list(ctx.persoon().get("gratisPogingen") or []))


# --- PIP ------------------------------------------------------------------------------------------
def pip(ctx: Context) -> Antwoord:
    actueel = huidige_pip(ctx.persoon())
    if not actueel:
        raise Weigering(404, "Er is geen PIP bekend voor deze persoon.")
    return Antwoord(200, {"gemeentecode": actueel["gemeentecode"], "pip": actueel["pip"]})


def pip_registreren(ctx: Context) -> Antwoord:
    persoon = ctx.persoon()
    fouten = acceptatie.pip_fouten(persoon, ctx.body, ctx.bron)
    if fouten:
        raise Weigering(403, fouten)
    eerste = not persoon.get("pips")
    persoon.setdefault("pips", []).append(
        {
            "gemeenteOin": ctx.bron,
            "gemeentecode": ctx.gemeentecode(ctx.bron),
            "pip": acceptatie.pip_normaliseren(ctx.body),
            "registratiedatum": ctx.vandaag.isoformat(),
        }
    )
    if eerste and persoon.get("termijnAutomatisch", True) and not persoon.get("termijn"):
        start, eind = acceptatie.termijn_voor_eerste_pip(parse_datum(ctx.body["dagtekeningPip"]))
        termijn_vastleggen(
            persoon, {"startdatum": start.isoformat(), "einddatum": eind.isoformat()}, ctx.vandaag
        )
    ctx.bewaar(persoon)
    return Antwoord(201)


def termijn_vastleggen(persoon: dict, termijn: dict, vandaag: date) -> None:
    """Set or change the term (first PIP, or an extension from the control API)."""
    nieuw = {
        "startdatum": termijn.get("startdatum") or (persoon.get("termijn") or {}).get("startdatum"),
        "einddatum": termijn["einddatum"],
        "wijzigingsdatum": termijn.get("wijzigingsdatum") or vandaag.isoformat(),
        "verlengingsgrondcode": termijn.get("verlengingsgrondcode"),
        "verlengingsgrondomschrijving": termijn.get("verlengingsgrondomschrijving"),
    }
    persoon["termijn"] = _zonder_leeg(nieuw)
    historie = {k: v for k, v in persoon["termijn"].items() if k != "startdatum"}
    persoon.setdefault("termijnHistorie", []).append(historie)


def pip_verwijderen(ctx: Context) -> Antwoord:
    persoon = ctx.persoon()
    if not huidige_pip(persoon):
        raise Weigering(404, "Er is geen PIP bekend voor deze persoon.")
    fouten = acceptatie.pip_verwijderen_fouten(persoon, ctx.bron)
    if fouten:
        raise Weigering(403, fouten)
    persoon["pips"].pop()
    ctx.bewaar(persoon)
    return Antwoord(200)


# --- Contactpersoon -------------------------------------------------------------------------------
def _eigen_contactpersoon(ctx: Context) -> dict:
    cp = ctx.store.contactpersoon(int(ctx.params["id"]))
    if cp is None:
        raise Weigering(404, "De contactpersoon is niet bekend.")
    if cp["bron"] != ctx.bron:
        raise Weigering(403, "De contactpersoon hoort niet bij uw gemeente.")
    return cp


def contactpersoon_aanmaken(ctx: Context) -> Antwoord:
    id_ = ctx.store.contactpersoon_aanmaken(ctx.bron, ctx.body)
    if id_ > 99999:
        raise Weigering(500, "Geen contactpersoonnummers meer beschikbaar.")
    return Antwoord(201, {"id": id_, "contactpersoongegevens": ctx.body})


def contactpersoon_wijzigen(ctx: Context) -> Antwoord:
    cp = _eigen_contactpersoon(ctx)
    ctx.store.contactpersoon_wijzigen(cp["id"], ctx.body)
    return Antwoord(200)


def contactpersoon_verwijderen(ctx: Context) -> Antwoord:
    cp = _eigen_contactpersoon(ctx)
    ctx.store.contactpersoon_verwijderen(cp["id"])  # removes its links too
    return Antwoord(200)


def contactpersoon_koppelen(ctx: Context) -> Antwoord:
    cp = _eigen_contactpersoon(ctx)
    persoon = ctx.persoon()
    ctx.store.koppelen(persoon["bsn"], ctx.bron, cp["id"])  # replaces an existing link
    return Antwoord(201)


def contactpersoon_ontkoppelen(ctx: Context) -> Antwoord:
    cp = _eigen_contactpersoon(ctx)
    persoon = ctx.persoon()
    if not ctx.store.ontkoppelen(persoon["bsn"], ctx.bron, cp["id"]):
        raise Weigering(404, "Deze contactpersoon is niet aan de persoon gekoppeld.")
    return Antwoord(200)


# --- Inburgeringsaanbod ---------------------------------------------------------------------------
def instellingen(ctx: Context) -> Antwoord:
    return Antwoord(200, ctx.store.instellingen())


def aanbod_registreren(ctx: Context) -> Antwoord:
    persoon = ctx.persoon()
    nummer = ctx.params["instellingsnummer"]
    fouten = acceptatie.aanbod_fouten(persoon, ctx.store.instelling(nummer), ctx.body)
    if fouten:
        raise Weigering(403, fouten)
    persoon.setdefault("aanbod", {})[nummer] = {
        **ctx.body,
        "gemeenteOin": ctx.bron,
        "registratiedatum": ctx.vandaag.isoformat(),
    }  # one record per institution: a new delivery replaces the previous one
    ctx.bewaar(persoon)
    return Antwoord(201)


def aanbod_verwijderen(ctx: Context) -> Antwoord:
    persoon = ctx.persoon()
    nummer = ctx.params["instellingsnummer"]
    bestaand = (persoon.get("aanbod") or {}).get(nummer)
    if not bestaand:
        raise Weigering(404, "Er is geen inburgeringsaanbod bij deze instelling.")
    if bestaand["gemeenteOin"] != ctx.bron:
        raise Weigering(403, "Dit inburgeringsaanbod is door een andere gemeente geregistreerd.")
    del persoon["aanbod"][nummer]
    ctx.bewaar(persoon)
    return Antwoord(204)


# --- MAP, PVT, Z-route ----------------------------------------------------------------------------
def _datum_lezen(ctx: Context, soort: str) -> Antwoord:
    veld, label = acceptatie.MAP_PVT[soort]
    waarde = (ctx.persoon().get(soort) or {}).get(veld)
    if not waarde:
        raise Weigering(404, f"Er is geen {label} geregistreerd.")
    return Antwoord(200, {veld: waarde})


def _datum_registreren(ctx: Context, soort: str) -> Antwoord:
    persoon = ctx.persoon()
    fouten = acceptatie.map_pvt_fouten(persoon, soort, ctx.body, ctx.bron, ctx.vandaag)
    if fouten:
        raise Weigering(403, fouten)
    # PUT replaces the whole resource: an omitted field is withdrawn.
    persoon[soort] = {**ctx.body, "gemeenteOin": ctx.bron} if ctx.body else None
    ctx.bewaar(persoon)
    return Antwoord(200)


def map(ctx: Context) -> Antwoord:  # noqa: A001 - DUO's resource name
    return _datum_lezen(ctx, "map")


def pvt(ctx: Context) -> Antwoord:
    return _datum_lezen(ctx, "pvt")


def map_registreren(ctx: Context) -> Antwoord:
    return _datum_registreren(ctx, "map")


def pvt_registreren(ctx: Context) -> Antwoord:
    return _datum_registreren(ctx, "pvt")


def zroute_registreren(ctx: Context) -> Antwoord:
    persoon = ctx.persoon()
    fouten = acceptatie.zroute_fouten(persoon, ctx.body, ctx.bron, ctx.vandaag)
    if fouten:
        raise Weigering(403, fouten)
    persoon["zroute"] = {**ctx.body, "gemeenteOin": ctx.bron} if ctx.body else None
    ctx.bewaar(persoon)
    return Antwoord(200)


# --- Gevolgde uren --------------------------------------------------------------------------------
def uren(ctx: Context) -> Antwoord:
    persoon = ctx.persoon()
    uit = []
    for oin, gegevens in sorted((persoon.get("uren") or {}).items()):
        uit.append({"gemeentecode": ctx.gemeentecode(oin), **gegevens})
    return Antwoord(200, uit)


def _uren_zetten(ctx: Context, soort: str) -> Antwoord:
    persoon = ctx.persoon()
    per_gemeente = persoon.setdefault("uren", {}).setdefault(ctx.bron, {})
    per_gemeente[soort] = {"uren": ctx.body["uren"]}
    per_gemeente["bekendTot"] = ctx.vandaag.isoformat()
    ctx.bewaar(persoon)
    return Antwoord(200)


def uren_taalles_knm_brede_intake(ctx: Context) -> Antwoord:
    return _uren_zetten(ctx, "TaallesEnKnmBredeIntake")


def uren_participatieactiviteiten(ctx: Context) -> Antwoord:
    return _uren_zetten(ctx, "ParticipatieactiviteitenBredeIntake")


def uren_participatie_als_taalles(ctx: Context) -> Antwoord:
    return _uren_zetten(ctx, "ParticipatieAlsTaalles")


# --- Gebeurtenis ----------------------------------------------------------------------------------
def gebeurtenissen(ctx: Context) -> Antwoord:
    """Every event DUO recorded for the person, notified or not (``Gebeurtenis`` schema)."""
    persoon = ctx.persoon()
    return Antwoord(
        200,
        [
            {"id": g["gebeurtenisId"], "omschrijving": g["omschrijving"], "datum": g["datum"]}
            for g in ctx.store.gebeurtenissen(persoon["bsn"])
        ],
    )


# --- Verlenging (June 2026) -----------------------------------------------------------------------
def verlengingen(ctx: Context) -> Antwoord:
    """The person's extension requests and DUO's assessment (``VerlengingAanvraag`` schema)."""
    return Antwoord(200, list(ctx.persoon().get("verlengingen") or []))


# --- Boete (June 2026) ----------------------------------------------------------------------------
def boetes(ctx: Context) -> Antwoord:
    """The fines DUO imposed on the person (``Boete`` schema)."""
    return Antwoord(200, list(ctx.persoon().get("boetes") or []))
