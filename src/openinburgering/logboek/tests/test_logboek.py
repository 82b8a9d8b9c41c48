"""Every personal-data view writes one processing-log record per person."""

from django.urls import reverse

from openinburgering.accounts.rollen import Rol
from openinburgering.logboek.models import Activiteit, Doel, Verwerking


def _records(activiteit):
    return list(Verwerking.objects.filter(activiteit=activiteit))


def test_list_logs_every_person_shown(gemeente_a, medewerker, inloggen, inburgeraar_factory):
    personen = [inburgeraar_factory(gemeente_a) for _ in range(3)]
    Verwerking.objects.all().delete()
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    inloggen(user).get(reverse("inburgeraars:lijst"))
    records = _records(Activiteit.LIJST)
    assert {r.betrokkene for r in records} == {p.pseudoniem for p in personen}
    assert all(r.gebruiker == user and r.gemeente == gemeente_a for r in records)


def test_search_detail_edit_and_status_are_logged(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    persoon = inburgeraar_factory(gemeente_a)
    Verwerking.objects.all().delete()
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.get(reverse("inburgeraars:lijst"), {"zoek": "Voorbeeld"})
    client.post(reverse("inburgeraars:zoek_bsn"), {"bsn": persoon.bsn})
    client.get(reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid}))
    client.post(
        reverse("inburgeraars:wijzigen", kwargs={"uuid": persoon.uuid}),
        {
            "voornamen": "Testa",
            "achternaam": "Anders",
            "geboortedatum": "17-05-1990",
            "doelgroep": "Asielstatushouder",
            "regime": "Wi2021",
            "versie": 1,
        },
    )
    client.post(
        reverse("inburgeraars:status_wijzigen", kwargs={"uuid": persoon.uuid}),
        {"status": "intake", "versie": 1},
    )
    activiteiten = sorted(
        Verwerking.objects.filter(betrokkene=persoon.pseudoniem).values_list(
            "activiteit", flat=True
        )
    )
    assert activiteiten == sorted(
        [
            Activiteit.ZOEKEN,
            Activiteit.ZOEKEN,
            Activiteit.INZIEN,
            Activiteit.WIJZIGEN,
            Activiteit.STATUS_WIJZIGEN,
        ]
    )


def test_api_operations_are_logged_with_the_token_as_actor(
    gemeente_a, api_client, inburgeraar_factory
):
    persoon = inburgeraar_factory(gemeente_a)
    Verwerking.objects.all().delete()
    client = api_client(gemeente_a)
    client.get("/api/v1/inburgeraars")
    client.get(f"/api/v1/inburgeraars/{persoon.uuid}")
    records = Verwerking.objects.filter(betrokkene=persoon.pseudoniem)
    assert {r.activiteit for r in records} == {Activiteit.LIJST, Activiteit.INZIEN}
    assert {r.actor for r in records} == {"api:test-systeem"}
    assert {r.actor_soort for r in records} == {"api"}


def test_beheerder_filters_by_bsn_via_post_and_sees_no_bsn(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    gezocht = inburgeraar_factory(gemeente_a, achternaam="Gezocht")
    inburgeraar_factory(gemeente_a)
    inburgeraar_factory(gemeente_b)
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    response = client.post(reverse("logboek:lijst"), {"bsn": gezocht.bsn})
    inhoud = response.content.decode()
    assert response.status_code == 200
    assert inhoud.count("utrecht-table__row") == 2  # header + the one creation record
    assert gezocht.pseudoniem[:12] in inhoud
    assert "Gezocht" not in inhoud


def test_logboek_only_shows_own_gemeente(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    inburgeraar_factory(gemeente_b)
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    assert "utrecht-table__row" not in client.get(reverse("logboek:lijst")).content.decode()


def test_logboek_filter_errors_are_dutch(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    response = client.post(
        reverse("logboek:lijst"), {"bsn": "123456789", "van": "31-12-2025", "tot": "01-01-2025"}
    )
    assert response.status_code == 400
    inhoud = response.content.decode()
    assert "11-proef" in inhoud
    assert "vóór de begindatum" in inhoud


def test_every_api_operation_on_a_person_is_logged(gemeente_a, api_client, inburgeraar_factory):
    from openinburgering.inburgeraars.tests.factories import nieuw_bsn

    client = api_client(gemeente_a)
    persoon = inburgeraar_factory(gemeente_a)
    nummer = nieuw_bsn()
    Verwerking.objects.all().delete()
    nieuw = client.post(
        "/api/v1/inburgeraars",
        {
            "bsn": nummer,
            "voornamen": "Rahel",
            "achternaam": "Nepstra",
            "geboortedatum": "1995-01-01",
            "doelgroep": "Asielstatushouder",
        },
        format="json",
    ).json()
    client.patch(f"/api/v1/inburgeraars/{persoon.uuid}", {"telefoon": "0611111111"}, format="json")
    client.post(
        f"/api/v1/inburgeraars/{persoon.uuid}/statuswijziging", {"status": "intake"}, format="json"
    )
    client.post("/api/v1/inburgeraars/_zoek", {"bsn": persoon.bsn}, format="json")
    activiteiten = sorted(
        Verwerking.objects.filter(betrokkene=persoon.pseudoniem).values_list(
            "activiteit", flat=True
        )
    )
    assert activiteiten == sorted(
        [Activiteit.WIJZIGEN, Activiteit.STATUS_WIJZIGEN, Activiteit.ZOEKEN]
    )
    from openinburgering.inburgeraars.models import Inburgeraar

    aangemaakt = Inburgeraar.objects.get(uuid=nieuw["uuid"])
    assert (
        Verwerking.objects.filter(
            betrokkene=aangemaakt.pseudoniem, activiteit=Activiteit.AANMAKEN
        ).count()
        == 1
    )


def test_edit_form_view_is_logged_as_inzien(gemeente_a, medewerker, inloggen, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a)
    Verwerking.objects.all().delete()
    inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a)).get(
        reverse("inburgeraars:wijzigen", kwargs={"uuid": persoon.uuid})
    )
    assert list(Verwerking.objects.values_list("activiteit", flat=True)) == [Activiteit.INZIEN]


def test_refused_access_is_not_logged_as_a_processing(
    gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    persoon = inburgeraar_factory(gemeente_a)
    Verwerking.objects.all().delete()
    response = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, gemeente_a)).get(
        reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    )
    assert response.status_code == 403
    assert not Verwerking.objects.exists()


def test_a_requests_reads_of_several_kinds_and_gemeenten_are_one_insert_with_every_value(
    gemeente_a, gemeente_b, django_assert_num_queries
):
    """The request's records are grouped by what they share (ADR 0061, third addendum): one
    statement, and each row keeps its own gemeente, activity, result and purpose."""
    from openinburgering.accounts.context import Actor
    from openinburgering.logboek.services import verwerkingen_per_verzoek, verwerkingen_vastleggen

    a, b = Actor(gemeente=gemeente_a, systeem="test"), Actor(gemeente=gemeente_b, systeem="test")
    with django_assert_num_queries(1), verwerkingen_per_verzoek():
        verwerkingen_vastleggen(actor=a, activiteit=Activiteit.LIJST, pseudoniemen=["p1", "p2"])
        verwerkingen_vastleggen(actor=b, activiteit=Activiteit.LIJST, pseudoniemen=["p3"])
        verwerkingen_vastleggen(
            actor=a, activiteit=Activiteit.INZIEN, pseudoniemen=["p1"], doel=Doel.ACTUALISEREN
        )
    rijen = sorted(
        Verwerking.objects.values_list("betrokkene", "gemeente_id", "activiteit", "doel", "actor")
    )
    assert rijen == [
        ("p1", gemeente_a.pk, Activiteit.INZIEN, Doel.ACTUALISEREN, a.label),
        ("p1", gemeente_a.pk, Activiteit.LIJST, "", a.label),
        ("p2", gemeente_a.pk, Activiteit.LIJST, "", a.label),
        ("p3", gemeente_b.pk, Activiteit.LIJST, "", b.label),
    ]
    assert len(set(Verwerking.objects.values_list("uuid", flat=True))) == 4
