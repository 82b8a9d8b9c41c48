from datetime import date

from django.core.exceptions import ValidationError

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.inburgeraars import services
from openinburgering.inburgeraars.models import Dossier, Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.workflow import Status
from openinburgering.logboek.models import Activiteit, Verwerking

from .factories import nieuw_bsn


def test_create_stores_the_bsn_encrypted_with_dossier_timeline_and_log(gemeente_a):
    nummer = nieuw_bsn()
    inburgeraar = services.inburgeraar_aanmaken(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        bsn=nummer,
        voornamen="Amira",
        achternaam="Testpersoon",
        geboortedatum=date(1991, 2, 3),
        doelgroep="Asielstatushouder",
    )
    opgeslagen = Inburgeraar.objects.get(pk=inburgeraar.pk)
    assert nummer not in opgeslagen.bsn_versleuteld
    assert opgeslagen.bsn == nummer
    assert opgeslagen.dossier.status == Status.AANGEMELD
    assert Gebeurtenis.objects.filter(dossier=opgeslagen.dossier, soort="aangemeld").count() == 1
    log = Verwerking.objects.get()
    assert (log.activiteit, log.betrokkene, log.gemeente) == (
        Activiteit.AANMAKEN,
        inburgeraar.pseudoniem,
        gemeente_a,
    )


@pytest.mark.parametrize(
    ("velden", "fout_in"),
    [
        ({"bsn": "123456789"}, "bsn"),
        ({"achternaam": "x" * 201}, "achternaam"),
        ({"doelgroep": "Onbekend"}, "doelgroep"),
        ({"email": "geen-adres"}, "email"),
        # An empty name is allowed in the service (a person DUO announced, ADR 0041); the form
        # and the API require it.
        ({"vnummer": "1" * 11}, "vnummer"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(gemeente_a, velden, fout_in):
    data = {
        "bsn": nieuw_bsn(),
        "voornamen": "Amira",
        "achternaam": "Testpersoon",
        "geboortedatum": date(1991, 2, 3),
        "doelgroep": "Asielstatushouder",
        **velden,
    }
    with pytest.raises(ValidationError) as fout:
        services.inburgeraar_aanmaken(actor=Actor(gemeente=gemeente_a, systeem="test"), **data)
    assert fout_in in fout.value.message_dict or fout.value.messages
    assert not Inburgeraar.objects.exists()
    assert not Dossier.objects.exists()
    assert not Verwerking.objects.exists()


def test_duplicate_bsn_within_a_gemeente_is_refused_but_allowed_in_another(
    gemeente_a, gemeente_b, inburgeraar_factory
):
    nummer = nieuw_bsn()
    inburgeraar_factory(gemeente_a, bsn=nummer)
    with pytest.raises(ValidationError) as fout:
        inburgeraar_factory(gemeente_a, bsn=nummer)
    assert "al een inburgeraar" in fout.value.message_dict["bsn"][0]
    inburgeraar_factory(gemeente_b, bsn=nummer)
    assert Inburgeraar.objects.count() == 2


def test_concurrent_edit_ends_in_a_conflict_not_a_lost_update(gemeente_a, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    eerste = Inburgeraar.objects.get(pk=inburgeraar.pk)
    tweede = Inburgeraar.objects.get(pk=inburgeraar.pk)
    services.inburgeraar_wijzigen(actor=actor, inburgeraar=eerste, versie=1, telefoon="0612345678")
    with pytest.raises(Conflict):
        services.inburgeraar_wijzigen(
            actor=actor, inburgeraar=tweede, versie=1, telefoon="0687654321"
        )
    assert Inburgeraar.objects.get(pk=inburgeraar.pk).telefoon == "0612345678"


def test_edit_records_which_fields_changed_without_values(gemeente_a, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    services.inburgeraar_wijzigen(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        inburgeraar=inburgeraar,
        versie=1,
        achternaam="Nieuwenaam",
    )
    gebeurtenis = Gebeurtenis.objects.get(soort="gegevens_gewijzigd")
    assert "achternaam" in gebeurtenis.omschrijving
    assert "Nieuwenaam" not in gebeurtenis.omschrijving


def test_illegal_status_change_is_refused_with_a_reason_and_changes_nothing(
    gemeente_a, inburgeraar_factory
):
    inburgeraar = inburgeraar_factory(gemeente_a)
    with pytest.raises(Geweigerd) as fout:
        services.dossier_status_wijzigen(
            actor=Actor(gemeente=gemeente_a, systeem="test"),
            dossier=inburgeraar.dossier,
            naar=Status.IN_UITVOERING,
        )
    assert "Mogelijk" in fout.value.message
    assert Dossier.objects.get().status == Status.AANGEMELD
    assert not Gebeurtenis.objects.filter(soort="status_gewijzigd").exists()


def test_status_change_with_stale_version_is_a_conflict(gemeente_a, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    actor = Actor(gemeente=gemeente_a, systeem="test")
    services.dossier_status_wijzigen(
        actor=actor, dossier=inburgeraar.dossier, naar=Status.INTAKE, versie=1
    )
    verouderd = Dossier.objects.get()
    verouderd.status = Status.INTAKE
    with pytest.raises(Conflict):
        services.dossier_status_wijzigen(
            actor=actor, dossier=verouderd, naar=Status.AFGEROND, eindreden="verhuisd", versie=1
        )


def test_closing_sets_end_reason_and_date(gemeente_a, inburgeraar_factory):
    inburgeraar = inburgeraar_factory(gemeente_a)
    dossier = services.dossier_status_wijzigen(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        dossier=inburgeraar.dossier,
        naar=Status.AFGEROND,
        eindreden="overleden",
    )
    assert dossier.eindreden == "overleden"
    assert dossier.afgerond_op is not None
    assert "Overleden" in Gebeurtenis.objects.get(soort="status_gewijzigd").omschrijving


PLICHTIG = {
    "nationaliteit": "SY",
    "verblijfsdoel": "asiel_bepaalde_tijd",
    "datum_bekendmaking_ind": date(2024, 5, 2),
}


@pytest.mark.parametrize(
    ("feiten", "regel", "veld"),
    [
        ({"nationaliteit": "PL"}, "R3", "nationaliteit"),
        ({"verblijfsdoel": "studie"}, "R5", "verblijfsdoel"),
        ({"geboortedatum": date(2010, 1, 1)}, "R1", "geboortedatum"),
    ],
)
def test_a_person_without_the_duty_is_refused_with_the_rule(gemeente_a, feiten, regel, veld):
    with pytest.raises(RegelsGeschonden) as fout:
        services.inburgeraar_aanmaken(
            actor=Actor(gemeente=gemeente_a, systeem="test"),
            bsn=nieuw_bsn(),
            voornamen="Lina",
            achternaam="Testpersoon",
            doelgroep="Asielstatushouder",
            **{"geboortedatum": date(1990, 1, 1), **PLICHTIG, **feiten},
        )
    _veld, tekst, schending = next(f for f in fout.value.fouten() if f[0] == veld)
    assert schending.regel.id == regel
    assert f"({regel}," in tekst
    assert not Inburgeraar.objects.exists()


@pytest.mark.parametrize(
    ("bekendmaking", "regime"), [(date(2021, 12, 20), "Wi2013"), (date(2022, 1, 3), "Wi2021")]
)
def test_regime_follows_from_the_ind_date(gemeente_a, bekendmaking, regime):
    inburgeraar = services.inburgeraar_aanmaken(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        bsn=nieuw_bsn(),
        voornamen="Lina",
        achternaam="Testpersoon",
        geboortedatum=date(1990, 1, 1),
        doelgroep="Asielstatushouder",
        regime="Wi2021",
        **{**PLICHTIG, "datum_bekendmaking_ind": bekendmaking},
    )
    assert inburgeraar.regime == regime


@pytest.mark.parametrize("naar", [Status.PIP_VASTGESTELD, Status.IN_UITVOERING])
def test_a_pip_status_needs_a_vastgesteld_pip(gemeente_a, inburgeraar_factory, naar):
    """The status may not say more than the PIP page: without a PIP no 'PIP vastgesteld'."""
    actor = Actor(gemeente=gemeente_a, systeem="test")
    dossier = inburgeraar_factory(gemeente_a).dossier
    dossier = services.dossier_status_wijzigen(actor=actor, dossier=dossier, naar=Status.INTAKE)
    if naar == Status.IN_UITVOERING:
        Dossier.objects.filter(pk=dossier.pk).update(status=Status.PIP_VASTGESTELD)
        dossier.refresh_from_db()
    with pytest.raises(Geweigerd) as fout:
        services.dossier_status_wijzigen(actor=actor, dossier=dossier, naar=naar)
    assert "Eerst een vastgesteld PIP" in fout.value.message
    assert Dossier.objects.get().status != naar
