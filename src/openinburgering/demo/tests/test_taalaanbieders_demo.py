"""The demo: two schools with contracts and referred people, and the school user 'taalschool'."""

import io

from django.core.management import call_command
from django.urls import reverse

from openinburgering.accounts.models import User
from openinburgering.taalaanbieders.models import Contract, Verwijzing


def test_demo_has_two_schools_with_contracts_referrals_and_a_school_user(db, inloggen):
    call_command("demo_data", aantal=80, stdout=io.StringIO())
    scholen = set(Contract.objects.values_list("instelling__naam", flat=True))
    assert scholen == {"Taalhuis De Brug", "ROC Zuidwaard"}
    for naam in scholen:
        assert Verwijzing.objects.filter(instelling__naam=naam).exists(), naam
    school = User.objects.get(username="taalschool")
    assert school.check_password("demo-wachtwoord-2026")
    assert not school.lidmaatschappen.exists()
    inhoud = inloggen(school).get(reverse("taalaanbieders:portaal")).content.decode()
    eigen = Verwijzing.objects.filter(
        instelling__naam="Taalhuis De Brug", status__in=["verwezen", "gestart"]
    )
    anders = Verwijzing.objects.filter(instelling__naam="ROC Zuidwaard")
    assert all(v.kenmerk in inhoud for v in eigen)
    assert not any(v.kenmerk in inhoud for v in anders)
