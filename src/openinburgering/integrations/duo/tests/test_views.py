"""The pages: beheer (functioneel beheerder, no personal data), Portal worklist, work items, and
the DUO panel on the dossier page. Tenants are isolated; personal data views are logged."""

import uuid

from django.urls import reverse

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import MATRIX, Recht, Rol
from openinburgering.gemeenten.models import Koppeling
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import meldingen
from openinburgering.integrations.duo.models import (
    IntegriteitsIncident,
    Notificatie,
    NotificatieStatus,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from openinburgering.integrations.duo.services import werkitem_aanmaken
from openinburgering.logboek.models import Activiteit, Verwerking
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.pip import Pip

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(medewerker, inloggen, gemeente_a):
    return inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))


@pytest.fixture
def klantregisseur(medewerker, inloggen, gemeente_a):
    return inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a, bsn=nieuw_bsn(), achternaam="Zichtbaarnaam")


def _dood_bericht(persoon):
    from datetime import date

    bericht = meldingen.pip_melden(
        actor=Actor(gemeente=persoon.gemeente, systeem="test"),
        inburgeraar=persoon,
        pip=Pip(dagtekening=date(2020, 1, 1), leerroute=Leerroute.Z_ROUTE),
    )
    UitgaandBericht.objects.filter(pk=bericht.pk).update(
        status=UitgaandStatus.DOOD, laatste_fout="Geen verbinding met DUO."
    )
    return bericht


def test_only_the_functioneel_beheerder_manages_the_link():
    assert Recht.KOPPELING_BEHEREN in MATRIX[Rol.FUNCTIONEEL_BEHEERDER]
    for rol in (Rol.KLANTREGISSEUR, Rol.TEAMLEIDER, Rol.BELEIDSMEDEWERKER):
        assert Recht.KOPPELING_BEHEREN not in MATRIX[rol]


def test_beheer_page_shows_incoming_outgoing_and_incidents_without_personal_data(
    beheerder, persoon, gemeente_a, klantregisseur
):
    onbekend = Notificatie(
        gemeente=gemeente_a,
        bron="0" * 20,
        doel=gemeente_a.oin,
        bericht_id=uuid.uuid4(),
        gebeurtenis_id="SS105",
        registratie_datum_tijd="2026-03-02T09:00:00Z",
        vingerafdruk="x",
        status=NotificatieStatus.ONBEKEND,
        resultaat="Gebeurtenis SS105 kent deze applicatie (nog) niet.",
    )
    onbekend.zet_bsn(persoon.bsn)
    onbekend.save()
    IntegriteitsIncident.objects.create(
        gemeente=gemeente_a, notificatie=onbekend, doel=gemeente_a.oin, vingerafdruk="y"
    )
    _dood_bericht(persoon)
    response = beheerder.get(reverse("duo:beheer"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "SS105" in html
    assert onbekend.pseudoniem[:12] in html
    assert str(onbekend.bericht_id) in html, "the incident names the berichtId"
    assert "Niet bezorgd (opgegeven)" in html
    assert "Opnieuw versturen" in html
    assert "Zichtbaarnaam" not in html, "no names for the beheerder"
    assert klantregisseur.get(reverse("duo:beheer")).status_code == 403


def test_beheerder_offers_a_dead_message_again(beheerder, persoon):
    bericht = _dood_bericht(persoon)
    response = beheerder.post(reverse("duo:opnieuw_aanbieden", kwargs={"uuid": bericht.uuid}))
    assert response.status_code == 302
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.WACHTEND
    assert bericht.opnieuw_aangeboden_op is not None


def test_another_gemeentes_message_is_404(beheerder, gemeente_b, inburgeraar_factory):
    ander = inburgeraar_factory(gemeente_b, bsn=nieuw_bsn())
    bericht = _dood_bericht(ander)
    response = beheerder.post(reverse("duo:opnieuw_aanbieden", kwargs={"uuid": bericht.uuid}))
    assert response.status_code == 404
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.DOOD


def test_beheerder_closes_an_incident(beheerder, persoon, gemeente_a):
    notificatie = Notificatie.objects.create(
        gemeente=gemeente_a,
        bron="0" * 20,
        doel=gemeente_a.oin,
        bericht_id=uuid.uuid4(),
        gebeurtenis_id="SS101",
        registratie_datum_tijd="2026-03-02T09:00:00Z",
        vingerafdruk="x",
    )
    incident = IntegriteitsIncident.objects.create(
        gemeente=gemeente_a, notificatie=notificatie, doel=gemeente_a.oin, vingerafdruk="y"
    )
    beheerder.post(reverse("duo:incident_afhandelen", kwargs={"uuid": incident.uuid}))
    incident.refresh_from_db()
    assert incident.afgehandeld_op is not None


def test_beheerder_starts_reconciliation(beheerder, gemeente_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = beheerder.post(reverse("duo:afstemmen"))
    assert response.status_code == 302
    assert gemeente_a.duo_afstemmingen.get().status == "klaar"


def test_beheerder_starts_catching_up_on_missed_events(
    beheerder, gemeente_a, django_capture_on_commit_callbacks, requests_mock
):
    """The button enqueues the catch-up task for the beheerder's gemeente (ADR 0063)."""
    with django_capture_on_commit_callbacks(execute=True):
        response = beheerder.post(reverse("duo:inhalen"))
    assert response.status_code == 302
    pagina = beheerder.get(reverse("duo:beheer")).content.decode()
    assert 'id="kop-inhalen"' in pagina
    assert "Het inhalen is gestart" in pagina


def test_only_a_beheerder_may_start_the_catch_up(klantregisseur):
    assert klantregisseur.post(reverse("duo:inhalen")).status_code == 403


def test_dossier_page_shows_open_work_items_and_messages(klantregisseur, persoon, gemeente_a):
    werkitem_aanmaken(
        gemeente=gemeente_a,
        dossier=persoon.dossier,
        soort=WerkitemSoort.BESLUIT_DUO,
        titel="Besluit van DUO bespreken met de inburgeraar",
        toelichting="DUO heeft een gedeeltelijke ontheffing toegekend.",
    )
    _dood_bericht(persoon)
    response = klantregisseur.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="kop-duo"' in html
    assert "Besluit van DUO bespreken met de inburgeraar" in html
    assert "PIP registreren" in html
    assert "Niet bezorgd (opgegeven)" in html


def test_caseworker_closes_a_work_item_from_the_dossier(klantregisseur, persoon, gemeente_a):
    item = werkitem_aanmaken(
        gemeente=gemeente_a, dossier=persoon.dossier, soort=WerkitemSoort.BESLUIT_DUO, titel="x"
    )
    dossier_url = reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    response = klantregisseur.post(
        reverse("duo:werkitem_afhandelen", kwargs={"uuid": item.uuid}),
        {"volgende": dossier_url, "afhandeling": "Besproken"},
    )
    assert response.status_code == 302
    assert response["Location"] == dossier_url
    item.refresh_from_db()
    assert item.status == WerkitemStatus.AFGEHANDELD
    assert item.afhandeling == "Besproken"


def test_work_item_redirect_never_leaves_the_site(klantregisseur, persoon, gemeente_a):
    item = werkitem_aanmaken(
        gemeente=gemeente_a, dossier=persoon.dossier, soort=WerkitemSoort.BESLUIT_DUO, titel="x"
    )
    response = klantregisseur.post(
        reverse("duo:werkitem_afhandelen", kwargs={"uuid": item.uuid}),
        {"volgende": "https://elders.example/"},
    )
    assert response["Location"] == reverse("duo:werkitems")


def test_work_item_list_includes_persons_without_dossier_and_logs_the_view(
    klantregisseur, persoon, gemeente_a, medewerker, inloggen
):
    onbekend_bsn = nieuw_bsn()
    werkitem_aanmaken(
        gemeente=gemeente_a,
        soort=WerkitemSoort.PERSOON_ONBEKEND,
        titel="Persoon bekend bij DUO, zonder dossier bij ons",
        bsn=onbekend_bsn,
    )
    werkitem_aanmaken(
        gemeente=gemeente_a, dossier=persoon.dossier, soort=WerkitemSoort.BESLUIT_DUO, titel="x"
    )
    response = klantregisseur.get(reverse("duo:werkitems"))
    html = response.content.decode()
    assert f'value="{onbekend_bsn}"' in html, "copy-ready, in a read-only BSN field"
    assert "Zichtbaarnaam" in html
    assert Verwerking.objects.filter(activiteit=Activiteit.LIJST).count() == 2
    beleid = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
    assert beleid.get(reverse("duo:werkitems")).status_code == 403


def test_portal_worklist_with_values_to_copy(klantregisseur, persoon, gemeente_a):
    from datetime import date

    gemeente_a.koppeling = Koppeling.PORTAL
    gemeente_a.save()
    bericht = meldingen.pip_melden(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        inburgeraar=persoon,
        pip=Pip(dagtekening=date(2026, 1, 5), leerroute=Leerroute.B1_ROUTE),
    )
    response = klantregisseur.get(reverse("duo:portal"))
    html = response.content.decode()
    assert "Dagtekening PIP" in html and "05-01-2026" in html
    assert f'value="{persoon.bsn}"' in html
    assert Verwerking.objects.filter(
        activiteit=Activiteit.LIJST, betrokkene=persoon.pseudoniem
    ).exists()
    klantregisseur.post(reverse("duo:portal_ingevoerd", kwargs={"uuid": bericht.uuid}))
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.PORTAL_INGEVOERD
    assert "Er staat niets klaar" in klantregisseur.get(reverse("duo:portal")).content.decode()


def test_beleidsmedewerker_cannot_mark_portal_items(medewerker, inloggen, gemeente_a, persoon):
    client = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
    response = client.post(reverse("duo:portal_ingevoerd", kwargs={"uuid": uuid.uuid4()}))
    assert response.status_code == 403


def test_pages_need_sign_in(client):
    for naam in ("duo:beheer", "duo:portal", "duo:werkitems"):
        assert client.get(reverse(naam)).status_code == 302


def test_work_item_of_another_gemeente_cannot_be_closed(
    klantregisseur, gemeente_b, inburgeraar_factory
):
    ander = inburgeraar_factory(gemeente_b, bsn=nieuw_bsn())
    item = werkitem_aanmaken(
        gemeente=gemeente_b, dossier=ander.dossier, soort=WerkitemSoort.BESLUIT_DUO, titel="x"
    )
    response = klantregisseur.post(reverse("duo:werkitem_afhandelen", kwargs={"uuid": item.uuid}))
    assert response.status_code == 404
    assert Werkitem.objects.get(pk=item.pk).status == WerkitemStatus.OPEN
