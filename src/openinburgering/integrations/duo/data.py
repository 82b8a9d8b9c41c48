"""DUO's answers as frozen dataclasses: the clients never hand out raw responses.

Names follow DUO's schemas (in snake_case). Code values stay DUO's strings, so that they match
``openinburgering.regels.codes`` (whose values are DUO's own). ``als_json()`` gives a JSON-safe
dict (dates as ISO strings) for storage in :class:`~.models.DuoStand`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date


def _datum(waarde) -> date | None:
    return date.fromisoformat(waarde) if waarde else None


def _json(waarde):
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, tuple | list):
        return [_json(w) for w in waarde]
    if dataclasses.is_dataclass(waarde):
        return {f.name: _json(getattr(waarde, f.name)) for f in dataclasses.fields(waarde)}
    return waarde


class DuoData:
    def als_json(self) -> dict:
        return _json(self)


# --- Inburgeringsplicht API 1.2.2 -------------------------------------------------------------


@dataclass(frozen=True)
class Inburgeringsplicht(DuoData):
    indicator: bool
    begindatum: date | None = None
    einddatum: date | None = None
    wijzigingsdatum: date | None = None
    datum_kennisgeving: date | None = None
    reden_geen_plicht: str = ""

    @classmethod
    def uit_json(cls, data: dict) -> Inburgeringsplicht:
        return cls(
            indicator=bool(data["indicatorInburgeringsplicht"]),
            begindatum=_datum(data.get("begindatum")),
            einddatum=_datum(data.get("einddatum")),
            wijzigingsdatum=_datum(data.get("wijzigingsdatum")),
            datum_kennisgeving=_datum(data.get("datumKennisgevingInburgeringsplicht")),
            reden_geen_plicht=data.get("redenGeenInburgeringsplicht", ""),
        )


@dataclass(frozen=True)
class InburgeringsplichtHistorie(DuoData):
    indicator: bool
    begindatum: date | None = None
    einddatum: date | None = None
    wijzigingsdatum: date | None = None

    @classmethod
    def uit_json(cls, data: dict) -> InburgeringsplichtHistorie:
        return cls(
            indicator=bool(data["indicatorInburgeringsplicht"]),
            begindatum=_datum(data.get("begindatum")),
            einddatum=_datum(data.get("einddatum")),
            wijzigingsdatum=_datum(data.get("wijzigingsdatum")),
        )


@dataclass(frozen=True)
class Doelgroep(DuoData):
    indeling: str = ""
    begindatum: date | None = None
    gedetailleerde_doelgroep: str = ""
    asielrechten_wijziging_verblijfsdoel: str = ""

    @classmethod
    def uit_json(cls, data: dict) -> Doelgroep:
        return cls(
            indeling=data.get("indeling", ""),
            begindatum=_datum(data.get("begindatum")),
            gedetailleerde_doelgroep=data.get("gedetailleerdeDoelgroep", ""),
            asielrechten_wijziging_verblijfsdoel=data.get("asielrechtenWijzigingVerblijfsdoel", ""),
        )


@dataclass(frozen=True)
class DoelgroepHistorie(DuoData):
    indeling: str = ""
    begindatum: date | None = None
    einddatum: date | None = None

    @classmethod
    def uit_json(cls, data: dict) -> DoelgroepHistorie:
        return cls(
            indeling=data.get("indeling", ""),
            begindatum=_datum(data.get("begindatum")),
            einddatum=_datum(data.get("einddatum")),
        )


# --- Leerbaarheidstoets API 1.2.0 -------------------------------------------------------------


@dataclass(frozen=True)
class Examennummer(DuoData):
    examennummer: str

    @classmethod
    def uit_json(cls, data: dict) -> Examennummer:
        return cls(examennummer=data["examennummer"])


@dataclass(frozen=True)
class LbtResultaat(DuoData):
    resultaat: str
    behaalde_score: str
    benodigde_score: str
    datum_afname: date

    @classmethod
    def uit_json(cls, data: dict) -> LbtResultaat:
        return cls(
            resultaat=data["resultaat"],
            behaalde_score=data["behaaldeScore"],
            benodigde_score=data["benodigdeScore"],
            datum_afname=date.fromisoformat(data["datumAfname"]),
        )


# --- Inburgeringstermijn API 1.0.0 ------------------------------------------------------------


@dataclass(frozen=True)
class Inburgeringstermijn(DuoData):
    startdatum: date
    #: Exclusive, as DUO stores it.
    einddatum: date
    wijzigingsdatum: date | None = None
    verlengingsgrondcode: str = ""
    verlengingsgrondomschrijving: str = ""

    @classmethod
    def uit_json(cls, data: dict) -> Inburgeringstermijn:
        return cls(
            startdatum=date.fromisoformat(data["startdatum"]),
            einddatum=date.fromisoformat(data["einddatum"]),
            wijzigingsdatum=_datum(data.get("wijzigingsdatum")),
            verlengingsgrondcode=data.get("verlengingsgrondcode", ""),
            verlengingsgrondomschrijving=data.get("verlengingsgrondomschrijving", ""),
        )


@dataclass(frozen=True)
class InburgeringstermijnHistorie(DuoData):
    einddatum: date | None = None
    wijzigingsdatum: date | None = None
    verlengingsgrondcode: str = ""
    verlengingsgrondomschrijving: str = ""

    @classmethod
    def uit_json(cls, data: dict) -> InburgeringstermijnHistorie:
        return cls(
            einddatum=_datum(data.get("einddatum")),
            wijzigingsdatum=_datum(data.get("wijzigingsdatum")),
            verlengingsgrondcode=data.get("verlengingsgrondcode", ""),
            verlengingsgrondomschrijving=data.get("verlengingsgrondomschrijving", ""),
        )


@dataclass(frozen=True)
class Verlengingsgrond(DuoData):
    code: str
    omschrijving: str

    @classmethod
    def uit_json(cls, data: dict) -> Verlengingsgrond:
        return cls(code=data["code"], omschrijving=data["omschrijving"])


# --- Vrijstelling API 1.0.0 and Ontheffing API 1.0.0 ------------------------------------------


@dataclass(frozen=True)
class Vrijstelling(DuoData):
    #: "geheel", "tijdelijk" or "gedeeltelijk" (which of DUO's three shapes it was).
    soort: str
    oordeel: str
    reden: str
    datum_oordeel: date | None = None
    startdatum: date | None = None
    einddatum: date | None = None
    examenonderdeel: str = ""
    examenniveau: str = ""

    @classmethod
    def lijst_uit_json(cls, data: dict) -> list[Vrijstelling]:
        uit = []
        for sleutel, soort in (
            ("GeheleVrijstelling", "geheel"),
            ("TijdelijkeVrijstelling", "tijdelijk"),
            ("GedeeltelijkeVrijstelling", "gedeeltelijk"),
        ):
            deel = data.get(sleutel)
            if deel:
                uit.append(
                    cls(
                        soort=soort,
                        oordeel=deel["oordeel"],
                        reden=deel["reden"],
                        datum_oordeel=_datum(deel.get("datumOordeel")),
                        startdatum=_datum(deel.get("startdatum")),
                        einddatum=_datum(deel.get("einddatum")),
                        examenonderdeel=deel.get("examenonderdeel", ""),
                        examenniveau=deel.get("examenniveau", ""),
                    )
                )
        return uit


@dataclass(frozen=True)
class Ontheffing(DuoData):
    #: "geheel" or "gedeeltelijk".
    soort: str
    oordeel: str
    grond: str
    datum_oordeel: date
    examenonderdeel: str = ""
    uren_belastbaarheid_participatie: int | None = None

    @classmethod
    def lijst_uit_json(cls, data: dict) -> list[Ontheffing]:
        uit = []
        for sleutel, soort in (
            ("GeheleOntheffing", "geheel"),
            ("GedeeltelijkeOntheffing", "gedeeltelijk"),
        ):
            deel = data.get(sleutel)
            if deel:
                uit.append(
                    cls(
                        soort=soort,
                        oordeel=deel["oordeel"],
                        grond=deel["grond"],
                        datum_oordeel=date.fromisoformat(deel["datumOordeel"]),
                        examenonderdeel=deel.get("examenonderdeel", ""),
                        uren_belastbaarheid_participatie=deel.get(
                            "urenBelastbaarheidParticipatieactiviteit"
                        ),
                    )
                )
        return uit


# --- PIP API 1.2.0 ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pip(DuoData):
    """The current PIP at DUO and the gemeente that registered it."""

    gemeentecode: str
    dagtekening: date
    leerroute: str
    niveau: str = ""
    geschatte_intensiteit_b1_route: int | None = None
    indicator_mag_opleiding_afmaken: bool | None = None
    alfabetisering: str = ""

    @classmethod
    def uit_json(cls, data: dict) -> Pip:
        pip = data["pip"]
        return cls(
            gemeentecode=data["gemeentecode"],
            dagtekening=date.fromisoformat(pip["dagtekeningPip"]),
            leerroute=pip["leerroute"],
            niveau=pip.get("niveau", ""),
            geschatte_intensiteit_b1_route=pip.get("geschatteIntensiteitB1Route"),
            indicator_mag_opleiding_afmaken=pip.get("indicatorMagOpleidingAfmaken"),
            alfabetisering=pip.get("indicatorAlfabetiseringsonderwijs", ""),
        )


# --- Contactpersoon API 1.0.0 -----------------------------------------------------------------


@dataclass(frozen=True)
class ContactpersoonBijDuo(DuoData):
    id: int | None
    naam: str
    email: str
    telefoonnummer: str

    @classmethod
    def uit_json(cls, data: dict) -> ContactpersoonBijDuo:
        gegevens = data["contactpersoongegevens"]
        return cls(
            id=data.get("id"),
            naam=gegevens["naam"],
            email=gegevens["email"],
            telefoonnummer=gegevens["telefoonnummer"],
        )


# --- Inburgeringsaanbod API 1.2.0 -------------------------------------------------------------


@dataclass(frozen=True)
class Instelling(DuoData):
    instellingsnummer: str
    naam: str
    postcode: str
    huisnummer: int
    plaatsnaam: str
    huisnummertoevoeging: str = ""
    bow: str = ""
    brin: str = ""
    keurmerk_bow: bool = False
    keurmerk_tst: bool = False

    @classmethod
    def uit_json(cls, data: dict) -> Instelling:
        return cls(
            instellingsnummer=data["instellingsnummer"],
            naam=data["naam"],
            postcode=data["postcode"],
            huisnummer=data["huisnummer"],
            plaatsnaam=data["plaatsnaam"],
            huisnummertoevoeging=data.get("huisnummertoevoeging", ""),
            bow=data.get("bow", ""),
            brin=data.get("brin", ""),
            keurmerk_bow=bool(data.get("indicatieBowKeurmerk", False)),
            keurmerk_tst=bool(data.get("indicatieTstKeurmerk", False)),
        )


# --- MAP, PVT en Z-route API 1.0.0 ------------------------------------------------------------


@dataclass(frozen=True)
class DatumMap(DuoData):
    datum_eindgesprek: date

    @classmethod
    def uit_json(cls, data: dict) -> DatumMap:
        return cls(datum_eindgesprek=date.fromisoformat(data["datumEindgesprekMap"]))


@dataclass(frozen=True)
class DatumPvt(DuoData):
    datum_ondertekening: date

    @classmethod
    def uit_json(cls, data: dict) -> DatumPvt:
        return cls(datum_ondertekening=date.fromisoformat(data["datumOndertekeningPvt"]))


# --- Gevolgde Uren API 1.0.0 ------------------------------------------------------------------


@dataclass(frozen=True)
class GevolgdeUren(DuoData):
    """The hours one gemeente reported for the person."""

    gemeentecode: str = ""
    bekend_tot: date | None = None
    participatie_als_taalles: int | None = None
    participatieactiviteiten_brede_intake: int | None = None
    taalles_en_knm_brede_intake: int | None = None

    @classmethod
    def uit_json(cls, data: dict) -> GevolgdeUren:
        def uren(sleutel):
            deel = data.get(sleutel)
            return deel.get("uren") if deel else None

        return cls(
            gemeentecode=data.get("gemeentecode", ""),
            bekend_tot=_datum(data.get("bekendTot")),
            participatie_als_taalles=uren("ParticipatieAlsTaalles"),
            participatieactiviteiten_brede_intake=uren("ParticipatieactiviteitenBredeIntake"),
            taalles_en_knm_brede_intake=uren("TaallesEnKnmBredeIntake"),
        )


# --- Examen API 1.0.0 -------------------------------------------------------------------------


@dataclass(frozen=True)
class Examenresultaat(DuoData):
    examendatum: date
    resultaat: str
    onderdeel: str
    niveau: str = ""
    reden_geen_resultaat: str = ""

    @classmethod
    def uit_json(cls, data: dict) -> Examenresultaat:
        return cls(
            examendatum=date.fromisoformat(data["examendatum"]),
            resultaat=data["resultaat"],
            onderdeel=data["onderdeel"],
            niveau=data.get("niveau", ""),
            reden_geen_resultaat=data.get("redenGeenResultaat", ""),
        )


@dataclass(frozen=True)
class GratisPogingen(DuoData):
    onderdeel: str
    tegoed: int

    @classmethod
    def uit_json(cls, data: dict) -> GratisPogingen:
        return cls(onderdeel=data["onderdeel"], tegoed=data["gratisPogingenTegoed"])


# --- Gebeurtenis API 1.0.0 --------------------------------------------------------------------


@dataclass(frozen=True)
class GebeurtenisBijDuo(DuoData):
    """One event DUO recorded for a person: its id (as in a notification's ``gebeurtenisId``),
    DUO's description and the date. DUO gives no time and no identity of its own."""

    id: str
    omschrijving: str
    datum: date

    @classmethod
    def uit_json(cls, data: dict) -> GebeurtenisBijDuo:
        return cls(
            id=str(data["id"]),
            omschrijving=str(data["omschrijving"]),
            datum=date.fromisoformat(data["datum"]),
        )


# --- Verlenging API 1.0.0 (June 2026) -----------------------------------------------------------

#: DUO's ``AanvraagToekenningsstatus``.
BEOORDELINGEN = ("Toegekend", "Afgewezen", "InBehandeling")


@dataclass(frozen=True)
class Verlengingsaanvraag(DuoData):
    """One request to extend the inburgeringstermijn, and DUO's assessment of it."""

    ontvangstdatum: date
    beoordeling_aanvraag: str
    datum_beoordeling: date | None = None

    @classmethod
    def uit_json(cls, data: dict) -> Verlengingsaanvraag:
        beoordeling = str(data["beoordelingAanvraag"])
        if beoordeling not in BEOORDELINGEN:
            raise ValueError("unknown beoordelingAanvraag")
        return cls(
            ontvangstdatum=date.fromisoformat(data["ontvangstdatum"]),
            beoordeling_aanvraag=beoordeling,
            datum_beoordeling=_datum(data.get("datumBeoordeling")),
        )


# --- Boete API 1.0.0 (June 2026) ----------------------------------------------------------------


@dataclass(frozen=True)
class BoeteBijDuo(DuoData):
    """A fine DUO imposed: the amount in whole euros and the date of the final decision."""

    bedrag: int
    datum: date

    @classmethod
    def uit_json(cls, data: dict) -> BoeteBijDuo:
        bedrag = data["bedrag"]
        if isinstance(bedrag, bool) or not isinstance(bedrag, int | float) or bedrag != int(bedrag):
            raise ValueError("bedrag is not a whole number of euros")
        if not 1 <= bedrag <= 9999:
            raise ValueError("bedrag outside DUO's range")
        return cls(bedrag=int(bedrag), datum=date.fromisoformat(data["datum"]))
