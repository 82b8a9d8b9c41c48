"""The LBT at DUO from the brede intake: the exam number (raadpleging) and the release for a
visual or auditory impairment (R27), against the DUO simulator running DUO's Leerbaarheidstoets
spec (the project's copy: specs/duo-m2m/Leerbaarheidstoets/openapi.yml). The release goes through the DUO outbox,
written in the transaction of the change and delivered (with retries) by the outbox worker."""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Geweigerd
from openinburgering.gemeenten.models import Koppeling
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.intake import services
from openinburgering.integrations.duo import bezorging, meldingen
from openinburgering.integrations.duo.models import (
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from openinburgering.pip.tests.helpers import actor_voor

pytestmark = pytest.mark.django_db

EXAMENNUMMER = "LBT123456"


@pytest.fixture
def actor(gemeente_a, medewerker):
    return actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a))


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a)


@pytest.fixture
def intake(actor, persoon):
    return services.intake_starten(actor=actor, dossier=persoon.dossier)


def _bij_duo(sim, gemeente, persoon, lbt=None):
    sim("POST", "/gemeenten", {"oin": gemeente.oin, "gemeentecode": gemeente.code, "naam": "A"})
    vandaag = timezone.localdate()
    body = {
        "bsn": persoon.bsn,
        "woongemeenteOin": gemeente.oin,
        "plichtBegindatum": (vandaag - timedelta(days=30)).isoformat(),
        "vestigingsdatum": (vandaag - timedelta(days=20)).isoformat(),
    }
    if lbt is not None:
        body["lbt"] = lbt
    sim("POST", "/personen", body)


def _lbt_berichten(sim, methode):
    return [
        b
        for b in sim("GET", f"/berichten?methode={methode}")
        if b["pad"].rstrip("/").endswith("/lbt/examennummer")
    ]


def test_the_exam_number_is_asked_from_duo_and_kept_on_the_intake(
    simulator, actor, gemeente_a, persoon, intake
):
    _bij_duo(simulator, gemeente_a, persoon, lbt={"examennummer": EXAMENNUMMER})
    versie = intake.versie

    intake = services.lbt_examennummer_opvragen(actor=actor, intake=intake)

    assert intake.lbt_examennummer == EXAMENNUMMER
    assert intake.lbt_examennummer_aangevraagd_op == timezone.localdate()
    assert intake.versie == versie + 1  # an open form of the intake now gets a conflict
    assert len(_lbt_berichten(simulator, "GET")) == 1
    assert Gebeurtenis.objects.filter(dossier=persoon.dossier, soort="lbt_examennummer").exists()


def test_no_exam_number_at_duo_is_a_clear_message_and_nothing_changes(
    simulator, actor, gemeente_a, persoon, intake
):
    _bij_duo(simulator, gemeente_a, persoon)
    with pytest.raises(Geweigerd, match="geen examennummer"):
        services.lbt_examennummer_opvragen(actor=actor, intake=intake)
    intake.refresh_from_db()
    assert intake.lbt_examennummer == "" and intake.lbt_examennummer_aangevraagd_op is None


def _vrijgesteld(actor, intake, **beperking):
    return services.intake_opslaan(
        actor=actor, intake=intake, versie=None, **(beperking or {"visuele_beperking": True})
    )


def test_a_release_is_queued_in_the_outbox_with_the_change_and_delivered(
    simulator, actor, gemeente_a, persoon, intake
):
    _bij_duo(simulator, gemeente_a, persoon, lbt={"examennummer": EXAMENNUMMER})
    intake = _vrijgesteld(actor, intake)

    intake = services.lbt_vrijstelling_melden(actor=actor, intake=intake)

    assert intake.lbt_vrijstelling_gemeld_op == timezone.localdate()
    bericht = UitgaandBericht.objects.get(uuid=intake.lbt_vrijstelling_bericht)
    assert bericht.soort == MeldingSoort.LBT_OVERGESLAGEN
    assert (bericht.methode, bericht.pad) == ("DELETE", "/personen/{bsn}/lbt/examennummer")
    assert bericht.status == UitgaandStatus.WACHTEND
    stand = services.lbt_vrijstelling_bericht(intake)
    assert (stand.uuid, stand.status) == (bericht.uuid, UitgaandStatus.WACHTEND)
    assert _lbt_berichten(simulator, "DELETE") == []  # nothing sent inside the transaction

    assert bezorging.bezorgen().bezorgd == 1
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.BEZORGD
    [verzonden] = _lbt_berichten(simulator, "DELETE")
    assert verzonden["toegepast"] and verzonden["berichtId"] == str(bericht.bericht_id)
    assert simulator("GET", f"/personen/{persoon.bsn}")["lbt"]["overgeslagen"] is True
    with pytest.raises(Geweigerd, match="al aan DUO gemeld"):
        services.lbt_vrijstelling_melden(actor=actor, intake=intake)
    assert UitgaandBericht.objects.count() == 1


def test_no_message_without_the_change_and_no_change_without_the_message(actor, intake):
    intake = _vrijgesteld(actor, intake)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.lbt_vrijstelling_melden(actor=actor, intake=intake)
        raise RuntimeError("the caller's transaction fails")
    intake.refresh_from_db()
    assert intake.lbt_vrijstelling_gemeld_op is None and intake.lbt_vrijstelling_bericht is None
    assert not UitgaandBericht.objects.exists()


def test_the_work_item_of_an_earlier_direct_attempt_is_taken_over_by_the_outbox(
    actor, gemeente_a, persoon, intake
):
    from openinburgering.integrations.duo.services import werkitem_aanmaken

    oud = werkitem_aanmaken(
        gemeente=gemeente_a, dossier=persoon.dossier, soort=WerkitemSoort.DUO_NIET_BEZORGD,
        titel="Vrijstelling leerbaarheidstoets niet gemeld bij DUO", regel="R27",
        sleutel=f"lbt-vrijstelling:{intake.uuid}",
    )  # fmt: skip
    services.lbt_vrijstelling_melden(actor=actor, intake=_vrijgesteld(actor, intake))
    oud.refresh_from_db()
    assert oud.status == WerkitemStatus.AFGEHANDELD


def test_a_release_needs_an_impairment(actor, intake):
    with pytest.raises(Geweigerd) as exc:
        services.lbt_vrijstelling_melden(actor=actor, intake=intake)
    assert exc.value.regel == "R27"
    assert not UitgaandBericht.objects.exists()


def test_a_refused_release_is_shown_on_the_intake_with_one_work_item(
    simulator, actor, gemeente_a, persoon, intake, inloggen, medewerker
):
    # DUO has no exam number (any more): it answers 404, so the release is refused.
    _bij_duo(simulator, gemeente_a, persoon)
    intake = services.lbt_vrijstelling_melden(
        actor=actor, intake=_vrijgesteld(actor, intake, auditieve_beperking=True)
    )
    assert bezorging.bezorgen().afgewezen == 1
    assert bezorging.bezorgen().verwerkt == 0  # refused is final: no retry
    item = Werkitem.objects.get(dossier=persoon.dossier)
    assert item.soort == WerkitemSoort.DUO_AFWIJZING and item.status == WerkitemStatus.OPEN
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    pagina = client.get(reverse("intake:intake", kwargs={"uuid": persoon.uuid})).content.decode()
    assert "Afgewezen door DUO" in pagina


def test_duo_unreachable_is_retried_by_the_outbox_until_delivered(
    simulator, settings, actor, gemeente_a, persoon, intake
):
    _bij_duo(simulator, gemeente_a, persoon, lbt={"examennummer": EXAMENNUMMER})
    intake = services.lbt_vrijstelling_melden(actor=actor, intake=_vrijgesteld(actor, intake))
    werkend = settings.DUO_API_ROOT
    settings.DUO_API_ROOT = "http://127.0.0.1:9"  # nothing listens here

    assert bezorging.bezorgen().opnieuw == 1
    bericht = UitgaandBericht.objects.get()
    assert bericht.status == UitgaandStatus.WACHTEND and bericht.pogingen == 1
    assert bericht.volgende_poging_op > timezone.now()
    assert not Werkitem.objects.exists()

    settings.DUO_API_ROOT = werkend
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        assert bezorging.bezorgen().bezorgd == 1
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.BEZORGD and bericht.pogingen == 2
    assert len(_lbt_berichten(simulator, "DELETE")) == 1


def test_a_portal_gemeente_gets_a_copy_ready_task(
    actor, gemeente_a, persoon, intake, inloggen, medewerker, requests_mock
):
    gemeente_a.koppeling = Koppeling.PORTAL
    gemeente_a.save()
    intake = services.lbt_vrijstelling_melden(actor=actor, intake=_vrijgesteld(actor, intake))
    assert services.lbt_vrijstelling_bericht(intake).status == UitgaandStatus.PORTAL_TE_DOEN
    bericht = UitgaandBericht.objects.get(uuid=intake.lbt_vrijstelling_bericht)
    assert bezorging.bezorgen().verwerkt == 0 and requests_mock.call_count == 0
    [(label, waarde)] = meldingen.invoerwaarden(bericht)
    assert label == "Handeling" and "examennummer laten intrekken" in waarde
    beheerder = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    werklijst = beheerder.get(reverse("duo:portal")).content.decode()
    assert "Leerbaarheidstoets overgeslagen" in werklijst


def test_the_intake_page_asks_duo_and_shows_the_release_state(
    simulator, inloggen, gemeente_a, medewerker, persoon
):
    kim = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    actor = actor_voor(gemeente_a, kim)
    intake = services.intake_starten(actor=actor, dossier=persoon.dossier)
    _bij_duo(simulator, gemeente_a, persoon, lbt={"examennummer": EXAMENNUMMER})
    client = inloggen(kim)
    url = reverse("intake:intake", kwargs={"uuid": persoon.uuid})

    pagina = client.get(url).content.decode()
    assert "Examennummer opvragen bij DUO" in pagina
    antwoord = client.post(
        reverse("intake:lbt_examennummer", kwargs={"uuid": persoon.uuid}), follow=True
    )
    assert f"Examennummer van DUO: {EXAMENNUMMER}." in antwoord.content.decode()

    intake.refresh_from_db()
    services.intake_opslaan(actor=actor, intake=intake, versie=None, visuele_beperking=True)
    assert "Vrijstelling melden aan DUO" in client.get(url).content.decode()
    antwoord = client.post(
        reverse("intake:lbt_vrijstelling", kwargs={"uuid": persoon.uuid}), follow=True
    )
    tekst = antwoord.content.decode()
    assert "De melding aan DUO staat klaar" in tekst
    assert "Wacht op verzending" in tekst and "Vrijstelling melden aan DUO" not in tekst
    bezorging.bezorgen()
    assert "Bezorgd bij DUO" in client.get(url).content.decode()
