"""Views of signalen, intake and pip: permission matrix, tenant isolation (404), processing log,
constant query counts, live validation and the download of the letter."""

from datetime import date

from django.urls import reverse

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import MATRIX, Recht, Rol
from openinburgering.besluiten import services as besluiten_services
from openinburgering.logboek.models import Verwerking
from openinburgering.pip import services as pip_services
from openinburgering.pip.models import PipStatus
from openinburgering.signalen.services import signalen_herberekenen

from .helpers import GELDIG_PIP, afgesloten_intake, ss139

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def wereld(gemeente_a, inburgeraar_factory, medewerker, monkeypatch):
    """A person with a closed intake, a vastgesteld PIP (with bezwaar and a talk) and a draft.

    The letter is stubbed here (rendering is tested in test_services with pypdf)."""
    monkeypatch.setattr("openinburgering.brieven.render_pdf", lambda *a, **kw: b"%PDF-1.7 test")
    with time_machine.travel(date(2025, 2, 14)):
        kim = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
        actor = Actor(gemeente=gemeente_a, user=kim, rol=Rol.KLANTREGISSEUR)
        persoon = inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6))
        persoon.dossier.klantregisseur = kim
        persoon.dossier.save()
        ss139(persoon.dossier, date(2025, 1, 6))
        afgesloten_intake(actor, persoon.dossier)
        pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        pip = pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
        bezwaar = besluiten_services.bezwaar_registreren(
            actor=actor, beschikking=pip.beschikking, ontvangen_op=date(2025, 2, 14)
        )
        concept = pip_services.pip_concept_aanmaken(
            actor=actor, dossier=persoon.dossier, reden="overig"
        )
    gesprek = pip.voortgangsgesprekken.get()
    signalen_herberekenen()
    signaal = persoon.dossier.signalen.first()
    return {
        "persoon": persoon,
        "pip": pip,
        "concept": concept,
        "bezwaar": bezwaar,
        "gesprek": gesprek,
        "signaal": signaal,
    }


def _p(w):
    return {"uuid": w["persoon"].uuid}


# (url name, method, kwargs, right, data)
VIEWS = [
    ("signalen:werklijst", "get", lambda w: {}, Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("signalen:oppakken", "post", lambda w: {}, Recht.PERSOONSGEGEVENS_LEZEN,
     lambda w: {"signalen": [w["signaal"].uuid]}),
    ("signalen:toewijzen", "post", lambda w: {}, Recht.WERK_TOEWIJZEN,
     lambda w: {"signalen": [w["signaal"].uuid], "aan": "niemand"}),
    ("intake:intake", "get", _p, Recht.INTAKE_VOEREN, None),
    ("intake:starten", "post", _p, Recht.INTAKE_VOEREN, lambda w: {}),
    ("intake:afsluiten", "post", _p, Recht.INTAKE_VOEREN, lambda w: {"versie": 1}),
    ("intake:gesprek", "post", _p, Recht.INTAKE_VOEREN,
     lambda w: {"datum": "10-02-2025", "tolk_gebruikt": "on", "tolk_taal": "Arabisch"}),
    ("intake:stap", "post", _p, Recht.INTAKE_VOEREN,
     lambda w: {"soort": "uitnodiging", "datum": "10-02-2025"}),
    ("pip:overzicht", "get", _p, Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("pip:nieuw", "post", _p, Recht.PIP_VASTSTELLEN, lambda w: {"reden": "overig"}),
    ("pip:gesprek_plannen", "post", _p, Recht.INTAKE_VOEREN, lambda w: {"gepland_op": "01-06-2025"}),
    ("pip:bewerken", "get", lambda w: {"uuid": w["concept"].uuid}, Recht.PIP_VASTSTELLEN, None),
    ("pip:valideren", "post", lambda w: {"uuid": w["concept"].uuid}, Recht.PIP_VASTSTELLEN,
     lambda w: {"leerroute": "O", "niveau": "A2"}),
    ("pip:vaststellen", "post", lambda w: {"uuid": w["concept"].uuid}, Recht.PIP_VASTSTELLEN,
     lambda w: {"versie": 0}),
    ("pip:beschikking", "get", lambda w: {"uuid": w["pip"].uuid}, Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("besluiten:beschikking", "get", lambda w: {"uuid": w["pip"].beschikking.uuid},
     Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("besluiten:bezwaar", "get", lambda w: {"uuid": w["bezwaar"].uuid},
     Recht.PERSOONSGEGEVENS_LEZEN, None),
    ("besluiten:bezwaar_registreren", "post", lambda w: {"uuid": w["pip"].beschikking.uuid},
     Recht.PIP_VASTSTELLEN, lambda w: {"bezwaar-ontvangen_op": "14-02-2025"}),
    ("besluiten:bezwaar_beslissen", "post", lambda w: {"uuid": w["bezwaar"].uuid},
     Recht.PIP_VASTSTELLEN, lambda w: {"beslis-uitkomst": "ongegrond",
                                       "beslis-beslist_op": "20-02-2025"}),
    ("besluiten:bezwaar_verdagen", "post", lambda w: {"uuid": w["bezwaar"].uuid},
     Recht.PIP_VASTSTELLEN, lambda w: {}),
    ("pip:gesprek", "get", lambda w: {"uuid": w["gesprek"].uuid}, Recht.INTAKE_VOEREN, None),
    ("pip:agenda", "get", lambda w: {}, Recht.INTAKE_VOEREN, None),
]  # fmt: skip
IDS = [f"{v[0]}-{v[1]}" for v in VIEWS]


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(("naam", "methode", "kwargs", "recht", "data"), VIEWS, ids=IDS)
def test_permission_matrix(
    rol, naam, methode, kwargs, recht, data, wereld, gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(rol, gemeente_a))
    url = reverse(naam, kwargs=kwargs(wereld))
    response = client.get(url) if methode == "get" else client.post(url, data(wereld))
    if recht in MATRIX[rol]:
        assert response.status_code in (200, 302, 400), response.content[:300]
    else:
        assert response.status_code == 403
        assert "Uw rol" in response.content.decode()


@pytest.mark.parametrize(
    ("naam", "methode", "kwargs", "recht", "data"),
    [v for v in VIEWS if v[0] not in ("signalen:werklijst", "pip:agenda")],
    ids=[
        i
        for v, i in zip(VIEWS, IDS, strict=True)
        if v[0] not in ("signalen:werklijst", "pip:agenda")
    ],
)
def test_another_gemeentes_objects_are_a_404(
    naam, methode, kwargs, recht, data, wereld, gemeente_b, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_b))
    vreemd_kwargs = kwargs(wereld)
    url = reverse(naam, kwargs=vreemd_kwargs)
    response = client.get(url) if methode == "get" else client.post(url, data(wereld))
    if vreemd_kwargs:
        assert response.status_code == 404
    else:
        # Bulk actions with another gemeente's item uuids change nothing.
        assert response.status_code in (302, 403)
        wereld["signaal"].refresh_from_db()
        assert wereld["signaal"].toegewezen_aan is not None


def test_worklist_shows_traffic_light_rule_and_link(wereld, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    inhoud = client.get(reverse("signalen:werklijst"), {"tab": "team"}).content.decode()
    assert "Beslissen op bezwaar" in inhoud
    assert "R67" in inhoud
    assert "oi-licht--" in inhoud
    # The bezwaar item leads to its decision's page (for every kind of decision).
    assert reverse("besluiten:bezwaar", kwargs={"uuid": wereld["bezwaar"].uuid}) in inhoud


def test_worklist_query_count_is_constant(
    gemeente_a, inburgeraar_factory, medewerker, inloggen, django_assert_max_num_queries
):
    teamleider = medewerker(Rol.TEAMLEIDER, gemeente_a)
    client = inloggen(teamleider)
    for _ in range(3):
        ss139(inburgeraar_factory(gemeente_a).dossier, date(2025, 1, 6))
    signalen_herberekenen()
    url = reverse("signalen:werklijst") + "?tab=niet_toegewezen"
    client.get(url)
    with django_assert_max_num_queries(50) as weinig:
        assert client.get(url).status_code == 200
    for _ in range(20):
        ss139(inburgeraar_factory(gemeente_a).dossier, date(2025, 1, 6))
    signalen_herberekenen()
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('name="signalen"') == 25


def test_worklist_writes_the_processing_log(wereld, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    voor = Verwerking.objects.filter(activiteit="lijst").count()
    client.get(reverse("signalen:werklijst"), {"tab": "team"})
    assert Verwerking.objects.filter(activiteit="lijst").count() > voor


@pytest.mark.parametrize(
    ("naam", "kwargs", "activiteit"),
    [
        ("intake:intake", _p, "inzien"),
        ("pip:overzicht", _p, "inzien"),
        ("pip:bewerken", lambda w: {"uuid": w["concept"].uuid}, "inzien"),
        ("pip:beschikking", lambda w: {"uuid": w["pip"].uuid}, "exporteren"),
        ("pip:gesprek", lambda w: {"uuid": w["gesprek"].uuid}, "inzien"),
        ("besluiten:beschikking", lambda w: {"uuid": w["pip"].beschikking.uuid}, "inzien"),
    ],
)
def test_every_personal_data_view_is_logged(
    naam, kwargs, activiteit, wereld, gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.get(reverse(naam, kwargs=kwargs(wereld)))
    assert Verwerking.objects.filter(
        activiteit=activiteit, betrokkene=wereld["persoon"].pseudoniem, actor_soort="medewerker"
    ).exists()


def test_live_validation_shows_rule_id_article_and_explanation(
    wereld, gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    url = reverse("pip:valideren", kwargs={"uuid": wereld["concept"].uuid})
    inhoud = client.post(
        url, {**GELDIG_PIP, "leerroute": "O", "niveau": "A2"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "R14" in inhoud and "DUO PIP API (NiveauPip)" in inhoud
    assert "In de onderwijsroute is niveau A2 niet toegestaan." in inhoud
    assert "<html" not in inhoud  # a partial
    wereld["concept"].refresh_from_db()
    assert wereld["concept"].leerroute == "B"  # nothing saved


def test_stale_draft_edit_shows_a_conflict(wereld, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    concept = wereld["concept"]
    url = reverse("pip:bewerken", kwargs={"uuid": concept.uuid})
    data = {
        **GELDIG_PIP,
        "alfabetisering": "NVT",
        "samenvatting_taal": "",
        "versie": concept.versie,
    }
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "begeleiding": "Anders"})
    assert response.status_code == 400
    assert "Iemand anders heeft dit concept-PIP intussen gewijzigd" in response.content.decode()


def test_letter_download_is_private_and_for_authorised_roles(
    wereld, gemeente_a, medewerker, inloggen
):
    url = reverse("pip:beschikking", kwargs={"uuid": wereld["pip"].uuid})
    response = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a)).get(url).status_code == 403
    assert wereld["pip"].beschikking_pad.startswith("beschikkingen/")


def test_teamleider_does_not_see_health(wereld, gemeente_a, medewerker, inloggen):
    url = reverse("intake:intake", kwargs=_p(wereld))
    assert (
        "Geen bijzonderheden."
        in inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).get(url).content.decode()
    )
    inhoud = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a)).get(url).content.decode()
    assert "Geen bijzonderheden." not in inhoud


def test_vaststellen_via_view_shows_every_violated_rule(wereld, gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    concept = wereld["concept"]
    concept.pvt_inhoud = ""
    concept.save()
    response = client.post(
        reverse("pip:vaststellen", kwargs={"uuid": concept.uuid}), {"versie": concept.versie}
    )
    assert response.status_code == 400
    assert "R24" in response.content.decode()
    concept.refresh_from_db()
    assert concept.status == PipStatus.CONCEPT
