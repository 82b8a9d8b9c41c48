"""The outbox: written with the change, checked with regels, delivered in order, retried, given up,
offered again; for a Portal gemeente a worklist instead. Requests are validated against DUO's spec."""

from datetime import date, timedelta
from urllib.parse import urlsplit

from django.core.management import call_command
from django.db import transaction

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.gemeenten.models import Koppeling
from openinburgering.inburgeraars.models import Gebeurtenis
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import bezorging, meldingen
from openinburgering.integrations.duo.herhaling import backoff
from openinburgering.integrations.duo.models import (
    Contactpersoon,
    ContactpersoonKoppeling,
    UitgaandBericht,
    UitgaandStatus,
    Werkitem,
    WerkitemSoort,
)
from openinburgering.regels.aanbod import Aanbod, Instelling
from openinburgering.regels.codes import Doelgroep, JaNee, Leerroute, Niveau
from openinburgering.regels.pip import Pip
from openinburgering.regels.termijnen import inburgeringstermijn_van_duo

from . import voorbeelden

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


def pip(**kwargs):
    return Pip(
        dagtekening=kwargs.pop("dagtekening", date(2026, 5, 20)),
        leerroute=kwargs.pop("leerroute", Leerroute.B1_ROUTE),
        **kwargs,
    )


def paden(duo_mock):
    return [(r.method, urlsplit(r.url).path.split("/v1", 1)[1]) for r in duo_mock.verzoeken]


def test_message_is_written_in_the_callers_transaction(actor, persoon):
    with pytest.raises(RuntimeError), transaction.atomic():
        meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
        raise RuntimeError("the change itself failed")
    assert not UitgaandBericht.objects.exists()


def test_pip_is_delivered_with_its_fixed_bericht_id_and_body(actor, persoon, duo_mock):
    duo_mock.schrijven()
    bericht = meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    assert bericht.status == UitgaandStatus.WACHTEND
    assert bericht.inhoud == {
        "dagtekeningPip": "2026-05-20",
        "leerroute": "B",
        "niveau": "B1",
        "indicatorMagOpleidingAfmaken": False,
        "indicatorAlfabetiseringsonderwijs": "NVT",
    }
    assert persoon.bsn not in bericht.pad, "the path is a template; the BSN is filled in at send"
    resultaat = bezorging.bezorgen()
    assert resultaat.bezorgd == 1
    [verzoek] = duo_mock.verzoeken
    assert verzoek.headers["berichtId"] == str(bericht.bericht_id)
    assert verzoek.json() == bericht.inhoud
    assert verzoek.url.endswith(f"/v1/personen/{persoon.bsn}/PIP")
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.BEZORGD
    assert Gebeurtenis.objects.filter(dossier=persoon.dossier, soort="duo_melding").count() == 2


def test_delivery_runs_as_a_task_after_commit(
    actor, persoon, duo_mock, django_capture_on_commit_callbacks
):
    duo_mock.schrijven()
    with django_capture_on_commit_callbacks(execute=True):
        bericht = meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.BEZORGD


@pytest.mark.parametrize(
    ("kwargs", "regel"),
    [
        ({"leerroute": Leerroute.ONDERWIJSROUTE, "niveau": Niveau.A2}, "R14"),
        ({"leerroute": Leerroute.Z_ROUTE, "niveau": Niveau.B1}, "R15"),
        ({"leerroute": Leerroute.B1_ROUTE, "niveau": Niveau.A2}, "R16"),
        ({"dagtekening": date(2026, 6, 30)}, "R57"),
        ({"leerroute": Leerroute.Z_ROUTE, "geschatte_intensiteit_b1_route": 600}, "R18"),
    ],
)
def test_duos_pip_rules_refuse_before_anything_is_written(actor, persoon, kwargs, regel):
    with pytest.raises(meldingen.MeldingGeweigerd) as info:
        meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip(**kwargs))
    assert regel in info.value.uitkomst.regel_ids
    assert f"({regel}, " in info.value.message  # the rule with its article
    assert not UitgaandBericht.objects.exists()


def test_pip_before_the_duty_started_at_duo_is_refused(actor, persoon):
    from openinburgering.integrations.duo.services import duo_stand_bijwerken

    duo_stand_bijwerken(inburgeraar=persoon, gegevens={"plicht": {"begindatum": "2026-05-25"}})
    with pytest.raises(meldingen.MeldingGeweigerd) as info:
        meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    assert info.value.regel == "R11"


def test_order_per_person_is_kept_while_duo_fails(actor, persoon, duo_mock, inburgeraar_factory):
    ander = inburgeraar_factory(persoon.gemeente, bsn=nieuw_bsn())
    eerste = meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    tweede = meldingen.uren_melden(
        actor=actor, inburgeraar=persoon, soort="participatieactiviteiten", uren=12
    )
    van_ander = meldingen.uren_melden(
        actor=actor, inburgeraar=ander, soort="participatie_taalles", uren=3
    )
    duo_mock.schrijven()
    duo_mock.antwoord("POST", "/personen/{bsn}/PIP", status=503, bsn=persoon.bsn)
    resultaat = bezorging.bezorgen()
    assert (resultaat.opnieuw, resultaat.bezorgd) == (1, 1)
    for b in (eerste, tweede, van_ander):
        b.refresh_from_db()
    assert eerste.status == UitgaandStatus.WACHTEND and eerste.pogingen == 1
    assert tweede.status == UitgaandStatus.WACHTEND and tweede.pogingen == 0, "waits its turn"
    assert van_ander.status == UitgaandStatus.BEZORGD, "another person is not held up"
    # DUO is back; after the backoff the first goes, then the second, in that order.
    duo_mock.schrijven()
    with time_machine.travel(eerste.volgende_poging_op + timedelta(seconds=1)):
        assert bezorging.bezorgen().bezorgd == 2
    volgorde = [p for m, p in paden(duo_mock) if persoon.bsn in p and m != "GET"]
    assert volgorde == [
        f"/personen/{persoon.bsn}/PIP",
        f"/personen/{persoon.bsn}/PIP",
        f"/personen/{persoon.bsn}/uren/participatieactiviteiten",
    ]
    pip_verzoeken = [r for r in duo_mock.verzoeken if r.url.endswith("/PIP")]
    assert {r.headers["berichtId"] for r in pip_verzoeken} == {str(eerste.bericht_id)}
    assert pip_verzoeken[0].body == pip_verzoeken[1].body, "a retry carries the same body"


@pytest.mark.parametrize("poging", [1, 2, 5, 8, 9, 20, 100])
def test_backoff_grows_with_jitter_and_is_capped_at_five_minutes(poging):
    waarden = {backoff(poging).total_seconds() for _ in range(50)}
    basis = min(300, 2**poging)
    assert all(basis / 2 <= w <= basis for w in waarden)
    assert max(waarden) <= 300
    assert len(waarden) > 1, "jitter"


def test_message_is_given_up_after_seven_days_and_can_be_offered_again(
    actor, persoon, duo_mock, medewerker, gemeente_a
):
    bericht = meldingen.uren_melden(
        actor=actor, inburgeraar=persoon, soort="taalles_knm_brede_intake", uren=40
    )
    # GevolgdeUren documents no 5xx; a proxy in front of DUO can still answer 503.
    duo_mock.antwoord(
        "PUT",
        "/personen/{bsn}/uren/bredeintake/taallesknm",
        status=503,
        bsn=persoon.bsn,
        valideer=False,
    )
    with time_machine.travel(timedelta(days=6, hours=23)):
        bezorging.bezorgen()
        bericht.refresh_from_db()
        assert bericht.status == UitgaandStatus.WACHTEND, "never dropped before 7 days"
    with time_machine.travel(timedelta(days=7, minutes=1)):
        bezorging.bezorgen()
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.DOOD
    item = Werkitem.objects.get(soort=WerkitemSoort.DUO_NIET_BEZORGD)
    assert item.dossier == persoon.dossier
    # The beheerder offers it again; DUO is back.
    beheerder = Actor(gemeente=gemeente_a, user=medewerker("functioneel_beheerder", gemeente_a))
    bezorging.opnieuw_aanbieden(actor=beheerder, bericht=bericht)
    duo_mock.schrijven()
    assert bezorging.bezorgen().bezorgd == 1
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.BEZORGD
    laatste = duo_mock.verzoeken[-1]
    assert laatste.headers["berichtId"] == str(bericht.bericht_id)
    assert laatste.json() == {"uren": 40}


def test_refusal_by_duo_explains_itself_on_the_dossier_and_the_queue_moves_on(
    actor, persoon, duo_mock
):
    afgewezen = meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    volgende = meldingen.uren_melden(
        actor=actor, inburgeraar=persoon, soort="participatieactiviteiten", uren=5
    )
    duo_mock.schrijven()
    duo_mock.antwoord(
        "POST", "/personen/{bsn}/PIP", status=403, json=voorbeelden.AFWIJZING_PIP, bsn=persoon.bsn
    )
    resultaat = bezorging.bezorgen()
    assert (resultaat.afgewezen, resultaat.bezorgd) == (1, 1)
    afgewezen.refresh_from_db()
    assert afgewezen.status == UitgaandStatus.AFGEWEZEN
    assert afgewezen.fouten == [v["fouttekst"] for v in voorbeelden.AFWIJZING_PIP]
    item = Werkitem.objects.get(soort=WerkitemSoort.DUO_AFWIJZING)
    assert item.dossier == persoon.dossier
    assert "Niveau A2 is niet toegestaan" in item.toelichting
    volgende.refresh_from_db()
    assert volgende.status == UitgaandStatus.BEZORGD


def test_a_refusal_is_announced_to_subscribers_in_the_same_transaction(
    actor, persoon, duo_mock, gemeente_a, medewerker
):
    import json

    from openinburgering.abonnementen import services as abonnementen
    from openinburgering.abonnementen.models import Bericht

    rol = "functioneel_beheerder"
    beheerder = Actor(gemeente=gemeente_a, user=medewerker(rol, gemeente_a), rol=rol)
    abonnementen.abonnement_aanmaken(
        actor=beheerder, naam="Zaaksysteem", url="http://127.0.0.1:9/hook",
        soorten=["duo.melding-afgewezen"],
    )  # fmt: skip
    afgewezen = meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    duo_mock.schrijven()
    duo_mock.antwoord(
        "POST", "/personen/{bsn}/PIP", status=403, json=voorbeelden.AFWIJZING_PIP, bsn=persoon.bsn
    )
    assert bezorging.bezorgen().afgewezen == 1
    event = json.loads(Bericht.objects.get().inhoud)
    assert event["type"] == "nl.openinburgering.duo.melding-afgewezen"
    assert event["subject"] == str(afgewezen.uuid)
    assert event["data"]["dossier"] == {"uuid": str(persoon.dossier.uuid)}
    assert persoon.bsn not in json.dumps(event)


def test_every_kind_of_message_reaches_duo_as_the_spec_says(actor, persoon, duo_mock):
    from openinburgering.integrations.duo.services import duo_stand_bijwerken

    duo_stand_bijwerken(
        inburgeraar=persoon,
        gegevens={"termijn": {"startdatum": "2026-05-21", "einddatum": "2029-05-21"}},
    )
    duo_mock.schrijven()
    instelling = Instelling("1234567890", keurmerk_bow=True)
    meldingen.aanbod_melden(
        actor=actor,
        inburgeraar=persoon,
        aanbod=Aanbod(instelling, date(2026, 5, 25), verwachte_startdatum=date(2026, 6, 1)),
        leerroute=Leerroute.B1_ROUTE,
        huidige_pip_dagtekening=date(2026, 5, 20),
    )
    meldingen.aanbod_verwijderen_melden(
        actor=actor, inburgeraar=persoon, instellingsnummer="1234567890"
    )
    for soort in ("taalles_knm_brede_intake", "participatieactiviteiten", "participatie_taalles"):
        meldingen.uren_melden(actor=actor, inburgeraar=persoon, soort=soort, uren=7)
    meldingen.pvt_melden(actor=actor, inburgeraar=persoon, datum=date(2026, 5, 28))
    meldingen.map_melden(actor=actor, inburgeraar=persoon, datum=date(2026, 5, 29))
    meldingen.zroute_melden(
        actor=actor,
        inburgeraar=persoon,
        datum=date(2026, 5, 30),
        taaluren=900,
        participatieuren=750,
    )
    meldingen.pip_verwijderen_melden(
        actor=actor, inburgeraar=persoon, termijn_vastgesteld=False, cursusuren=False
    )
    meldingen.lbt_overgeslagen_melden(
        actor=actor, inburgeraar=persoon, visuele_beperking=True, auditieve_beperking=False
    )
    cp = meldingen.contactpersoon_aanmaken(
        actor=actor,
        naam="Ilse de Vries",
        email="ilse@amstelwaard.example",
        telefoonnummer="0201234567",
    )
    meldingen.contactpersoon_koppelen(actor=actor, contactpersoon=cp, inburgeraar=persoon)
    meldingen.contactpersoon_wijzigen(
        actor=actor,
        contactpersoon=cp,
        naam="Ilse de Vries-Bakker",
        email="ilse@amstelwaard.example",
        telefoonnummer="+31 20 1234567",
    )
    meldingen.contactpersoon_ontkoppelen(actor=actor, contactpersoon=cp, inburgeraar=persoon)
    meldingen.contactpersoon_verwijderen(actor=actor, contactpersoon=cp)
    for _ in range(5):
        bezorging.bezorgen()
        if not UitgaandBericht.objects.filter(status=UitgaandStatus.WACHTEND).exists():
            break
        # the link waits a few seconds for DUO's id of the contact person
        with time_machine.travel(timedelta(seconds=10)):
            bezorging.bezorgen()
    assert set(UitgaandBericht.objects.values_list("status", flat=True)) == {UitgaandStatus.BEZORGD}
    cp.refresh_from_db()
    assert cp.duo_id == 42
    assert ("POST", f"/contactpersonen/42/personen/{persoon.bsn}") in paden(duo_mock)
    assert ("DELETE", f"/personen/{persoon.bsn}/lbt/examennummer") in paden(duo_mock)
    assert len(duo_mock.verzoeken) == 15


def test_the_lbt_release_needs_an_impairment_r27(actor, persoon):
    with pytest.raises(meldingen.MeldingGeweigerd) as exc:
        meldingen.lbt_overgeslagen_melden(
            actor=actor, inburgeraar=persoon, visuele_beperking=False, auditieve_beperking=False
        )
    assert exc.value.regel == "R27"
    assert not UitgaandBericht.objects.exists()


def test_link_to_a_contact_person_waits_for_duos_id(actor, persoon, duo_mock):
    cp = meldingen.contactpersoon_aanmaken(
        actor=actor, naam="Ilse", email="ilse@amstelwaard.example", telefoonnummer="0201234567"
    )
    koppeling = meldingen.contactpersoon_koppelen(
        actor=actor, contactpersoon=cp, inburgeraar=persoon
    )
    duo_mock.antwoord("POST", "/contactpersonen", status=503)
    bezorging.bezorgen()
    koppeling.refresh_from_db()
    assert koppeling.pogingen == 0 and koppeling.status == UitgaandStatus.WACHTEND
    assert ContactpersoonKoppeling.objects.get(inburgeraar=persoon).contactpersoon == cp


def test_new_contact_link_replaces_the_old_one_r48(actor, persoon):
    eerste = meldingen.contactpersoon_aanmaken(
        actor=actor, naam="Een", email="een@amstelwaard.example", telefoonnummer="0201234567"
    )
    tweede = meldingen.contactpersoon_aanmaken(
        actor=actor, naam="Twee", email="twee@amstelwaard.example", telefoonnummer="0201234568"
    )
    meldingen.contactpersoon_koppelen(actor=actor, contactpersoon=eerste, inburgeraar=persoon)
    meldingen.contactpersoon_koppelen(actor=actor, contactpersoon=tweede, inburgeraar=persoon)
    assert ContactpersoonKoppeling.objects.get(inburgeraar=persoon).contactpersoon == tweede
    meldingen.contactpersoon_verwijderen(actor=actor, contactpersoon=tweede)
    assert not ContactpersoonKoppeling.objects.exists()
    assert Contactpersoon.objects.get(pk=tweede.pk).verwijderd


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [("naam", "R2-D2"), ("email", "x"), ("telefoonnummer", "bel me")],
)
def test_contact_person_fields_follow_duos_formats(actor, veld, waarde):
    gegevens = {"naam": "Ilse", "email": "ilse@a.example", "telefoonnummer": "0201234567"}
    gegevens[veld] = waarde
    with pytest.raises(meldingen.Geweigerd) as info:
        meldingen.contactpersoon_aanmaken(actor=actor, **gegevens)
    assert info.value.veld == veld


def test_aanbod_only_for_asylum_permit_holders_r36(actor, gemeente_a, inburgeraar_factory):
    gezinsmigrant = inburgeraar_factory(
        gemeente_a, bsn=nieuw_bsn(), doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT.value
    )
    with pytest.raises(meldingen.MeldingGeweigerd) as info:
        meldingen.aanbod_melden(
            actor=actor,
            inburgeraar=gezinsmigrant,
            aanbod=Aanbod(Instelling("1234567890", keurmerk_bow=True), date(2026, 5, 25)),
            leerroute=Leerroute.B1_ROUTE,
            huidige_pip_dagtekening=date(2026, 5, 20),
        )
    assert "R36" in info.value.uitkomst.regel_ids


def test_map_and_pvt_rules_r39_r40(actor, persoon):
    termijn = inburgeringstermijn_van_duo(date(2023, 6, 2), date(2026, 6, 2))
    with pytest.raises(meldingen.MeldingGeweigerd) as info:
        meldingen.pvt_melden(
            actor=actor, inburgeraar=persoon, datum=date(2026, 6, 15), termijn=termijn
        )
    assert info.value.regel == "R39"
    with pytest.raises(meldingen.MeldingGeweigerd) as info:
        meldingen.map_melden(
            actor=actor, inburgeraar=persoon, datum=None, verwijtbaar=JaNee.JA, termijn=termijn
        )
    assert info.value.regel == "R40"
    bericht = meldingen.map_melden(
        actor=actor, inburgeraar=persoon, datum=None, verwijtbaar=JaNee.NEE, termijn=termijn
    )
    assert bericht.inhoud == {"verwijtbaar": "Nee"}


def test_zroute_needs_enough_hours_r41(actor, persoon):
    with pytest.raises(meldingen.MeldingGeweigerd) as info:
        meldingen.zroute_melden(
            actor=actor, inburgeraar=persoon, datum=VANDAAG, taaluren=820, participatieuren=700
        )
    assert info.value.regel == "R41"


def test_portal_gemeente_gets_a_worklist_instead_of_messages(
    actor, persoon, gemeente_a, requests_mock
):
    gemeente_a.koppeling = Koppeling.PORTAL
    gemeente_a.save()
    bericht = meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    assert bericht.status == UitgaandStatus.PORTAL_TE_DOEN
    assert bezorging.bezorgen().verwerkt == 0
    assert requests_mock.call_count == 0
    assert meldingen.invoerwaarden(bericht) == [
        ("Dagtekening PIP", "20-05-2026"),
        ("Leerroute", "B1-route"),
        ("Niveau", "B1"),
        ("Mag opleiding afmaken", "nee"),
        ("Alfabetiseringsonderwijs", "Niet van toepassing"),
    ]
    bezorging.portal_ingevoerd(actor=actor, bericht=bericht)
    bericht.refresh_from_db()
    assert bericht.status == UitgaandStatus.PORTAL_INGEVOERD
    with pytest.raises(meldingen.Geweigerd):
        bezorging.portal_ingevoerd(actor=actor, bericht=bericht)


def test_management_command_delivers_once(actor, persoon, duo_mock):
    duo_mock.schrijven()
    meldingen.uren_melden(actor=actor, inburgeraar=persoon, soort="participatie_taalles", uren=1)
    import io

    uit = io.StringIO()
    call_command("duo_outbox_verwerken", stdout=uit)
    assert "bezorgd=1" in uit.getvalue()


def test_order_holds_for_rows_written_by_other_apps_with_their_own_key(actor, persoon, duo_mock):
    """traject/ writes outbox rows directly with ``volgorde_sleutel=persoon:<uuid>``; the queue is
    still the person (``bsn_hash``)."""
    eerste = meldingen.pip_melden(actor=actor, inburgeraar=persoon, pip=pip())
    ander = UitgaandBericht(
        gemeente=persoon.gemeente,
        inburgeraar=persoon,
        soort="pvt",
        methode="PUT",
        pad="/personen/{bsn}/pvt",
        inhoud={"datumOndertekeningPvt": "2026-05-28"},
        volgorde_sleutel=f"persoon:{persoon.uuid}",
        bsn_versleuteld=persoon.bsn_versleuteld,
        bsn_hash=persoon.bsn_hash,
        pseudoniem=persoon.pseudoniem,
    )
    ander.save()
    duo_mock.schrijven()
    duo_mock.antwoord("POST", "/personen/{bsn}/PIP", status=503, bsn=persoon.bsn)
    bezorging.bezorgen()
    ander.refresh_from_db()
    assert ander.pogingen == 0, "waits behind the PIP of the same person"
    duo_mock.schrijven()
    eerste.refresh_from_db()
    with time_machine.travel(eerste.volgende_poging_op + timedelta(seconds=1)):
        assert bezorging.bezorgen().bezorgd == 2
