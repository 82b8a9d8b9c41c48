"""The BRP client against the stand-in: the minimal fields, the API key, the processing log,
and what a 404, 403, 5xx or a slow BRP gives (a clear Dutch message, retries where they help)."""

from datetime import date

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.core.brp import BrpFout, BrpNietGevonden
from openinburgering.core.bsn import pseudoniem
from openinburgering.integrations.brp.client import VELDEN, BrpClient
from openinburgering.logboek.models import Activiteit, Doel, Resultaat, Verwerking

from .conftest import SPEC

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(gemeente_a):
    return BrpClient(actor=Actor(gemeente=gemeente_a, systeem="test"))


def test_the_fields_are_few_and_each_exists_in_the_spec():
    assert set(VELDEN) <= SPEC.veldpaden
    assert set(VELDEN) == {
        "burgerservicenummer", "naam.voornamen", "naam.voorvoegsel", "naam.geslachtsnaam",
        "geboorte.datum", "adressering.adresregel1", "verblijfplaats.verblijfadres.postcode",
        "verblijfplaats.verblijfadres.woonplaats", "nationaliteiten.nationaliteit",
        "gemeenteVanInschrijving", "datumInschrijvingInGemeente", "overlijden.datum",
    }  # fmt: skip


def test_a_person_is_read_with_minimal_fields_and_logged_with_purpose(
    brp_stand_in, client, gemeente_a
):
    bsn = brp_stand_in.persoon(voorvoegsel="de")
    persoon = client.een(bsn=bsn, doel=Doel.AANMAKEN)
    assert (persoon.voornamen, persoon.voorvoegsel, persoon.achternaam) == (
        "Noor", "de", "Steekproef"
    )  # fmt: skip
    assert persoon.geboortedatum == date(1992, 4, 3)
    assert persoon.adres.straat_huisnummer == "Lindeplein 4a"
    assert (persoon.adres.postcode, persoon.adres.woonplaats) == ("9914 EF", "Amstelwaard")
    assert persoon.nationaliteiten == ("Syrische",)
    assert persoon.gemeente_van_inschrijving == "0001"
    assert not (persoon.geheimhouding or persoon.adres_in_onderzoek or persoon.overleden)
    [verzoek] = brp_stand_in.verzoeken()
    assert verzoek["body"]["fields"] == list(VELDEN)
    assert verzoek["body"]["type"] == "RaadpleegMetBurgerservicenummer"
    assert verzoek["apiKey"] is None  # no key configured, none sent
    [record] = Verwerking.objects.filter(betrokkene=pseudoniem(bsn))
    assert (record.activiteit, record.doel, record.resultaat) == (
        Activiteit.BRP_OPGEVRAAGD, Doel.AANMAKEN, Resultaat.OK
    )  # fmt: skip
    assert record.gemeente == gemeente_a


def test_the_api_key_is_sent_as_x_api_key(brp_stand_in, client, settings):
    settings.BRP_API_KEY = "sleutel-voor-de-test"
    client.een(bsn=brp_stand_in.persoon(), doel=Doel.ACTUALISEREN)
    assert brp_stand_in.verzoeken()[-1]["apiKey"] == "sleutel-voor-de-test"


def test_purpose_binding_headers_for_a_gateway_are_sent_only_when_set(
    brp_stand_in, client, settings
):
    """ADR 0065: a protocolling gateway gets x-doelbinding / x-verwerking / x-origin-oin."""
    client.een(bsn=brp_stand_in.persoon(), doel=Doel.ACTUALISEREN)
    assert brp_stand_in.verzoeken()[-1]["gateway"] == {}
    settings.BRP_DOELBINDING = "BRPACT-Inburgering"
    settings.BRP_VERWERKING = "Inburgering@Regie Wet inburgering 2021"
    settings.BRP_ORIGIN_OIN = "00000001001111111000"
    client.een(bsn=brp_stand_in.persoon(), doel=Doel.ACTUALISEREN)
    assert brp_stand_in.verzoeken()[-1]["gateway"] == {
        "x-doelbinding": "BRPACT-Inburgering",
        "x-verwerking": "Inburgering@Regie Wet inburgering 2021",
        "x-origin-oin": "00000001001111111000",
    }


def test_twenty_people_per_request(brp_stand_in, client):
    bsns = [brp_stand_in.persoon() for _ in range(21)]
    personen = client.raadplegen(bsns=bsns, doel=Doel.AANMELDING_DUO)
    assert set(personen) == set(bsns)
    assert [len(v["body"]["burgerservicenummer"]) for v in brp_stand_in.verzoeken()] == [20, 1]


def test_markers_confidentiality_investigation_and_death(brp_stand_in, client):
    geheim = brp_stand_in.persoon(geheimhouding=True, adresInOnderzoek="2026-10-01")
    overleden = brp_stand_in.persoon(overlijdensdatum="2026-11-20")
    persoon = client.een(bsn=geheim, doel=Doel.ACTUALISEREN)
    assert persoon.geheimhouding and persoon.adres_in_onderzoek
    assert persoon.adres_in_onderzoek_sinds == date(2026, 10, 1)
    persoon = client.een(bsn=overleden, doel=Doel.ACTUALISEREN)
    assert persoon.overleden and persoon.overlijdensdatum == date(2026, 11, 20)


def test_an_unknown_bsn_is_not_found(brp_stand_in, client):
    with pytest.raises(BrpNietGevonden, match="De BRP kent dit BSN niet"):
        client.een(bsn="999990056", doel=Doel.ACTUALISEREN)


def test_a_404_is_not_found_and_not_retried(brp_stand_in, client):
    bsn = brp_stand_in.persoon()
    brp_stand_in.storing(bsn, status=404)
    with pytest.raises(BrpNietGevonden):
        client.een(bsn=bsn, doel=Doel.ACTUALISEREN)
    assert len(brp_stand_in.verzoeken()) == 1


def test_a_403_is_a_refusal_logged_as_refused(brp_stand_in, client):
    bsn = brp_stand_in.persoon()
    brp_stand_in.storing(bsn, status=403)
    with pytest.raises(BrpFout, match="niet voor geautoriseerd") as fout:
        client.een(bsn=bsn, doel=Doel.ACTUALISEREN)
    assert not fout.value.tijdelijk
    assert len(brp_stand_in.verzoeken()) == 1
    assert Verwerking.objects.get(betrokkene=pseudoniem(bsn)).resultaat == Resultaat.GEWEIGERD


def test_a_500_is_retried_and_then_answers(brp_stand_in, client):
    bsn = brp_stand_in.persoon()
    brp_stand_in.storing(bsn, status=500, aantal=1)
    assert client.een(bsn=bsn, doel=Doel.ACTUALISEREN).achternaam == "Steekproef"
    assert [v["status"] for v in brp_stand_in.verzoeken()] == [500, 200]
    # The failed attempt exchanged no data: one record, for the answer.
    assert Verwerking.objects.filter(betrokkene=pseudoniem(bsn)).count() == 1


@pytest.mark.parametrize("status", [500, 503])
def test_a_5xx_that_stays_is_a_temporary_error_in_dutch(brp_stand_in, client, status):
    bsn = brp_stand_in.persoon()
    brp_stand_in.storing(bsn, status=status)
    with pytest.raises(BrpFout, match=f"tijdelijk niet beschikbaar \\(status {status}\\)") as fout:
        client.een(bsn=bsn, doel=Doel.ACTUALISEREN)
    assert fout.value.tijdelijk
    assert len(brp_stand_in.verzoeken()) == 2  # BRP_POGINGEN
    assert not Verwerking.objects.filter(betrokkene=pseudoniem(bsn)).exists()


def test_a_slow_brp_times_out_as_a_temporary_error(brp_stand_in, client, settings):
    settings.BRP_READ_TIMEOUT = 0.2
    settings.BRP_POGINGEN = 1
    bsn = brp_stand_in.persoon()
    brp_stand_in.storing(bsn, vertraging=2)
    with pytest.raises(BrpFout, match="antwoordde niet op tijd") as fout:
        client.een(bsn=bsn, doel=Doel.ACTUALISEREN)
    assert fout.value.tijdelijk
    brp_stand_in.geen_storing()


def test_no_brp_configured_is_said_plainly(client, settings):
    settings.BRP_API_ROOT = ""
    with pytest.raises(BrpFout, match="geen koppeling met de BRP"):
        client.een(bsn="999990056", doel=Doel.ACTUALISEREN)


@pytest.mark.parametrize(
    ("nationaliteiten", "code"),
    [
        (["Syrische"], "SY"),
        (["Staatloos", "Eritrese"], "ER"),
        (["Poolse"], "PL"),
        (["Onbekend"], ""),
    ],
)
def test_the_nationality_becomes_the_country_code_of_the_persons_field(
    brp_stand_in, client, nationaliteiten, code
):
    persoon = client.een(
        bsn=brp_stand_in.persoon(nationaliteiten=nationaliteiten), doel=Doel.ACTUALISEREN
    )
    assert persoon.nationaliteiten == tuple(nationaliteiten)
    assert persoon.nationaliteit == code
    assert ("nationaliteit" in persoon.persoonsgegevens) is bool(code)
