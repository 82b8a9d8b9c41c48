"""One floor for decisions: a fine and a PIP are beschikkingen with the R23 bezwaar term, their
bezwaren follow one transition table, the decision page is reachable from both, and another
gemeente's decision is a 404."""

from datetime import date
from decimal import Decimal

from django.http import Http404
from django.urls import reverse

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.besluiten import selectors, services, workflow
from openinburgering.besluiten.models import Beschikking, Soort
from openinburgering.besluiten.workflow import BeschikkingStatus as S
from openinburgering.brieven.tests import pdf
from openinburgering.core.exceptions import Conflict, Geweigerd
from openinburgering.handhaving import brieven_pad
from openinburgering.handhaving import services as handhaving
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.logboek.models import Verwerking
from openinburgering.signalen.models import Soort as Signaalsoort
from openinburgering.signalen.services import signalen_herberekenen

pytestmark = pytest.mark.django_db
D = date.fromisoformat


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def teamleider(gemeente_a, medewerker):
    user = medewerker(Rol.TEAMLEIDER, gemeente_a)
    return Actor(gemeente=gemeente_a, user=user, rol=Rol.TEAMLEIDER)


@pytest.fixture
def klantregisseur(gemeente_a, medewerker):
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    return Actor(gemeente=gemeente_a, user=user, rol=Rol.KLANTREGISSEUR)


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a, voornamen="Yusuf", achternaam="Proefboete")


def _boete(actor, persoon, datum="2025-05-01"):
    """An intake fine (art. 22) after two ignored calls: a decision without an intention."""
    zaak = handhaving.zaak_openen(
        actor=actor, dossier=persoon.dossier, verplichting="brede_intake",
        overtredingsdatum=D("2025-03-01"), omschrijving="Niet verschenen.", genegeerde_oproepen=2,
    )  # fmt: skip
    return handhaving.besluit_nemen(actor=actor, zaak=zaak, datum=D(datum), bedrag=Decimal(250))


@time_machine.travel(D("2025-06-02"), tick=False)
def test_a_fine_is_a_beschikking_and_its_letter_says_until_when_and_where_to_object(
    teamleider, persoon, gemeente_a
):
    gemeente_a.bezwaar_adres = "Postbus 100, 9000 AA Demodam"
    gemeente_a.save()
    stap = _boete(teamleider, persoon)
    beschikking = stap.beschikking
    assert (beschikking.soort, beschikking.status) == (Soort.BOETE, S.BEKENDGEMAAKT)
    assert beschikking.omschrijving == "Boete € 250,00 (Wi2021 art. 22)"
    assert (beschikking.datum, beschikking.bekendgemaakt_op) == (D("2025-05-01"), D("2025-05-01"))
    # R23: six weeks from the day after bekendmaking (Thursday 1 May → Thursday 12 June).
    assert beschikking.bezwaar_uiterlijk == stap.bezwaar_uiterlijk == D("2025-06-12")
    inhoud = brieven_pad(stap).read_bytes()
    assert inhoud.startswith(b"%PDF")
    tekst = pdf.tekst(inhoud)
    assert "Bent u het niet eens met dit besluit?" in tekst
    assert "Dat kan tot en met 12 juni 2025" in tekst
    # Where: the gemeente's address for bezwaarschriften, from its settings.
    assert "van Amstelwaard, Postbus 100, 9000 AA Demodam" in tekst
    assert "Tijdens het bezwaar hoeft u de boete nog niet te betalen." in tekst


@time_machine.travel(D("2025-06-02"), tick=False)
def test_bezwaar_on_a_fine_runs_through_the_same_floor_as_on_a_pip(
    teamleider, klantregisseur, persoon
):
    beschikking = _boete(teamleider, persoon).beschikking
    # A caseworker registers it (the fine's preparing right) ...
    bezwaar = services.bezwaar_registreren(
        actor=klantregisseur, beschikking=beschikking, ontvangen_op=D("2025-06-02"),
        adviescommissie=True, toelichting="De oproep kwam niet aan.",
    )  # fmt: skip
    assert bezwaar.tijdig
    # R67: 12 weeks with a committee, counted from the day after the bezwaar term.
    assert bezwaar.beslissen_uiterlijk == D("2025-09-04")
    beschikking.refresh_from_db()
    assert beschikking.status == S.IN_BEZWAAR
    assert Gebeurtenis.objects.filter(dossier=persoon.dossier, soort="bezwaar").exists()
    # ... the deadline engine makes it a work item with the R67 date ...
    signalen_herberekenen()
    item = persoon.dossier.signalen.get(soort=Signaalsoort.BEZWAAR)
    assert (item.deadline, item.regel, item.object_uuid) == (D("2025-09-04"), "R67", bezwaar.uuid)
    # ... and only who may fine decides on it (four eyes).
    with pytest.raises(Geweigerd):
        services.bezwaar_beslissen(
            actor=klantregisseur, bezwaar=bezwaar, uitkomst="gegrond", beslist_op=D("2025-06-02")
        )
    services.bezwaar_beslissen(
        actor=teamleider, bezwaar=bezwaar, uitkomst="gegrond", beslist_op=D("2025-06-02")
    )
    beschikking.refresh_from_db()
    assert beschikking.status == S.HERZIEN
    signalen_herberekenen()
    assert not persoon.dossier.signalen.filter(soort=Signaalsoort.BEZWAAR, status="open").exists()
    assert Verwerking.objects.filter(activiteit="wijzigen", betrokkene=persoon.pseudoniem).exists()


@time_machine.travel(D("2025-06-02"), tick=False)
def test_bezwaar_dates_are_checked(teamleider, persoon):
    beschikking = _boete(teamleider, persoon).beschikking
    with pytest.raises(Geweigerd, match="toekomst"):
        services.bezwaar_registreren(
            actor=teamleider, beschikking=beschikking, ontvangen_op=D("2025-06-03")
        )
    with pytest.raises(Geweigerd, match="later op de post"):
        services.bezwaar_registreren(
            actor=teamleider, beschikking=beschikking, ontvangen_op=D("2025-05-20"),
            datum_ter_post=D("2025-05-21"),
        )  # fmt: skip
    bezwaar = services.bezwaar_registreren(
        actor=teamleider, beschikking=beschikking, ontvangen_op=D("2025-05-20")
    )
    with pytest.raises(Geweigerd, match="voordat het binnenkwam"):
        services.bezwaar_beslissen(
            actor=teamleider, bezwaar=bezwaar, uitkomst="ongegrond", beslist_op=D("2025-05-19")
        )
    with pytest.raises(Geweigerd, match="toekomst"):
        services.bezwaar_beslissen(
            actor=teamleider, bezwaar=bezwaar, uitkomst="ongegrond", beslist_op=D("2025-06-03")
        )
    with pytest.raises(Geweigerd, match="uitkomst"):
        services.bezwaar_beslissen(
            actor=teamleider, bezwaar=bezwaar, uitkomst="open", beslist_op=D("2025-06-02")
        )


@time_machine.travel(D("2025-06-02"), tick=False)
def test_the_decision_on_bezwaar_can_be_postponed_once_by_six_weeks(teamleider, persoon):
    beschikking = _boete(teamleider, persoon).beschikking
    bezwaar = services.bezwaar_registreren(
        actor=teamleider, beschikking=beschikking, ontvangen_op=D("2025-06-02")
    )
    assert bezwaar.beslissen_uiterlijk == D("2025-07-24")
    bezwaar = services.bezwaar_verdagen(actor=teamleider, bezwaar=bezwaar)
    assert bezwaar.verdaagd and bezwaar.beslissen_uiterlijk == D("2025-09-04")  # R67, Awb 7:10
    # Awb 7:10 lid 3: the objector is told in writing, with the new date.
    from openinburgering import brieven
    from openinburgering.brieven.models import Briefkenmerk

    tekst = pdf.tekst(brieven.pad(bezwaar.verdaging_brief_pad).read_bytes())
    kenmerk = Briefkenmerk.objects.get(brief=bezwaar.uuid).kenmerk
    for verwacht in ("Proefboete", "4 september 2025", "7:10", kenmerk):
        assert verwacht in tekst, verwacht
    with pytest.raises(Geweigerd, match="één keer"):
        services.bezwaar_verdagen(actor=teamleider, bezwaar=bezwaar)
    services.bezwaar_beslissen(
        actor=teamleider, bezwaar=bezwaar, uitkomst="ingetrokken", beslist_op=D("2025-06-02")
    )
    with pytest.raises(Conflict):
        services.bezwaar_verdagen(actor=teamleider, bezwaar=bezwaar)
    beschikking.refresh_from_db()
    assert beschikking.status == S.BEKENDGEMAAKT  # withdrawn: as if there was none


@time_machine.travel(D("2025-06-02"), tick=False)
def test_a_replaced_decision_stays_replaced_while_its_bezwaar_is_decided(teamleider, persoon):
    beschikking = _boete(teamleider, persoon).beschikking
    services.beschikking_vervangen(beschikking=beschikking)
    bezwaar = services.bezwaar_registreren(
        actor=teamleider, beschikking=beschikking, ontvangen_op=D("2025-06-02")
    )
    services.bezwaar_beslissen(
        actor=teamleider, bezwaar=bezwaar, uitkomst="gegrond", beslist_op=D("2025-06-02")
    )
    beschikking.refresh_from_db()
    assert beschikking.status == S.VERVANGEN


def test_a_decision_is_not_made_known_before_it_is_taken(persoon):
    with pytest.raises(Geweigerd):
        services.beschikking_vastleggen(
            dossier=persoon.dossier, soort=Soort.ONTZORGEN, omschrijving="Ontzorgen",
            datum=D("2026-11-20"), bekendgemaakt_op=D("2026-11-19"),
        )  # fmt: skip
    # The next kind (issue 19) needs nothing but its soort: the same term, from R23.
    ontzorgen = services.beschikking_vastleggen(
        dossier=persoon.dossier, soort=Soort.ONTZORGEN, omschrijving="Ontzorgen",
        datum=D("2026-11-20"), bekendgemaakt_op=D("2026-11-20"),
    )  # fmt: skip
    assert ontzorgen.bezwaar_uiterlijk == D("2027-01-04")


@pytest.mark.parametrize(
    ("huidig", "uitkomst", "nog_open", "eerder", "wordt"),
    [
        pytest.param(S.IN_BEZWAAR, "gegrond", 0, [], S.HERZIEN, id="gegrond-herzien"),
        pytest.param(S.IN_BEZWAAR, "deels_gegrond", 0, [], S.HERZIEN, id="deels-herzien"),
        pytest.param(S.IN_BEZWAAR, "ongegrond", 0, [], S.IN_STAND, id="ongegrond-in-stand"),
        pytest.param(S.IN_BEZWAAR, "niet_ontvankelijk", 0, [], S.IN_STAND, id="nietontv"),
        pytest.param(S.IN_BEZWAAR, "ingetrokken", 0, [], S.BEKENDGEMAAKT, id="ingetrokken"),
        pytest.param(S.IN_BEZWAAR, "ongegrond", 1, [], S.IN_BEZWAAR, id="ander-nog-open"),
        pytest.param(S.IN_BEZWAAR, "ingetrokken", 0, ["gegrond"], S.HERZIEN, id="blijft-herzien"),
        pytest.param(S.VERVANGEN, "gegrond", 0, [], S.VERVANGEN, id="vervangen-blijft"),
    ],
)
def test_status_after_a_bezwaar(huidig, uitkomst, nog_open, eerder, wordt):
    nieuw = workflow.status_na_bezwaar(
        huidig=huidig, uitkomst=uitkomst, nog_open=nog_open, eerder=eerder
    )
    assert nieuw == wordt
    assert nieuw == huidig or workflow.mag_naar(huidig, nieuw)


def test_the_transition_tables_are_closed():
    assert set(workflow.OVERGANGEN) == set(S)
    assert all(naar <= set(S) for naar in workflow.OVERGANGEN.values())
    assert not workflow.OVERGANGEN[S.VERVANGEN]
    assert not workflow.mag_naar(S.BEKENDGEMAAKT, S.HERZIEN)  # only through a bezwaar
    assert workflow.bezwaar_mag_naar("open", "gegrond")
    assert not workflow.bezwaar_mag_naar("gegrond", "ongegrond")  # decided once


@time_machine.travel(D("2025-06-02"), tick=False)
def test_another_gemeentes_beschikking_and_bezwaar_are_a_404(
    teamleider, persoon, gemeente_b, medewerker, inloggen
):
    beschikking = _boete(teamleider, persoon).beschikking
    bezwaar = services.bezwaar_registreren(
        actor=teamleider, beschikking=beschikking, ontvangen_op=D("2025-06-02")
    )
    vreemd = Actor(gemeente=gemeente_b, systeem="test")
    with pytest.raises(Http404):
        selectors.beschikking_get(actor=vreemd, uuid=beschikking.uuid)
    with pytest.raises(Http404):
        selectors.bezwaar_get(actor=vreemd, uuid=bezwaar.uuid)
    assert selectors.beschikking_list(actor=vreemd, dossier=persoon.dossier) == []
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    for naam, uuid, data in [
        ("besluiten:beschikking", beschikking.uuid, None),
        ("besluiten:bezwaar", bezwaar.uuid, None),
        ("besluiten:bezwaar_registreren", beschikking.uuid, {"bezwaar-ontvangen_op": "02-06-2025"}),
        ("besluiten:bezwaar_beslissen", bezwaar.uuid,
         {"beslis-uitkomst": "gegrond", "beslis-beslist_op": "02-06-2025"}),
        ("besluiten:bezwaar_verdagen", bezwaar.uuid, {}),
        ("besluiten:bezwaar_verdagingsbrief", bezwaar.uuid, None),
    ]:  # fmt: skip
        url = reverse(naam, kwargs={"uuid": uuid})
        response = client.get(url) if data is None else client.post(url, data)
        assert response.status_code == 404, naam
    bezwaar.refresh_from_db()
    assert (bezwaar.uitkomst, bezwaar.verdaagd) == ("open", False)


@time_machine.travel(D("2025-06-02"), tick=False)
def test_the_bezwaar_page_is_reached_from_the_fine_and_works(
    teamleider, persoon, gemeente_a, medewerker, inloggen
):
    stap = _boete(teamleider, persoon)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    zaak = client.get(reverse("handhaving:zaak", kwargs={"uuid": stap.zaak.uuid})).content
    pagina = reverse("besluiten:beschikking", kwargs={"uuid": stap.beschikking.uuid})
    assert pagina.encode() in zaak
    inhoud = client.get(pagina).content.decode()
    assert "Boete € 250,00 (Wi2021 art. 22)" in inhoud and "12-06-2025" in inhoud
    assert reverse("handhaving:brief", kwargs={"uuid": stap.uuid}) in inhoud  # the letter
    assert Verwerking.objects.filter(activiteit="inzien", betrokkene=persoon.pseudoniem).exists()
    fout = client.post(
        reverse("besluiten:bezwaar_registreren", kwargs={"uuid": stap.beschikking.uuid}),
        {"bezwaar-ontvangen_op": "03-06-2025"},
    )
    assert fout.status_code == 400 and "toekomst" in fout.content.decode()
    client.post(
        reverse("besluiten:bezwaar_registreren", kwargs={"uuid": stap.beschikking.uuid}),
        {"bezwaar-ontvangen_op": "02-06-2025"},
    )
    bezwaar = stap.beschikking.bezwaren.get()
    client.post(
        reverse("besluiten:bezwaar_beslissen", kwargs={"uuid": bezwaar.uuid}),
        {"beslis-uitkomst": "ongegrond", "beslis-beslist_op": "02-06-2025"},
    )
    assert Beschikking.objects.get(pk=stap.beschikking.pk).status == S.IN_STAND
    # A caseworker sees the page but may not decide on a fine's bezwaar.
    kim = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    assert kim.get(pagina).status_code == 200
    response = kim.post(reverse("besluiten:bezwaar_verdagen", kwargs={"uuid": bezwaar.uuid}), {})
    assert response.status_code == 403 and "Uw rol" in response.content.decode()


@time_machine.travel(D("2025-06-02"), tick=False)
def test_postponing_on_the_page_links_the_letter_that_downloads_as_a_pdf(
    teamleider, persoon, gemeente_a, medewerker, inloggen
):
    stap = _boete(teamleider, persoon)
    bezwaar = services.bezwaar_registreren(
        actor=teamleider, beschikking=stap.beschikking, ontvangen_op=D("2025-06-02")
    )
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    brief_url = reverse("besluiten:bezwaar_verdagingsbrief", kwargs={"uuid": bezwaar.uuid})
    assert client.get(brief_url).status_code == 404, "no letter before the postponement"
    response = client.post(
        reverse("besluiten:bezwaar_verdagen", kwargs={"uuid": bezwaar.uuid}), {}, follow=True
    )
    assert brief_url in response.content.decode()
    brief = client.get(brief_url)
    assert brief.status_code == 200 and brief["Content-Type"] == "application/pdf"
    assert "4 september 2025" in pdf.tekst(b"".join(brief.streaming_content))
