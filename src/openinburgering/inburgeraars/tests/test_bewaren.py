"""Bewaartermijnen (R69, R70, ADR 0060) met een nepklok: over alle tabellen, bestanden en de
BSN-zoekhash.

De lijst van tabellen komt uit de modellen: elk model met een keten van foreign keys naar het
dossier of de persoon. Een nieuwe tabel zonder testgegevens hier, of zonder besluit (vernietigen of
bewaren zonder persoonsgegevens), laat deze test falen.
"""

import io
import json
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.utils import timezone

import pytest
import time_machine

from openinburgering.accounts.tests.factories import UserFactory
from openinburgering.begeleiding.models import Stap, Voortgang
from openinburgering.besluiten.models import Beschikking, Bezwaar
from openinburgering.brieven.models import Briefkenmerk
from openinburgering.core import bsn as bsn_tools
from openinburgering.handhaving.models import Handhavingsstap, Handhavingszaak
from openinburgering.inburgeraars.bewaren import bewaartermijnen_toepassen
from openinburgering.inburgeraars.models import Dossier, Gebeurtenis, Inburgeraar, Vernietiging
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.intake import models as intake_models
from openinburgering.integrations.brp.models import BrpStand
from openinburgering.integrations.duo.models import (
    Contactpersoon,
    ContactpersoonKoppeling,
    DuoStand,
    IntegriteitsIncident,
    Notificatie,
    UitgaandBericht,
    Werkitem,
)
from openinburgering.logboek.models import Verwerking
from openinburgering.pip.models import PipVersie, Voortgangsgesprek
from openinburgering.portaal.models import Bericht
from openinburgering.signalen.models import Signaal
from openinburgering.taalaanbieders.models import (
    Aandachtspunt,
    Afschaaladvies,
    Contract,
    EigenCursus,
    Examendatum,
    Instelling,
    Urenregel,
    Urenupload,
    Verwijzing,
    Voortgangsverslag,
)
from openinburgering.traject.models import (
    Afronding,
    ExamenUitslag,
    GratisPogingen,
    MapActiviteit,
    PvtAanwezigheid,
    PvtBijeenkomst,
    PvtDeelname,
    PvtGroep,
    Urenregistratie,
)

D = date.fromisoformat
AANGEMAAKT = datetime(2026, 1, 10, 10, 0, tzinfo=timezone.get_current_timezone())
AFGEROND_OP = D("2026-01-15")
#: 10 jaar na afronding: de laatste dag dat het dossier er nog is, en de dag erna.
LAATSTE_DAG = datetime(2036, 1, 15, 23, 0, tzinfo=timezone.get_current_timezone())
DAG_ERNA = datetime(2036, 1, 16, 1, 0, tzinfo=timezone.get_current_timezone())

WORTELS = ("inburgeraars.inburgeraar", "inburgeraars.dossier")


def _sleutels(model) -> list[models.ForeignKey]:
    return [
        veld
        for veld in model._meta.concrete_fields
        if isinstance(veld, models.ForeignKey) and veld.related_model is not None
    ]


def ketenmodellen() -> list[type[models.Model]]:
    """Every model with a chain of foreign keys to the person or the dossier (and those two)."""
    keten = {apps.get_model(label) for label in WORTELS}
    gegroeid = True
    while gegroeid:
        gegroeid = False
        for model in apps.get_models():
            if model in keten or model._meta.proxy or not model._meta.managed:
                continue
            if any(veld.related_model in keten for veld in _sleutels(model)):
                keten.add(model)
                gegroeid = True
    return sorted(keten, key=lambda m: m._meta.label)


def gekoppelde_rijen(inburgeraar, dossier) -> dict[type[models.Model], set[int]]:
    """Per model in the chain: the ids of the rows that hang off this person or dossier."""
    modellen = ketenmodellen()
    rijen: dict[type[models.Model], set[int]] = {m: set() for m in modellen}
    rijen[Inburgeraar] = {inburgeraar.pk}
    rijen[Dossier] = {dossier.pk}
    gegroeid = True
    while gegroeid:
        gegroeid = False
        for model in modellen:
            for veld in _sleutels(model):
                doel = rijen.get(veld.related_model)
                if not doel:
                    continue
                ids = set(
                    model._default_manager.filter(**{f"{veld.attname}__in": doel}).values_list(
                        "pk", flat=True
                    )
                )
                if not ids <= rijen[model]:
                    rijen[model] |= ids
                    gegroeid = True
    return rijen


def _zonder_persoon(rij) -> bool:
    return not any(
        getattr(rij, veld, "")
        for veld in ("bsn_versleuteld", "bsn_hash", "pseudoniem", "vnummer", "inburgeraar_id")
    )


#: The tables whose rows stay, without the person, and how to see that they are clean. Every
#: other table in the chain must have lost every row of the dossier.
BEWAARD_ZONDER_PERSOON = {
    # The DUO chain's bookkeeping: a berichtId is refused twice / was delivered once.
    "duo.Notificatie": lambda rij: (
        _zonder_persoon(rij) and rij.resultaat == "" and rij.vingerafdruk == ""
    ),
    "duo.UitgaandBericht": lambda rij: (
        _zonder_persoon(rij)
        and rij.inhoud is None
        and rij.pad_parameters == {}
        and not rij.volgorde_sleutel.startswith("p:")
    ),
    # About a notification's integrity, never about the person (no personal field).
    "duo.IntegriteitsIncident": lambda rij: (
        _zonder_persoon(rij.notificatie) and rij.vingerafdruk.startswith("vernietigd:")
    ),
    # A kenmerk is never handed out twice; it names no one.
    "brieven.Briefkenmerk": lambda rij: rij.dossier_id is None,
    # Money stays in the books for the gemeente's accountability, without the person; cohort,
    # regime and target group remain for the sums (ADR 0060, ADR 0082).
    "financien.Kostenboeking": lambda rij: rij.inburgeraar_id is None,
}


@pytest.fixture
def brievenmap(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


def _brief(map: Path, relatief: str) -> str:
    pad = map / relatief
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_bytes(b"%PDF-1.7 fictief")
    return relatief


def vul_alle_tabellen(gemeente, bsn, brievenmap):
    """One closed dossier with a row in every table that hangs off it, and its letters."""
    persoon = maak_inburgeraar(gemeente, bsn=bsn, vnummer="V123456789")
    dossier = persoon.dossier
    Dossier.objects.filter(pk=dossier.pk).update(
        status=Status.AFGEROND, eindreden=Eindreden.VOLDAAN, afgerond_op=AFGEROND_OP
    )
    dossier.refresh_from_db()
    Gebeurtenis.objects.create(
        dossier=dossier, tijdstip=timezone.now(), bron="systeem", soort="afgerond", omschrijving="x"
    )
    brieven = []

    # intake
    intake = intake_models.BredeIntake.objects.create(
        gemeente=gemeente, dossier=dossier, gestart_op=D("2025-03-01"), gezondheid="vertrouwelijk"
    )
    intake_models.Intakegesprek.objects.create(intake=intake, datum=D("2025-03-02"))
    brieven.append(_brief(brievenmap, f"intake/{gemeente.code}/{uuid.uuid4()}.pdf"))
    intake_models.Handhavingsstap.objects.create(
        intake=intake, soort="uitnodiging", datum=D("2025-03-03"), brief_pad=brieven[-1]
    )

    # besluiten and pip
    beschikking = Beschikking.objects.create(
        gemeente=gemeente,
        dossier=dossier,
        soort="pip",
        omschrijving="PIP 1",
        datum=D("2025-04-01"),
        bekendgemaakt_op=D("2025-04-01"),
        bezwaar_uiterlijk=D("2025-05-13"),
    )
    brieven.append(_brief(brievenmap, f"besluiten/{gemeente.code}/{uuid.uuid4()}.pdf"))
    Bezwaar.objects.create(
        gemeente=gemeente,
        beschikking=beschikking,
        ontvangen_op=D("2025-04-10"),
        beslissen_uiterlijk=D("2025-06-24"),
        uitkomst="ongegrond",
        beslist_op=D("2025-06-01"),
        verdaagd=True,
        verdaging_brief_pad=brieven[-1],
    )
    brieven.append(_brief(brievenmap, f"pip/{gemeente.code}/{uuid.uuid4()}.pdf"))
    pip = PipVersie.objects.create(
        gemeente=gemeente,
        dossier=dossier,
        volgnummer=1,
        status="vastgesteld",
        dagtekening=D("2025-04-01"),
        vastgesteld_op=timezone.now(),
        beschikking=beschikking,
        beschikking_pad=brieven[-1],
        afspraken="persoonlijke afspraken",
    )
    Voortgangsgesprek.objects.create(
        gemeente=gemeente, dossier=dossier, pip_versie=pip, gepland_op=D("2025-07-01")
    )
    Briefkenmerk.objects.create(
        gemeente=gemeente,
        jaar=2025,
        volgnummer=1,
        kenmerk=f"{gemeente.code}-2025-000001",
        brief=pip.uuid,
        dossier=dossier,
        soort="pip",
    )

    # traject
    Afronding.objects.create(gemeente=gemeente, dossier=dossier, onderdeel="pvt")
    groep = PvtGroep.objects.create(
        gemeente=gemeente, naam="Groep", locatie="Zaal", taal="Nederlands", capaciteit=10,
        begeleider="Trainer",
    )  # fmt: skip
    bijeenkomst = PvtBijeenkomst.objects.create(
        groep=groep, datum=D("2025-05-01"), begintijd=time(9), eindtijd=time(12), onderwerp="Recht"
    )
    deelname = PvtDeelname.objects.create(
        gemeente=gemeente, groep=groep, dossier=dossier, uitgenodigd_op=D("2025-04-20")
    )
    PvtAanwezigheid.objects.create(deelname=deelname, bijeenkomst=bijeenkomst, status="aanwezig")
    MapActiviteit.objects.create(
        gemeente=gemeente, dossier=dossier, soort="workshop", omschrijving="Workshop",
        datum=D("2025-06-01"), uren=Decimal("2.0"),
    )  # fmt: skip
    Urenregistratie.objects.create(
        gemeente=gemeente, dossier=dossier, soort="taal", periode_start=D("2025-06-01"),
        periode_einde=D("2025-06-30"), uren=20,
    )  # fmt: skip
    ExamenUitslag.objects.create(
        gemeente=gemeente, dossier=dossier, onderdeel="KNM", examendatum=D("2025-09-01"),
        resultaat="Geslaagd",
    )  # fmt: skip
    GratisPogingen.objects.create(dossier=dossier, onderdeel="KNM", tegoed=2)

    # handhaving
    zaak = Handhavingszaak.objects.create(
        gemeente=gemeente, dossier=dossier, verplichting="brede_intake", artikel="Wi2021 art. 22",
        overtredingsdatum=D("2025-03-20"), omschrijving="kwam niet", status="gestopt",
    )  # fmt: skip
    brieven.append(_brief(brievenmap, f"handhaving/{gemeente.code}/{uuid.uuid4()}.pdf"))
    Handhavingsstap.objects.create(
        zaak=zaak, soort="waarschuwing", datum=D("2025-03-21"), brief_pad=brieven[-1]
    )

    # begeleiding and signalen
    stap = Stap.objects.create(gemeente=gemeente, naam="Bankrekening", streefdagen=30)
    Voortgang.objects.create(gemeente=gemeente, dossier=dossier, stap=stap)
    Signaal.objects.create(
        gemeente=gemeente, dossier=dossier, soort="pip_termijn", sleutel=f"s-{dossier.pk}",
        status="afgehandeld",
    )  # fmt: skip

    # taalaanbieders
    instelling = Instelling.objects.create(
        instellingsnummer=f"{Instelling.objects.count() + 1:010d}", naam="Taalhuis",
        postcode="1234AB", huisnummer=1, plaatsnaam="Demodam",
    )  # fmt: skip
    contract = Contract.objects.create(
        gemeente=gemeente, instelling=instelling, kenmerk=f"K-{uuid.uuid4().hex[:6]}",
        leerroutes=["B"], prijsmodel="per_uur", tarief=Decimal("10.00"),
        afrekenbasis="aangeboden", uren_per_week=12, capaciteit=20, startdatum=D("2025-01-01"),
        einddatum=D("2026-12-31"), contractwaarde=Decimal("1000.00"), verzuim_drempel_procent=20,
    )  # fmt: skip
    verwijzing = Verwijzing.objects.create(
        gemeente=gemeente, inburgeraar=persoon, contract=contract, instelling=instelling,
        leerroute="B", uren_per_week=10, datum_inburgeringsaanbod=D("2025-05-01"),
        verwachte_startdatum=D("2025-05-15"), status="beeindigd",
    )  # fmt: skip
    EigenCursus.objects.create(gemeente=gemeente, inburgeraar=persoon, naam_instelling="School")
    # A school's upload keeps checked and refused rows that name the referral by its kenmerk.
    Urenupload.objects.create(
        instelling=instelling, geupload_door=UserFactory(), bestandsnaam="uren.csv",
        status="gecontroleerd", aantal_regels=3,
        goed=[{"kenmerk": verwijzing.kenmerk.lower(), "toelichting": "over de persoon"},
              {"kenmerk": "VW-ANDERS", "toelichting": "iemand anders"}],
        fout=[{"nummer": 3, "kenmerk": verwijzing.kenmerk, "fouten": ["te veel uren"]}],
    )  # fmt: skip
    Urenregel.objects.create(
        verwijzing=verwijzing, periode_start=D("2025-06-01"), periode_einde=D("2025-06-07"),
        uren_aangeboden=Decimal(10), uren_aanwezig=Decimal(8), uren_fysiek=Decimal(6),
    )  # fmt: skip
    Voortgangsverslag.objects.create(
        verwijzing=verwijzing, datum=D("2025-07-01"), onderdeel="KNM", beoordeling="op_schema"
    )
    Examendatum.objects.create(
        verwijzing=verwijzing, onderdeel="KNM", niveau="A2", datum=D("2025-09-01")
    )
    Afschaaladvies.objects.create(
        verwijzing=verwijzing, lesuren=600, lesuren_fysiek=400, b1_onhaalbaar=True,
        voldoende_inspanning=True, motivering="persoonlijk",
    )  # fmt: skip
    Aandachtspunt.objects.create(
        gemeente=gemeente, dossier=dossier, verwijzing=verwijzing, soort="verzuim", titel="Verzuim",
        sleutel=f"a-{dossier.pk}", status="afgehandeld",
    )  # fmt: skip

    # the newcomer's portal: a message with a document (ADR 0087) goes with its file.
    brieven.append(_brief(brievenmap, f"portaal/{gemeente.code}/{uuid.uuid4()}.pdf"))
    Bericht.objects.create(
        gemeente=gemeente, dossier=dossier, onderwerp="Ziek", tekst="Briefje van de dokter",
        bijlage_pad=brieven[-1], bijlage_naam="briefje.pdf", bijlage_soort="application/pdf",
    )  # fmt: skip

    # the BRP link: what the BRP last said goes with the person (CASCADE).
    BrpStand.objects.create(
        gemeente=gemeente, inburgeraar=persoon, opgehaald_op=timezone.now(), geheimhouding=True,
        nationaliteiten=[{"code": "0001"}], gemeente_van_inschrijving=gemeente.code,
    )  # fmt: skip

    # the DUO integration
    notificatie = Notificatie(
        gemeente=gemeente, bron="00000001003214345000", doel=gemeente.oin, bericht_id=uuid.uuid4(),
        gebeurtenis_id="SS139", registratie_datum_tijd=timezone.now(), vnummer="V123456789",
        vingerafdruk="f" * 64, status="verwerkt", resultaat="Dossier bijgewerkt",
        inburgeraar=persoon,
    )  # fmt: skip
    notificatie.zet_bsn(bsn)
    notificatie.save()
    # From before the person was known here: found by the search hash, not by a key.
    eerder = Notificatie(
        gemeente=gemeente, bron="00000001003214345000", doel=gemeente.oin, bericht_id=uuid.uuid4(),
        gebeurtenis_id="SS101", registratie_datum_tijd=timezone.now(), vingerafdruk="e" * 64,
        status="verwerkt",
    )  # fmt: skip
    eerder.zet_bsn(bsn)
    eerder.save()
    IntegriteitsIncident.objects.create(
        gemeente=gemeente, notificatie=notificatie, doel=gemeente.oin, vingerafdruk="a" * 64
    )
    DuoStand.objects.create(inburgeraar=persoon, gegevens={"vnummer": "V123456789"})
    contactpersoon = Contactpersoon.objects.create(
        gemeente=gemeente, naam="Medewerker", email="m@example.org", telefoonnummer="0101234567"
    )
    ContactpersoonKoppeling.objects.create(inburgeraar=persoon, contactpersoon=contactpersoon)
    bericht = UitgaandBericht(
        gemeente=gemeente, inburgeraar=persoon, soort="pip_registreren", methode="POST",
        pad="/personen/{bsn}/PIP", pad_parameters={"x": 1}, inhoud={"leerroute": "B"},
        status="bezorgd", fouten=["fout"],
    )  # fmt: skip
    bericht.zet_bsn(bsn)
    bericht.volgorde_sleutel = f"p:{bericht.bsn_hash}"
    bericht.save()
    Werkitem.objects.create(
        gemeente=gemeente, dossier=dossier, soort="brede_intake", titel="Plannen",
        notificatie=notificatie, uitgaand_bericht=bericht, status="afgehandeld",
    )  # fmt: skip
    los = Werkitem(gemeente=gemeente, soort="persoon_onbekend", titel="Onbekend")
    los.zet_bsn(bsn)
    los.save()

    # the verhuizing: a reported move, the handover with its two files, a file read in (ADR 0066)
    from openinburgering.verhuizing.models import Overdracht, Overname, Verhuismelding

    Verhuismelding.objects.create(
        gemeente=gemeente, dossier=dossier, richting="vertrek", bron="brp", datum=D("2025-08-01")
    )
    naam = uuid.uuid4()
    brieven.append(_brief(brievenmap, f"overdrachten/{gemeente.code}/{naam}.pdf"))
    brieven.append(_brief(brievenmap, f"overdrachten/{gemeente.code}/{naam}.json"))
    Overdracht.objects.create(
        gemeente=gemeente, dossier=dossier, naar_gemeentecode="0002", naar_gemeentenaam="Beekveld",
        schemaversie=1, pdf_pad=brieven[-2], pdf_sha256="0" * 64, json_pad=brieven[-1],
        json_sha256="0" * 64, kenmerk=f"{gemeente.code}-2025-000009",
    )  # fmt: skip
    Overname.objects.create(
        gemeente=gemeente, dossier=dossier, overdracht_uuid=uuid.uuid4(), van_gemeentecode="0003",
        van_gemeentenaam="Elders", schemaversie=1, inhoud={"persoon": {"achternaam": "X"}},
        sha256="0" * 64,
    )  # fmt: skip

    # ontzorgen (issue 19): a bijstand period, the decision with its letter, a payment
    from openinburgering.ontzorgen.models import (
        Afbouwstap,
        Betaalrun,
        Betaling,
        Bijstandsperiode,
        Ontzorgbesluit,
        VasteLast,
    )  # fmt: skip

    periode = Bijstandsperiode.objects.create(
        gemeente=gemeente, dossier=dossier, extern_kenmerk=f"WI-{dossier.pk}",
        start=D("2025-02-10"), start_bron="api",
    )  # fmt: skip
    brieven.append(_brief(brievenmap, f"beschikkingen/{gemeente.code}/{uuid.uuid4()}.pdf"))
    besluit = Ontzorgbesluit.objects.create(
        gemeente=gemeente, dossier=dossier, bijstandsperiode=periode, status="vastgesteld",
        brief_pad=brieven[-1],
    )  # fmt: skip
    Afbouwstap.objects.create(
        gemeente=gemeente, besluit=besluit, omschrijving="x", datum=D("2025-05-01")
    )
    last = VasteLast.objects.create(
        gemeente=gemeente, besluit=besluit, post="huur", begunstigde="Woonproef",
        iban="NL91ABNA0417164300", bedrag_centen=100, frequentie="maandelijks",
        contractreferentie="C1",
    )  # fmt: skip
    run = Betaalrun.objects.create(
        gemeente=gemeente, maand=D("2025-03-01"), uitvoerdatum=D("2025-03-03")
    )
    Betaling.objects.create(
        gemeente=gemeente, run=run, dossier=dossier, vaste_last=last, periode=D("2025-03-01"),
        bedrag_centen=100, end_to_end_id=f"OZ{dossier.pk}",
    )  # fmt: skip

    # a cost booked for the person (financien)
    from openinburgering.financien.models import Kostenboeking

    Kostenboeking.objects.create(
        gemeente=gemeente, inburgeraar=persoon, cohort=2023, regime="wi2021",
        doelgroep="asielstatushouder", soort="tolk", bron="spuk",
        bedrag_cent=12_500, datum=D("2025-03-01"), herkomst="handmatig", reden="Tolk intake",
    )  # fmt: skip

    # the newcomer's language for the portal (talen): goes with the person
    from openinburgering.talen.models import Taalvoorkeur

    Taalvoorkeur.objects.create(gemeente=gemeente, inburgeraar=persoon, taal="ar")

    # the processing log
    for activiteit in ("inzien", "wijzigen"):
        Verwerking.objects.create(
            tijdstip=timezone.now(), gemeente=gemeente, actor="test", actor_soort="systeem",
            betrokkene=persoon.pseudoniem, activiteit=activiteit,
        )  # fmt: skip
    return persoon, dossier, [brievenmap / b for b in brieven]


def _stand(modellen) -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in modellen}


@pytest.mark.django_db(transaction=True)
def test_afgerond_dossier_na_de_termijn_weg_uit_elke_tabel_bestand_en_index(
    gemeente_a, gemeente_b, brievenmap
):
    bsn = nieuw_bsn()
    with time_machine.travel(AANGEMAAKT, tick=False):
        persoon, dossier, brieven = vul_alle_tabellen(gemeente_a, bsn, brievenmap)
        # The same person in another gemeente, still running, and a neighbour here: untouched.
        elders = maak_inburgeraar(gemeente_b, bsn=bsn)
        buur = maak_inburgeraar(gemeente_a)
    rijen = gekoppelde_rijen(persoon, dossier)
    zonder_rijen = sorted(m._meta.label for m, ids in rijen.items() if not ids)
    assert not zonder_rijen, (
        f"Give these tables a row in vul_alle_tabellen and decide in ADR 0060 what happens to "
        f"them when a dossier is destroyed: {zonder_rijen}"
    )
    assert all(p.exists() for p in brieven)
    # Every stored file of the dossier (a ``…_pad`` column) is among the letters made above, so
    # a new kind of letter without a handler that removes it fails here or below.
    paden = {
        f"{model._meta.label}.{veld.name}": set(
            model._default_manager.filter(pk__in=ids).values_list(veld.name, flat=True)
        )
        for model, ids in rijen.items()
        for veld in model._meta.concrete_fields
        if veld.name.endswith("_pad")
    }
    relatief = {str(p.relative_to(brievenmap)) for p in brieven}
    assert {k: v for k, v in paden.items() if not v or not v <= relatief} == {}
    modellen = [*rijen, Verwerking]
    zoekhash = bsn_tools.zoekhash(bsn)

    # The last day of the term: nothing changes.
    with time_machine.travel(LAATSTE_DAG, tick=False):
        voor = _stand(modellen)
        verslag = bewaartermijnen_toepassen()
    assert verslag.dossiers_vernietigd == 0
    assert _stand(modellen) == voor
    assert all(p.exists() for p in brieven)

    # The day after: the dossier is gone from every table, the files from disk.
    with time_machine.travel(DAG_ERNA, tick=False):
        verslag = bewaartermijnen_toepassen()
    assert verslag.dossiers_vernietigd == 1 and verslag.bestanden == len(brieven)
    for model, ids in rijen.items():
        label = model._meta.label
        over = model._default_manager.filter(pk__in=ids)
        if label in BEWAARD_ZONDER_PERSOON:
            assert over.count() == len(ids), label
            assert all(BEWAARD_ZONDER_PERSOON[label](rij) for rij in over), label
        else:
            assert not over.exists(), f"{label}: rows of the destroyed dossier remain"
    assert not any(p.exists() for p in brieven)

    # No index finds the person here any more: not the search hash, not the pseudonym.
    for model in apps.get_models():
        namen = {veld.name for veld in model._meta.concrete_fields}
        if "bsn_hash" in namen:
            assert not model._default_manager.filter(
                bsn_hash=zoekhash, gemeente=gemeente_a
            ).exists(), model._meta.label
    assert not Verwerking.objects.filter(betrokkene=persoon.pseudoniem, gemeente=gemeente_a)
    assert not Inburgeraar.objects.filter(vnummer="V123456789").exists()

    # Elsewhere and next door nothing changed.
    assert Inburgeraar.objects.filter(pk=elders.pk, bsn_hash=zoekhash).exists()
    assert Inburgeraar.objects.filter(pk=buur.pk).exists()
    assert Verwerking.objects.filter(betrokkene=buur.pseudoniem).exists()

    # The verklaring van vernietiging: which dossier, which rule, how many of what; no person.
    verklaring = Vernietiging.objects.get(soort="dossier")
    assert verklaring.dossier_uuid == dossier.uuid and verklaring.regel == "R69"
    assert verklaring.afgerond_op == AFGEROND_OP and verklaring.eindreden == "voldaan"
    assert verklaring.aantallen["bestanden"] == len(brieven)
    assert verklaring.aantallen["vernietigd"]["inburgeraars.Inburgeraar"] == 1
    assert verklaring.aantallen["vernietigd"]["logboek.Verwerking"] >= 2
    assert verklaring.aantallen["geanonimiseerd"] == {
        "brieven.Briefkenmerk": 1,
        "duo.IntegriteitsIncident": 1,
        "duo.Notificatie": 2,
        "duo.UitgaandBericht": 1,
        "taalaanbieders.Urenupload": 1,
    }
    upload = Urenupload.objects.get()
    assert upload.goed == [{"kenmerk": "VW-ANDERS", "toelichting": "iemand anders"}]
    assert upload.fout == [] and upload.aantal_regels == 3
    tekst = json.dumps(verklaring.aantallen) + str(verklaring.__dict__)
    assert bsn not in tekst and "Voorbeeld" not in tekst and zoekhash not in tekst

    # Again: nothing left to do, no second verklaring.
    with time_machine.travel(DAG_ERNA + timedelta(days=1), tick=False):
        verslag = bewaartermijnen_toepassen()
    assert verslag.dossiers_vernietigd == 0
    assert Vernietiging.objects.filter(soort="dossier").count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("procedure", ["bezwaar", "handhaving", "melding_duo"])
def test_lopende_procedure_stelt_vernietigen_uit(gemeente_a, brievenmap, procedure):
    with time_machine.travel(AANGEMAAKT, tick=False):
        persoon, dossier, brieven = vul_alle_tabellen(gemeente_a, nieuw_bsn(), brievenmap)
    if procedure == "bezwaar":
        Bezwaar.objects.update(uitkomst="open", beslist_op=None)
    elif procedure == "handhaving":
        Handhavingszaak.objects.update(status="open")
    else:
        UitgaandBericht.objects.update(status="portal_te_doen")
    with time_machine.travel(DAG_ERNA, tick=False):
        verslag = bewaartermijnen_toepassen()
    assert verslag.dossiers_vernietigd == 0 and verslag.dossiers_uitgesteld == 1
    assert Inburgeraar.objects.filter(pk=persoon.pk).exists()
    assert all(p.exists() for p in brieven)
    assert not Vernietiging.objects.filter(soort="dossier").exists()


@pytest.mark.django_db(transaction=True)
def test_dry_run_telt_en_verandert_niets(gemeente_a, brievenmap):
    with time_machine.travel(AANGEMAAKT, tick=False):
        persoon, dossier, brieven = vul_alle_tabellen(gemeente_a, nieuw_bsn(), brievenmap)
    modellen = [*gekoppelde_rijen(persoon, dossier), Verwerking, Vernietiging]
    voor = _stand(modellen)
    uit = io.StringIO()
    with time_machine.travel(DAG_ERNA, tick=False):
        call_command("bewaartermijnen_toepassen", "--dry-run", stdout=uit)
    verslag = json.loads(uit.getvalue())
    assert verslag["proefdraai"] is True and verslag["dossiers_vernietigd"] == 1
    assert verslag["vernietigd"]["inburgeraars.Dossier"] == 1
    assert verslag["geanonimiseerd"]["duo.Notificatie"] == 2
    assert verslag["bestanden"] == len(brieven)
    assert _stand(modellen) == voor
    assert all(p.exists() for p in brieven)

    uit = io.StringIO()
    call_command("bewaartermijnen_toepassen", "--peildatum", "2036-01-16", stdout=uit)
    assert json.loads(uit.getvalue())["dossiers_vernietigd"] == 1
    assert not Inburgeraar.objects.filter(pk=persoon.pk).exists()


def test_commando_weigert_een_onleesbare_peildatum(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("bewaartermijnen_toepassen", "--peildatum", "gisteren")


@pytest.mark.django_db
def test_logboek_na_zijn_termijn_zonder_dossier_weg_met_dossier_bewaard(gemeente_a):
    with time_machine.travel(AANGEMAAKT, tick=False):
        bewaard = maak_inburgeraar(gemeente_a)

    def regel(betrokkene, tijdstip):
        return Verwerking.objects.create(
            tijdstip=tijdstip, gemeente=gemeente_a, actor="test", actor_soort="systeem",
            betrokkene=betrokkene, activiteit="zoeken",
        )  # fmt: skip

    oud = AANGEMAAKT - timedelta(days=1)
    zonder_dossier_oud = regel("p" * 32, oud)
    zonder_dossier_jong = regel("p" * 32, AANGEMAAKT + timedelta(days=2))
    met_dossier_oud = regel(bewaard.pseudoniem, oud)
    with time_machine.travel(datetime(2036, 1, 10, 12, tzinfo=oud.tzinfo), tick=False):
        proef = bewaartermijnen_toepassen(proefdraai=True)
        assert proef.logboekregels == 1
        assert Verwerking.objects.filter(pk=zonder_dossier_oud.pk).exists()
        verslag = bewaartermijnen_toepassen()
    assert verslag.logboekregels == 1
    assert not Verwerking.objects.filter(pk=zonder_dossier_oud.pk).exists()
    assert Verwerking.objects.filter(pk=zonder_dossier_jong.pk).exists()
    assert Verwerking.objects.filter(pk=met_dossier_oud.pk).exists()
    verklaring = Vernietiging.objects.get(soort="logboek")
    assert verklaring.regel == "R70"
    assert verklaring.aantallen == {"vernietigd": {"logboek.Verwerking": 1}}


@pytest.mark.django_db
def test_taak_draait_de_dienst(gemeente_a):
    from openinburgering.inburgeraars.tasks import bewaartermijnen_dagelijks

    uitkomst = bewaartermijnen_dagelijks.call()
    assert uitkomst["dossiers_vernietigd"] == 0 and uitkomst["proefdraai"] is False


def test_elke_app_die_meer_doet_dan_cascade_heeft_een_opruimer():
    from openinburgering.inburgeraars.bewaren import opruimers

    namen = [o.naam for o in opruimers()]
    assert sorted(namen) == [
        "abonnementen", "besluiten", "brieven", "duo", "handhaving", "intake", "ontzorgen", "pip",
        "portaal", "taalaanbieders", "verhuizing",
    ]  # fmt: skip
    assert len(namen) == len(set(namen))


@pytest.mark.django_db(transaction=True)
def test_duo_stuurt_na_vernietiging_hetzelfde_bericht_nog_eens_dan_geweigerd(
    gemeente_a, brievenmap, settings
):
    """The anonymised notification still refuses its berichtId: nothing is processed twice and
    no person comes back from it."""
    from openinburgering.integrations.duo.intake import (
        BerichtIdHergebruikt,
        NotificatieVerzoek,
        notificatie_ontvangen,
    )

    settings.DUO_NOTIFICATIES_DIRECT = False
    bsn = nieuw_bsn()
    with time_machine.travel(AANGEMAAKT, tick=False):
        vul_alle_tabellen(gemeente_a, bsn, brievenmap)
        verzoek = NotificatieVerzoek(
            bron="00000001003214345000", doel=gemeente_a.oin, bericht_id=uuid.uuid4(),
            registratie_datum_tijd=timezone.now(), gebeurtenis_id="SS106", bsn=bsn,
            vnummer="V123456789",
        )  # fmt: skip
        assert notificatie_ontvangen(gemeente=gemeente_a, verzoek=verzoek).nieuw
    with time_machine.travel(DAG_ERNA, tick=False):
        assert bewaartermijnen_toepassen().dossiers_vernietigd == 1
        aantal = Notificatie.objects.count()
        with pytest.raises(BerichtIdHergebruikt):
            notificatie_ontvangen(gemeente=gemeente_a, verzoek=verzoek)
    assert Notificatie.objects.count() == aantal
    assert not Notificatie.objects.filter(bsn_hash=bsn_tools.zoekhash(bsn)).exists()
    assert not Inburgeraar.objects.exists()


def _gevonden_in(waarden: list[str]) -> list[str]:
    """Every table column (text or JSON) of every model in which one of ``waarden`` occurs."""
    from django.db.models.functions import Cast

    gevonden = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for veld in model._meta.concrete_fields:
            if isinstance(veld, models.JSONField):
                rijen = model._default_manager.annotate(_tekst=Cast(veld.name, models.TextField()))
                kolom = "_tekst"
            elif isinstance(veld, (models.CharField, models.TextField)):
                rijen, kolom = model._default_manager.all(), veld.name
            else:
                continue
            gevonden.extend(
                f"{model._meta.label}.{veld.name}"
                for waarde in waarden
                if rijen.filter(**{f"{kolom}__contains": waarde}).exists()
            )
    return gevonden


@pytest.mark.django_db(transaction=True)
def test_na_vernietiging_staat_nergens_meer_iets_dat_naar_de_persoon_leidt(gemeente_a, brievenmap):
    """A scan of every text and JSON column of every table: no BSN, search hash, pseudonym,
    V-nummer, name or letter file name of the destroyed person remains anywhere."""
    bsn = nieuw_bsn()
    with time_machine.travel(AANGEMAAKT, tick=False):
        persoon, dossier, brieven = vul_alle_tabellen(gemeente_a, bsn, brievenmap)
        Inburgeraar.objects.filter(pk=persoon.pk).update(
            voornamen="Zenobia", achternaam="Vernietigbaar"
        )
        maak_inburgeraar(gemeente_a)  # a neighbour, whose rows stay
    sporen = [
        bsn,
        bsn_tools.zoekhash(bsn),
        persoon.pseudoniem,
        "V123456789",
        "Zenobia",
        "Vernietigbaar",
        *(p.stem for p in brieven),
        Verwijzing.objects.get(inburgeraar=persoon).kenmerk,
    ]
    assert len(_gevonden_in(sporen)) > 10  # the scan sees them before
    with time_machine.travel(DAG_ERNA, tick=False):
        assert bewaartermijnen_toepassen().dossiers_vernietigd == 1
    assert _gevonden_in(sporen) == []
