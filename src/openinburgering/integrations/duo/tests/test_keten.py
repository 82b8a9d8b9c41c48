"""The port ``core.keten`` as the DUO integration fills it (ADR 0049): a domain fact becomes the
same outbox row ``meldingen`` writes, in the caller's transaction; a refusal names DUO's rule and
leaves nothing; without the integration there is a clear error, never a silent fallback."""

from datetime import date

from django.db import transaction

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.core.exceptions import Geweigerd
from openinburgering.core.keten import raadplegen, uitgaand
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import meldingen
from openinburgering.integrations.duo.models import (
    UitgaandBericht,
    Werkitem,
    WerkitemSoort,
    WerkitemStatus,
)
from openinburgering.integrations.duo.services import duo_stand_bijwerken, werkitem_aanmaken
from openinburgering.regels.codes import Leerroute
from openinburgering.regels.pip import Pip
from openinburgering.regels.termijnen import inburgeringstermijn_van_duo

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel("2026-06-01 10:00 +0200", tick=True):
        yield


@pytest.fixture
def actor(gemeente_a):
    return Actor(gemeente=gemeente_a, systeem="test")


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())


def test_every_fact_has_a_handler_once_the_integration_is_ready():
    assert set(uitgaand._afhandelaars) == set(uitgaand.FEITEN)


def _rij(ontvangst: uitgaand.Ontvangst) -> tuple:
    bericht = UitgaandBericht.objects.get(uuid=ontvangst.bericht)
    assert bericht.inhoud == ontvangst.inhoud
    return bericht.soort, bericht.methode, bericht.pad, bericht.inhoud


@pytest.mark.parametrize(
    ("maak", "verwacht"),
    [
        pytest.param(
            lambda p: uitgaand.PipVastgesteld(
                inburgeraar=p, pip=Pip(dagtekening=date(2026, 5, 20), leerroute=Leerroute.B1_ROUTE)
            ),
            ("pip_registreren", "POST", "/personen/{bsn}/PIP", {
                "dagtekeningPip": "2026-05-20", "leerroute": "B", "niveau": "B1",
                "indicatorMagOpleidingAfmaken": False, "indicatorAlfabetiseringsonderwijs": "NVT",
            }),
            id="pip",
        ),
        pytest.param(
            lambda p: uitgaand.UrenGevolgd(inburgeraar=p, soort="participatie_taalles", uren=412),
            ("uren_participatie_taalles", "PUT", "/personen/{bsn}/uren/participatietaalles",
             {"uren": 412}),
            id="uren",
        ),
        pytest.param(
            lambda p: uitgaand.ParticipatieAfgerond(
                inburgeraar=p, onderdeel="PVT", datum=date(2026, 5, 12),
                termijn=inburgeringstermijn_van_duo(date(2025, 3, 1), date(2028, 3, 1)),
            ),
            ("pvt", "PUT", "/personen/{bsn}/pvt",
             {"datumOndertekeningPvt": "2026-05-12"}),
            id="pvt",
        ),
        pytest.param(
            lambda p: uitgaand.ZrouteAfgerond(
                inburgeraar=p, datum=date(2026, 5, 29), taaluren=900, participatieuren=900
            ),
            ("zroute", "PUT", "/personen/{bsn}/zroute", {"datumAfrondingZroute": "2026-05-29"}),
            id="zroute",
        ),
        pytest.param(
            lambda p: uitgaand.LbtOvergeslagen(
                inburgeraar=p, visuele_beperking=True, auditieve_beperking=False
            ),
            ("lbt_overgeslagen", "DELETE", "/personen/{bsn}/lbt/examennummer", None),
            id="lbt",
        ),
    ],
)  # fmt: skip
def test_a_fact_becomes_the_outbox_row_meldingen_writes(actor, persoon, maak, verwacht):
    ontvangst = uitgaand.melden(maak(persoon), actor=actor)
    assert _rij(ontvangst) == verwacht


def test_the_same_body_as_meldingen_directly(actor, persoon, gemeente_a, inburgeraar_factory):
    ander = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    pip = Pip(dagtekening=date(2026, 5, 20), leerroute=Leerroute.ONDERWIJSROUTE)
    direct = meldingen.pip_melden(actor=actor, inburgeraar=ander, pip=pip)
    via_keten = uitgaand.melden(uitgaand.PipVastgesteld(inburgeraar=persoon, pip=pip), actor=actor)
    assert via_keten.inhoud == direct.inhoud


def test_the_callers_rollback_leaves_no_outbox_row(actor, persoon):
    with pytest.raises(RuntimeError), transaction.atomic():
        uitgaand.melden(
            uitgaand.UrenGevolgd(inburgeraar=persoon, soort="participatieactiviteiten", uren=40),
            actor=actor,
        )
        raise RuntimeError("the caller's change failed")
    assert not UitgaandBericht.objects.exists()
    assert not Gebeurtenis.objects.filter(soort="duo_melding").exists()


def test_a_refusal_names_the_rule_and_leaves_nothing_half_saved(actor, persoon):
    with transaction.atomic():
        with pytest.raises(Geweigerd) as info:
            uitgaand.melden(
                uitgaand.ZrouteAfgerond(
                    inburgeraar=persoon, datum=VANDAAG, taaluren=820, participatieuren=700
                ),
                actor=actor,
            )
        # The caller's transaction is still usable: the handler's savepoint was rolled back.
        assert not UitgaandBericht.objects.exists()
    assert info.value.regel == "R41" and "R41" in info.value.message
    assert not Gebeurtenis.objects.filter(soort="duo_melding").exists()


def test_without_a_handler_the_fact_is_refused_loudly(actor, persoon, monkeypatch):
    monkeypatch.setattr(uitgaand, "_afhandelaars", {})
    with pytest.raises(uitgaand.KetenNietIngericht, match="integrations.duo"):
        uitgaand.melden(
            uitgaand.UrenGevolgd(inburgeraar=persoon, soort="participatie_taalles", uren=1),
            actor=actor,
        )
    assert not UitgaandBericht.objects.exists()


def test_only_facts_of_the_port_can_be_registered():
    with pytest.raises(TypeError):
        uitgaand.registreer(dict, lambda feit, actor: uitgaand.Ontvangst())


def test_persoonsgegevens_aangevuld_closes_the_work_item_without_a_message(
    actor, persoon, gemeente_a
):
    item = werkitem_aanmaken(
        gemeente=gemeente_a, dossier=persoon.dossier,
        soort=WerkitemSoort.PERSOONSGEGEVENS_AANVULLEN, titel="Naam aanvullen", regel="",
    )  # fmt: skip
    ontvangst = uitgaand.melden(
        uitgaand.PersoonsgegevensAangevuld(inburgeraar=persoon), actor=actor
    )
    assert ontvangst == uitgaand.Ontvangst()
    item.refresh_from_db()
    assert item.status == WerkitemStatus.AFGEHANDELD
    assert not UitgaandBericht.objects.exists()
    assert Werkitem.objects.filter(status=WerkitemStatus.OPEN).count() == 0


# --- reads -----------------------------------------------------------------------------------


def test_stand_gives_duos_term_with_its_extension(persoon):
    duo_stand_bijwerken(
        inburgeraar=persoon,
        gegevens={
            "termijn": {
                "startdatum": "2025-02-15",
                "einddatum": "2028-08-15",
                "verlengingsgrondomschrijving": "ziekte",
            },
            "pip": {"dagtekening": "2025-02-14", "leerroute": "B"},
            "plicht": {"begindatum": "2024-11-01"},
        },
    )
    persoon.refresh_from_db()
    stand = raadplegen.raadpleging().stand(persoon)
    assert stand.pip_dagtekening == date(2025, 2, 14) and stand.pip_leerroute == "B"
    assert stand.plicht_begindatum == date(2024, 11, 1)
    assert stand.termijn.regel.id == "R42" and stand.termijn.einde_exclusief == date(2028, 8, 15)
    # The one source: our own PIP dates do not overrule DUO's extended term.
    termijn = raadplegen.inburgeringstermijn(persoon, pip_dagtekeningen=[date(2025, 2, 14)])
    assert termijn == stand.termijn


def test_without_duos_answers_the_term_comes_from_the_first_pip(persoon):
    assert raadplegen.raadpleging().stand(persoon) == raadplegen.DuoStand()
    termijn = raadplegen.inburgeringstermijn(persoon, pip_dagtekeningen=[date(2025, 2, 14)])
    assert (termijn.start, termijn.regel.id) == (date(2025, 2, 15), "R8")


def test_the_message_state_is_our_own_data_class(actor, persoon, gemeente_a):
    ontvangst = uitgaand.melden(
        uitgaand.UrenGevolgd(inburgeraar=persoon, soort="participatie_taalles", uren=3),
        actor=actor,
    )
    stand = raadplegen.raadpleging().bericht(gemeente_id=gemeente_a.pk, uuid=ontvangst.bericht)
    assert isinstance(stand, raadplegen.BerichtStand)
    assert (stand.status, stand.status_label) == ("wachtend", "Wacht op verzending")
    [laatste] = raadplegen.raadpleging().berichten(inburgeraar_id=persoon.pk)
    assert laatste == stand


def test_duos_errors_arrive_as_the_one_keten_fout(actor, persoon, gemeente_a, settings):
    settings.DUO_API_ROOT = "http://127.0.0.1:9"  # nothing listens here
    with pytest.raises(raadplegen.KetenFout) as info:
        raadplegen.raadpleging().lbt_examennummer(gemeente=gemeente_a, actor=actor, bsn=persoon.bsn)
    assert info.value.tijdelijk
    assert persoon.bsn not in str(info.value)


def test_duos_not_found_is_keten_niet_gevonden(actor, persoon, gemeente_a, requests_mock, settings):
    requests_mock.get(
        f"{settings.DUO_API_ROOT}/v1/personen/{persoon.bsn}/lbt/examennummer",
        status_code=404,
        json={"fouttekst": ["Geen examennummer"]},
    )
    with pytest.raises(raadplegen.KetenNietGevonden):
        raadplegen.raadpleging().lbt_examennummer(gemeente=gemeente_a, actor=actor, bsn=persoon.bsn)


def test_without_the_integration_a_read_is_refused_loudly(monkeypatch):
    monkeypatch.setattr(raadplegen, "_raadpleging", [])
    with pytest.raises(uitgaand.KetenNietIngericht):
        raadplegen.raadpleging()


def test_the_ports_names_for_outbox_states_are_the_integrations():
    from openinburgering.integrations.duo.models import MeldingSoort, UitgaandStatus

    assert raadplegen.PIP_REGISTREREN == MeldingSoort.PIP_REGISTREREN
    assert raadplegen.BEZORGD == UitgaandStatus.BEZORGD
    assert set(uitgaand.UREN_SOORTEN) == set(meldingen.UREN_SOORTEN)
    assert uitgaand.UREN_MAXIMUM == meldingen.UREN_MAX


def test_the_pip_and_the_offer_close_duos_signals_that_they_were_missing(
    actor, persoon, gemeente_a
):
    from openinburgering.regels.aanbod import Aanbod, Instelling

    def item(soort):
        return werkitem_aanmaken(
            gemeente=gemeente_a, dossier=persoon.dossier, soort=soort, titel=soort,
            sleutel=f"test:{soort}",
        )  # fmt: skip

    items = [
        item(soort)
        for soort in (
            WerkitemSoort.PIP_ONTBREEKT,
            WerkitemSoort.LEERROUTE_TE_LAAT,
            WerkitemSoort.AANBOD_ONTBREEKT,
        )
    ]
    pip = Pip(dagtekening=date(2026, 5, 20), leerroute=Leerroute.B1_ROUTE)
    uitgaand.melden(uitgaand.PipVastgesteld(inburgeraar=persoon, pip=pip), actor=actor)
    open_soorten = set(
        Werkitem.objects.filter(status=WerkitemStatus.OPEN).values_list("soort", flat=True)
    )
    assert open_soorten == {WerkitemSoort.AANBOD_ONTBREEKT}
    duo_stand_bijwerken(
        inburgeraar=persoon,
        gegevens={"termijn": {"startdatum": "2026-05-21", "einddatum": "2029-05-21"}},
    )
    uitgaand.melden(
        uitgaand.AanbodGedaan(
            inburgeraar=persoon,
            aanbod=Aanbod(Instelling("1234567890", keurmerk_bow=True), date(2026, 5, 25)),
            leerroute=Leerroute.B1_ROUTE,
            huidige_pip_dagtekening=date(2026, 5, 20),
        ),
        actor=actor,
    )
    for werkitem in items:
        werkitem.refresh_from_db()
        assert werkitem.status == WerkitemStatus.AFGEHANDELD
        assert werkitem.afhandeling.startswith("Opgelost")
