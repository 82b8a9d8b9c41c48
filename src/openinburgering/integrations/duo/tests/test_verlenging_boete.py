"""DUO's Verlenging and Boete APIs end to end over real HTTP with the DUO simulator (which checks
every request against DUO's specs and answers only what they allow): on DUO's events, on demand
from the dossier, on the dossier page and in handhaving, and when DUO cannot answer (ADR 0064)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.core.keten import raadplegen
from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar, nieuw_bsn
from openinburgering.integrations.duo import besluiten
from openinburgering.integrations.duo.models import DuoStand, Notificatie, NotificatieStatus
from openinburgering.regels.kalender import plus_jaren
from openinburgering.signalen.models import Signaal, SignaalStatus, Soort
from openinburgering.signalen.services import signalen_herberekenen

from .conftest import notificatie_body

pytestmark = pytest.mark.django_db

BOETE = {"bedrag": 500, "datum": "2026-02-16"}


@pytest.fixture
def termijn():
    """A term that ends within the engine's horizon, and the end after DUO extended it."""
    vandaag = timezone.localdate()
    start = vandaag - timedelta(days=1000)
    einde = plus_jaren(start, 3)
    return start, einde, einde + timedelta(days=365)


@pytest.fixture
def persoon(simulator, gemeente_a, termijn):
    """Known here and at DUO; DUO granted an extension and extended the term."""
    start, _einde, verlengd = termijn
    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    simulator.persoon(
        bsn,
        gemeente_a,
        termijnAutomatisch=False,
        termijn={"startdatum": start.isoformat(), "einddatum": verlengd.isoformat()},
        verlengingen=[
            {
                "ontvangstdatum": "2026-03-02",
                "beoordelingAanvraag": "Toegekend",
                "datumBeoordeling": "2026-04-14",
            }
        ],
        boetes=[BOETE],
    )
    return maak_inburgeraar(gemeente_a, bsn=bsn)


def _duo_stand(persoon, termijn):
    """What the gemeente held before: DUO's term without the extension (so the engine warns)."""
    start, einde, _verlengd = termijn
    DuoStand.objects.create(
        inburgeraar=persoon,
        gegevens={"termijn": {"startdatum": start.isoformat(), "einddatum": einde.isoformat()}},
    )


def _tijdlijn(persoon) -> list[str]:
    return list(
        Gebeurtenis.objects.filter(dossier=persoon.dossier)
        .order_by("id")
        .values_list("omschrijving", flat=True)
    )


def test_ss104_reads_the_requests_and_the_term_and_deadlines_follow_the_new_end_date(
    simulator, duo_afzender, persoon, termijn, django_capture_on_commit_callbacks
):
    start, einde, verlengd = termijn
    _duo_stand(persoon, termijn)
    signalen_herberekenen(dossier_ids=[persoon.dossier.pk])
    oud = Signaal.objects.get(dossier=persoon.dossier, soort=Soort.TERMIJN_EINDE)
    assert oud.deadline == einde - timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = duo_afzender.post(notificatie_body(bsn=persoon.bsn, gebeurtenis="SS104"))
    assert response.status_code == 201
    notificatie = Notificatie.objects.get()
    assert notificatie.status == NotificatieStatus.VERWERKT, notificatie.resultaat

    persoon = Inburgeraar.objects.get(pk=persoon.pk)
    stand = raadplegen.raadpleging().stand(persoon)
    [aanvraag] = stand.verlengingen
    assert (aanvraag.beoordeling, aanvraag.datum_beoordeling.isoformat()) == (
        "Toegekend",
        "2026-04-14",
    )
    termijn_nu = raadplegen.inburgeringstermijn(persoon, pip_dagtekeningen=[])
    assert (termijn_nu.start, termijn_nu.einde, termijn_nu.regel.id) == (start, verlengd, "R42")
    # The deadline engine follows: the term no longer ends within its horizon.
    oud.refresh_from_db()
    assert oud.status == SignaalStatus.AFGEHANDELD
    assert any("R72" in t and "toegekend" in t for t in _tijdlijn(persoon))
    gevraagd = {b["pad"].rsplit("/", 1)[1]: b["status"] for b in simulator.berichten(methode="GET")}
    assert gevraagd["verlengingen"] == 200


def test_ss103_reads_duos_fines_once_each_labelled_as_duos(
    simulator, duo_afzender, persoon, django_capture_on_commit_callbacks
):
    for tijd in ("2026-03-02T09:15:00+01:00", "2026-03-09T09:15:00+01:00"):
        with django_capture_on_commit_callbacks(execute=True):
            duo_afzender.post(notificatie_body(bsn=persoon.bsn, gebeurtenis="SS103", tijd=tijd))
    assert set(Notificatie.objects.values_list("status", flat=True)) == {NotificatieStatus.VERWERKT}
    boetes = [t for t in _tijdlijn(persoon) if t.startswith("Boete van DUO")]
    assert boetes == [
        "Boete van DUO van € 500 (beschikt op 16-02-2026), onder de Wi2021; DUO besliste "
        "hierover, niet de gemeente (R73)."
    ]
    persoon = Inburgeraar.objects.get(pk=persoon.pk)
    assert raadplegen.raadpleging().stand(persoon).boetes == (
        raadplegen.DuoBoete(bedrag=500, datum=timezone.datetime(2026, 2, 16).date()),
    )
    gevraagd = [b["pad"].rsplit("/", 1)[1] for b in simulator.berichten(methode="GET")]
    assert gevraagd.count("boetes") == 2


@pytest.fixture
def klantregisseur(medewerker, inloggen, gemeente_a):
    return inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))


def test_ophalen_bij_duo_from_the_dossier_shows_the_extension_and_duos_fine(
    simulator, persoon, klantregisseur, termijn
):
    response = klantregisseur.post(
        reverse("duo:besluiten_ophalen", kwargs={"uuid": persoon.uuid}), follow=True
    )
    pagina = response.content.decode()
    assert response.status_code == 200
    assert "Opgehaald bij DUO: 1 verlengingsaanvragen en 1 boetes (1 nieuw)." in pagina
    assert "Verlenging en boetes van DUO" in pagina
    assert "Toegekend" in pagina and "14-04-2026" in pagina
    assert "€ 500" in pagina and "opgelegd door DUO, niet door de gemeente" in pagina
    assert "(verlengd)" in pagina

    handhaving = klantregisseur.get(reverse("handhaving:zaken", kwargs={"uuid": persoon.uuid}))
    tekst = handhaving.content.decode()
    assert "Boetes van DUO" in tekst and "€ 500" in tekst and "Wi2021" in tekst
    assert "Handhavingszaken van de gemeente" in tekst

    # Again: nothing new, no second timeline entry for the same fine.
    klantregisseur.post(reverse("duo:besluiten_ophalen", kwargs={"uuid": persoon.uuid}))
    assert sum(t.startswith("Boete van DUO") for t in _tijdlijn(persoon)) == 1


def test_another_gemeentes_person_is_404(simulator, persoon, medewerker, inloggen, gemeente_b):
    vreemde = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_b))
    response = vreemde.post(reverse("duo:besluiten_ophalen", kwargs={"uuid": persoon.uuid}))
    assert response.status_code == 404
    assert not DuoStand.objects.exists()


def _actor(gemeente):
    return Actor(gemeente=gemeente, systeem="test")


def test_duo_down_gives_a_dutch_message_and_saves_nothing(simulator, persoon, gemeente_a):
    simulator.storing("503")
    with pytest.raises(besluiten.Ophaalfout) as fout:
        besluiten.ophalen(actor=_actor(gemeente_a), inburgeraar=persoon)
    assert fout.value.tijdelijk
    assert fout.value.melding.startswith("DUO is nu niet bereikbaar")
    assert "Er is niets veranderd" in fout.value.melding
    assert not DuoStand.objects.exists()
    assert not any("DUO" in t for t in _tijdlijn(persoon))


def test_one_5xx_is_asked_again_once(simulator, persoon, gemeente_a, monkeypatch):
    monkeypatch.setattr(besluiten, "HERHAAL_NA_SECONDEN", 0)
    simulator.storing("503", count=1)
    resultaat = besluiten.ophalen(actor=_actor(gemeente_a), inburgeraar=persoon)
    assert (resultaat.verlengingen, resultaat.boetes) == (1, 1)


def test_duo_too_slow_is_a_clear_message_and_nothing_saved(
    simulator, persoon, gemeente_a, settings
):
    settings.DUO_READ_TIMEOUT = 0.3
    simulator.storing("slow", seconds=2)
    with pytest.raises(besluiten.Ophaalfout) as fout:
        besluiten.ophalen(actor=_actor(gemeente_a), inburgeraar=persoon)
    assert "DUO antwoordde niet op tijd." in fout.value.melding
    assert not DuoStand.objects.exists()


def test_a_person_duo_does_not_know_is_a_clear_message(simulator, gemeente_a):
    simulator.gemeente(gemeente_a)
    onbekend = maak_inburgeraar(gemeente_a, bsn=nieuw_bsn())
    with pytest.raises(besluiten.Ophaalfout) as fout:
        besluiten.ophalen(actor=_actor(gemeente_a), inburgeraar=onbekend)
    assert fout.value.melding == (
        "DUO kent deze persoon niet (geen termijn, verlengingsaanvragen of boetes). Er is niets "
        "veranderd."
    )
    assert not DuoStand.objects.exists()


def test_ss112_shows_the_request_duo_is_still_assessing(
    simulator, duo_afzender, gemeente_a, django_capture_on_commit_callbacks
):
    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    simulator.persoon(
        bsn,
        gemeente_a,
        verlengingen=[{"ontvangstdatum": "2026-05-11", "beoordelingAanvraag": "InBehandeling"}],
    )
    persoon = maak_inburgeraar(gemeente_a, bsn=bsn)
    with django_capture_on_commit_callbacks(execute=True):
        duo_afzender.post(notificatie_body(bsn=persoon.bsn, gebeurtenis="SS112"))
    assert Notificatie.objects.get().status == NotificatieStatus.VERWERKT
    [tekst] = [t for t in _tijdlijn(persoon) if "verlengen" in t]
    assert "DUO beoordeelt de aanvraag van 11-05-2026 nog (R72)." in tekst
