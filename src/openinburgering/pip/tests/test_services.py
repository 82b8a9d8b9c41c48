"""PIP services: drafts, every rule from regels, vaststellen with the letter, changes, bezwaar."""

import io
from datetime import date

import pytest
import time_machine
from pypdf import PdfReader

from openinburgering.besluiten import services as besluiten
from openinburgering.brieven import pad as beschikking_pad
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.inburgeraars.workflow import Status
from openinburgering.pip import services
from openinburgering.pip.models import PipStatus, Voortgangsgesprek, Wijzigingsreden

from .helpers import GELDIG_PIP, actor_voor, afgesloten_intake

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"


@pytest.fixture
def actor(gemeente_a, medewerker):
    from openinburgering.accounts.rollen import Rol

    return actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a), Rol.KLANTREGISSEUR)


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(
        gemeente_a,
        voornamen="Amira",
        achternaam="Testpersoon",
        talen="Engels",
        aangemeld_op=date(2025, 1, 6),
    )


def _pdf_tekst(pip) -> str:
    inhoud = beschikking_pad(pip.beschikking_pad).read_bytes()
    return " ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)


@pytest.mark.parametrize(
    ("wijziging", "regels"),
    [
        pytest.param({}, (), id="geldig"),
        pytest.param({"leerroute": "O", "niveau": "A2", "map_inhoud": "", "map_intensiteit": ""}, ("R14",), id="R14"),
        pytest.param({"leerroute": "Z", "niveau": "B1", "motivering_leerroute": "x"}, ("R15",), id="R15"),
        pytest.param({"niveau": "A2"}, ("R16",), id="R16-eerste-pip"),
        pytest.param({"leerroute": "O", "niveau": ""}, ("R25",), id="R25-map-in-onderwijsroute"),
        pytest.param({"pvt_inhoud": "", "voortgang": ""}, ("R24",), id="R24-inhoud"),
        pytest.param({"geschatte_intensiteit_b1_route": 0}, ("R18",), id="R18-intensiteit"),
        pytest.param({"leerroute": "Z", "niveau": ""}, ("R29",), id="R29-afwijking-zonder-motivering"),
        pytest.param({"dagtekening": date(2025, 1, 1)}, ("R11",), id="R11-voor-plicht"),
        pytest.param({"dagtekening": date(2025, 3, 1)}, ("R57",), id="R57-toekomst"),
    ],
)  # fmt: skip
@time_machine.travel(date(2025, 2, 14))
def test_toets_applies_every_rule_from_regels(actor, persoon, wijziging, regels):
    afgesloten_intake(actor, persoon.dossier)
    pip = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    for veld, waarde in wijziging.items():
        setattr(pip, veld, waarde)
    assert services.toets(pip).regel_ids == regels


@time_machine.travel(date(2025, 2, 14))
def test_vaststellen_writes_the_beschikking_with_decision_term_and_bezwaar_deadline(actor, persoon):
    afgesloten_intake(actor, persoon.dossier)
    pip = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip = services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)

    assert pip.status == PipStatus.VASTGESTELD
    assert pip.dagtekening == date(2025, 2, 14)
    # R23: sent Friday 14-02-2025, six weeks later is Friday 28-03-2025.
    assert pip.bezwaar_uiterlijk == date(2025, 3, 28)
    tekst = _pdf_tekst(pip)
    assert "Amira Testpersoon" in tekst
    assert "U volgt de B1-route" in tekst
    assert "14 februari 2028" in tekst  # R7/R8: last day of the 3-year term
    assert "28 maart 2025" in tekst  # R23
    assert (
        "by 14-02-2028" in tekst and "including 28-03-2025" in tekst
    )  # the same dates, in English
    assert "bezwaar" in tekst
    # Where to object: the gemeente's address for bezwaar, else its visiting address.
    assert "Stuur een brief aan het college van burgemeester en wethouders" in tekst
    assert "Summary in English" in tekst
    persoon.dossier.refresh_from_db()
    assert persoon.dossier.status == Status.PIP_VASTGESTELD
    assert Voortgangsgesprek.objects.get(dossier=persoon.dossier).gepland_op == date(2025, 4, 11)
    assert str(settings_root(pip)).startswith(str(beschikking_pad("x").parent))


def settings_root(pip):
    return beschikking_pad(pip.beschikking_pad)


@time_machine.travel(date(2025, 2, 14))
def test_vaststellen_refuses_with_every_violation_and_stores_nothing(actor, persoon):
    pip = services.pip_concept_aanmaken(
        actor=actor, dossier=persoon.dossier, **{**GELDIG_PIP, "niveau": "A2", "pvt_inhoud": ""}
    )
    with pytest.raises(RegelsGeschonden) as exc:
        services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)
    assert set(exc.value.uitkomst.regel_ids) == {"R16", "R24"}
    pip.refresh_from_db()
    assert pip.status == PipStatus.CONCEPT and not pip.beschikking_pad


@time_machine.travel(date(2025, 2, 14))
def test_concurrent_edits_of_a_draft_end_in_a_conflict(actor, persoon):
    pip = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    gezien = pip.versie
    services.pip_concept_opslaan(actor=actor, pip=pip, versie=gezien, begeleiding="Eerste")
    with pytest.raises(Conflict) as exc:
        services.pip_concept_opslaan(actor=actor, pip=pip, versie=gezien, begeleiding="Tweede")
    assert "Iemand anders" in exc.value.message
    pip.refresh_from_db()
    assert pip.begeleiding == "Eerste"


@pytest.mark.parametrize(
    ("talen", "code"), [("Dari, Engels", "prs"), ("Arabisch", "ar"), ("Pools", "")]
)
@time_machine.travel(date(2025, 2, 14))
def test_the_summary_language_comes_from_the_person_and_is_recorded(actor, persoon, talen, code):
    """Never a language chosen apart from the person (the demo once sent Ukrainian to a Farsi
    speaker); the script and fonts are tested in brieven/tests."""
    persoon.talen = talen
    persoon.save()
    afgesloten_intake(actor, persoon.dossier)
    pip = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip = services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    assert pip.samenvatting_taal == code
    tekst = _pdf_tekst(pip)
    if code:
        assert "not available" not in tekst and "geen samenvatting" not in tekst
    else:
        assert "We do not have a summary of this letter in your language" in tekst


@time_machine.travel(date(2025, 2, 14))
def test_change_is_a_new_version_with_its_own_beschikking_and_keeps_the_term(actor, persoon):
    afgesloten_intake(actor, persoon.dossier)
    eerste = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    eerste = services.pip_vaststellen(actor=actor, pip=eerste, versie=None)
    with time_machine.travel(date(2025, 9, 1)):
        tweede = services.pip_concept_aanmaken(
            actor=actor,
            dossier=persoon.dossier,
            reden=Wijzigingsreden.SCHAKELEN,
            leerroute="Z",
            niveau="",
            map_inhoud="Vrijwilligerswerk",
            motivering_leerroute="Lessen gaan te snel; Z-route past beter.",
            reden_toelichting="Op verzoek na overleg met de school.",
        )
        tweede = services.pip_vaststellen(actor=actor, pip=tweede, versie=None)
    eerste.refresh_from_db()
    assert eerste.status == PipStatus.VERVANGEN
    assert tweede.volgnummer == 2 and tweede.beschikking_pad != eerste.beschikking_pad
    assert "14-02-2028" in _pdf_tekst(tweede)  # R7: later PIPs do not move the term


@time_machine.travel(date(2025, 2, 14))
def test_schakelen_after_18_months_is_refused_by_r20(actor, persoon):
    afgesloten_intake(actor, persoon.dossier)
    eerste = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    services.pip_vaststellen(actor=actor, pip=eerste, versie=None)
    with time_machine.travel(date(2026, 9, 1)):
        tweede = services.pip_concept_aanmaken(
            actor=actor, dossier=persoon.dossier, reden=Wijzigingsreden.SCHAKELEN, leerroute="Z",
            niveau="", motivering_leerroute="x",
        )  # fmt: skip
        assert "R20" in services.toets(tweede).regel_ids


@time_machine.travel(date(2025, 2, 14))
def test_afschalen_checks_r21(actor, persoon):
    afgesloten_intake(actor, persoon.dossier)
    eerste = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    services.pip_vaststellen(actor=actor, pip=eerste, versie=None)
    tweede = services.pip_concept_aanmaken(
        actor=actor, dossier=persoon.dossier, reden=Wijzigingsreden.AFSCHALEN, niveau="A2",
        lesuren=550, lesuren_fysiek=300,
    )  # fmt: skip
    assert "R21" in services.toets(tweede).regel_ids
    tweede.lesuren, tweede.lesuren_fysiek = 620, 320
    tweede.b1_onhaalbaar = tweede.voldoende_inspanning = True
    assert services.toets(tweede).regel_ids == ()


def test_first_pip_twice_is_refused(actor, persoon):
    services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    with pytest.raises(Geweigerd):
        services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)


@time_machine.travel(date(2025, 2, 14))
def test_bezwaar_gets_its_decision_term_from_r67_and_lateness_from_r23(actor, persoon):
    afgesloten_intake(actor, persoon.dossier)
    pip = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip = services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    # A PIP is a beschikking like any other: bezwaar goes through besluiten.
    assert pip.beschikking.soort == "pip" and pip.beschikking.omschrijving == "PIP 1"
    with time_machine.travel(date(2025, 4, 25)):
        bezwaar = besluiten.bezwaar_registreren(
            actor=actor, beschikking=pip.beschikking, ontvangen_op=date(2025, 4, 1)
        )
        assert not bezwaar.tijdig and "te laat" in bezwaar.tijdigheid_uitleg
        assert bezwaar.beslissen_uiterlijk == date(2025, 5, 9)
        besluiten.bezwaar_beslissen(
            actor=actor, bezwaar=bezwaar, uitkomst="niet_ontvankelijk", beslist_op=date(2025, 4, 20)
        )
        with pytest.raises(Conflict):
            besluiten.bezwaar_beslissen(
                actor=actor, bezwaar=bezwaar, uitkomst="ongegrond", beslist_op=date(2025, 4, 20)
            )
    pip.beschikking.refresh_from_db()
    assert pip.beschikking.status == "in_stand"


@time_machine.travel(date(2025, 2, 14))
def test_a_changed_pip_replaces_the_previous_beschikking(actor, persoon):
    afgesloten_intake(actor, persoon.dossier)
    eerste = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    eerste = services.pip_vaststellen(actor=actor, pip=eerste, versie=None)
    with time_machine.travel(date(2025, 3, 3)):
        tweede = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, reden="overig")
        tweede = services.pip_vaststellen(actor=actor, pip=tweede, versie=None)
    eerste.beschikking.refresh_from_db()
    assert eerste.beschikking.status == "vervangen"
    assert (tweede.beschikking.status, tweede.beschikking.omschrijving) == (
        "bekendgemaakt",
        "PIP 2",
    )
    assert tweede.bezwaar_uiterlijk == date(2025, 4, 14)


@time_machine.travel(date(2025, 2, 14))
def test_vaststellen_puts_the_pip_in_duos_outbox_with_duo_codes(actor, persoon):
    from openinburgering.integrations.duo.models import UitgaandBericht

    afgesloten_intake(actor, persoon.dossier)
    pip = services.pip_concept_aanmaken(
        actor=actor, dossier=persoon.dossier, **{**GELDIG_PIP, "niveau": ""}
    )
    services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)

    bericht = UitgaandBericht.objects.get(inburgeraar=persoon)
    assert (bericht.soort, bericht.methode, bericht.pad) == (
        "pip_registreren",
        "POST",
        "/personen/{bsn}/PIP",
    )
    assert bericht.inhoud == {
        "dagtekeningPip": "2025-02-14",
        "leerroute": "B",
        "niveau": "B1",  # R17
        "indicatorMagOpleidingAfmaken": False,
        "indicatorAlfabetiseringsonderwijs": "NVT",
    }


@time_machine.travel(date(2026, 3, 2))
def test_the_letter_states_duos_extended_term_not_one_counted_from_our_pips(actor, persoon):
    """One source for the term: a change of PIP after DUO extended the term (SS103/SS104)."""
    from openinburgering.integrations.duo.services import duo_stand_bijwerken

    afgesloten_intake(actor, persoon.dossier)
    with time_machine.travel(date(2025, 2, 14)):
        eerste = services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        services.pip_vaststellen(actor=actor, pip=eerste, versie=eerste.versie)
    duo_stand_bijwerken(
        inburgeraar=persoon,
        gegevens={
            "termijn": {
                "startdatum": "2025-02-15",
                "einddatum": "2028-08-15",
                "verlengingsgrondomschrijving": "ziekte",
            },
            "pip": {"dagtekening": "2025-02-14", "leerroute": "B"},
        },
    )
    tweede = services.pip_concept_aanmaken(
        actor=actor,
        dossier=persoon.dossier,
        reden=Wijzigingsreden.OVERIG,
        reden_toelichting="Andere begeleiding.",
    )
    tweede = services.pip_vaststellen(actor=actor, pip=tweede, versie=tweede.versie)
    tekst = _pdf_tekst(tweede)
    assert "14 augustus 2028" in tekst  # DUO's end (exclusive 15-08-2028), not 14-02-2028
    assert "14 februari 2028" not in tekst
