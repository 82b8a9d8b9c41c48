from django.urls import reverse


def test_school_user_sees_only_referred_person(
    contract, verwijs, school_medewerker, inloggen, andere_instelling, gemeente_a
):
    from .conftest import maak_contract

    v = verwijs(contract)
    ander = verwijs(
        maak_contract(gemeente_a, andere_instelling), voornamen="Yonas", achternaam="Proefdijk"
    )
    client = inloggen(school_medewerker(contract.instelling))
    inhoud = client.get(reverse("taalaanbieders:portaal")).content.decode()
    assert "Amira Testpersoon" in inhoud
    assert "Proefdijk" not in inhoud
    assert (
        client.get(reverse("taalaanbieders:deelnemer", kwargs={"uuid": v.uuid})).status_code == 200
    )
    assert (
        client.get(reverse("taalaanbieders:deelnemer", kwargs={"uuid": ander.uuid})).status_code
        == 404
    )


def test_caseworker_refers_through_the_form_and_sees_it_on_the_dossier(
    contract, klantregisseur, inloggen, inburgeraar_factory, pip_van
):
    from datetime import timedelta

    from .conftest import PIP_DATUM

    persoon = inburgeraar_factory(contract.gemeente, voornamen="Yonas", achternaam="Proefdijk")
    pip_van(persoon)
    client = inloggen(klantregisseur)
    url = reverse("taalaanbieders:verwijzen", kwargs={"uuid": persoon.uuid})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "contract": contract.pk,
            "datum_inburgeringsaanbod": (PIP_DATUM + timedelta(days=5)).strftime("%d-%m-%Y"),
            "verwachte_startdatum": (PIP_DATUM + timedelta(days=7)).strftime("%d-%m-%Y"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    dossier = client.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}))
    inhoud = dossier.content.decode()
    assert "Taalhuis De Brug" in inhoud
    assert "Verwezen naar Taalhuis De Brug" in inhoud
