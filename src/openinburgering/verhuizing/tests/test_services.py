"""The move at the service level: B hands over (R76), A reads the file in (R77) and goes on from
that history; every bad file is refused whole. (The browser test walks A → B.)"""

import io
import json
from datetime import date

import pytest
import time_machine
from jsonschema import Draft202012Validator
from pypdf import PdfReader

from openinburgering import brieven
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.inburgeraars.workflow import Eindreden, Status
from openinburgering.integrations.duo.models import Werkitem, WerkitemSoort, WerkitemStatus
from openinburgering.logboek.models import Activiteit, Verwerking
from openinburgering.pip import services as pip_services
from openinburgering.pip.models import GesprekStatus, Voortgangsgesprek, Wijzigingsreden
from openinburgering.pip.tests.helpers import GELDIG_PIP
from openinburgering.verhuizing import pakket, services
from openinburgering.verhuizing.models import Overdracht, Overname

from .helpers import DAG, dossier_met_geschiedenis, klantregisseur

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "prive"


@pytest.fixture
def verhuisd(gemeente_a, gemeente_b, medewerker, inburgeraar_factory):
    """The person lived in B (Beekveld) and moved to A (Amstelwaard): DUO announced them in A,
    where they have a fresh dossier of their own."""
    actor_b = klantregisseur(gemeente_b, medewerker, first_name="Bo", last_name="Beekveld")
    actor_a = klantregisseur(gemeente_a, medewerker, first_name="Ada", last_name="Amstel")
    with time_machine.travel(DAG):
        in_b = inburgeraar_factory(
            gemeente_b, voornamen="Rania", achternaam="Verhuisman", talen="Arabisch",
            vnummer="1234567890", telefoon="0612345678", aangemeld_op=date(2025, 1, 6),
        )  # fmt: skip
        dossier_b = dossier_met_geschiedenis(actor_b, in_b)
    in_a = inburgeraar_factory(
        gemeente_a, bsn=in_b.bsn, voornamen="Rania", achternaam="Verhuisman", talen=""
    )
    return actor_b, dossier_b, actor_a, in_a.dossier


def _overdragen(actor, dossier, code="0001", naam="Amstelwaard"):
    return services.dossier_overdragen(
        actor=actor, dossier=dossier, naar_gemeentecode=code, naar_gemeentenaam=naam
    )


def _bestand(overdracht) -> bytes:
    return brieven.pad(overdracht.json_pad).read_bytes()


def test_handing_over_closes_the_dossier_stops_the_work_and_makes_both_files(verhuisd):
    actor_b, dossier_b, _actor_a, _dossier_a = verhuisd
    werkitem = Werkitem.objects.create(
        gemeente=dossier_b.gemeente, dossier=dossier_b, soort=WerkitemSoort.BESLUIT_DUO,
        titel="Besluit van DUO", regel="R28",
    )  # fmt: skip
    assert Voortgangsgesprek.objects.filter(dossier=dossier_b, status="gepland").exists()

    overdracht = _overdragen(actor_b, dossier_b)

    dossier_b.refresh_from_db()
    assert (dossier_b.status, dossier_b.eindreden) == (Status.AFGEROND, Eindreden.VERHUISD)
    # Open work stops: the planned talk lapses, DUO's work item is closed with the reason.
    assert not Voortgangsgesprek.objects.filter(dossier=dossier_b, status="gepland").exists()
    assert Voortgangsgesprek.objects.filter(
        dossier=dossier_b, status=GesprekStatus.VERVALLEN
    ).exists()
    werkitem.refresh_from_db()
    assert werkitem.status == WerkitemStatus.AFGEHANDELD and "R76" in werkitem.afhandeling
    # The structured file: valid against the committed schema, with a version, and without
    # health or finances (R76).
    gegevens = json.loads(_bestand(overdracht))
    assert not list(Draft202012Validator(pakket.schema()).iter_errors(gegevens))
    assert gegevens["schemaversie"] == 1
    assert gegevens["overdracht"]["naar_gemeente"] == {"code": "0001", "naam": "Amstelwaard"}
    assert gegevens["persoon"]["bsn"] == dossier_b.inburgeraar.bsn
    assert "gezondheid" not in gegevens["intake"] and "financien" not in gegevens["intake"]
    assert gegevens["intake"]["ambities"] == "Kapsalon beginnen."
    assert [v["status"] for v in gegevens["pip_versies"]] == ["vastgesteld"]
    assert gegevens["route"]["leerroute"] == "B"
    assert gegevens["route"]["termijn_start"] == "2025-02-15"  # R7: the day after the PIP
    assert gegevens["uren"][0]["uren"] == 120
    assert gegevens["examens"][0]["resultaat"] == "Geslaagd"
    assert gegevens["participatie"]["map_activiteiten"][0]["uren"] == "3.5"
    assert gegevens["begeleiding"][0]["stap"] == "Bankrekening geopend"
    assert gegevens["contact"]["klantregisseur"]["naam"] == "Bo Beekveld"
    assert gegevens["dossier"]["eindreden"] == "verhuisd"
    # The PDF for people names the person, never the BSN.
    pdf = brieven.pad(overdracht.pdf_pad).read_bytes()
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Overdrachtsdossier inburgering" in tekst and "Rania Verhuisman" in tekst
    assert "Kapsalon beginnen" in tekst and "Schuld" not in tekst
    assert dossier_b.inburgeraar.bsn not in tekst
    # Timeline and processing log.
    assert dossier_b.gebeurtenissen.filter(soort="overgedragen").exists()
    assert Verwerking.objects.filter(
        gemeente=dossier_b.gemeente,
        activiteit=Activiteit.EXPORTEREN,
        betrokkene=dossier_b.inburgeraar.pseudoniem,
    ).exists()


@pytest.mark.parametrize(
    ("code", "naam", "melding"),
    [
        ("0002", "Beekveld", "deze gemeente zelf"),
        ("12", "Amstelwaard", "4 cijfers"),
        ("0001", "  ", "naam van de nieuwe gemeente"),
    ],
)
def test_a_wrong_new_gemeente_is_refused_and_nothing_changes(verhuisd, code, naam, melding):
    actor_b, dossier_b, _actor_a, _dossier_a = verhuisd
    with pytest.raises(Geweigerd, match=melding):
        _overdragen(actor_b, dossier_b, code=code, naam=naam)
    dossier_b.refresh_from_db()
    assert dossier_b.status != Status.AFGEROND
    assert not Overdracht.objects.exists()


def test_b_to_a_the_new_gemeente_starts_from_the_history(verhuisd):
    actor_b, dossier_b, actor_a, dossier_a = verhuisd
    bestand = _bestand(_overdragen(actor_b, dossier_b))

    overname = services.overdracht_inlezen(actor=actor_a, dossier=dossier_a, inhoud=bestand)

    assert (overname.van_gemeentecode, overname.van_gemeentenaam) == ("0002", "Beekveld")
    # Kept without the BSN: the dossier holds it, encrypted.
    assert "bsn" not in overname.inhoud["persoon"]
    assert dossier_a.inburgeraar.bsn not in json.dumps(overname.inhoud)
    # B's timeline arrives on A's, each entry marked with B's name, at its own time.
    vorige = list(dossier_a.gebeurtenissen.filter(soort="vorige_gemeente"))
    # (All of B's timeline up to the handover; its own entry came after the file was made.)
    assert len(vorige) == dossier_b.gebeurtenissen.exclude(soort="overgedragen").count()
    assert all(g.weergave.startswith("Gemeente Beekveld: ") for g in vorige)
    assert min(g.tijdstip for g in vorige).date() <= DAG
    assert dossier_a.gebeurtenissen.filter(soort="overdracht_ingelezen").exists()
    # Empty fields of A's person are filled from the file; what A has stays.
    persoon = dossier_a.inburgeraar
    persoon.refresh_from_db()
    assert (persoon.vnummer, persoon.talen, persoon.telefoon) == (
        "1234567890",
        "Arabisch",
        "0612345678",
    )
    assert Verwerking.objects.filter(
        gemeente=dossier_a.gemeente, activiteit=Activiteit.WIJZIGEN, betrokkene=persoon.pseudoniem
    ).exists()
    # Nothing of B's dossier changed, and B's objects stay B's.
    assert (
        dossier_b.gemeente.code == "0002"
        and not Overname.objects.filter(gemeente=dossier_b.gemeente).exists()
    )


def test_after_the_import_the_new_pip_keeps_the_route_r22_r75(verhuisd):
    actor_b, dossier_b, actor_a, dossier_a = verhuisd
    bestand = _bestand(_overdragen(actor_b, dossier_b))
    services.overdracht_inlezen(actor=actor_a, dossier=dossier_a, inhoud=bestand)

    pip = pip_services.pip_concept_aanmaken(
        actor=actor_a,
        dossier=dossier_a,
        reden=Wijzigingsreden.VERHUIZING,
        **{**GELDIG_PIP, "leerroute": "Z", "niveau": "", "motivering_leerroute": "Past beter."},
    )
    assert "R22" in pip_services.toets(pip).regel_ids
    pip.leerroute, pip.niveau = "B", "B1"
    assert "R22" not in pip_services.toets(pip).regel_ids


def _kapot(gegevens, pad, waarde):
    kopie = json.loads(json.dumps(gegevens))
    doel = kopie
    for stap in pad[:-1]:
        doel = doel[stap]
    doel[pad[-1]] = waarde
    return json.dumps(kopie).encode()


@pytest.mark.parametrize(
    ("maak", "fout", "regel"),
    [
        pytest.param(lambda g: b"\x00\xffgeen json", "geen geldig JSON-bestand", "", id="binair"),
        pytest.param(lambda g: b'{"soort": "iets anders"}', "geen overdrachtsdossier", "",
                     id="vreemd-json"),
        pytest.param(lambda g: _kapot(g, ["schemaversie"], 2), "versie 2", "", id="versie-2"),
        pytest.param(lambda g: _kapot(g, ["uren", 0, "uren"], "veel"), "uren/0/uren", "",
                     id="schema-fout"),
        pytest.param(lambda g: _kapot(g, ["overdracht", "naar_gemeente", "code"], "0003"),
                     "bestemd voor gemeente 0003", "R77", id="andere-ontvanger"),
        pytest.param(lambda g: _kapot(g, ["persoon", "bsn"], "123456782"),
                     "andere persoon", "R77", id="ander-bsn"),
        pytest.param(lambda g: b"{" * 3_000_000, "te groot", "", id="te-groot"),
        pytest.param(lambda g: b"[" * 200_000 + b"]" * 200_000, "geen geldig JSON-bestand", "",
                     id="te-diep-genest"),
    ],
)  # fmt: skip
def test_a_bad_file_gets_a_dutch_message_and_nothing_is_saved(verhuisd, maak, fout, regel):
    actor_b, dossier_b, actor_a, dossier_a = verhuisd
    gegevens = json.loads(_bestand(_overdragen(actor_b, dossier_b)))
    voor = dossier_a.gebeurtenissen.count()

    with pytest.raises(Geweigerd, match=fout) as fout_info:
        services.overdracht_inlezen(actor=actor_a, dossier=dossier_a, inhoud=maak(gegevens))

    assert isinstance(fout_info.value, RegelsGeschonden) == bool(regel)
    if regel:
        assert fout_info.value.regels == (regel,)
    assert dossier_a.inburgeraar.bsn not in str(fout_info.value)
    assert not Overname.objects.exists()
    assert dossier_a.gebeurtenissen.count() == voor
    assert not Gebeurtenis.objects.filter(soort="vorige_gemeente").exists()


def test_a_file_is_read_in_once(verhuisd):
    actor_b, dossier_b, actor_a, dossier_a = verhuisd
    bestand = _bestand(_overdragen(actor_b, dossier_b))
    services.overdracht_inlezen(actor=actor_a, dossier=dossier_a, inhoud=bestand)
    with pytest.raises(Geweigerd, match="al een overdrachtsdossier"):
        services.overdracht_inlezen(actor=actor_a, dossier=dossier_a, inhoud=bestand)
    assert Overname.objects.count() == 1


def test_the_document_is_dutch_whatever_language_the_caseworker_reads(verhuisd):
    from django.utils import translation

    actor_b, dossier_b, _actor_a, _dossier_a = verhuisd
    with translation.override("en"):
        overdracht = _overdragen(actor_b, dossier_b)
    pdf = brieven.pad(overdracht.pdf_pad).read_bytes()
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "College van burgemeester en wethouders van Amstelwaard" in tekst
    assert "t.a.v. team inburgering" in tekst and "Geregistreerde uren" in tekst
    assert "Municipal executive" not in tekst
