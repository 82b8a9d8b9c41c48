"""Grants, bookings, reversals and derived course costs: bad input changes nothing (ADR 0082)."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError

import pytest

from openinburgering.core.exceptions import RegelsGeschonden
from openinburgering.financien import services
from openinburgering.financien.models import Herkomst, Kostenboeking, Rijksbijdrage
from openinburgering.logboek.models import Verwerking

from .conftest import VANDAAG, maak_contract, maak_urenregel, maak_verwijzing

pytestmark = pytest.mark.django_db


def _rijen():
    return (Rijksbijdrage.objects.count(), Kostenboeking.objects.count())


def _bijdrage(actor, **velden):
    standaard = {
        "jaar": VANDAAG.year, "soort": "spuk_asiel", "bedrag_cent": 11_600_00,
        "grondslag": "Beschikking SPUK", "regeling": "Bi2021 art. 6.6",
    }  # fmt: skip
    standaard.update(velden)
    return services.rijksbijdrage_vastleggen(actor=actor, **standaard)


def test_a_grant_is_recorded_with_its_legal_basis(beheerder):
    b = _bijdrage(beheerder, aantal_personen=1)
    assert b.bedrag_cent == 11_600_00 and b.regeling == "Bi2021 art. 6.6"
    assert b.vastgelegd_door == beheerder.user


@pytest.mark.parametrize(
    ("velden", "veld", "tekst"),
    [
        ({"bedrag_cent": -1}, "bedrag", "niet negatief"),
        ({"jaar": 1999}, "jaar", "Kies een jaar van 2013"),
        ({"jaar": VANDAAG.year + 2}, "jaar", "Kies een jaar"),
        ({"soort": "subsidie"}, "soort", "Onbekende soort"),
        ({"grondslag": "  "}, "grondslag", "grondslag"),
        ({"regeling": ""}, "regeling", "regeling en het artikel"),
        ({"aantal_personen": -3}, "aantal_personen", "niet negatief"),
        ({"bedrag_cent": 10**12}, "bedrag", "100 miljoen"),
    ],
)
def test_a_bad_grant_gets_a_dutch_message_and_changes_nothing(beheerder, velden, veld, tekst):
    voor = _rijen()
    with pytest.raises(ValidationError) as fout:
        _bijdrage(beheerder, **velden)
    assert tekst in " ".join(fout.value.message_dict[veld])
    assert _rijen() == voor


def test_one_grant_per_gemeente_year_and_kind(beheerder, gemeente_b):
    from openinburgering.accounts.context import Actor

    _bijdrage(beheerder)
    voor = _rijen()
    with pytest.raises(ValidationError) as fout:
        _bijdrage(beheerder, bedrag_cent=1)
    assert "al vastgelegd" in fout.value.message_dict["soort"][0]
    assert _rijen() == voor
    # Another kind, or another gemeente, is a grant of its own.
    _bijdrage(beheerder, soort="structureel")
    _bijdrage(Actor(gemeente=gemeente_b, systeem="test"))
    assert Rijksbijdrage.objects.count() == 3


def _boek(actor, persoon, **velden):
    standaard = {
        "soort": "tolk", "bedrag_cent": 65_00, "datum": VANDAAG - timedelta(days=3),
        "reden": "Tolk bij de intake",
    }  # fmt: skip
    standaard.update(velden)
    return services.kosten_boeken(actor=actor, inburgeraar=persoon, **standaard)


def test_a_booking_knows_cohort_regime_and_source(teamleider, persoon):
    b = _boek(teamleider, persoon)
    assert (b.cohort, b.regime, b.bron, b.herkomst) == (2024, "Wi2021", "spuk", "handmatig")
    assert b.geboekt_door_naam == "Tom Teamleider"
    # Booking is a change to the person's record: in the processing log, by pseudonym.
    assert Verwerking.objects.filter(betrokkene=persoon.pseudoniem, activiteit="wijzigen").exists()


@pytest.mark.parametrize(
    ("velden", "veld", "tekst"),
    [
        ({"bedrag_cent": -500}, "bedrag", "niet negatief"),
        ({"bedrag_cent": 0}, "bedrag", "€ 0,00"),
        ({"datum": VANDAAG + timedelta(days=1)}, "datum", "toekomst"),
        ({"datum": date(2012, 12, 31)}, "datum", "vóór 2013"),
        ({"reden": " "}, "reden", "reden"),
    ],
)
def test_a_bad_booking_gets_a_dutch_message_and_changes_nothing(
    teamleider, persoon, velden, veld, tekst
):
    voor = _rijen(), Verwerking.objects.count()
    with pytest.raises(ValidationError) as fout:
        _boek(teamleider, persoon, **velden)
    assert tekst in " ".join(fout.value.message_dict[veld])
    assert (_rijen(), Verwerking.objects.count()) == voor


def test_an_unknown_category_is_refused_by_rule(teamleider, persoon):
    voor = _rijen()
    with pytest.raises(RegelsGeschonden) as fout:
        _boek(teamleider, persoon, soort="taxi")
    assert fout.value.regels == ("R92",) and "Onbekende kostensoort" in fout.value.message
    assert _rijen() == voor


def test_a_course_for_a_family_migrant_is_refused_r93(teamleider, gemeente_a, inburgeraar_factory):
    gezin = inburgeraar_factory(gemeente_a, doelgroep="Gezinsmigrant en overige migrant")
    voor = _rijen()
    with pytest.raises(RegelsGeschonden) as fout:
        _boek(teamleider, gezin, soort="cursus")
    assert fout.value.regels == ("R93",)
    assert _rijen() == voor


def test_a_booking_for_another_gemeentes_person_is_refused(
    teamleider, gemeente_b, inburgeraar_factory
):
    ander = inburgeraar_factory(gemeente_b)
    voor = _rijen(), Verwerking.objects.count()
    with pytest.raises(ValidationError) as fout:
        _boek(teamleider, ander)
    assert "niet bekend bij uw gemeente" in fout.value.message_dict["inburgeraar"][0]
    assert (_rijen(), Verwerking.objects.count()) == voor


def test_a_contract_of_another_gemeente_is_refused(teamleider, persoon, gemeente_b, instelling):
    voor = _rijen()
    with pytest.raises(ValidationError) as fout:
        _boek(teamleider, persoon, soort="cursus", contract=maak_contract(gemeente_b, instelling))
    assert "niet van uw gemeente" in fout.value.message_dict["contract"][0]
    assert _rijen() == voor


def test_wi2013_guidance_is_paid_from_the_wi2013_money(teamleider, gemeente_a, inburgeraar_factory):
    oud = inburgeraar_factory(gemeente_a, datum_bekendmaking_ind=date(2021, 3, 1), regime="Wi2013")
    b = _boek(teamleider, oud, soort="begeleiding")
    assert (b.bron, b.cohort) == ("wi2013", 2021)


def test_a_correction_is_a_reversing_booking_and_the_original_stays(teamleider, persoon):
    origineel = _boek(teamleider, persoon)
    correctie = services.boeking_corrigeren(
        actor=teamleider, boeking=origineel, reden="Dubbel geboekt"
    )
    assert correctie.bedrag_cent == -origineel.bedrag_cent
    assert correctie.corrigeert == origineel and correctie.reden == "Dubbel geboekt"
    origineel.refresh_from_db()
    assert origineel.bedrag_cent == 65_00
    assert sum(Kostenboeking.objects.values_list("bedrag_cent", flat=True)) == 0


def test_a_booking_is_corrected_once_and_a_correction_not_at_all(teamleider, persoon):
    origineel = _boek(teamleider, persoon)
    correctie = services.boeking_corrigeren(actor=teamleider, boeking=origineel, reden="Fout")
    voor = _rijen()
    with pytest.raises(ValidationError, match="al gecorrigeerd"):
        services.boeking_corrigeren(actor=teamleider, boeking=origineel, reden="Nog eens")
    with pytest.raises(ValidationError, match="niet zelf gecorrigeerd"):
        services.boeking_corrigeren(actor=teamleider, boeking=correctie, reden="Terug")
    with pytest.raises(ValidationError) as fout:
        services.boeking_corrigeren(actor=teamleider, boeking=_boek(teamleider, persoon), reden="")
    assert "reden" in fout.value.message_dict
    assert _rijen() == (voor[0], voor[1] + 1)


def test_another_gemeentes_booking_cannot_be_corrected(teamleider, gemeente_b, inburgeraar_factory):
    from openinburgering.accounts.context import Actor

    ander = Actor(gemeente=gemeente_b, systeem="test")
    boeking = _boek(ander, inburgeraar_factory(gemeente_b))
    voor = _rijen()
    with pytest.raises(ValidationError, match="niet bekend bij uw gemeente"):
        services.boeking_corrigeren(actor=teamleider, boeking=boeking, reden="Weg ermee")
    assert _rijen() == voor


def test_money_records_are_append_only(teamleider, persoon):
    boeking = _boek(teamleider, persoon)
    boeking.bedrag_cent = 1
    with pytest.raises(TypeError, match="nooit gewijzigd"):
        boeking.save()
    with pytest.raises(TypeError, match="nooit verwijderd"):
        boeking.delete()
    with pytest.raises(TypeError):
        Kostenboeking.objects.filter(pk=boeking.pk).update(bedrag_cent=1)
    with pytest.raises(TypeError):
        Kostenboeking.objects.all().delete()
    assert Kostenboeking.objects.get().bedrag_cent == 65_00


def test_course_costs_are_derived_once_and_say_where_they_came_from(
    teamleider, gemeente_a, persoon, instelling, inburgeraar_factory
):
    traject = maak_contract(gemeente_a, instelling, kenmerk="K-TRAJECT")
    per_uur = maak_contract(
        gemeente_a, instelling, kenmerk="K-UUR", prijsmodel="per_uur", tarief="12.50",
        afrekenbasis="gevolgd",
    )  # fmt: skip
    maak_verwijzing(persoon, traject, intake=VANDAAG - timedelta(days=30))
    tweede = inburgeraar_factory(gemeente_a, datum_bekendmaking_ind=date(2025, 5, 1))
    v = maak_verwijzing(tweede, per_uur, intake=VANDAAG - timedelta(days=30))
    maak_urenregel(v, start=VANDAAG - timedelta(days=21), aangeboden="12", aanwezig="10")
    # Not yet started at the school: no cost yet.
    maak_verwijzing(inburgeraar_factory(gemeente_a), traject)
    assert services.cursuskosten_afleiden(actor=teamleider, gemeente=gemeente_a) == 2
    traject_boeking = Kostenboeking.objects.get(herkomst=Herkomst.VERWIJZING)
    assert traject_boeking.bedrag_cent == 9_500_00 and traject_boeking.contract == traject
    assert "K-TRAJECT" in traject_boeking.herkomst_omschrijving
    uren = Kostenboeking.objects.get(herkomst=Herkomst.UREN)
    # Attended hours under this contract: 10 × € 12,50.
    assert uren.bedrag_cent == 125_00 and uren.cohort == 2025
    assert "10,0 gevolgde uur" in uren.herkomst_omschrijving
    # Deriving again books nothing twice.
    assert services.cursuskosten_afleiden(actor=teamleider, gemeente=gemeente_a) == 0
    assert Kostenboeking.objects.count() == 2


def test_euros_to_cents_round_half_up():
    from decimal import Decimal

    assert services.naar_cent(Decimal("2370.005")) == 237_001
    assert services.naar_cent(Decimal("0.01")) == 1
