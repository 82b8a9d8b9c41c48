# ruff: noqa: F811 - the fixtures imported below are redefined as test arguments
"""A person DUO announces gets name, birth date and address from the BRP in the same processing
round, with the read in the processing log (ADR 0062); the BRP being down never holds up DUO's
notification: the person is created as before and the read is tried again."""

from datetime import date, timedelta

from django.utils import timezone

import pytest

from openinburgering.core.bsn import zoekhash as pseudo_hash
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.brp.models import BrpStand
from openinburgering.integrations.brp.poort import achterstand_bijwerken
from openinburgering.integrations.brp.tests.conftest import brp_stand_in  # noqa: F401
from openinburgering.integrations.duo import inbox
from openinburgering.integrations.duo.models import (
    Notificatie,
    NotificatieStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from openinburgering.logboek.models import Activiteit, Doel, Verwerking

from .conftest import notificatie_body
from .test_verwerking import ontvang  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def duo(duo_mock):
    # DUO is mocked; the BRP stand-in beside it is real HTTP on a local port.
    duo_mock.m.real_http = True
    return duo_mock


def _naam_item(inburgeraar):
    return Werkitem.objects.filter(
        dossier=inburgeraar.dossier, soort=WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN
    ).first()


def test_an_announced_person_gets_name_birth_date_and_address_from_the_brp(
    ontvang,
    duo,
    brp_stand_in,
    gemeente_a,  # noqa: F811
):
    bsn = nieuw_bsn()
    duo.persoon(bsn)
    brp_stand_in.persoon(bsn)
    notificatie = ontvang("SS101", bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT, notificatie.resultaat
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert (persoon.voornamen, persoon.achternaam, persoon.geboortedatum) == (
        "Noor", "Steekproef", date(1992, 4, 3)
    )  # fmt: skip
    assert (persoon.straat_huisnummer, persoon.postcode, persoon.woonplaats) == (
        "Lindeplein 4a", "9914 EF", "Amstelwaard"
    )  # fmt: skip
    assert persoon.persoonsgegevens_compleet
    # Nothing to fill in by hand: no "naam aanvullen" item.
    assert _naam_item(persoon) is None
    [gelezen] = Verwerking.objects.filter(
        betrokkene=persoon.pseudoniem, activiteit=Activiteit.BRP_OPGEVRAAGD
    )
    assert gelezen.doel == Doel.AANMELDING_DUO
    assert Gebeurtenis.objects.filter(
        dossier=persoon.dossier, soort="brp", omschrijving__startswith="Opgehaald uit de BRP"
    ).exists()
    assert BrpStand.objects.get(inburgeraar=persoon).opgehaald_op is not None


def test_confidentiality_investigation_and_death_come_along(
    ontvang,
    duo,
    brp_stand_in,
    gemeente_a,  # noqa: F811
):
    bsn = nieuw_bsn()
    duo.persoon(bsn)
    brp_stand_in.persoon(
        bsn, geheimhouding=True, adresInOnderzoek="2026-10-01", overlijdensdatum="2026-11-20"
    )
    ontvang("SS101", bsn)
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    stand = BrpStand.objects.get(inburgeraar=persoon)
    assert stand.geheimhouding and stand.adres_in_onderzoek and stand.overleden
    assert stand.adres_in_onderzoek_sinds == date(2026, 10, 1)
    # Death closes the dossier through its transition table; no open work is left (ADR 0065).
    persoon.dossier.refresh_from_db()
    assert (persoon.dossier.status, persoon.dossier.eindreden) == ("afgerond", "overleden")
    assert not Werkitem.objects.filter(dossier=persoon.dossier, status=WerkitemStatus.OPEN).exists()
    tekst = Gebeurtenis.objects.get(dossier=persoon.dossier, soort="brp").omschrijving
    assert "geheimhouding" in tekst and "in onderzoek" in tekst and "20-11-2026" in tekst


def test_the_brp_being_down_does_not_block_duo_and_is_tried_again(
    ontvang,
    duo,
    brp_stand_in,
    gemeente_a,  # noqa: F811
):
    bsn = nieuw_bsn()
    duo.persoon(bsn)
    brp_stand_in.persoon(bsn)
    brp_stand_in.storing(status=503)
    notificatie = ontvang("SS139", bsn)
    assert notificatie.status == NotificatieStatus.VERWERKT, notificatie.resultaat
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert (persoon.voornamen, persoon.geboortedatum) == ("", None)
    item = _naam_item(persoon)
    assert item.status == WerkitemStatus.OPEN
    assert "tijdelijk niet beschikbaar" in item.toelichting
    stand = BrpStand.objects.get(inburgeraar=persoon)
    assert stand.volgende_poging_op is not None and stand.fout

    brp_stand_in.geen_storing()
    BrpStand.objects.filter(pk=stand.pk).update(volgende_poging_op=timezone.now())
    assert achterstand_bijwerken() == 1
    persoon.refresh_from_db()
    assert (persoon.voornamen, persoon.geboortedatum) == ("Noor", date(1992, 4, 3))
    assert _naam_item(persoon).status == WerkitemStatus.AFGEHANDELD
    stand.refresh_from_db()
    assert (stand.fout, stand.volgende_poging_op) == ("", None)


def test_a_bsn_the_brp_does_not_know_leaves_the_work_item_with_the_reason(
    ontvang,
    duo,
    brp_stand_in,
    gemeente_a,  # noqa: F811
):
    bsn = nieuw_bsn()
    duo.persoon(bsn)
    ontvang("SS101", bsn)
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert not persoon.naam_bekend
    assert "De BRP kent dit BSN niet" in _naam_item(persoon).toelichting
    assert BrpStand.objects.get(inburgeraar=persoon).volgende_poging_op is None


def test_without_a_brp_nothing_changes(ontvang, duo_mock, gemeente_a, settings):
    settings.BRP_API_ROOT = ""
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    ontvang("SS101", bsn)
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a)
    assert not persoon.naam_bekend
    assert not BrpStand.objects.exists()
    assert _naam_item(persoon).status == WerkitemStatus.OPEN


def test_the_set_based_path_asks_the_brp_once_for_the_batch(
    duo_afzender,
    duo,
    brp_stand_in,
    gemeente_a,
    settings,  # noqa: F811
):
    settings.DUO_NOTIFICATIES_DIRECT = False
    bsns = [nieuw_bsn() for _ in range(3)]
    for bsn in bsns:
        duo.persoon(bsn)
        brp_stand_in.persoon(bsn, voornamen=f"Persoon {bsn[-3:]}")
        response = duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="SS139"))
        assert response.status_code == 201
    assert inbox.inbox_verwerken() == 3
    assert set(Notificatie.objects.values_list("status", flat=True)) == {NotificatieStatus.VERWERKT}
    for bsn in bsns:
        persoon = Inburgeraar.objects.get(gemeente=gemeente_a, voornamen=f"Persoon {bsn[-3:]}")
        assert persoon.bsn == bsn and persoon.adres_bekend
        assert _naam_item(persoon) is None
        assert Verwerking.objects.filter(
            betrokkene=persoon.pseudoniem, activiteit=Activiteit.BRP_OPGEVRAAGD
        ).exists()
    [verzoek] = brp_stand_in.verzoeken()
    assert sorted(verzoek["body"]["burgerservicenummer"]) == sorted(bsns)
    assert BrpStand.objects.count() == 3


def test_retry_waits_longer_each_time(gemeente_a, brp_stand_in):  # noqa: F811
    from openinburgering.core.brp import BrpFout
    from openinburgering.inburgeraars.tests.factories import maak_inburgeraar
    from openinburgering.integrations.brp.services import mislukt

    persoon = maak_inburgeraar(gemeente_a)
    eerste = mislukt(inburgeraar=persoon, fout=BrpFout("storing", tijdelijk=True))
    tweede = mislukt(inburgeraar=persoon, fout=BrpFout("storing", tijdelijk=True))
    assert tweede.volgende_poging_op - timezone.now() > timedelta(minutes=3)
    assert eerste.pogingen == 1 and tweede.pogingen == 2
    assert mislukt(inburgeraar=persoon, fout=BrpFout("nee")).volgende_poging_op is None


def test_a_brp_that_did_not_answer_is_skipped_for_a_while(
    ontvang, duo, brp_stand_in, gemeente_a, settings, monkeypatch
):
    from openinburgering.integrations.duo import verwerking

    settings.BRP_PAUZE_NA_STORING = 60.0
    monkeypatch.setattr(verwerking, "_brp_stil_tot", 0.0)
    eerste, tweede = nieuw_bsn(), nieuw_bsn()
    for bsn in (eerste, tweede):
        duo.persoon(bsn)
        brp_stand_in.persoon(bsn)
    brp_stand_in.storing(status=503)
    ontvang("SS101", eerste)
    assert len(brp_stand_in.verzoeken()) == 2  # BRP_POGINGEN
    brp_stand_in.geen_storing()
    ontvang("SS101", tweede)
    # Not asked again within the pause: the second person comes in as without a BRP.
    assert len(brp_stand_in.verzoeken()) == 2
    persoon = Inburgeraar.objects.get(gemeente=gemeente_a, bsn_hash=pseudo_hash(tweede))
    assert not persoon.naam_bekend
    assert BrpStand.objects.get(inburgeraar=persoon).volgende_poging_op is not None
    assert "kort geleden niet" in _naam_item(persoon).toelichting
