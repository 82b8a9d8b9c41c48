"""The DUO clients: URLs, headers, certificates, dataclasses, errors, and R47 relevance.

Every request sent in these tests is validated against DUO's spec by the ``duo_mock`` fixture.
"""

import uuid
from datetime import date

import pytest
import requests

from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import data
from openinburgering.integrations.duo.client import Duo, InburgeringsplichtClient, PipClient
from openinburgering.integrations.duo.fouten import (
    DuoAfwijzing,
    DuoNietBereikbaar,
    DuoNietGevonden,
    DuoNietRelevant,
    DuoOngeldigAntwoord,
)

from . import voorbeelden
from .conftest import DUO_OIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    bsn = nieuw_bsn()
    inburgeraar_factory(gemeente_a, bsn=bsn)
    return bsn


@pytest.fixture
def duo(gemeente_a):
    return Duo(gemeente_a)


def test_every_read_returns_dataclasses(duo, duo_mock, persoon):
    duo_mock.persoon(persoon)
    duo_mock.antwoord(
        "GET", "/verlengingsgronden", json=voorbeelden.voorbeeld("GET", "/verlengingsgronden")
    )
    duo_mock.antwoord("GET", "/instellingen", json=voorbeelden.voorbeeld("GET", "/instellingen"))

    plicht = duo.plicht.plicht(bsn=persoon)
    assert plicht == data.Inburgeringsplicht(
        indicator=True,
        begindatum=date(2026, 1, 12),
        wijzigingsdatum=date(2026, 1, 12),
        datum_kennisgeving=date(2026, 1, 15),
    )
    assert duo.plicht.plicht_historie(bsn=persoon)[0].begindatum == date(2026, 1, 12)
    assert duo.plicht.doelgroep(bsn=persoon).indeling == "Asielstatushouder"
    assert duo.plicht.doelgroep_historie(bsn=persoon)[0].indeling == "Asielstatushouder"
    assert duo.lbt.examennummer(bsn=persoon).examennummer == "LBT000123456"
    assert duo.lbt.resultaten(bsn=persoon)[0].benodigde_score == "28,00"
    termijn = duo.termijn.termijn(bsn=persoon)
    assert (termijn.startdatum, termijn.einddatum) == (date(2026, 3, 21), date(2029, 3, 21))
    assert duo.termijn.termijn_historie(bsn=persoon)[0].einddatum == date(2029, 3, 21)
    assert duo.termijn.verlengingsgronden()[0].code == "ZIEK"
    vrijstelling = duo.vrijstelling.vrijstellingen(bsn=persoon)[0]
    assert (vrijstelling.soort, vrijstelling.reden) == ("tijdelijk", "OPL")
    ontheffing = duo.ontheffing.ontheffingen(bsn=persoon)[0]
    assert (ontheffing.soort, ontheffing.grond, ontheffing.examenonderdeel) == (
        "gedeeltelijk",
        "MED",
        "SC",
    )
    pip = duo.pip.pip(bsn=persoon)
    assert (pip.gemeentecode, pip.dagtekening, pip.leerroute) == ("0001", date(2026, 3, 20), "B")
    instelling = duo.aanbod.instellingen()[0]
    assert instelling.keurmerk_bow and not instelling.keurmerk_tst
    assert duo.map_pvt_zroute.map(bsn=persoon).datum_eindgesprek == date(2027, 5, 10)
    assert duo.map_pvt_zroute.pvt(bsn=persoon).datum_ondertekening == date(2026, 11, 2)
    uren = duo.uren.uren(bsn=persoon)[0]
    assert (uren.taalles_en_knm_brede_intake, uren.participatie_als_taalles) == (40, None)
    resultaten = duo.examen.resultaten(bsn=persoon)
    assert [r.onderdeel for r in resultaten] == ["LE", "SP"]
    assert duo.examen.gratis_pogingen(bsn=persoon)[0].tegoed == 1
    assert duo.gebeurtenis.gebeurtenissen(bsn=persoon) == [
        data.GebeurtenisBijDuo(
            id="SS101", omschrijving="Persoon is inburgeringsplichtig.", datum=date(2026, 3, 2)
        )
    ]
    assert len(duo_mock.verzoeken) == 19


def test_every_write_sends_a_request_that_conforms_to_the_spec(duo, duo_mock, persoon):
    duo_mock.schrijven()
    bericht_id = uuid.uuid4()
    duo.pip.registreren(
        bsn=persoon,
        pip={"dagtekeningPip": "2026-03-20", "leerroute": "B", "niveau": "B1"},
        bericht_id=bericht_id,
    )
    duo.pip.verwijderen(bsn=persoon)
    duo.lbt.examennummer_verwijderen(bsn=persoon)
    cp = duo.contactpersoon.aanmaken(
        gegevens={"naam": "Ilse de Vries", "email": "a@b.nl", "telefoonnummer": "0201234567"}
    )
    assert cp.id == 42
    duo.contactpersoon.wijzigen(
        id=42, gegevens={"naam": "Ilse", "email": "a@b.nl", "telefoonnummer": "0201234567"}
    )
    duo.contactpersoon.koppelen(id=42, bsn=persoon)
    duo.contactpersoon.ontkoppelen(id=42, bsn=persoon)
    duo.contactpersoon.verwijderen(id=42)
    duo.aanbod.registreren(
        bsn=persoon,
        instellingsnummer="1234567890",
        aanbod={
            "datumInburgeringsaanbod": "2026-04-01",
            "indicatorAlfabetiseringsonderwijs": "NVT",
        },
    )
    duo.aanbod.verwijderen(bsn=persoon, instellingsnummer="1234567890")
    duo.map_pvt_zroute.map_melden(bsn=persoon, resultaat={"datumEindgesprekMap": "2027-05-10"})
    duo.map_pvt_zroute.pvt_melden(bsn=persoon, resultaat={"datumOndertekeningPvt": "2026-11-02"})
    duo.map_pvt_zroute.zroute_melden(bsn=persoon, resultaat={"datumAfrondingZroute": "2028-01-01"})
    for soort in ("taalles_knm_brede_intake", "participatieactiviteiten", "participatie_taalles"):
        duo.uren.melden(bsn=persoon, soort=soort, uren=120)
    verzoeken = duo_mock.verzoeken
    assert len(verzoeken) == 16
    assert verzoeken[0].headers["berichtId"] == str(bericht_id)
    assert verzoeken[0].json()["leerroute"] == "B"


def test_headers_and_url_follow_duos_conventions(duo, duo_mock, persoon, gemeente_a):
    duo_mock.persoon(persoon)
    duo.plicht.plicht(bsn=persoon)
    duo.plicht.plicht(bsn=persoon)
    eerste, tweede = duo_mock.verzoeken
    assert eerste.url == f"http://duo.test/v1/personen/{persoon}/inburgeringsplicht"
    assert eerste.headers["bron"] == gemeente_a.oin
    assert eerste.headers["doel"] == DUO_OIN
    assert uuid.UUID(eerste.headers["berichtId"])
    assert eerste.headers["berichtId"] != tweede.headers["berichtId"], "fresh per request"


def test_api_root_without_version_gets_v1_appended(settings, duo, duo_mock, persoon):
    settings.DUO_API_ROOT = "http://duo.test/"
    duo_mock.persoon(persoon)
    duo.plicht.plicht(bsn=persoon)
    assert duo_mock.verzoeken[0].url.startswith("http://duo.test/v1/personen/")


class _Opnemer(requests.Session):
    def __init__(self):
        super().__init__()
        self.kwargs = None

    def request(self, method, url, **kwargs):
        self.kwargs = kwargs
        response = requests.Response()
        response.status_code = 200
        response._content = b'{"indicatorInburgeringsplicht": false}'
        return response


def test_certificate_ca_bundle_and_timeouts_come_from_the_settings(settings, gemeente_a, persoon):
    settings.DUO_CLIENT_CERT = "/etc/duo/client.pem"
    settings.DUO_CLIENT_KEY = "/etc/duo/client.key"
    settings.DUO_CA_BUNDLE = "/etc/duo/ca.pem"
    settings.DUO_CONNECT_TIMEOUT = 3.0
    settings.DUO_READ_TIMEOUT = 20.0
    sessie = _Opnemer()
    InburgeringsplichtClient(gemeente_a, session=sessie).plicht(bsn=persoon)
    assert sessie.kwargs["cert"] == ("/etc/duo/client.pem", "/etc/duo/client.key")
    assert sessie.kwargs["verify"] == "/etc/duo/ca.pem"
    assert sessie.kwargs["timeout"] == (3.0, 20.0)


def test_without_certificate_settings_requests_defaults_apply(settings, gemeente_a, persoon):
    settings.DUO_CLIENT_CERT = ""
    settings.DUO_CA_BUNDLE = ""
    sessie = _Opnemer()
    InburgeringsplichtClient(gemeente_a, session=sessie).plicht(bsn=persoon)
    assert "cert" not in sessie.kwargs
    assert "verify" not in sessie.kwargs


def test_refusal_with_fouttekst_list_becomes_readable_exception(duo, duo_mock, persoon):
    andere_bsn = nieuw_bsn()
    afwijzing = [*voorbeelden.AFWIJZING_PIP, {"fouttekst": f"Persoon {andere_bsn} onbekend."}]
    duo_mock.antwoord("POST", "/personen/{bsn}/PIP", status=403, json=afwijzing)
    with pytest.raises(DuoAfwijzing) as info:
        PipClient(duo.pip.gemeente).registreren(
            bsn=persoon, pip={"dagtekeningPip": "2026-03-20", "leerroute": "O", "niveau": "A2"}
        )
    fout = info.value
    assert fout.status == 403
    assert fout.meldingen[1] == "Niveau A2 is niet toegestaan bij de onderwijsroute."
    assert andere_bsn not in str(fout), "a BSN in DUO's text is masked"
    assert andere_bsn[-4:] in fout.meldingen[2]
    assert str(fout).startswith("DUO wees het bericht af:")


@pytest.mark.parametrize("status", [500, 502, 503, 429, 408])
def test_server_errors_are_temporary(duo, duo_mock, persoon, status):
    duo_mock.antwoord(
        "GET",
        "/personen/{bsn}/inburgeringsplicht",
        status=status,
        valideer=status in (500, 503),
    )
    with pytest.raises(DuoNietBereikbaar) as info:
        duo.plicht.plicht(bsn=persoon)
    assert info.value.tijdelijk
    assert info.value.status == status


def test_not_found_is_its_own_exception(duo, duo_mock, persoon):
    duo_mock.persoon(persoon, pip=None)
    with pytest.raises(DuoNietGevonden):
        duo.pip.pip(bsn=persoon)


@pytest.mark.parametrize(
    "uitzondering", [requests.ConnectTimeout, requests.ReadTimeout, requests.ConnectionError]
)
def test_network_errors_never_carry_the_url_with_the_bsn(duo, requests_mock, persoon, uitzondering):
    requests_mock.get(
        f"http://duo.test/v1/personen/{persoon}/inburgeringsplicht",
        exc=uitzondering(f"HTTPConnectionPool: /v1/personen/{persoon}/inburgeringsplicht"),
    )
    with pytest.raises(DuoNietBereikbaar) as info:
        duo.plicht.plicht(bsn=persoon)
    assert persoon not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_answer_that_does_not_follow_the_spec_is_reported(duo, requests_mock, persoon):
    requests_mock.get(
        f"http://duo.test/v1/personen/{persoon}/inburgeringsplicht", json={"iets": "anders"}
    )
    with pytest.raises(DuoOngeldigAntwoord):
        duo.plicht.plicht(bsn=persoon)
    requests_mock.get(f"http://duo.test/v1/personen/{persoon}/PIP", text="<html>")
    with pytest.raises(DuoOngeldigAntwoord):
        duo.pip.pip(bsn=persoon)


def test_reading_a_person_without_a_dossier_here_is_refused_before_sending(duo, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    with pytest.raises(DuoNietRelevant) as info:
        duo.plicht.plicht(bsn=bsn)
    assert info.value.regel == "R47"
    assert duo_mock.verzoeken == []


def test_person_of_another_gemeente_is_not_relevant(duo_mock, gemeente_b, persoon):
    duo_mock.persoon(persoon)
    with pytest.raises(DuoNietRelevant):
        Duo(gemeente_b).plicht.plicht(bsn=persoon)


def test_person_who_moved_away_is_no_longer_relevant(duo, duo_mock, gemeente_a, persoon):
    from openinburgering.inburgeraars.models import Dossier

    Dossier.objects.filter(gemeente=gemeente_a).update(status="afgerond", eindreden="verhuisd")
    duo_mock.persoon(persoon)
    with pytest.raises(DuoNietRelevant):
        duo.plicht.plicht(bsn=persoon)


def test_notification_from_duo_makes_a_new_person_relevant(duo_mock, gemeente_a):
    from openinburgering.integrations.duo.models import Notificatie

    bsn = nieuw_bsn()
    notificatie = Notificatie(gemeente=gemeente_a)
    notificatie.zet_bsn(bsn)
    duo_mock.persoon(bsn)
    assert Duo(gemeente_a, notificatie=notificatie).plicht.plicht(bsn=bsn).indicator
    with pytest.raises(DuoNietRelevant):
        Duo(gemeente_a, notificatie=notificatie).plicht.plicht(bsn=nieuw_bsn())
