"""Gedeelde codelijsten (``enum.StrEnum``), met de codes zoals DUO ze gebruikt.

Bron: DUO, duonl/gemeente-m2m-inburgering, ``API/*/openapi.yml`` (DOMAIN.md §9.4). De waarden zijn
precies DUO's enum-waarden, zodat ze ongewijzigd in DUO-berichten kunnen. Django-modellen kunnen
``Leerroute.choices()`` gebruiken voor ``choices=``.

Een paar lijsten zijn van ons zelf (geen DUO-code): :class:`Regime`, :class:`Verblijfsdoel`,
:class:`Familierelatie`, :class:`NietVrijstellendOnderwijs`, :class:`Verplichting`.
"""

from __future__ import annotations

from enum import StrEnum


class Codelijst(StrEnum):
    """Basis: een StrEnum met een Nederlands label en ``choices()`` voor formulieren."""

    @property
    def label(self) -> str:
        return _LABELS.get((type(self), self.value), self.value)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(lid.value, lid.label) for lid in cls]


class Leerroute(Codelijst):
    """DUO ``Leerroute`` (PIP API)."""

    B1_ROUTE = "B"
    ONDERWIJSROUTE = "O"
    Z_ROUTE = "Z"


class Niveau(Codelijst):
    """DUO ``NiveauPip``: minimaal te behalen taalniveau in de B1-route."""

    A2 = "A2"
    B1 = "B1"


class Examenniveau(Codelijst):
    """DUO ``ExamenniveauWI2021``."""

    A2 = "A2"
    B1 = "B1"
    B2 = "B2"


class Examenonderdeel(Codelijst):
    """DUO ``ExamenonderdeelWI2021Inburgering`` (ook voor ontheffing per onderdeel)."""

    KNM = "KNM"
    LE = "LE"
    LU = "LU"
    SC = "SC"
    SP = "SP"


class Examenresultaat(Codelijst):
    GESLAAGD = "Geslaagd"
    GEZAKT = "Gezakt"
    GEEN = "Geen"


class RedenGeenResultaat(Codelijst):
    """DUO ``RedenGeenResultaatInburgeringsexamen``."""

    VERWIJTBAAR = "Verwijtbaar"
    NIETVERWIJTBAAR = "Nietverwijtbaar"
    AFGEMELD = "Afgemeld"
    ABSENT = "Absent"


class Doelgroep(Codelijst):
    """DUO ``Doelgroepindeling`` (Inburgeringsplicht API)."""

    ASIELSTATUSHOUDER = "Asielstatushouder"
    GEZINSMIGRANT_EN_OVERIGE_MIGRANT = "Gezinsmigrant en overige migrant"


class GedetailleerdeDoelgroep(Codelijst):
    """DUO ``GedetailleerdeDoelgroep``."""

    ASIELSTATUSHOUDER = "Asielstatushouder"
    GEESTELIJK_BEDIENAAR = "Geestelijk bedienaar"
    GEZINSHERENIGER = "Gezinshereniger"
    GEZINSHERENIGER_MET_ASIELSTATUSHOUDER = "Gezinshereniger met Asielstatushouder"
    GEZINSVORMER = "Gezinsvormer"
    GEZINSVORMER_MET_ASIELSTATUSHOUDER = "Gezinsvormer met Asielstatushouder"
    OVERIG = "Overig"


class AsielrechtenWijzigingVerblijfsdoel(Codelijst):
    ASIELRECHTEN_TOEGEKEND = "Asielrechten toegekend"
    BEHOUD_ASIELRECHTEN = "Behoud asielrechten"
    OP_VERZOEK_BEHOUD_RECHTEN_GEZINSMIGRANT = (
        "Op verzoek behoud rechten van gezins- en overige migrant"
    )
    OP_VERZOEK_RECHTEN_GEZINSMIGRANT_TOEGEKEND = (
        "Op verzoek rechten van gezins- en overige migrant toegekend"
    )


class RedenGeenInburgeringsplicht(Codelijst):
    VOLLEDIGE_ONTHEFFING = "Volledige ontheffing"
    VOLLEDIGE_VRIJSTELLING = "Volledige vrijstelling"
    INBURGERINGSPLICHT_VOLDAAN = "Inburgeringsplicht voldaan"
    VERBLIJFSDOEL_GEWIJZIGD = "Verblijfsdoel gewijzigd"
    VERTREK_LANGER_DAN_EEN_JAAR = "Vertrek uit Nederland langer dan een jaar"
    OVERLIJDEN = "Overlijden"
    OVERIG = "Overig"
    TIJDELIJKE_VRIJSTELLING = "Tijdelijke vrijstelling"


class Alfabetisering(Codelijst):
    """DUO ``Alfabetiseringsonderwijs``."""

    A = "A"
    AA = "AA"
    NVT = "NVT"


class LeerbaarheidstoetsResultaat(Codelijst):
    HAALBAAR = "B1-route haalbaar"
    NIET_HAALBAAR = "B1-route niet haalbaar"
    ONBEKEND = "Onbekend"


class RedenVrijstelling(Codelijst):
    """DUO ``RedenVrijstellingInburgeringsplicht``."""

    AVI = "AVI"
    DIP = "DIP"
    DOC = "DOC"
    GED = "GED"
    INB = "INB"
    INS = "INS"
    OPL = "OPL"


class Ontheffingsgrond(Codelijst):
    BIO = "BIO"
    MED = "MED"


class Aanvraagoordeel(Codelijst):
    TOEKENNING = "Toekenning"
    AFWIJZING = "Afwijzing"


class JaNee(Codelijst):
    """DUO ``InburgeringJaNeeType`` (verwijtbaar bij MAP en PVT)."""

    JA = "Ja"
    NEE = "Nee"


class Gebeurtenis(Codelijst):
    """DUO-gebeurtenissen (``gebeurtenisId`` in de Notificatie API), DOMAIN.md §9.1."""

    SS101 = "SS101"
    SS102 = "SS102"
    SS103 = "SS103"
    SS104 = "SS104"
    SS106 = "SS106"
    SS107 = "SS107"
    SS108 = "SS108"
    SS109 = "SS109"
    SS110 = "SS110"
    SS111 = "SS111"
    SS112 = "SS112"
    SS113 = "SS113"
    SS114 = "SS114"
    SS115 = "SS115"
    SS116 = "SS116"
    SS117 = "SS117"
    SS118 = "SS118"
    SS119 = "SS119"
    SS120 = "SS120"
    SS121 = "SS121"
    SS122 = "SS122"
    SS123 = "SS123"
    SS124 = "SS124"
    SS125 = "SS125"
    SS126 = "SS126"
    SS127 = "SS127"
    SS128 = "SS128"
    SS129 = "SS129"
    SS130 = "SS130"
    SS131 = "SS131"
    SS132 = "SS132"
    SS133 = "SS133"
    SS134 = "SS134"
    SS135 = "SS135"
    SS136 = "SS136"
    SS137 = "SS137"
    SS139 = "SS139"
    SS140 = "SS140"
    SS141 = "SS141"
    SS142 = "SS142"
    SS199 = "SS199"


# --- Lijsten van het project zelf (geen DUO-code) ---------------------------------------------


class Regime(Codelijst):
    WI2021 = "Wi2021"
    WI2013 = "Wi2013"


class Verblijfsdoel(Codelijst):
    """Soort verblijfsvergunning, zoals de gemeente hem kent (IND-doelen, vereenvoudigd)."""

    ASIEL_BEPAALDE_TIJD = "asiel_bepaalde_tijd"
    GEZINSHERENIGING = "gezinshereniging"
    GEZINSVORMING = "gezinsvorming"
    GEESTELIJK_BEDIENAAR = "geestelijk_bedienaar"
    OVERIG_NIET_TIJDELIJK = "overig_niet_tijdelijk"
    STUDIE = "studie"
    ARBEID = "arbeid"
    KENNISMIGRANT = "kennismigrant"
    SEIZOENARBEID = "seizoenarbeid"
    AU_PAIR = "au_pair"
    UITWISSELING = "uitwisseling"
    MEDISCHE_BEHANDELING = "medische_behandeling"
    GEZIN_BIJ_TIJDELIJK_DOEL = "gezin_bij_tijdelijk_doel"
    OVERIG_TIJDELIJK = "overig_tijdelijk"


#: Verblijfsdoelen met een tijdelijk karakter: geven geen inburgeringsplicht (R5).
TIJDELIJKE_VERBLIJFSDOELEN = frozenset(
    {
        Verblijfsdoel.STUDIE,
        Verblijfsdoel.ARBEID,
        Verblijfsdoel.KENNISMIGRANT,
        Verblijfsdoel.SEIZOENARBEID,
        Verblijfsdoel.AU_PAIR,
        Verblijfsdoel.UITWISSELING,
        Verblijfsdoel.MEDISCHE_BEHANDELING,
        Verblijfsdoel.GEZIN_BIJ_TIJDELIJK_DOEL,
        Verblijfsdoel.OVERIG_TIJDELIJK,
    }
)


class Familierelatie(Codelijst):
    """Wiens ziekte telt voor verlenging (R42)."""

    ZELF = "zelf"
    PARTNER = "partner"
    KIND = "kind"
    SCHOONKIND = "schoonkind"
    OUDER = "ouder"
    SCHOONOUDER = "schoonouder"
    ANDERS = "anders"


class NietVrijstellendOnderwijs(Codelijst):
    """Niet-vrijstellend onderwijs dat verwijtbaarheid wegneemt (Ri2021 art. 4.2, R43)."""

    PRAKTIJKONDERWIJS = "praktijkonderwijs"
    VSO_ARBEIDSMARKT = "vso_arbeidsmarkt"
    VSO_DAGBESTEDING = "vso_dagbesteding"
    MBO_ENTREE = "mbo_entree"
    ANDERS = "anders"


class Verplichting(Codelijst):
    """Soort verplichting die niet is nagekomen (voor de keuze van de sanctie, R33)."""

    BREDE_INTAKE = "brede_intake"
    LEERROUTE = "leerroute"
    PVT = "pvt"
    MAP = "map"
    VVE = "vve"
    OVERIG_PIP = "overig_pip"
    ONTZORGEN_MACHTIGING = "ontzorgen_machtiging"
    PW_ARBEIDSINSCHAKELING = "pw_arbeidsinschakeling"


# Paren (lid, label): een lijst, geen dict, omdat StrEnum-leden gelijk zijn aan hun tekstwaarde.
_LABEL_PAREN: list[tuple[Codelijst, str]] = [
    (Leerroute.B1_ROUTE, "B1-route"),
    (Leerroute.ONDERWIJSROUTE, "Onderwijsroute"),
    (Leerroute.Z_ROUTE, "Zelfredzaamheidsroute (Z-route)"),
    (Examenonderdeel.KNM, "Kennis van de Nederlandse Maatschappij"),
    (Examenonderdeel.LE, "Leesvaardigheid"),
    (Examenonderdeel.LU, "Luistervaardigheid"),
    (Examenonderdeel.SC, "Schrijfvaardigheid"),
    (Examenonderdeel.SP, "Spreekvaardigheid"),
    (Alfabetisering.A, "Onderwijs voor analfabeet"),
    (Alfabetisering.AA, "Onderwijs voor anders-gealfabetiseerde"),
    (Alfabetisering.NVT, "Niet van toepassing"),
    (RedenVrijstelling.AVI, "Aantoonbaar voldoende ingeburgerd"),
    (RedenVrijstelling.DIP, "Diploma"),
    (RedenVrijstelling.DOC, "Document (diploma of getuigschrift)"),
    (RedenVrijstelling.GED, "Gedeeltelijke vrijstelling per examenonderdeel"),
    (RedenVrijstelling.INB, "Inburgeringsdiploma Wi2013"),
    (RedenVrijstelling.INS, "Tijdelijk: ingeschreven bij vrijstellende opleiding"),
    (RedenVrijstelling.OPL, "Tijdelijk: volgt vrijstellende opleiding"),
    (Ontheffingsgrond.BIO, "Bijzondere individuele omstandigheden"),
    (Ontheffingsgrond.MED, "Medisch"),
    (Verblijfsdoel.ASIEL_BEPAALDE_TIJD, "Asiel (bepaalde tijd)"),
    (Verblijfsdoel.GEZINSHERENIGING, "Gezinshereniging"),
    (Verblijfsdoel.GEZINSVORMING, "Gezinsvorming"),
    (Verblijfsdoel.GEESTELIJK_BEDIENAAR, "Geestelijk bedienaar"),
    (Verblijfsdoel.OVERIG_NIET_TIJDELIJK, "Overig niet-tijdelijk doel"),
    (Verblijfsdoel.STUDIE, "Studie"),
    (Verblijfsdoel.ARBEID, "Arbeid"),
    (Verblijfsdoel.KENNISMIGRANT, "Kennismigrant"),
    (Verblijfsdoel.SEIZOENARBEID, "Seizoenarbeid"),
    (Verblijfsdoel.AU_PAIR, "Au pair"),
    (Verblijfsdoel.UITWISSELING, "Uitwisseling"),
    (Verblijfsdoel.MEDISCHE_BEHANDELING, "Medische behandeling"),
    (Verblijfsdoel.GEZIN_BIJ_TIJDELIJK_DOEL, "Gezinslid bij tijdelijk doel"),
    (Verblijfsdoel.OVERIG_TIJDELIJK, "Overig tijdelijk doel"),
    (NietVrijstellendOnderwijs.PRAKTIJKONDERWIJS, "Praktijkonderwijs"),
    (
        NietVrijstellendOnderwijs.VSO_ARBEIDSMARKT,
        "Voortgezet speciaal onderwijs, arbeidsmarktprofiel",
    ),
    (
        NietVrijstellendOnderwijs.VSO_DAGBESTEDING,
        "Voortgezet speciaal onderwijs, dagbestedingsprofiel",
    ),
    (NietVrijstellendOnderwijs.MBO_ENTREE, "Mbo-entreeopleiding (niveau 1)"),
    (NietVrijstellendOnderwijs.ANDERS, "Ander onderwijs"),
    # Verplichting: as it reads in a letter ("… niet nagekomen: <label>") and a choice list.
    (Verplichting.BREDE_INTAKE, "Meewerken aan de brede intake"),
    (Verplichting.LEERROUTE, "De leerroute volgen"),
    (Verplichting.PVT, "Het participatieverklaringstraject (PVT)"),
    (Verplichting.MAP, "De module arbeidsmarkt en participatie (MAP)"),
    (Verplichting.VVE, "Voor- en vroegschoolse educatie (vve) voor uw kind"),
    (Verplichting.OVERIG_PIP, "Een andere afspraak uit het PIP"),
    (Verplichting.ONTZORGEN_MACHTIGING, "De machtiging voor ontzorgen"),
    (Verplichting.PW_ARBEIDSINSCHAKELING, "Arbeidsinschakeling (Participatiewet)"),
]
_LABELS: dict[tuple[type, str], str] = {
    (type(lid), lid.value): label for lid, label in _LABEL_PAREN
}
