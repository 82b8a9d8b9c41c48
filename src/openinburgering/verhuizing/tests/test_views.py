"""The screens of a move: hand over (a form, errors on the form), the downloads from the closed
dossier (each in the processing log, no BSN in any URL), the upload with a clear Dutch message,
and tenant isolation: another gemeente's dossier, package or history is a 404."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest
import time_machine

from openinburgering.accounts.rollen import Rol
from openinburgering.logboek.models import Activiteit, Verwerking
from openinburgering.verhuizing.models import Overdracht, Overname

from .helpers import DAG, dossier_met_geschiedenis, klantregisseur

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"


@pytest.fixture
def opzet(gemeente_a, gemeente_b, medewerker, inburgeraar_factory, inloggen):
    """A person in A with a history; the same person, just arrived, in B."""
    actor_a = klantregisseur(gemeente_a, medewerker)
    with time_machine.travel(DAG):
        in_a = inburgeraar_factory(gemeente_a, voornamen="Samir", achternaam="Zwerver")
        dossier_met_geschiedenis(actor_a, in_a)
    in_b = inburgeraar_factory(gemeente_b, bsn=in_a.bsn, voornamen="Samir", achternaam="Zwerver")
    client_a = inloggen(actor_a.user)
    client_b = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_b))
    return in_a, in_b, client_a, client_b


def _overdragen(client, persoon, **data):
    return client.post(
        reverse("verhuizing:overdragen", kwargs={"uuid": persoon.uuid}),
        {
            "naar_gemeentecode": "0002",
            "naar_gemeentenaam": "Beekveld",
            "versie": persoon.dossier.versie,
            **data,
        },
    )


def test_handing_over_on_the_screen_then_both_downloads_are_logged(opzet):
    in_a, _in_b, client_a, _client_b = opzet
    formulier = client_a.get(reverse("verhuizing:overdragen", kwargs={"uuid": in_a.uuid}))
    assert formulier.status_code == 200
    assert "Afsluiten en overdragen" in formulier.content.decode()

    response = _overdragen(client_a, in_a)
    assert response.status_code == 302
    overdracht = Overdracht.objects.get(dossier=in_a.dossier)
    detail = client_a.get(reverse("inburgeraars:detail", kwargs={"uuid": in_a.uuid}))
    html = detail.content.decode()
    assert "Overgedragen aan gemeente Beekveld (0002)" in html
    document = reverse("verhuizing:document", kwargs={"uuid": overdracht.uuid})
    bestand = reverse("verhuizing:bestand", kwargs={"uuid": overdracht.uuid})
    assert document in html and bestand in html
    assert in_a.bsn not in document + bestand

    voor = Verwerking.objects.filter(activiteit=Activiteit.EXPORTEREN).count()
    pdf = client_a.get(document)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    json_antwoord = client_a.get(bestand)
    assert json_antwoord["Content-Type"] == "application/json"
    assert 'filename="overdracht-' in json_antwoord["Content-Disposition"]
    gegevens = json.loads(b"".join(json_antwoord.streaming_content))
    assert gegevens["overdracht"]["naar_gemeente"]["code"] == "0002"
    assert (
        Verwerking.objects.filter(
            activiteit=Activiteit.EXPORTEREN, betrokkene=in_a.pseudoniem
        ).count()
        == voor + 2
    )


def test_a_refused_handover_shows_on_the_form_and_changes_nothing(opzet):
    in_a, _in_b, client_a, _client_b = opzet
    response = _overdragen(client_a, in_a, naar_gemeentecode="0001")
    assert response.status_code == 400
    assert "De nieuwe gemeente is deze gemeente zelf" in response.content.decode()
    assert not Overdracht.objects.exists()


def test_the_new_gemeente_uploads_the_file_and_sees_the_history(opzet):
    in_a, in_b, client_a, client_b = opzet
    _overdragen(client_a, in_a)
    bestand = b"".join(
        client_a.get(
            reverse(
                "verhuizing:bestand",
                kwargs={"uuid": Overdracht.objects.get(dossier=in_a.dossier).uuid},
            )
        ).streaming_content
    )
    inlezen = reverse("verhuizing:inlezen", kwargs={"uuid": in_b.uuid})
    # A malformed file first: a clear message, a 400, nothing saved.
    fout = client_b.post(
        inlezen, {"bestand": SimpleUploadedFile("x.json", b"{kapot", "application/json")}
    )
    assert fout.status_code == 400
    assert "geen geldig JSON-bestand" in fout.content.decode()
    assert not Overname.objects.exists()

    goed = client_b.post(
        inlezen,
        {"bestand": SimpleUploadedFile("overdracht.json", bestand, "application/json")},
        follow=True,
    )
    html = goed.content.decode()
    assert "Geschiedenis uit gemeente Amstelwaard" in html
    assert "Alles op deze pagina komt van gemeente Amstelwaard (0001)" in html
    assert "Kapper, 6 jaar." in html  # the intake summary
    detail = client_b.get(reverse("inburgeraars:detail", kwargs={"uuid": in_b.uuid}))
    assert "Gemeente Amstelwaard: " in detail.content.decode()
    assert Overname.objects.filter(dossier=in_b.dossier).exists()


def test_another_gemeentes_objects_are_a_404(opzet):
    in_a, in_b, client_a, client_b = opzet
    _overdragen(client_a, in_a)
    overdracht = Overdracht.objects.get(dossier=in_a.dossier)
    # B never sees A's package, A's person pages or A's dossier.
    for url in (
        reverse("verhuizing:document", kwargs={"uuid": overdracht.uuid}),
        reverse("verhuizing:bestand", kwargs={"uuid": overdracht.uuid}),
        reverse("verhuizing:overdragen", kwargs={"uuid": in_a.uuid}),
        reverse("verhuizing:inlezen", kwargs={"uuid": in_a.uuid}),
        reverse("verhuizing:geschiedenis", kwargs={"uuid": in_a.uuid}),
    ):
        assert client_b.get(url).status_code == 404, url
    # And A never sees B's.
    for url in (
        reverse("verhuizing:overdragen", kwargs={"uuid": in_b.uuid}),
        reverse("verhuizing:inlezen", kwargs={"uuid": in_b.uuid}),
    ):
        assert client_a.get(url).status_code == 404, url
    assert not Verwerking.objects.filter(
        gemeente=in_b.gemeente, activiteit=Activiteit.EXPORTEREN
    ).exists()


def test_a_role_without_the_right_gets_no_handover(opzet, gemeente_a, medewerker, inloggen):
    in_a, _in_b, _client_a, _client_b = opzet
    beleid = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a))
    assert _overdragen(beleid, in_a).status_code == 403
    assert not Overdracht.objects.exists()
