"""One gemeente's work in every area of issue 18's resources, for the API tests (ADR 0076).

Rows are made directly where the service would render a letter or need a vastgesteld PIP (a
PDF per world is too slow for schemathesis, which builds a world per operation); the tests of
each write go through the services and the screens.
"""

from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.begeleiding import services as begeleiding_services
from openinburgering.handhaving import services as handhaving_services
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar
from openinburgering.pip.models import PipStatus, PipVersie, Voortgangsgesprek
from openinburgering.taalaanbieders.models import (
    Contract,
    EigenCursus,
    Instelling,
    InstellingContact,
    Urenregel,
    Verwijzing,
)
from openinburgering.traject.models import (
    ExamenUitslag,
    MapActiviteit,
    PvtBijeenkomst,
    PvtDeelname,
    PvtGroep,
    Urenregistratie,
)

VANDAAG = timezone.localdate()

#: Path prefix of an operation -> the kind of object its ``{uuid}`` names.
SOORT_VAN_PAD = {
    "/api/v1/pips/": "pips",
    "/api/v1/voortgangsgesprekken/": "gesprekken",
    "/api/v1/pvt-groepen/": "pvt_groepen",
    "/api/v1/pvt-bijeenkomsten/": "pvt_bijeenkomsten",
    "/api/v1/pvt-deelnames/": "pvt_deelnames",
    "/api/v1/handhavingszaken/": "zaken",
    "/api/v1/instellingen/": "instellingen",
    "/api/v1/contracten/": "contracten",
    "/api/v1/verwijzingen/": "verwijzingen",
}


def soort_van(pad: str) -> str:
    for prefix, soort in SOORT_VAN_PAD.items():
        if pad.startswith(prefix):
            return soort
    return "inburgeraars"


def instelling(nummer: str) -> Instelling:
    return Instelling.objects.get_or_create(
        instellingsnummer=nummer,
        defaults={
            "naam": f"Taalschool {nummer[-2:]}",
            "postcode": "1234AB",
            "huisnummer": 12,
            "plaatsnaam": "Demodam",
            "keurmerk_bow": True,
        },
    )[0]


def werk_maken(gemeente, persoon, *, nummer: str = "1000000001") -> dict[str, list[str]]:
    """Rows of every kind for ``persoon`` (who has a PIP concept or none); returns their uuids
    per kind, and every uuid under "kenmerken"."""
    actor = Actor(gemeente=gemeente, systeem="test")
    dossier = persoon.dossier
    uit: dict[str, list] = {"kenmerken": []}

    def bewaar(soort, obj):
        uit.setdefault(soort, []).append(str(obj.uuid))
        uit["kenmerken"].append(str(obj.uuid))
        return obj

    # The talks hang on a PIP version; a concept made directly will do for reading them.
    pip = PipVersie.objects.filter(dossier=dossier).order_by("-volgnummer").first()
    if pip is None:
        pip = PipVersie.objects.create(
            gemeente=gemeente,
            dossier=dossier,
            volgnummer=PipVersie.objects.filter(dossier=dossier).count() + 1,
            status=PipStatus.CONCEPT,
            leerroute="B",
            niveau="B1",
            gesprek_frequentie_weken=8,
        )
    bewaar(
        "gesprekken",
        Voortgangsgesprek.objects.create(
            gemeente=gemeente, dossier=dossier, pip_versie=pip, gepland_op=VANDAAG
        ),
    )
    groep = bewaar(
        "pvt_groepen",
        PvtGroep.objects.create(
            gemeente=gemeente,
            naam="Groep",
            locatie="Bibliotheek",
            taal="Nederlands",
            capaciteit=12,
            begeleider="Trainer",
        ),
    )
    bewaar(
        "pvt_bijeenkomsten",
        PvtBijeenkomst.objects.create(
            groep=groep,
            datum=VANDAAG - timedelta(days=1),
            begintijd=time(9),
            eindtijd=time(12),
            onderwerp="Kernwaarden",
        ),
    )
    bewaar(
        "pvt_deelnames",
        PvtDeelname.objects.create(
            gemeente=gemeente, groep=groep, dossier=dossier, uitgenodigd_op=VANDAAG
        ),
    )
    bewaar(
        "map",
        MapActiviteit.objects.create(
            gemeente=gemeente,
            dossier=dossier,
            soort="workshop",
            omschrijving="Oriëntatie",
            datum=VANDAAG - timedelta(days=3),
            uren=Decimal("3.0"),
        ),
    )
    bewaar(
        "uren",
        Urenregistratie.objects.create(
            gemeente=gemeente,
            dossier=dossier,
            soort="participatie",
            periode_start=VANDAAG - timedelta(days=10),
            periode_einde=VANDAAG - timedelta(days=5),
            uren=6,
        ),
    )
    bewaar(
        "examens",
        ExamenUitslag.objects.create(
            gemeente=gemeente,
            dossier=dossier,
            onderdeel="LE",  # DUO ExamenonderdeelWI2021Inburgering: lezen
            niveau="B1",
            examendatum=VANDAAG - timedelta(days=20 + ExamenUitslag.objects.count()),
            resultaat="Geslaagd",  # DUO Examenresultaat
        ),
    )
    begeleiding_services.standaardstappen_aanmaken(actor=actor)
    bewaar(
        "zaken",
        handhaving_services.zaak_openen(
            actor=actor,
            dossier=dossier,
            verplichting="map",
            overtredingsdatum=VANDAAG - timedelta(days=30),
            omschrijving="Niet verschenen.",
        ),
    )
    school = instelling(nummer)
    uit.setdefault("instellingen", []).append(str(school.uuid))
    InstellingContact.objects.get_or_create(
        gemeente=gemeente, instelling=school, defaults={"contactpersoon": "Contact"}
    )
    contract = bewaar(
        "contracten",
        Contract.objects.create(
            gemeente=gemeente,
            instelling=school,
            kenmerk=f"K-{gemeente.code}-{Contract.objects.count() + 1}",
            leerroutes=["B", "O", "Z"],
            prijsmodel="per_uur",
            tarief=Decimal("10.00"),
            uren_per_week=12,
            capaciteit=20,
            startdatum=VANDAAG - timedelta(days=365),
            einddatum=VANDAAG + timedelta(days=365),
            contractwaarde=Decimal("100000.00"),
        ),
    )
    verwijzing = bewaar(
        "verwijzingen",
        Verwijzing.objects.create(
            gemeente=gemeente,
            inburgeraar=persoon,
            contract=contract,
            instelling=school,
            leerroute="B",
            niveau="B1",
            uren_per_week=12,
            datum_inburgeringsaanbod=VANDAAG - timedelta(days=40),
            verwachte_startdatum=VANDAAG - timedelta(days=35),
        ),
    )
    bewaar(
        "eigen_cursussen",
        EigenCursus.objects.create(gemeente=gemeente, inburgeraar=persoon, instelling=school),
    )
    Urenregel.objects.create(
        verwijzing=verwijzing,
        periode_start=VANDAAG - timedelta(days=14),
        periode_einde=VANDAAG - timedelta(days=8),
        uren_aangeboden=Decimal("12.0"),
        uren_aanwezig=Decimal("10.0"),
        uren_fysiek=Decimal("10.0"),
    )
    return uit


def persoon_met_werk(gemeente, **velden):
    persoon = maak_inburgeraar(
        gemeente, aangemeld_op=VANDAAG - timedelta(days=40), talen="Arabisch", **velden
    )
    return persoon, werk_maken(gemeente, persoon)
