"""The BRP stand-in against the BRP API Personen 2.7.0: what it accepts, what it answers, and
that every answer validates against the specification (``conftest.assert_conform``)."""

import time

import pytest

from .conftest import AMIRA, SELAM, SPEC, YONAS, start_stand_in


def test_a_known_person_is_answered_with_name_birth_date_and_address(stand_in):
    antwoord = stand_in.raadpleeg(AMIRA["bsn"])
    assert antwoord.status == 200
    [persoon] = antwoord.json["personen"]
    assert persoon["naam"]["voornamen"] == "Amira Lina"
    assert persoon["naam"]["geslachtsnaam"] == "Proefdijk"
    assert persoon["geboorte"]["datum"] == {
        "type": "Datum", "datum": "1991-09-14", "langFormaat": "14 september 1991"
    }  # fmt: skip
    adres = persoon["verblijfplaats"]["verblijfadres"]
    assert (adres["officieleStraatnaam"], adres["huisnummer"], adres["huisletter"]) == (
        "Kastanjelaan", 12, "b"
    )  # fmt: skip
    assert adres["postcode"] == "9912 AB"
    assert persoon["adressering"]["adresregel1"] == "Kastanjelaan 12b"
    assert persoon["gemeenteVanInschrijving"] == {"code": "9001", "omschrijving": "Demodam"}
    assert "geheimhoudingPersoonsgegevens" not in persoon
    assert "inOnderzoek" not in persoon["verblijfplaats"]


def test_only_the_fields_asked_for_are_answered(stand_in):
    antwoord = stand_in.raadpleeg(AMIRA["bsn"], fields=["naam.geslachtsnaam", "geboorte.datum"])
    [persoon] = antwoord.json["personen"]
    assert persoon == {
        "naam": {"geslachtsnaam": "Proefdijk"},
        "geboorte": {
            "datum": {"type": "Datum", "datum": "1991-09-14", "langFormaat": "14 september 1991"}
        },  # fmt: skip
    }


def test_confidentiality_and_an_address_under_investigation_come_along(stand_in):
    antwoord = stand_in.raadpleeg(YONAS["bsn"], fields=["naam.voornamen", "verblijfplaats"])
    [persoon] = antwoord.json["personen"]
    assert persoon["geheimhoudingPersoonsgegevens"] is True
    onderzoek = persoon["verblijfplaats"]["inOnderzoek"]
    assert onderzoek["datumIngangOnderzoek"]["datum"] == "2026-10-01"
    assert persoon["verblijfplaats"]["verblijfadres"]["inOnderzoek"]["postcode"] is True


def test_a_deceased_person_is_answered_with_the_date_of_death(stand_in):
    [persoon] = stand_in.raadpleeg(SELAM["bsn"]).json["personen"]
    assert persoon["overlijden"]["datum"]["datum"] == "2026-11-20"
    assert "verblijfplaats" not in persoon


def test_an_unknown_bsn_gives_an_empty_list_as_the_brp_does(stand_in):
    antwoord = stand_in.raadpleeg("999990056")
    assert antwoord.status == 200
    assert antwoord.json == {"type": "RaadpleegMetBurgerservicenummer", "personen": []}


@pytest.mark.parametrize(
    "body, naam",
    [
        ({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["12345678"],
          "fields": ["naam"]}, "burgerservicenummer.0"),
        ({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"]},
         "fields"),
        ({"type": "RaadpleegMetBurgerservicenummer", "fields": ["naam"]}, "burgerservicenummer"),
        ({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"],
          "fields": []}, "fields"),
        ({"type": "Onzin", "burgerservicenummer": ["999990019"], "fields": ["naam"]}, "type"),
        ({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"],
          "fields": ["naam; drop"]}, "fields.0"),
        ({"type": "RaadpleegMetBurgerservicenummer", "burgerservicenummer": ["999990019"] * 21,
          "fields": ["naam"]}, "burgerservicenummer"),
    ],
)  # fmt: skip
def test_a_request_that_breaks_the_spec_is_a_400_naming_the_parameter(stand_in, body, naam):
    antwoord = stand_in.personen(body)
    assert antwoord.status == 400
    assert naam in {p["name"] for p in antwoord.json["invalidParams"]}


def test_fields_must_exist_and_may_not_name_what_the_brp_delivers_itself(stand_in):
    antwoord = stand_in.raadpleeg(AMIRA["bsn"], fields=["naam", "schoenmaat"])
    assert antwoord.status == 400
    assert antwoord.json["invalidParams"][0]["name"] == "fields.1"
    antwoord = stand_in.raadpleeg(AMIRA["bsn"], fields=["geheimhoudingPersoonsgegevens"])
    assert antwoord.status == 400
    antwoord = stand_in.raadpleeg(AMIRA["bsn"], fields=["verblijfplaats.inOnderzoek"])
    assert antwoord.status == 400


def test_the_field_paths_come_from_the_spec():
    assert {"naam.voornamen", "verblijfplaats.verblijfadres.postcode", "adressering.adresregel1",
            "overlijden.datum", "nationaliteiten.nationaliteit"} <= SPEC.veldpaden  # fmt: skip
    assert "inOnderzoek" not in SPEC.veldpaden


def test_not_json_or_another_media_type_is_refused(stand_in):
    assert stand_in.personen(raw=b"{niet json").status == 400
    antwoord = stand_in._http("POST", "/personen", b"<xml/>", {"Content-Type": "text/xml"})
    assert antwoord.status == 415


@pytest.mark.parametrize("status", [401, 403, 404, 500, 503])
def test_a_fault_for_one_bsn_answers_with_that_status(stand_in, status):
    stand_in.sim("POST", "/storingen", {"bsn": AMIRA["bsn"], "status": status, "aantal": 1})
    antwoord = stand_in.raadpleeg(AMIRA["bsn"])
    assert antwoord.status == status
    assert antwoord.json["status"] == status
    # aantal 1: the next request is answered normally, and other people were never affected.
    assert stand_in.raadpleeg(AMIRA["bsn"]).status == 200


def test_a_slow_answer_waits(stand_in):
    stand_in.sim("POST", "/storingen", {"bsn": "*", "vertraging": 0.5})
    begin = time.monotonic()
    assert stand_in.raadpleeg(AMIRA["bsn"]).status == 200
    assert time.monotonic() - begin >= 0.5


def test_the_api_key_is_checked_when_set():
    app, server = start_stand_in(api_key="geheim-voor-de-test")
    from .conftest import StandInClient

    client = StandInClient(app, server)
    try:
        app.zaaien([AMIRA])
        assert client.raadpleeg(AMIRA["bsn"]).status == 401
        antwoord = client.raadpleeg(AMIRA["bsn"], headers={"X-API-KEY": "geheim-voor-de-test"})
        assert antwoord.status == 200
        assert client.sim("GET", "/verzoeken").json[-1]["apiKey"] == "geheim-voor-de-test"
    finally:
        server.stop()


def test_seeding_checks_every_person_first(stand_in):
    slecht = {**AMIRA, "bsn": "123456789"}
    antwoord = stand_in.sim("POST", "/zaaien", {"personen": [{**AMIRA, "bsn": "999990056"},
                                                             slecht]})  # fmt: skip
    assert antwoord.status == 400
    assert "11-proef" in antwoord.json["fout"]
    assert stand_in.sim("GET", "/personen/999990056").status == 404
    antwoord = stand_in.sim("POST", "/personen", {**AMIRA, "bsn": "999990056"})
    assert antwoord.status == 201
    assert stand_in.raadpleeg("999990056").json["personen"][0]["naam"]["geslachtsnaam"]


def test_every_request_is_kept_for_the_tests(stand_in):
    stand_in.raadpleeg(AMIRA["bsn"], fields=["naam"])
    [verzoek] = stand_in.sim("GET", "/verzoeken").json
    assert verzoek["body"]["fields"] == ["naam"]
    assert verzoek["status"] == 200
