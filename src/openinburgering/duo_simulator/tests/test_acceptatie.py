"""DUO's acceptance rules (DOMAIN.md 9.3, R11-R19, R36-R40, R48): for each rule an accepted and
a refused case, through the HTTP API. Refusals are 403 with a list of ``fouttekst``, as DUO's
specs declare for PIP, aanbod and MAP/PVT/Z-route."""

import pytest

from .conftest import GEMEENTE_A, GEMEENTE_B

GEZIN = {"gedetailleerdeDoelgroep": "Gezinsvormer"}
EERDER_PIP = {"pip": {"gemeenteOin": GEMEENTE_A, "dagtekeningPip": "2026-03-01", "leerroute": "B"}}

PIP_GEVALLEN = [
    # id, person, body, status, error text (None: accepted)
    ("R11 dagtekening voor start plicht", {"vestigingsdatum": "2025-12-01"},
     {"dagtekeningPip": "2025-12-31", "leerroute": "B"},
     403, "De datum dagtekening van het PIP ligt voor de start van de inburgeringsplicht."),
    ("R11/R12 dagtekening op vestigingsdatum", {}, {"dagtekeningPip": "2026-01-10", "leerroute": "B"},
     201, None),
    ("R12 dagtekening voor vestiging", {}, {"dagtekeningPip": "2026-01-09", "leerroute": "B"},
     403, "De datum dagtekening van het PIP ligt voor de vestiging van de inburgeraar bij de "
     "gemeente."),
    ("R13 wijziging voor actueel PIP", EERDER_PIP, {"dagtekeningPip": "2026-02-28", "leerroute": "B"},
     403, "De datum dagtekening van het gewijzigde PIP ligt voor de datum dagtekening van het "
     "initiële PIP of van het actuele PIP."),
    ("R13 wijziging op dag actueel PIP", EERDER_PIP, {"dagtekeningPip": "2026-03-01", "leerroute": "O"},
     201, None),
    ("R14 A2 met onderwijsroute", {}, {"dagtekeningPip": "2026-02-01", "leerroute": "O", "niveau": "A2"},
     403, "Niveau A2 mag niet in combinatie met de onderwijsroute worden aangeleverd."),
    ("R14 B1 met onderwijsroute", {}, {"dagtekeningPip": "2026-02-01", "leerroute": "O", "niveau": "B1"},
     201, None),
    ("R15 B1 met Z-route", {}, {"dagtekeningPip": "2026-02-01", "leerroute": "Z", "niveau": "B1"},
     403, "Niveau B1 mag niet in combinatie met de Z-route worden aangeleverd."),
    ("R15 A2 met Z-route", {}, {"dagtekeningPip": "2026-02-01", "leerroute": "Z", "niveau": "A2"},
     201, None),
    ("R16 A2 met B1-route bij eerste PIP", {},
     {"dagtekeningPip": "2026-02-01", "leerroute": "B", "niveau": "A2"},
     403, "Niveau A2 mag niet in combinatie met de B1-route worden aangeleverd bij het eerste PIP "
     "van deze persoon."),
    ("R16 A2 met B1-route bij later PIP", EERDER_PIP,
     {"dagtekeningPip": "2026-04-01", "leerroute": "B", "niveau": "A2"}, 201, None),
    ("R18 intensiteit B1-route asiel", {},
     {"dagtekeningPip": "2026-02-01", "leerroute": "B", "geschatteIntensiteitB1Route": 900},
     201, None),
    ("R18 intensiteit bij gezinsmigrant", GEZIN,
     {"dagtekeningPip": "2026-02-01", "leerroute": "B", "geschatteIntensiteitB1Route": 900},
     403, "Geschatte intensiteit B1-route mag alleen bij een asielstatushouder worden aangeleverd."),
    ("R18 intensiteit bij onderwijsroute", {},
     {"dagtekeningPip": "2026-02-01", "leerroute": "O", "geschatteIntensiteitB1Route": 900},
     403, "Geschatte intensiteit B1-route mag alleen bij de B1-route worden aangeleverd."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("persoon", "body", "status", "fout"),
    [g[1:] for g in PIP_GEVALLEN],
    ids=[g[0] for g in PIP_GEVALLEN],
)
def test_pip_rules(simulator, persoon, body, status, fout):
    bsn = simulator.persoon(**persoon)
    aantal_voor = len(simulator.staat(bsn)["pips"])
    antwoord = simulator.duo("POST", f"/personen/{bsn}/PIP", body)
    assert antwoord.status == status, antwoord.raw
    if fout:
        assert antwoord.fouten == [fout]
        assert len(simulator.staat(bsn)["pips"]) == aantal_voor
    else:
        assert antwoord.raw == b""
        assert (
            simulator.duo("GET", f"/personen/{bsn}/PIP").json["pip"]["dagtekeningPip"]
            == (body["dagtekeningPip"])
        )


def test_pip_all_violations_in_one_answer(simulator):
    bsn = simulator.persoon(**GEZIN)
    antwoord = simulator.duo(
        "POST",
        f"/personen/{bsn}/PIP",
        {
            "dagtekeningPip": "2025-12-01",
            "leerroute": "O",
            "niveau": "A2",
            "geschatteIntensiteitB1Route": 10,
        },
    )
    assert antwoord.status == 403
    assert len(antwoord.fouten) == 5


@pytest.mark.parametrize(("leerroute", "niveau"), [("B", "B1"), ("O", "B1"), ("Z", None)])
def test_r17_missing_level_defaults_to_b1_for_b_and_o(simulator, leerroute, niveau):
    bsn = simulator.persoon()
    body = {"dagtekeningPip": "2026-02-01", "leerroute": leerroute}
    assert simulator.duo("POST", f"/personen/{bsn}/PIP", body).status == 201
    pip = simulator.duo("GET", f"/personen/{bsn}/PIP").json
    assert pip == {
        "gemeentecode": "0001",
        "pip": {**body, **({"niveau": niveau} if niveau else {})},
    }


def test_r7_r8_term_starts_day_after_first_pip_and_is_not_moved(simulator):
    bsn = simulator.persoon()
    assert simulator.duo("GET", f"/personen/{bsn}/inburgeringstermijn").status == 404
    eerste = {"dagtekeningPip": "2026-03-14", "leerroute": "B"}
    assert simulator.duo("POST", f"/personen/{bsn}/PIP", eerste).status == 201
    tweede = {"dagtekeningPip": "2026-05-01", "leerroute": "Z"}
    assert simulator.duo("POST", f"/personen/{bsn}/PIP", tweede).status == 201
    termijn = simulator.duo("GET", f"/personen/{bsn}/inburgeringstermijn").json
    assert (termijn["startdatum"], termijn["einddatum"]) == ("2026-03-15", "2029-03-15")
    historie = simulator.duo("GET", f"/personen/{bsn}/inburgeringstermijn/historie").json
    assert [h["einddatum"] for h in historie] == ["2029-03-15"]


def test_term_from_leap_day(simulator):
    bsn = simulator.persoon()
    body = {"dagtekeningPip": "2028-02-28", "leerroute": "B"}
    assert simulator.duo("POST", f"/personen/{bsn}/PIP", body).status == 201
    termijn = simulator.duo("GET", f"/personen/{bsn}/inburgeringstermijn").json
    assert (termijn["startdatum"], termijn["einddatum"]) == ("2028-02-29", "2031-03-01")


# --- R19: deleting a PIP ------------------------------------------------------------------------
def test_r19_delete_pip_while_term_not_set(simulator):
    bsn = simulator.persoon(termijnAutomatisch=False)
    simulator.duo(
        "POST", f"/personen/{bsn}/PIP", {"dagtekeningPip": "2026-02-01", "leerroute": "B"}
    )
    assert simulator.duo("DELETE", f"/personen/{bsn}/PIP").status == 200
    assert simulator.duo("GET", f"/personen/{bsn}/PIP").status == 404
    assert simulator.duo("DELETE", f"/personen/{bsn}/PIP").status == 404


@pytest.mark.parametrize(
    ("persoon", "uren", "bron", "fout"),
    [
        ({}, None, GEMEENTE_A,
         "Het PIP kan niet worden verwijderd: de inburgeringstermijn is al vastgesteld."),
        ({"termijnAutomatisch": False}, 12, GEMEENTE_A,
         "Het PIP kan niet worden verwijderd: er zijn al cursusdeelnameuren geregistreerd."),
        ({"termijnAutomatisch": False, "inCoa": True, "coaGemeenteOin": GEMEENTE_B}, None,
         GEMEENTE_B, "Alleen de gemeente van het actuele PIP kan dit PIP verwijderen."),
    ],
    ids=["termijn vastgesteld", "cursusuren", "andere gemeente"],
)  # fmt: skip
def test_r19_delete_pip_refused(simulator, persoon, uren, bron, fout):
    bsn = simulator.persoon(**persoon)
    pip = {"dagtekeningPip": "2026-02-01", "leerroute": "B"}
    assert simulator.duo("POST", f"/personen/{bsn}/PIP", pip, bron=GEMEENTE_A).status in (201, 403)
    if persoon.get("inCoa"):  # the COA-linked gemeente B sees the person; the PIP is A's
        simulator.sim("POST", "/personen", {"bsn": bsn, "pip": {**pip, "gemeenteOin": GEMEENTE_A}})
    if uren:
        body = {"uren": uren}
        assert simulator.duo("PUT", f"/personen/{bsn}/uren/participatietaalles", body).status == 200
    antwoord = simulator.duo("DELETE", f"/personen/{bsn}/PIP", bron=bron)
    assert antwoord.status == 403
    assert antwoord.fouten == [fout]


# --- Inburgeringsaanbod (R36-R38) ------------------------------------------------------------------
BOW = "1000000001"  # BoW only
TST = "1000000003"  # TST only
AANBOD = {
    "datumInburgeringsaanbod": "2026-02-10",
    "verwachteStartdatumOpleiding": "2026-03-01",
    "verwachteEinddatumOpleiding": "2027-03-01",
    "indicatorAlfabetiseringsonderwijs": "NVT",
}
PIP_B = {"gemeenteOin": GEMEENTE_A, "dagtekeningPip": "2026-02-01", "leerroute": "B"}
PIP_O = {**PIP_B, "leerroute": "O"}

AANBOD_GEVALLEN = [
    ("asiel met PIP en BoW", {"pip": PIP_B}, BOW, {}, 201, None),
    ("R36 gezinsmigrant", {**GEZIN, "pip": PIP_B}, BOW, {}, 403,
     "Een inburgeringsaanbod kan alleen voor een asielstatushouder worden geregistreerd."),
    ("R36 geen PIP", {}, BOW, {}, 403, "De persoon heeft geen PIP; registreer eerst het PIP."),
    ("R37 onbekende instelling", {"pip": PIP_B}, "9999999999", {}, 403,
     "De instelling is niet bekend bij DUO als erkende cursusinstelling."),
    ("R37 TST bij B1-route", {"pip": PIP_B}, TST, {}, 403,
     "De instelling heeft geen Blik op Werk-keurmerk."),
    ("R37 TST bij onderwijsroute", {"pip": PIP_O}, TST, {}, 201, None),
    ("R38 datum voor PIP", {"pip": PIP_B}, BOW, {"datumInburgeringsaanbod": "2026-01-31"}, 403,
     "De datum inburgeringsaanbod ligt voor de datum dagtekening van het actuele PIP."),
    ("start voor aanbod", {"pip": PIP_B}, BOW, {"verwachteStartdatumOpleiding": "2026-02-09"}, 403,
     "De verwachte startdatum opleiding ligt voor de datum inburgeringsaanbod."),
    ("eind voor start", {"pip": PIP_B}, BOW, {"verwachteEinddatumOpleiding": "2026-02-28"}, 403,
     "De verwachte einddatum opleiding ligt voor de verwachte startdatum opleiding."),
    ("R38 start buiten termijn", {"pip": PIP_B}, BOW,
     {"datumInburgeringsaanbod": "2026-02-01", "verwachteStartdatumOpleiding": "2026-02-01"}, 403,
     "De verwachte startdatum opleiding ligt buiten de inburgeringstermijn."),
    ("R38 eind buiten termijn", {"pip": PIP_B}, BOW, {"verwachteEinddatumOpleiding": "2029-02-03"},
     403, "De verwachte einddatum opleiding ligt buiten de inburgeringstermijn."),
    ("R38 eind op einde termijn", {"pip": PIP_B}, BOW, {"verwachteEinddatumOpleiding": "2029-02-02"},
     201, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("persoon", "instelling", "wijziging", "status", "fout"),
    [g[1:] for g in AANBOD_GEVALLEN],
    ids=[g[0] for g in AANBOD_GEVALLEN],
)
def test_aanbod_rules(simulator, persoon, instelling, wijziging, status, fout):
    bsn = simulator.persoon(**persoon)
    body = {**AANBOD, **wijziging}
    antwoord = simulator.duo("POST", f"/personen/{bsn}/Inburgeringsaanbod/{instelling}", body)
    assert antwoord.status == status, antwoord.raw
    aanbod = simulator.staat(bsn)["aanbod"]
    if fout:
        assert antwoord.fouten == [fout]
        assert aanbod == {}
    else:
        assert set(aanbod) == {instelling}


def test_r38_one_record_per_institution_new_delivery_replaces(simulator):
    bsn = simulator.persoon(pip=PIP_B)
    pad = f"/personen/{bsn}/Inburgeringsaanbod/{BOW}"
    assert simulator.duo("POST", pad, AANBOD).status == 201
    tweede = {"datumInburgeringsaanbod": "2026-04-01", "indicatorAlfabetiseringsonderwijs": "A"}
    assert simulator.duo("POST", pad, tweede).status == 201
    aanbod = simulator.staat(bsn)["aanbod"]
    assert list(aanbod) == [BOW]
    assert aanbod[BOW]["datumInburgeringsaanbod"] == "2026-04-01"
    assert "verwachteStartdatumOpleiding" not in aanbod[BOW]
    assert simulator.duo("DELETE", pad).status == 204
    assert simulator.duo("DELETE", pad).status == 404
    assert simulator.staat(bsn)["aanbod"] == {}


def test_instellingen_list(simulator):
    antwoord = simulator.duo("GET", "/instellingen")
    assert antwoord.status == 200
    assert {i["instellingsnummer"] for i in antwoord.json} >= {BOW, TST}


# --- MAP and PVT (R39, R40) -------------------------------------------------------------------
# The own PIP is dated 2026-01-15: term 2026-01-16 up to (excl.) 2029-01-16. Today 2026-06-01.
MAP_PIP = {"gemeenteOin": GEMEENTE_A, "dagtekeningPip": "2026-01-15", "leerroute": "B"}
MAP_GEVALLEN = [
    # id, today, datum, verwijtbaar, status, error (with {label})
    ("datum in termijn", None, "2026-05-01", None, 200, None),
    ("R39 voor start termijn", None, "2026-01-15", None, 403,
     "De {label} ligt voor de startdatum van de inburgeringstermijn."),
    ("R39 in de toekomst", None, "2026-06-02", None, 403, "De {label} ligt in de toekomst."),
    ("R40 verwijtbaar bij datum voor einde termijn", None, "2026-05-01", "Nee", 403,
     "'Verwijtbaar' mag niet worden geleverd als de {label} voor de einddatum van de "
     "inburgeringstermijn ligt."),
    ("R40 overschreden zonder verwijtbaar", "2029-02-01", None, None, 403,
     "'Verwijtbaar' ontbreekt, terwijl de inburgeringstermijn is overschreden."),
    ("R40 overschreden met Ja", "2029-02-01", None, "Ja", 200, None),
    ("R40 datum na einde termijn met Ja", "2029-02-01", "2029-01-20", "Ja", 200, None),
    ("R40 datum na einde termijn zonder verwijtbaar", "2029-02-01", "2029-01-20", None, 403,
     "'Verwijtbaar' ontbreekt, terwijl de inburgeringstermijn is overschreden."),
    ("R40 Nee binnen twee maanden voor einde", "2028-11-16", None, "Nee", 200, None),
    ("R40 Nee eerder dan twee maanden voor einde", "2028-11-15", None, "Nee", 403,
     "'Verwijtbaar' mag alleen 'Nee' zijn als de einddatum van de inburgeringstermijn binnen "
     "twee maanden valt."),
    ("R40 Ja zonder overschrijding", "2028-12-01", None, "Ja", 403,
     "'Verwijtbaar' mag alleen 'Ja' zijn als de inburgeringstermijn is overschreden."),
]  # fmt: skip
LABELS = {"map": ("datumEindgesprekMap", "datum eindgesprek MAP"),
          "pvt": ("datumOndertekeningPvt", "datum ondertekening PVT")}  # fmt: skip


@pytest.mark.parametrize("soort", ["map", "pvt"])
@pytest.mark.parametrize(
    ("vandaag", "datum", "verwijtbaar", "status", "fout"),
    [g[1:] for g in MAP_GEVALLEN],
    ids=[g[0] for g in MAP_GEVALLEN],
)
def test_map_pvt_rules(simulator, soort, vandaag, datum, verwijtbaar, status, fout):
    veld, label = LABELS[soort]
    bsn = simulator.persoon(pip=MAP_PIP)
    if vandaag:
        simulator.klok(vandaag)
    body = {veld: datum, "verwijtbaar": verwijtbaar}
    body = {k: v for k, v in body.items() if v is not None}
    antwoord = simulator.duo("PUT", f"/personen/{bsn}/{soort}", body)
    assert antwoord.status == status, antwoord.raw
    if fout:
        assert fout.format(label=label) in antwoord.fouten
        assert simulator.staat(bsn).get(soort) is None
    elif datum:
        assert simulator.duo("GET", f"/personen/{bsn}/{soort}").json == {veld: datum}


@pytest.mark.parametrize("soort", ["map", "pvt"])
def test_map_pvt_needs_own_current_pip(simulator, soort):
    veld, _ = LABELS[soort]
    bsn = simulator.persoon(pip={**MAP_PIP, "gemeenteOin": GEMEENTE_B})
    antwoord = simulator.duo("PUT", f"/personen/{bsn}/{soort}", {veld: "2026-05-01"})
    assert antwoord.status == 403
    assert antwoord.fouten == ["Uw gemeente heeft geen actueel PIP voor deze inburgeraar."]


@pytest.mark.parametrize("soort", ["map", "pvt"])
def test_map_pvt_change_only_by_gemeente_that_delivered(simulator, soort):
    veld, label = LABELS[soort]
    bsn = simulator.persoon(pip=MAP_PIP)
    assert simulator.duo("PUT", f"/personen/{bsn}/{soort}", {veld: "2026-05-01"}).status == 200
    # the person moves to B, which sets a new PIP
    simulator.sim("POST", "/personen", {"bsn": bsn, "woongemeenteOin": GEMEENTE_B,
                                        "pip": {**MAP_PIP, "gemeenteOin": GEMEENTE_B,
                                                "dagtekeningPip": "2026-05-10"}})  # fmt: skip
    antwoord = simulator.duo(
        "PUT", f"/personen/{bsn}/{soort}", {veld: "2026-05-20"}, bron=GEMEENTE_B
    )
    assert antwoord.status == 403
    assert antwoord.fouten == [
        f"Bij een wijziging moet de {label} eerder door uw gemeente zijn geleverd."
    ]


@pytest.mark.parametrize("soort", ["map", "pvt"])
def test_map_pvt_and_zroute_completion(simulator, soort):
    veld, label = LABELS[soort]
    bsn = simulator.persoon(pip={**MAP_PIP, "leerroute": "Z"})
    assert simulator.duo("PUT", f"/personen/{bsn}/{soort}", {veld: "2026-05-01"}).status == 200
    zroute = {"datumAfrondingZroute": "2026-04-01"}
    assert simulator.duo("PUT", f"/personen/{bsn}/zroute", zroute).status == 200
    na = simulator.duo("PUT", f"/personen/{bsn}/{soort}", {veld: "2026-05-01"})
    assert na.fouten == [f"De {label} ligt na de datum afronding Z-route."]
    leeg = simulator.duo("PUT", f"/personen/{bsn}/{soort}", {})
    assert leeg.fouten == [
        f"De {label} mag niet leeg zijn als de datum afronding Z-route is geregistreerd."
    ]
    assert simulator.duo("PUT", f"/personen/{bsn}/{soort}", {veld: "2026-03-31"}).status == 200


def test_map_put_replaces_whole_resource(simulator):
    bsn = simulator.persoon(pip=MAP_PIP)
    simulator.klok("2029-02-01")
    volledig = {"datumEindgesprekMap": "2029-01-20", "verwijtbaar": "Ja"}
    assert simulator.duo("PUT", f"/personen/{bsn}/map", volledig).status == 200
    assert simulator.staat(bsn)["map"]["verwijtbaar"] == "Ja"
    simulator.klok("2028-12-01")
    assert (
        simulator.duo("PUT", f"/personen/{bsn}/map", {"datumEindgesprekMap": "2028-11-01"}).status
        == 200
    )
    assert "verwijtbaar" not in simulator.staat(bsn)["map"]
    assert simulator.duo("PUT", f"/personen/{bsn}/map", {}).status == 200  # withdraw
    assert simulator.duo("GET", f"/personen/{bsn}/map").status == 404


@pytest.mark.parametrize(
    ("leerroute", "datum", "status"),
    [("Z", "2026-05-01", 200), ("B", "2026-05-01", 403), ("Z", "2026-06-02", 403)],
)
def test_zroute_completion(simulator, leerroute, datum, status):
    bsn = simulator.persoon(pip={**MAP_PIP, "leerroute": leerroute})
    antwoord = simulator.duo("PUT", f"/personen/{bsn}/zroute", {"datumAfrondingZroute": datum})
    assert antwoord.status == status


# --- Contactpersoon (R48) ---------------------------------------------------------------------
CONTACT = {"naam": "Anna de Vries", "email": "anna@demodam.nl", "telefoonnummer": "020-1234567"}


def test_r48_linking_replaces_and_deleting_contact_removes_links(simulator):
    bsn = simulator.persoon()
    c1 = simulator.duo("POST", "/contactpersonen", CONTACT)
    assert c1.status == 201
    assert c1.json == {"id": 1, "contactpersoongegevens": CONTACT}
    c2 = simulator.duo("POST", "/contactpersonen", {**CONTACT, "naam": "Bram Jansen"}).json["id"]
    assert simulator.duo("POST", f"/contactpersonen/1/personen/{bsn}").status == 201
    assert simulator.duo("POST", f"/contactpersonen/{c2}/personen/{bsn}").status == 201
    koppelingen = simulator.staat(bsn)["contactpersonen"]
    assert [k["contactpersoonId"] for k in koppelingen] == [c2]
    assert simulator.duo("DELETE", f"/contactpersonen/1/personen/{bsn}").status == 404
    gewijzigd = {**CONTACT, "naam": "Bram de Jong"}
    assert simulator.duo("PUT", f"/contactpersonen/{c2}", gewijzigd).status == 200
    assert simulator.staat(bsn)["contactpersonen"][0]["contactpersoongegevens"] == gewijzigd
    assert simulator.duo("DELETE", f"/contactpersonen/{c2}").status == 200
    assert simulator.staat(bsn)["contactpersonen"] == []
    assert simulator.duo("PUT", f"/contactpersonen/{c2}", CONTACT).status == 404


def test_contact_of_other_gemeente_is_refused(simulator):
    id_ = simulator.duo("POST", "/contactpersonen", CONTACT, bron=GEMEENTE_B).json["id"]
    assert simulator.duo("PUT", f"/contactpersonen/{id_}", CONTACT).status == 403
    assert simulator.duo("DELETE", f"/contactpersonen/{id_}").status == 403


# --- hours, LBT, exams, exemptions (seeded, read-only) -----------------------------------------
def test_uren(simulator):
    bsn = simulator.persoon()
    for pad, uren in [("participatietaalles", 120), ("participatieactiviteiten", 40),
                      ("bredeintake/taallesknm", 16)]:  # fmt: skip
        assert simulator.duo("PUT", f"/personen/{bsn}/uren/{pad}", {"uren": uren}).status == 200
    assert (
        simulator.duo("PUT", f"/personen/{bsn}/uren/participatietaalles", {"uren": -1}).status
        == 400
    )
    [gemeente] = simulator.duo("GET", f"/personen/{bsn}/uren").json
    assert gemeente["gemeentecode"] == "0001"
    assert gemeente["ParticipatieAlsTaalles"] == {"uren": 120}
    assert gemeente["ParticipatieactiviteitenBredeIntake"] == {"uren": 40}
    assert gemeente["TaallesEnKnmBredeIntake"] == {"uren": 16}


def test_leerbaarheidstoets(simulator):
    resultaat = {"resultaat": "B1-route haalbaar", "behaaldeScore": "31,00",
                 "benodigdeScore": "28,00", "datumAfname": "2026-02-01"}  # fmt: skip
    bsn = simulator.persoon(lbt={"examennummer": "LBT123456"})
    assert simulator.duo("GET", f"/personen/{bsn}/lbt/examennummer").json == {
        "examennummer": "LBT123456"
    }
    assert simulator.duo("GET", f"/personen/{bsn}/lbt/resultaten").json == []
    assert simulator.duo("DELETE", f"/personen/{bsn}/lbt/examennummer").status == 200
    assert simulator.duo("GET", f"/personen/{bsn}/lbt/examennummer").status == 404
    afgenomen = simulator.persoon(lbt={"examennummer": "LBT654321", "resultaten": [resultaat]})
    assert simulator.duo("GET", f"/personen/{afgenomen}/lbt/resultaten").json == [resultaat]
    assert simulator.duo("DELETE", f"/personen/{afgenomen}/lbt/examennummer").status == 403


def test_seeded_read_only_data_conforms_to_spec(simulator):
    bsn = simulator.persoon(
        vNummer=1234567890,
        examenresultaten=[{"examendatum": "2026-05-01", "resultaat": "Gezakt", "onderdeel": "LE",
                           "niveau": "B1"},
                          {"examendatum": "2026-05-02", "resultaat": "Geen", "onderdeel": "KNM",
                           "redenGeenResultaat": "Nietverwijtbaar"}],
        gratisPogingen=[{"onderdeel": "LE", "gratisPogingenTegoed": 2}],
        vrijstellingen=[{"GedeeltelijkeVrijstelling": {"reden": "GED", "oordeel": "Toekenning",
                                                        "examenonderdeel": "LE", "examenniveau": "B1"}}],
        ontheffingen=[{"GeheleOntheffing": {"oordeel": "Afwijzing", "datumOordeel": "2026-04-01",
                                            "grond": "MED"}}],
    )  # fmt: skip
    for pad in ("examens/resultaten", "examens/gratispogingen", "vrijstellingen", "ontheffingen",
                "inburgeringsplicht", "inburgeringsplicht/historie", "doelgroep",
                "doelgroep/historie", "inburgeringstermijn/historie"):  # fmt: skip
        antwoord = simulator.duo("GET", f"/personen/{bsn}/{pad}")
        assert antwoord.status == 200, pad
    assert len(simulator.duo("GET", f"/personen/{bsn}/examens/resultaten").json) == 2
    assert simulator.duo("GET", "/verlengingsgronden").status == 200


def test_doelgroep_change_is_kept_in_history(simulator):
    bsn = simulator.persoon(
        gedetailleerdeDoelgroep="Gezinsvormer", doelgroepBegindatum="2026-01-01"
    )
    simulator.sim("POST", "/personen", {"bsn": bsn, "doelgroep": "Asielstatushouder",
                                        "doelgroepBegindatum": "2026-04-01",
                                        "asielrechtenWijzigingVerblijfsdoel": "Asielrechten toegekend"})  # fmt: skip
    doelgroep = simulator.duo("GET", f"/personen/{bsn}/doelgroep").json
    assert doelgroep["indeling"] == "Asielstatushouder"
    historie = simulator.duo("GET", f"/personen/{bsn}/doelgroep/historie").json
    assert historie == [
        {"indeling": "Gezinsmigrant en overige migrant", "begindatum": "2026-01-01",
         "einddatum": "2026-03-31"},
        {"indeling": "Asielstatushouder", "begindatum": "2026-04-01"},
    ]  # fmt: skip
