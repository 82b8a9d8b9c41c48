"""The screens for the gemeente's contact persons at DUO: list, create, change, delete, and
linking one on the dossier. Every change goes to DUO through the outbox, in the same transaction."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import bezorging, meldingen
from openinburgering.integrations.duo.models import (
    Contactpersoon,
    ContactpersoonKoppeling,
    MeldingSoort,
    UitgaandBericht,
    UitgaandStatus,
)
from openinburgering.logboek.models import Activiteit, Verwerking

pytestmark = pytest.mark.django_db

GELDIG = {
    "naam": "Ilse de Vries",
    "email": "ilse@amstelwaard.example",
    "telefoonnummer": "0201234567",
}


@pytest.fixture
def teamleider(gemeente_a, medewerker, inloggen):
    return inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))


@pytest.fixture
def klantregisseur(gemeente_a, medewerker, inloggen):
    return inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))


def maak(gemeente, **velden):
    return meldingen.contactpersoon_aanmaken(
        actor=Actor(gemeente=gemeente, systeem="test"), **{**GELDIG, **velden}
    )


def berichten(soort):
    return list(UitgaandBericht.objects.filter(soort=soort))


def test_create_puts_the_contact_person_and_its_message_to_duo_in_one_go(teamleider, gemeente_a):
    response = teamleider.post(reverse("duo:contactpersoon_aanmaken"), GELDIG)
    assert response.status_code == 302
    cp = Contactpersoon.objects.get()
    assert (cp.gemeente, cp.naam, cp.versie) == (gemeente_a, "Ilse de Vries", 1)
    [bericht] = berichten(MeldingSoort.CONTACTPERSOON_AANMAKEN)
    assert bericht.contactpersoon == cp
    assert bericht.inhoud == GELDIG
    assert bericht.status == UitgaandStatus.WACHTEND


def test_every_field_error_is_shown_at_once_in_dutch(teamleider):
    response = teamleider.post(
        reverse("duo:contactpersoon_aanmaken"),
        {"naam": "R2-D2", "email": "geen-adres", "telefoonnummer": "bel me"},
    )
    assert response.status_code == 400
    fouten = response.context["form"].errors
    assert set(fouten) == {"naam", "email", "telefoonnummer"}
    inhoud = response.content.decode()
    assert "Er zijn 3 fouten in het formulier" in inhoud
    assert "Vul een geldig telefoonnummer in" in inhoud
    assert not Contactpersoon.objects.exists()
    assert not UitgaandBericht.objects.exists()


def test_an_empty_form_says_what_is_required(teamleider):
    response = teamleider.post(reverse("duo:contactpersoon_aanmaken"), {})
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.content.decode()


def test_change_sends_the_new_details_and_a_stale_version_is_a_conflict(teamleider, gemeente_a):
    cp = maak(gemeente_a)
    url = reverse("duo:contactpersoon_wijzigen", kwargs={"uuid": cp.uuid})
    assert teamleider.get(url).status_code == 200
    nieuw = {**GELDIG, "telefoonnummer": "+31 20 7654321"}
    response = teamleider.post(url, {**nieuw, "versie": 1})
    assert response.status_code == 302
    cp.refresh_from_db()
    assert (cp.telefoonnummer, cp.versie) == ("+31 20 7654321", 2)
    [bericht] = berichten(MeldingSoort.CONTACTPERSOON_WIJZIGEN)
    assert bericht.inhoud == nieuw

    # Someone still looking at version 1 saves: refused, nothing sent.
    response = teamleider.post(url, {**GELDIG, "naam": "Ilse Bakker", "versie": 1})
    assert response.status_code == 400
    assert "Iemand anders heeft deze gegevens intussen gewijzigd" in response.content.decode()
    cp.refresh_from_db()
    assert cp.naam == "Ilse de Vries"
    assert len(berichten(MeldingSoort.CONTACTPERSOON_WIJZIGEN)) == 1


def test_saving_without_changes_sends_nothing(teamleider, gemeente_a):
    cp = maak(gemeente_a)
    url = reverse("duo:contactpersoon_wijzigen", kwargs={"uuid": cp.uuid})
    assert teamleider.post(url, {**GELDIG, "versie": 1}).status_code == 302
    assert not berichten(MeldingSoort.CONTACTPERSOON_WIJZIGEN)


def test_delete_asks_first_then_removes_the_links_here_and_at_duo(
    teamleider, gemeente_a, inburgeraar_factory
):
    cp = maak(gemeente_a)
    persoon = inburgeraar_factory(gemeente_a)
    meldingen.contactpersoon_koppelen(
        actor=Actor(gemeente=gemeente_a, systeem="test"), contactpersoon=cp, inburgeraar=persoon
    )
    url = reverse("duo:contactpersoon_verwijderen", kwargs={"uuid": cp.uuid})
    bevestigen = teamleider.get(url)
    assert bevestigen.status_code == 200
    assert "1 inburgeraar heeft dan geen contactpersoon meer" in bevestigen.content.decode()
    assert teamleider.post(url, {"versie": 1}).status_code == 302
    cp.refresh_from_db()
    assert cp.verwijderd
    assert not ContactpersoonKoppeling.objects.exists()
    assert len(berichten(MeldingSoort.CONTACTPERSOON_VERWIJDEREN)) == 1
    assert teamleider.get(url).status_code == 404
    lijst = teamleider.get(reverse("duo:contactpersonen")).content.decode()
    assert "Ilse de Vries" not in lijst


def test_delete_with_a_stale_version_changes_nothing(teamleider, gemeente_a):
    cp = maak(gemeente_a)
    url = reverse("duo:contactpersoon_verwijderen", kwargs={"uuid": cp.uuid})
    response = teamleider.post(url, {"versie": 7}, follow=True)
    assert "Iemand anders heeft deze gegevens intussen gewijzigd" in response.content.decode()
    cp.refresh_from_db()
    assert not cp.verwijderd
    assert not berichten(MeldingSoort.CONTACTPERSOON_VERWIJDEREN)


def test_the_list_pages_with_a_cursor_at_a_constant_number_of_queries(teamleider, gemeente_a):
    for i in range(3):
        maak(gemeente_a, naam=f"Medewerker {chr(65 + i)}")

    def tel(url):
        # The first request after signing in fills the session (ADR 0061): count the next.
        teamleider.get(url)
        with CaptureQueriesContext(connection) as vragen:
            response = teamleider.get(url)
        assert response.status_code == 200
        return len(vragen), response

    weinig, _ = tel(reverse("duo:contactpersonen"))
    for i in range(3, 30):
        maak(gemeente_a, naam=f"Medewerker {chr(65 + i // 26)}{chr(97 + i % 26)}")
    veel, eerste = tel(reverse("duo:contactpersonen"))
    assert veel == weinig
    assert len(eerste.context["pagina"].items) == 25
    volgende = eerste.context["pagina"].volgende
    assert volgende
    aantal, tweede = tel(reverse("duo:contactpersonen") + f"?na={volgende}")
    assert aantal == weinig
    assert len(tweede.context["pagina"].items) == 5
    namen = {c.naam for c in eerste.context["pagina"].items} | {
        c.naam for c in tweede.context["pagina"].items
    }
    assert len(namen) == 30


def test_link_and_unlink_on_the_dossier(klantregisseur, gemeente_a, inburgeraar_factory):
    eerste, tweede = maak(gemeente_a), maak(gemeente_a, naam="Jan Bakker")
    persoon = inburgeraar_factory(gemeente_a)
    detail = reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    inhoud = klantregisseur.get(detail).content.decode()
    assert "Geen contactpersoon gekoppeld." in inhoud
    assert "Jan Bakker" in inhoud  # one of the choices

    koppelen = reverse("duo:contactpersoon_koppelen", kwargs={"uuid": persoon.uuid})
    Verwerking.objects.all().delete()
    assert klantregisseur.post(koppelen, {"contactpersoon": eerste.uuid}).status_code == 302
    assert ContactpersoonKoppeling.objects.get(inburgeraar=persoon).contactpersoon == eerste
    [wijziging] = Verwerking.objects.filter(activiteit=Activiteit.WIJZIGEN)
    assert wijziging.betrokkene == persoon.pseudoniem

    # R48: another one replaces the link.
    klantregisseur.post(koppelen, {"contactpersoon": tweede.uuid})
    assert ContactpersoonKoppeling.objects.get(inburgeraar=persoon).contactpersoon == tweede
    assert len(berichten(MeldingSoort.CONTACTPERSOON_KOPPELEN)) == 2
    assert "Jan Bakker · 0201234567" in klantregisseur.get(detail).content.decode()

    ontkoppelen = reverse("duo:contactpersoon_ontkoppelen", kwargs={"uuid": persoon.uuid})
    assert klantregisseur.post(ontkoppelen).status_code == 302
    assert not ContactpersoonKoppeling.objects.exists()
    [los] = berichten(MeldingSoort.CONTACTPERSOON_ONTKOPPELEN)
    assert los.contactpersoon == tweede and los.inburgeraar == persoon
    response = klantregisseur.post(ontkoppelen, follow=True)
    assert "Er is geen contactpersoon gekoppeld." in response.content.decode()
    assert len(berichten(MeldingSoort.CONTACTPERSOON_ONTKOPPELEN)) == 1


def test_linking_without_a_choice_says_so(klantregisseur, gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a)
    url = reverse("duo:contactpersoon_koppelen", kwargs={"uuid": persoon.uuid})
    response = klantregisseur.post(url, {"contactpersoon": ""}, follow=True)
    assert "Kies een contactpersoon." in response.content.decode()
    assert not UitgaandBericht.objects.exists()


def test_another_gemeentes_contact_person_is_a_404_everywhere(
    teamleider, gemeente_a, gemeente_b, inburgeraar_factory
):
    vreemd = maak(gemeente_b, naam="Vreemde Medewerker")
    hier = maak(gemeente_a)
    for naam in ("duo:contactpersoon_wijzigen", "duo:contactpersoon_verwijderen"):
        url = reverse(naam, kwargs={"uuid": vreemd.uuid})
        assert teamleider.get(url).status_code == 404
        assert teamleider.post(url, {**GELDIG, "versie": 1}).status_code == 404
    assert (
        "Vreemde Medewerker" not in teamleider.get(reverse("duo:contactpersonen")).content.decode()
    )

    eigen_persoon = inburgeraar_factory(gemeente_a)
    url = reverse("duo:contactpersoon_koppelen", kwargs={"uuid": eigen_persoon.uuid})
    assert teamleider.post(url, {"contactpersoon": vreemd.uuid}).status_code == 404

    vreemde_persoon = inburgeraar_factory(gemeente_b)
    for naam in ("duo:contactpersoon_koppelen", "duo:contactpersoon_ontkoppelen"):
        url = reverse(naam, kwargs={"uuid": vreemde_persoon.uuid})
        assert teamleider.post(url, {"contactpersoon": hier.uuid}).status_code == 404
    vreemd.refresh_from_db()
    assert (vreemd.naam, vreemd.verwijderd, vreemd.versie) == ("Vreemde Medewerker", False, 1)
    assert not ContactpersoonKoppeling.objects.exists()
    assert set(UitgaandBericht.objects.values_list("soort", flat=True)) == {
        MeldingSoort.CONTACTPERSOON_AANMAKEN
    }


def test_what_the_screens_did_reaches_the_duo_simulator(
    simulator, teamleider, gemeente_a, inburgeraar_factory
):
    simulator.gemeente(gemeente_a)
    bsn = nieuw_bsn()
    simulator.persoon(bsn, gemeente_a)
    persoon = inburgeraar_factory(gemeente_a, bsn=bsn)
    teamleider.post(reverse("duo:contactpersoon_aanmaken"), GELDIG)
    cp = Contactpersoon.objects.get()
    teamleider.post(
        reverse("duo:contactpersoon_koppelen", kwargs={"uuid": persoon.uuid}),
        {"contactpersoon": cp.uuid},
    )
    teamleider.post(
        reverse("duo:contactpersoon_wijzigen", kwargs={"uuid": cp.uuid}),
        {**GELDIG, "naam": "Ilse de Vries-Bakker", "versie": 1},
    )
    bezorging.bezorgen()
    # The link waited for DUO's id of the new contact person; once more delivers it.
    UitgaandBericht.objects.filter(status=UitgaandStatus.WACHTEND).update(
        volgende_poging_op=UitgaandBericht.objects.get(
            soort=MeldingSoort.CONTACTPERSOON_AANMAKEN
        ).aangemaakt_op
    )
    bezorging.bezorgen()
    assert set(UitgaandBericht.objects.values_list("status", flat=True)) == {UitgaandStatus.BEZORGD}
    [koppeling] = simulator.staat(bsn)["contactpersonen"]
    assert koppeling["gemeenteOin"] == gemeente_a.oin
    assert koppeling["contactpersoongegevens"]["naam"] == "Ilse de Vries-Bakker"
    assert [v.activiteit for v in Verwerking.objects.filter(betrokkene=persoon.pseudoniem)].count(
        Activiteit.DUO_GEMELD
    ) == 1
