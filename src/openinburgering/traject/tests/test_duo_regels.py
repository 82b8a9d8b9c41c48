"""Table tests through the service layer for every date and culpability rule that reaches DUO,
and contract tests of every message against DUO's OpenAPI files."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.regels.codes import Leerroute
from openinburgering.traject import afronding, duo, pvt, uren
from openinburgering.traject import map as map_diensten
from openinburgering.traject.models import Afronding, MapActiviteit, Onderdeel, Urenregistratie

from .contract import valideer

pytestmark = pytest.mark.django_db
D = date.fromisoformat
# PIP dated 2024-03-14 → term 2024-03-15 up to and including 2027-03-14 (R7/R8).
VANDAAG = "2025-06-02"


@pytest.fixture
def actor(gemeente_a):
    return Actor(gemeente=gemeente_a, systeem="test")


@pytest.fixture
def dossier(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a).dossier


def _leg_vast(actor, dossier, onderdeel, datum, verwijtbaar="", **kw):
    return afronding.afronding_vastleggen(
        actor=actor,
        dossier=dossier,
        onderdeel=onderdeel,
        datum=datum,
        verwijtbaar=verwijtbaar,
        motivering="Motivering" if verwijtbaar else "",
        **kw,
    )


@pytest.mark.parametrize("onderdeel", [Onderdeel.PVT, Onderdeel.MAP])
@pytest.mark.parametrize(
    ("vandaag", "datum", "verwijtbaar", "regels"),
    [
        (VANDAAG, "2025-06-01", "", set()),
        (VANDAAG, "2025-06-02", "", set()),
        (VANDAAG, "2025-06-03", "", {"R39"}),  # future
        (VANDAAG, "2024-03-14", "", {"R39"}),  # before the term start
        (VANDAAG, "2024-03-15", "", set()),  # first day of the term
        (VANDAAG, "2025-06-01", "Nee", {"R40"}),  # completed in time: no judgement
        (VANDAAG, None, "Nee", {"R40"}),  # term end > 2 months away
        ("2027-01-14", None, "Nee", {"R40"}),  # end (excl.) 2027-03-15 is > 2 months away
        ("2027-01-15", None, "Ja", {"R40"}),  # Ja only after the term
        ("2027-01-15", None, "Nee", set()),  # within 2 months of the end
        ("2027-03-15", None, "", {"R40"}),  # term over: a judgement is required
        ("2027-03-15", None, "Ja", set()),
        ("2027-04-01", "2027-03-20", "Ja", set()),  # late completion with judgement
        ("2027-04-01", "2027-03-20", "", {"R40"}),
    ],
)
def test_date_and_culpability_rules(
    actor, dossier, route, onderdeel, vandaag, datum, verwijtbaar, regels
):
    with time_machine.travel(D(vandaag), tick=False):
        if regels:
            with pytest.raises(RegelsGeschonden) as exc:
                _leg_vast(actor, dossier, onderdeel, D(datum) if datum else None, verwijtbaar)
            codes = set(exc.value.regels)
            assert codes == regels
            tekst = str(exc.value)
            assert all(r in tekst for r in regels) and "DUO MAP-PVT-Zroute API" in tekst
            assert not Afronding.objects.exists()
        else:
            a = _leg_vast(actor, dossier, onderdeel, D(datum) if datum else None, verwijtbaar)
            assert a.duo_inhoud is not None


def test_only_the_gemeente_with_the_current_pip_reports(actor, dossier, route):
    route(eigen=False)
    with time_machine.travel(D(VANDAAG), tick=False), pytest.raises(RegelsGeschonden) as exc:
        _leg_vast(actor, dossier, Onderdeel.PVT, D("2025-06-01"))
    assert "huidige PIP" in str(exc.value)


def test_without_pip_there_is_no_term_and_nothing_goes_to_duo(actor, dossier, route):
    route(pip=None, leerroute=None, eigen=False)
    with time_machine.travel(D(VANDAAG), tick=False), pytest.raises(RegelsGeschonden):
        _leg_vast(actor, dossier, Onderdeel.PVT, D("2025-06-01"))
    assert not Afronding.objects.exists()


def test_pvt_or_map_date_after_zroute_completion_is_refused(actor, dossier, route):
    route(leerroute=Leerroute.Z_ROUTE)
    Afronding.objects.create(
        gemeente=actor.gemeente, dossier=dossier, onderdeel="zroute", datum=D("2025-05-01")
    )
    with time_machine.travel(D(VANDAAG), tick=False), pytest.raises(RegelsGeschonden) as exc:
        _leg_vast(actor, dossier, Onderdeel.MAP, D("2025-05-20"))
    assert "na de afronding van de Z-route" in str(exc.value)


def test_r43_education_makes_verwijtbaar_ja_impossible(actor, dossier, route):
    with time_machine.travel(D("2027-04-01"), tick=False), pytest.raises(RegelsGeschonden) as exc:
        _leg_vast(
            actor, dossier, Onderdeel.PVT, None, "Ja",
            onderwijs=afronding.Onderwijs("mbo_entree", D("2025-09-01"), D("2026-07-01")),
        )  # fmt: skip
    assert "R43" in str(exc.value) and "Kies daarom 'Nee'" in str(exc.value)


def test_a_judgement_needs_a_motivation(actor, dossier, route):
    with time_machine.travel(D("2027-04-01"), tick=False), pytest.raises(Geweigerd):
        afronding.afronding_vastleggen(
            actor=actor, dossier=dossier, onderdeel="pvt", datum=None, verwijtbaar="Ja"
        )


def test_map_is_not_for_the_onderwijsroute(actor, dossier, route):
    route(leerroute=Leerroute.ONDERWIJSROUTE)
    with time_machine.travel(D(VANDAAG), tick=False):
        with pytest.raises(RegelsGeschonden) as exc:
            _leg_vast(actor, dossier, Onderdeel.MAP, D("2025-06-01"))
        assert "R25" in str(exc.value)
        with pytest.raises(RegelsGeschonden):
            map_diensten.activiteit_toevoegen(
                actor=actor, dossier=dossier, soort="workshop", omschrijving="x",
                datum=D("2025-06-01"), uren=3,
            )  # fmt: skip
    assert not MapActiviteit.objects.exists()


@pytest.mark.parametrize(
    ("uren_invoer", "melding"),
    [(0, "groter dan 0"), (-3, "groter dan 0"), (401, "niet aannemelijk")],
)
def test_bad_map_hours_get_a_dutch_message(actor, dossier, route, uren_invoer, melding):
    with time_machine.travel(D(VANDAAG), tick=False), pytest.raises(ValidationError) as exc:
        map_diensten.activiteit_toevoegen(
            actor=actor, dossier=dossier, soort="werkervaring", omschrijving="Stage",
            datum=D("2025-06-01"), uren=uren_invoer,
        )  # fmt: skip
    assert melding in str(exc.value)
    assert not MapActiviteit.objects.exists()


@pytest.mark.parametrize(
    ("start", "einde", "aantal", "melding"),
    [
        ("2025-05-01", "2025-05-31", 0, "1 of meer"),
        ("2025-05-01", "2025-05-31", -5, "1 of meer"),
        ("2025-05-01", "2025-05-02", 30, "meer dan 12 uur per dag"),
        ("2025-05-10", "2025-05-01", 5, "vóór het begin"),
        ("2025-06-01", "2025-06-30", 5, "in de toekomst"),
        ("2020-01-01", "2025-05-31", 10000, "hoogstens 9999"),
    ],
)
def test_bad_hours_get_a_dutch_message_and_nothing_is_saved(
    actor, dossier, route, start, einde, aantal, melding
):
    with time_machine.travel(D(VANDAAG), tick=False), pytest.raises(ValidationError) as exc:
        uren.uren_registreren(
            actor=actor, dossier=dossier, soort="taal",
            periode_start=D(start), periode_einde=D(einde), uren=aantal,
        )  # fmt: skip
    assert melding in str(exc.value)
    assert not Urenregistratie.objects.exists()


def _uren(actor, dossier, soort, aantal):
    uren.uren_registreren(
        actor=actor, dossier=dossier, soort=soort,
        periode_start=D("2024-04-01"), periode_einde=D("2025-05-31"), uren=aantal,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("taal", "participatie", "brede_intake", "toegestaan"),
    [
        (800, 800, 0, True),
        (820, 700, 0, False),  # DOMAIN's R41 example
        (799, 900, 0, False),
        (800, 700, 100, True),  # brede-intake participation counts
    ],
)
def test_zroute_completion_follows_r41(
    actor, dossier, route, taal, participatie, brede_intake, toegestaan
):
    route(leerroute=Leerroute.Z_ROUTE)
    with time_machine.travel(D(VANDAAG), tick=False):
        _uren(actor, dossier, "taal", taal)
        _uren(actor, dossier, "participatie", participatie)
        if brede_intake:
            _uren(actor, dossier, "participatie_brede_intake", brede_intake)
        if toegestaan:
            a = uren.zroute_afronden(actor=actor, dossier=dossier, datum=D("2025-06-01"))
            assert a.duo_inhoud == {"datumAfrondingZroute": "2025-06-01"}
        else:
            with pytest.raises(RegelsGeschonden) as exc:
                uren.zroute_afronden(actor=actor, dossier=dossier, datum=D("2025-06-01"))
            assert "R41" in str(exc.value)
            assert not Afronding.objects.filter(onderdeel="zroute").exists()


def test_zroute_completion_only_in_the_zroute(actor, dossier, route):
    with time_machine.travel(D(VANDAAG), tick=False), pytest.raises(Geweigerd):
        uren.zroute_afronden(actor=actor, dossier=dossier, datum=D("2025-06-01"))


def test_signing_before_the_term_start_is_refused_with_the_rule(actor, dossier, route):
    groep = pvt.groep_aanmaken(
        actor=actor, naam="G", locatie="L", taal="NL", capaciteit=3, begeleider="B"
    )
    (deelname,) = pvt.deelnemers_uitnodigen(actor=actor, groep=groep, dossiers=[dossier])
    with time_machine.travel(D(VANDAAG), tick=False), pytest.raises(RegelsGeschonden) as exc:
        pvt.ondertekening_vastleggen(actor=actor, deelname=deelname, datum=D("2024-01-10"))
    assert "R39" in str(exc.value) and "vóór de start van de inburgeringstermijn" in str(exc.value)
    assert not Afronding.objects.exists()


# --- contract tests -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("onderdeel", "vandaag", "datum", "verwijtbaar", "pad"),
    [
        ("pvt", VANDAAG, "2025-06-01", "", "/personen/{bsn}/pvt"),
        ("pvt", "2027-04-01", None, "Ja", "/personen/{bsn}/pvt"),
        ("pvt", "2027-04-01", "2027-03-20", "Nee", "/personen/{bsn}/pvt"),
        ("map", VANDAAG, "2025-06-01", "", "/personen/{bsn}/map"),
        ("map", "2027-04-01", None, "Nee", "/personen/{bsn}/map"),
    ],
)
def test_pvt_and_map_messages_match_duos_openapi(
    actor, dossier, route, onderdeel, vandaag, datum, verwijtbaar, pad
):
    with time_machine.travel(D(vandaag), tick=False):
        a = _leg_vast(actor, dossier, onderdeel, D(datum) if datum else None, verwijtbaar)
    valideer("MAP-PVT-Zroute", "PUT", pad, a.duo_inhoud)


def test_zroute_and_hours_messages_match_duos_openapi(actor, dossier, route):
    route(leerroute=Leerroute.Z_ROUTE)
    with time_machine.travel(D(VANDAAG), tick=False):
        for soort in ("taal", "participatie", "taal_brede_intake", "participatie_brede_intake"):
            _uren(actor, dossier, soort, 800)
        a = uren.zroute_afronden(actor=actor, dossier=dossier, datum=D("2025-06-01"))
    valideer("MAP-PVT-Zroute", "PUT", "/personen/{bsn}/zroute", a.duo_inhoud)
    from openinburgering.integrations.duo import meldingen

    for duo_soort, melding in meldingen.UREN_SOORTEN.items():
        pad = meldingen.UREN_PADEN[melding]
        inhoud = {"uren": duo.uren_totaal(dossier=dossier, duo_soort=duo_soort)}
        valideer("GevolgdeUren", "PUT", pad, inhoud)
    assert duo.uren_totaal(dossier=dossier, duo_soort="participatieactiviteiten") == 1600


def test_the_message_goes_into_the_duo_outbox_in_the_same_transaction(actor, dossier, route):
    from openinburgering.integrations.duo.models import UitgaandBericht

    with time_machine.travel(D(VANDAAG), tick=False):
        _leg_vast(actor, dossier, Onderdeel.PVT, D("2025-06-01"))
        with pytest.raises(RegelsGeschonden):
            _leg_vast(actor, dossier, Onderdeel.MAP, D("2030-01-01"))
    (bericht,) = UitgaandBericht.objects.all()
    assert (bericht.soort, bericht.methode, bericht.pad) == ("pvt", "PUT", "/personen/{bsn}/pvt")
    assert bericht.status == "wachtend" and bericht.bericht_id
    assert bericht.inhoud == {"datumOndertekeningPvt": "2025-06-01"}
    assert bericht.bsn == dossier.inburgeraar.bsn
    valideer("MAP-PVT-Zroute", "PUT", bericht.pad, bericht.inhoud)
