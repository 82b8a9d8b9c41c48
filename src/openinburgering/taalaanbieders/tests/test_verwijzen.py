"""The inburgeringsaanbod: referral under R36–R38 and R54 (called from regels), contract terms."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.inburgeraars.codes import Doelgroep
from openinburgering.integrations.duo.models import UitgaandBericht
from openinburgering.taalaanbieders import services
from openinburgering.taalaanbieders.models import EigenCursus, Instelling, Verwijzing

from .conftest import PIP_DATUM, VANDAAG, maak_contract, maak_instelling


def _fouten(exc) -> str:
    """Every reason of a rule refusal, with rule id and article."""
    return str(exc.value)


def test_referral_takes_route_from_the_pip_and_puts_the_aanbod_in_the_outbox(contract, verwijs):
    v = verwijs(contract)
    assert (v.leerroute, v.niveau, v.uren_per_week) == ("B", "B1", contract.uren_per_week)
    assert v.status == "verwezen" and v.duo_melding == "in_outbox"
    bericht = UitgaandBericht.objects.get(inburgeraar=v.inburgeraar, soort="aanbod_registreren")
    assert bericht.pad == "/personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}"
    assert bericht.pad_parameters == {"instellingsnummer": "1000000001"}
    assert bericht.inhoud["datumInburgeringsaanbod"] == v.datum_inburgeringsaanbod.isoformat()
    soorten = set(v.inburgeraar.dossier.gebeurtenissen.values_list("soort", flat=True))
    assert {"verwezen_taalaanbieder", "duo_melding"} <= soorten


def test_R36_gezinsmigrant_gets_no_aanbod_and_sees_rule_and_article(
    contract, verwijs, inburgeraar_factory
):
    persoon = inburgeraar_factory(
        contract.gemeente, doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT
    )
    with pytest.raises(RegelsGeschonden) as exc:
        verwijs(contract, inburgeraar=persoon)
    assert "R36" in _fouten(exc) and "Wi2021 art. 16" in _fouten(exc)
    assert not Verwijzing.objects.exists() and not UitgaandBericht.objects.exists()


def test_R54_no_aanbod_without_a_pip(contract, klantregisseur, inburgeraar_factory, pip_van):
    persoon = inburgeraar_factory(contract.gemeente)
    actor = Actor(gemeente=contract.gemeente, user=klantregisseur, rol=Rol.KLANTREGISSEUR)
    with pytest.raises(RegelsGeschonden) as exc:
        services.verwijzen(
            actor=actor,
            inburgeraar=persoon,
            contract=contract,
            datum_inburgeringsaanbod=VANDAAG,
            verwachte_startdatum=VANDAAG,
        )
    assert "R54" in _fouten(exc)


def test_R37_onderwijsroute_needs_a_tst_school(gemeente_a, verwijs, inburgeraar_factory, pip_van):
    contract = maak_contract(gemeente_a, maak_instelling(bow=True, tst=False))
    persoon = inburgeraar_factory(gemeente_a)
    pip_van(persoon, leerroute="O", niveau="B1")
    with pytest.raises(RegelsGeschonden) as exc:
        verwijs(contract, inburgeraar=persoon)
    assert "R37" in _fouten(exc)


def test_R37_a_school_no_longer_on_duos_list_cannot_get_a_new_aanbod(contract, verwijs):
    Instelling.objects.update(erkend_bij_duo=False)
    contract.instelling.refresh_from_db()
    with pytest.raises(RegelsGeschonden) as exc:
        verwijs(contract)
    assert "R37" in _fouten(exc)


def test_R38_dates_not_before_the_pip_and_within_the_term(contract, verwijs):
    with pytest.raises(RegelsGeschonden) as exc:
        verwijs(contract, datum=PIP_DATUM - timedelta(days=1), start=PIP_DATUM)
    assert "R38" in _fouten(exc)
    assert "datum_inburgeringsaanbod" in {veld for veld, _tekst, _s in exc.value.fouten()}


def test_R38_a_new_referral_to_the_same_school_replaces_the_current_one(contract, verwijs):
    eerste = verwijs(contract)
    tweede = verwijs(contract, inburgeraar=eerste.inburgeraar, start=PIP_DATUM + timedelta(days=20))
    eerste.refresh_from_db()
    assert eerste.status == "vervangen" and tweede.status == "verwezen"
    assert UitgaandBericht.objects.filter(soort="aanbod_registreren").count() == 2
    assert (
        "vervangt de eerdere verwijzing"
        in tweede.inburgeraar.dossier.gebeurtenissen.filter(soort="verwezen_taalaanbieder")
        .first()
        .omschrijving
    )


def test_a_second_school_is_a_second_aanbod(contract, verwijs, andere_instelling):
    eerste = verwijs(contract)
    tweede = verwijs(
        maak_contract(contract.gemeente, andere_instelling), inburgeraar=eerste.inburgeraar
    )
    eerste.refresh_from_db()
    assert eerste.status == tweede.status == "verwezen"


@pytest.mark.parametrize(
    ("contractvelden", "veld", "tekst"),
    [
        ({"leerroutes": ["Z"]}, "contract", "omvat de B1-route niet"),
        ({"capaciteit": 1}, "contract", "Het contract is vol"),
        (
            {"startdatum": VANDAAG, "einddatum": VANDAAG + timedelta(days=30)},
            "datum_inburgeringsaanbod",
            "looptijd",
        ),
    ],
)
def test_contract_terms_are_checked(gemeente_a, instelling, verwijs, contractvelden, veld, tekst):
    contract = maak_contract(gemeente_a, instelling, **contractvelden)
    if contractvelden.get("capaciteit") == 1:
        verwijs(contract, voornamen="Eerste")
    with pytest.raises(ValidationError) as exc:
        verwijs(contract)
    assert any(tekst in m for m in exc.value.message_dict[veld])


def test_another_gemeentes_contract_cannot_be_used(
    gemeente_b, instelling, verwijs, inburgeraar_factory, pip_van, klantregisseur, gemeente_a
):
    vreemd = maak_contract(gemeente_b, instelling)
    persoon = inburgeraar_factory(gemeente_a)
    pip_van(persoon)
    with pytest.raises(Geweigerd):
        services.verwijzen(
            actor=Actor(gemeente=gemeente_a, user=klantregisseur, rol=Rol.KLANTREGISSEUR),
            inburgeraar=persoon,
            contract=vreemd,
            datum_inburgeringsaanbod=PIP_DATUM + timedelta(days=5),
            verwachte_startdatum=PIP_DATUM + timedelta(days=5),
        )


def test_blocked_referral_form_shows_rule_and_article(
    contract, klantregisseur, inloggen, inburgeraar_factory, pip_van
):
    persoon = inburgeraar_factory(
        contract.gemeente, doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT
    )
    pip_van(persoon)
    client = inloggen(klantregisseur)
    response = client.post(
        reverse("taalaanbieders:verwijzen", kwargs={"uuid": persoon.uuid}),
        {
            "contract": contract.pk,
            "datum_inburgeringsaanbod": (PIP_DATUM + timedelta(days=5)).strftime("%d-%m-%Y"),
            "verwachte_startdatum": (PIP_DATUM + timedelta(days=7)).strftime("%d-%m-%Y"),
        },
    )
    inhoud = response.content.decode()
    assert response.status_code == 400
    assert "R36" in inhoud and "Wi2021 art. 16" in inhoud and "asielstatushouder" in inhoud


def test_caseworker_refers_through_the_form_and_sees_it_on_the_dossier(
    contract, klantregisseur, inloggen, inburgeraar_factory, pip_van
):
    persoon = inburgeraar_factory(contract.gemeente, voornamen="Yonas", achternaam="Proefdijk")
    pip_van(persoon)
    client = inloggen(klantregisseur)
    url = reverse("taalaanbieders:verwijzen", kwargs={"uuid": persoon.uuid})
    formulier = client.get(url).content.decode()
    assert "Het aanbod moet uiterlijk" in formulier and "R55" in formulier
    response = client.post(
        url,
        {
            "contract": contract.pk,
            "datum_inburgeringsaanbod": (PIP_DATUM + timedelta(days=5)).strftime("%d-%m-%Y"),
            "verwachte_startdatum": (PIP_DATUM + timedelta(days=7)).strftime("%d-%m-%Y"),
        },
    )
    assert response.status_code == 302
    inhoud = client.get(
        reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    ).content.decode()
    assert "Taalhuis De Brug" in inhoud and "Verwezen naar Taalhuis De Brug" in inhoud


def test_real_pip_app_provides_the_pip(contract, inburgeraar_factory, klantregisseur):
    """Without the test double: the current PIP comes from the pip app's vastgestelde version."""
    from django.utils import timezone

    from openinburgering.pip.models import PipVersie

    persoon = inburgeraar_factory(contract.gemeente)
    PipVersie.objects.create(
        gemeente=contract.gemeente,
        dossier=persoon.dossier,
        volgnummer=1,
        status="vastgesteld",
        dagtekening=PIP_DATUM,
        leerroute="B",
        niveau="B1",
        vastgesteld_op=timezone.now(),
        beschikking_pad="test/pip.pdf",
    )
    v = services.verwijzen(
        actor=Actor(gemeente=contract.gemeente, user=klantregisseur, rol=Rol.KLANTREGISSEUR),
        inburgeraar=persoon,
        contract=contract,
        datum_inburgeringsaanbod=PIP_DATUM + timedelta(days=3),
        verwachte_startdatum=PIP_DATUM + timedelta(days=3),
    )
    assert v.leerroute == "B"


def test_gezinsmigrant_records_own_school_asiel_is_pointed_to_the_aanbod(
    gemeente_a, instelling, klantregisseur, inburgeraar_factory
):
    actor = Actor(gemeente=gemeente_a, user=klantregisseur, rol=Rol.KLANTREGISSEUR)
    gezin = inburgeraar_factory(gemeente_a, doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT)
    cursus = services.eigen_cursus_vastleggen(
        actor=actor, inburgeraar=gezin, naam_instelling="Taalschool Eigen Keus", sinds=VANDAAG
    )
    assert cursus.school == "Taalschool Eigen Keus"
    assert not UitgaandBericht.objects.exists()
    with pytest.raises(Geweigerd) as exc:
        services.eigen_cursus_vastleggen(
            actor=actor, inburgeraar=inburgeraar_factory(gemeente_a), instelling=instelling
        )
    assert "R36" in exc.value.message
    assert EigenCursus.objects.count() == 1


def test_register_follows_duos_list(db):
    from openinburgering.taalaanbieders.models import Instelling

    maak_instelling("1000000009", "Verdwenen Taalschool")
    item = {
        "instellingsnummer": "1000000001",
        "naam": "Taalhuis De Brug",
        "postcode": "1234AB",
        "huisnummer": 12,
        "plaatsnaam": "Demodam",
        "bow": "40001",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": False,
    }
    assert services.instellingen_bijwerken(items=[item]) == {
        "nieuw": 1,
        "bijgewerkt": 0,
        "vervallen": 1,
    }
    assert Instelling.objects.get(instellingsnummer="1000000009").erkend_bij_duo is False
    brug = Instelling.objects.get(instellingsnummer="1000000001")
    assert brug.keurmerk_bow and brug.bow_nummer == "40001"
    assert (
        services.instellingen_bijwerken(items=[{**item, "indicatieTstKeurmerk": True}])[
            "bijgewerkt"
        ]
        == 1
    )
    assert Instelling.objects.get(instellingsnummer="1000000001").keurmerk_tst


def test_register_update_from_duo_uses_the_integration_client(
    gemeente_a, medewerker, inloggen, requests_mock, settings
):
    requests_mock.get(
        f"{settings.DUO_API_ROOT}/v1/instellingen",
        json=[
            {
                "instellingsnummer": "1000000002",
                "naam": "ROC Zuidwaard",
                "postcode": "2345BC",
                "huisnummer": 1,
                "plaatsnaam": "Proefwijk",
                "indicatieBowKeurmerk": True,
                "indicatieTstKeurmerk": True,
            }
        ],
        headers={"API-Version": "1.2.0"},
    )
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    response = client.post(reverse("taalaanbieders:instellingen"), follow=True)
    assert "1 nieuw" in response.content.decode()
    assert requests_mock.last_request.headers["bron"] == gemeente_a.oin
