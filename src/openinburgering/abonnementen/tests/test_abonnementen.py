"""Subscriptions: events written with the change, delivered signed as CloudEvents to a real HTTP
receiver, retried, in order per dossier, given up and sent again; tenant isolation (ADR 0072)."""

import json
import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from openinburgering.abonnementen import bezorging, ondertekenen, services
from openinburgering.abonnementen.models import Abonnement, Bericht, Bezorging, BezorgStatus
from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.core.publicatie import Soort
from openinburgering.inburgeraars import services as inburgeraar_services
from openinburgering.inburgeraars.workflow import Status

pytestmark = pytest.mark.django_db

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _bezorg_alles():
    """Run the deliverer until nothing is due now."""
    totaal = bezorging.Resultaat()
    while True:
        r = bezorging.bezorgen()
        totaal.bezorgd += r.bezorgd
        totaal.opnieuw += r.opnieuw
        totaal.dood += r.dood
        if not r.verwerkt:
            return totaal


def _sluiten(persoon):
    actor = Actor(gemeente=persoon.gemeente, systeem="test")
    dossier = persoon.dossier
    # Straight to "in uitvoering": the way there is the workflow's business, not this test's.
    type(dossier).objects.filter(pk=dossier.pk).update(status=Status.IN_UITVOERING)
    dossier.refresh_from_db()
    return inburgeraar_services.dossier_status_wijzigen(
        actor=actor, dossier=dossier, naar=Status.AFGEROND, eindreden="voldaan"
    )


def test_nobody_subscribed_costs_one_query_and_writes_nothing(
    gemeente_a, inburgeraar_factory, django_assert_num_queries
):
    from openinburgering.core import publicatie

    persoon = inburgeraar_factory(gemeente_a)
    feit = inburgeraar_services.dossier_feit(persoon.dossier, Soort.DOSSIER_GEOPEND)
    with django_assert_num_queries(1):
        publicatie.publiceren(feit, feit, feit)
    assert not Bericht.objects.exists()


def test_an_opened_dossier_arrives_signed_as_a_cloudevent_with_uuids_only(
    abonnement, ontvanger, gemeente_a, inburgeraar_factory, settings
):
    settings.ABONNEMENTEN_BASIS_URL = "https://inburgering.amstelwaard.example"
    persoon = inburgeraar_factory(gemeente_a, voornamen="Zara", achternaam="Pietersma")
    assert Bezorging.objects.filter(status=BezorgStatus.WACHTEND).count() == 1

    assert _bezorg_alles().bezorgd == 1
    [ontvangst] = ontvanger.ontvangsten
    assert ontvangst.geldig
    event = ontvangst.event
    assert event == {
        "specversion": "1.0",
        "id": event["id"],
        "source": f"urn:nld:oin:{gemeente_a.oin}:systeem:openinburgering",
        "type": "nl.openinburgering.dossier.geopend",
        "subject": str(persoon.dossier.uuid),
        "time": event["time"],
        "datacontenttype": "application/json",
        "data": {
            "dossier": {"uuid": str(persoon.dossier.uuid)},
            "inburgeraar": {
                "uuid": str(persoon.uuid),
                "url": f"https://inburgering.amstelwaard.example/api/v1/inburgeraars/{persoon.uuid}",
            },
        },
    }
    assert UUID.match(event["id"]) and event["time"].endswith("Z")
    assert ontvangst.headers["webhook-id"] == event["id"]
    assert ontvangst.headers["content-type"].startswith("application/cloudevents+json")
    # Data minimisation: no BSN, no name, no address.
    body = json.dumps(event)
    for persoonsgegeven in (persoon.bsn, "Zara", "Pietersma", "Proefstraat", "9999 ZZ"):
        assert persoonsgegeven not in body
    rij = Bezorging.objects.get()
    assert (rij.status, rij.pogingen, rij.laatste_statuscode) == (BezorgStatus.BEZORGD, 1, 204)
    assert rij.log.get().statuscode == 204


def test_the_signature_is_standard_webhooks_and_a_changed_body_or_old_timestamp_fails():
    geheim = ondertekenen.nieuw_geheim()
    body = b'{"id":"1"}'
    kop = ondertekenen.headers(geheim=geheim, bericht_id="msg_1", body=body, tijdstip=1674087231)
    # The example of the Standard Webhooks spec's form: v1,<base64 of 32 bytes>.
    assert re.fullmatch(r"v1,[A-Za-z0-9+/]{43}=", kop["webhook-signature"])
    assert ondertekenen.verifieren(geheim=geheim, headers=kop, body=body, nu=1674087231 + 60)
    assert not ondertekenen.verifieren(
        geheim=geheim, headers=kop, body=b'{"id":"2"}', nu=1674087231
    )
    assert not ondertekenen.verifieren(geheim=geheim, headers=kop, body=body, nu=1674087231 + 301)
    ander = ondertekenen.nieuw_geheim()
    assert not ondertekenen.verifieren(geheim=ander, headers=kop, body=body, nu=1674087231)
    assert not ondertekenen.verifieren(geheim=geheim, headers={}, body=body)


def test_the_event_is_written_in_the_same_transaction_as_the_change(
    abonnement, gemeente_a, inburgeraar_factory
):
    with pytest.raises(RuntimeError), transaction.atomic():
        inburgeraar_factory(gemeente_a)
        assert Bericht.objects.count() == 1
        raise RuntimeError("the change fails after the event was written")
    assert not Bericht.objects.exists() and not Bezorging.objects.exists()


def test_only_the_kinds_subscribed_to_and_only_the_own_gemeente(
    beheerder_actor, ontvanger, gemeente_a, gemeente_b, inburgeraar_factory
):
    abonnement, ontvanger.geheim = services.abonnement_aanmaken(
        actor=beheerder_actor, naam="DWH", url=ontvanger.url, soorten=[Soort.DOSSIER_GESLOTEN]
    )
    persoon = inburgeraar_factory(gemeente_a)
    inburgeraar_factory(gemeente_b)
    assert not Bericht.objects.exists()
    _sluiten(persoon)
    _bezorg_alles()
    assert [o.event["type"] for o in ontvanger.ontvangsten] == [
        "nl.openinburgering.dossier.gesloten"
    ]


def test_a_receiver_that_fails_is_tried_again_with_the_same_id_and_body(
    abonnement, ontvanger, gemeente_a, inburgeraar_factory
):
    inburgeraar_factory(gemeente_a)
    ontvanger.storing = 503
    assert _bezorg_alles().opnieuw == 1
    rij = Bezorging.objects.get()
    assert rij.status == BezorgStatus.WACHTEND and rij.laatste_fout == "HTTP 503"
    assert timezone.now() < rij.volgende_poging_op < timezone.now() + timedelta(seconds=3)

    ontvanger.stop()
    with time_machine.travel(rij.volgende_poging_op + timedelta(seconds=1)):
        assert _bezorg_alles().opnieuw == 1
    rij.refresh_from_db()
    assert rij.laatste_fout == "verbinding mislukt" and rij.laatste_statuscode is None

    ontvanger.storing = None
    ontvanger.start()
    with time_machine.travel(rij.volgende_poging_op + timedelta(seconds=1)):
        assert _bezorg_alles().bezorgd == 1
    rij.refresh_from_db()
    assert (rij.status, rij.pogingen) == (BezorgStatus.BEZORGD, 3)
    assert [p.fout or p.statuscode for p in rij.log.order_by("id")] == [
        "HTTP 503",
        "verbinding mislukt",
        204,
    ]
    [ontvangst] = ontvanger.ontvangsten
    assert ontvangst.event["id"] == str(rij.bericht.uuid)
    assert json.dumps(ontvangst.event, ensure_ascii=False, separators=(",", ":")) == (
        rij.bericht.inhoud
    )
    # Delivered: never sent again.
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        assert _bezorg_alles().verwerkt == 0
    assert len(ontvanger.ontvangsten) == 1


def test_order_per_dossier_a_later_event_waits_for_the_earlier_one(
    abonnement, ontvanger, gemeente_a, inburgeraar_factory
):
    eerste = inburgeraar_factory(gemeente_a)
    _sluiten(eerste)
    tweede = inburgeraar_factory(gemeente_a)
    # The first event of the first dossier fails; the second of that dossier must wait, the
    # other dossier goes on.
    kop = Bezorging.objects.order_by("id").first()
    Bezorging.objects.filter(pk=kop.pk).update(
        volgende_poging_op=timezone.now() + timedelta(hours=1)
    )
    _bezorg_alles()
    assert [o.event["subject"] for o in ontvanger.ontvangsten] == [str(tweede.dossier.uuid)]
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        _bezorg_alles()
    assert [o.event["type"] for o in ontvanger.ontvangsten][1:] == [
        "nl.openinburgering.dossier.geopend",
        "nl.openinburgering.dossier.gesloten",
    ]


def test_given_up_blocks_its_dossier_until_sent_again(
    abonnement, ontvanger, gemeente_a, inburgeraar_factory, beheerder_actor, settings
):
    settings.ABONNEMENTEN_OPGEVEN_NA_DAGEN = 1
    persoon = inburgeraar_factory(gemeente_a)
    _sluiten(persoon)
    ontvanger.storing = 500
    begin = timezone.now()
    _bezorg_alles()
    with time_machine.travel(begin + timedelta(days=1, minutes=1)):
        assert _bezorg_alles().dood == 1
        assert _bezorg_alles().verwerkt == 0  # the closing waits behind the given-up opening
    dood = Bezorging.objects.get(status=BezorgStatus.DOOD)
    assert dood.bericht.soort == Soort.DOSSIER_GEOPEND
    assert Bezorging.objects.filter(status=BezorgStatus.WACHTEND).count() == 1

    ontvanger.storing = None
    with time_machine.travel(begin + timedelta(days=1, minutes=2)):
        services.opnieuw_aanbieden(actor=beheerder_actor, bezorging=dood)
        assert _bezorg_alles().bezorgd == 2
    assert [o.event["type"] for o in ontvanger.ontvangsten if not o.herhaling] == [
        "nl.openinburgering.dossier.geopend",
        "nl.openinburgering.dossier.gesloten",
    ]
    with pytest.raises(Exception, match="opgegeven"):
        services.opnieuw_aanbieden(actor=beheerder_actor, bezorging=dood)


def test_an_inactive_subscription_collects_nothing_and_delivers_nothing(
    abonnement, ontvanger, gemeente_a, inburgeraar_factory, beheerder_actor
):
    inburgeraar_factory(gemeente_a)
    services.abonnement_wijzigen(
        actor=beheerder_actor, abonnement=abonnement, versie=abonnement.versie,
        naam="Zaaksysteem", url=ontvanger.url, soorten=abonnement.soorten, actief=False,
    )  # fmt: skip
    inburgeraar_factory(gemeente_a)
    assert Bezorging.objects.count() == 1
    assert _bezorg_alles().verwerkt == 0


@time_machine.travel(date(2025, 2, 14))
def test_intake_closed_pip_vastgesteld_and_hours_arrive_with_their_resources(
    abonnement, ontvanger, gemeente_a, medewerker, inburgeraar_factory, settings, tmp_path
):
    from openinburgering.pip import services as pip_services
    from openinburgering.pip.tests.helpers import GELDIG_PIP, afgesloten_intake
    from openinburgering.traject import uren

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    user = medewerker(Rol.KLANTREGISSEUR, gemeente_a)
    actor = Actor(gemeente=gemeente_a, user=user, rol=Rol.KLANTREGISSEUR)
    persoon = inburgeraar_factory(gemeente_a, talen="Engels", aangemeld_op=date(2025, 1, 6))
    intake = afgesloten_intake(actor, persoon.dossier)
    pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
    pip = pip_services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)
    registratie = uren.uren_registreren(
        actor=actor, dossier=persoon.dossier, soort="taal", periode_start=date(2025, 2, 3),
        periode_einde=date(2025, 2, 7), uren=10,
    )  # fmt: skip
    _bezorg_alles()
    events = {
        o.event["type"].removeprefix("nl.openinburgering."): o.event for o in ontvanger.ontvangsten
    }
    assert list(events) == [
        "dossier.geopend",
        "intake.afgesloten",
        "pip.vastgesteld",
        "uren.gemeld",
    ]
    assert events["intake.afgesloten"]["subject"] == str(intake.uuid)
    assert events["pip.vastgesteld"]["subject"] == str(pip.uuid)
    assert events["pip.vastgesteld"]["dataref"].endswith(f"/api/v1/pips/{pip.uuid}")
    assert events["pip.vastgesteld"]["data"]["pip"]["uuid"] == str(pip.uuid)
    assert events["uren.gemeld"]["data"]["urenregistratie"] == {"uuid": str(registratie.uuid)}
    assert all(o.geldig for o in ontvanger.ontvangsten)


def test_https_required_when_the_setting_says_so(beheerder_actor, settings):
    settings.ABONNEMENTEN_HTTPS_VERPLICHT = True
    with pytest.raises(ValidationError) as fout:
        services.abonnement_aanmaken(
            actor=beheerder_actor, naam="X", url="http://zaaksysteem.example/hook",
            soorten=[Soort.PIP_VASTGESTELD],
        )  # fmt: skip
    assert "https://" in str(fout.value.message_dict["url"])
    abonnement, _ = services.abonnement_aanmaken(
        actor=beheerder_actor, naam="X", url="https://zaaksysteem.example/hook",
        soorten=[Soort.PIP_VASTGESTELD],
    )  # fmt: skip
    assert abonnement.url.startswith("https://")


def test_the_secret_is_stored_encrypted_and_a_new_one_replaces_it(abonnement, beheerder_actor):
    oud = ondertekenen.ontsleutel(abonnement.geheim_versleuteld)
    assert oud.startswith("whsec_") and oud not in abonnement.geheim_versleuteld
    nieuw = services.geheim_vernieuwen(actor=beheerder_actor, abonnement=abonnement)
    abonnement.refresh_from_db()
    assert ondertekenen.ontsleutel(abonnement.geheim_versleuteld) == nieuw != oud


# --- screens ------------------------------------------------------------------------------------


def test_beheer_creates_a_subscription_and_sees_the_secret_once(
    gemeente_a, medewerker, inloggen, ontvanger
):
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    antwoord = client.post(
        reverse("abonnementen:aanmaken"),
        {"naam": "Zaaksysteem", "url": ontvanger.url, "soorten": ["pip.vastgesteld"]},
    )
    assert antwoord.status_code == 200
    abonnement = Abonnement.objects.get()
    geheim = ondertekenen.ontsleutel(abonnement.geheim_versleuteld)
    assert geheim in antwoord.content.decode()
    assert antwoord["Cache-Control"] == "no-store"
    detail = client.get(reverse("abonnementen:detail", kwargs={"uuid": abonnement.uuid}))
    assert detail.status_code == 200 and geheim not in detail.content.decode()
    assert "Zaaksysteem" in client.get(reverse("abonnementen:lijst")).content.decode()


def test_a_bad_form_is_a_dutch_message_and_saves_nothing(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    antwoord = client.post(reverse("abonnementen:aanmaken"), {"naam": "X", "url": "ftp://x"})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Vul een volledige URL in" in tekst and "Kies ten minste" in tekst
    assert not Abonnement.objects.exists()


def test_only_the_beheerder_manages_subscriptions(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    assert client.get(reverse("abonnementen:lijst")).status_code == 403


def test_another_gemeentes_subscription_and_delivery_are_a_404(
    abonnement, gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    inburgeraar_factory(gemeente_a)
    Bezorging.objects.update(status=BezorgStatus.DOOD)
    rij = Bezorging.objects.get()
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_b))
    uuid = abonnement.uuid
    assert client.get(reverse("abonnementen:detail", kwargs={"uuid": uuid})).status_code == 404
    assert client.post(reverse("abonnementen:detail", kwargs={"uuid": uuid}), {}).status_code == 404
    assert (
        client.post(reverse("abonnementen:geheim_vernieuwen", kwargs={"uuid": uuid})).status_code
        == 404
    )
    pad = reverse("abonnementen:opnieuw_aanbieden", kwargs={"uuid": rij.uuid})
    assert client.post(pad).status_code == 404
    assert "Zaaksysteem" not in client.get(reverse("abonnementen:lijst")).content.decode()
    rij.refresh_from_db()
    assert rij.status == BezorgStatus.DOOD


def test_the_delivery_log_costs_the_same_queries_for_5_or_50_rows(
    abonnement, gemeente_a, medewerker, inloggen, inburgeraar_factory, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    pad = reverse("abonnementen:detail", kwargs={"uuid": abonnement.uuid})
    client.get(pad)  # warm-up: the session caches access

    def tel():
        with CaptureQueriesContext(connection) as q:
            assert client.get(pad).status_code == 200
        return len(q)

    for _ in range(5):
        inburgeraar_factory(gemeente_a)
    weinig = tel()
    for _ in range(45):
        inburgeraar_factory(gemeente_a)
    assert tel() == weinig


def test_send_again_from_the_log(abonnement, gemeente_a, medewerker, inloggen, inburgeraar_factory):
    inburgeraar_factory(gemeente_a)
    Bezorging.objects.update(status=BezorgStatus.DOOD, afgerond_op=timezone.now())
    rij = Bezorging.objects.get()
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    pad = reverse("abonnementen:detail", kwargs={"uuid": abonnement.uuid})
    assert "Opnieuw versturen" in client.get(pad).content.decode()
    antwoord = client.post(reverse("abonnementen:opnieuw_aanbieden", kwargs={"uuid": rij.uuid}))
    assert antwoord.status_code == 302 and antwoord["Location"] == pad
    rij.refresh_from_db()
    assert rij.status == BezorgStatus.WACHTEND and rij.opnieuw_aangeboden_op is not None


def test_a_destroyed_dossier_takes_its_events_with_it(abonnement, gemeente_a, inburgeraar_factory):
    from openinburgering.abonnementen.bewaren import OPRUIMER
    from openinburgering.abonnementen.models import Poging
    from openinburgering.inburgeraars.bewaren import Opruiming, TeVernietigen

    weg, blijft = inburgeraar_factory(gemeente_a), inburgeraar_factory(gemeente_a)
    _sluiten(weg)
    _bezorg_alles()
    assert Bericht.objects.count() == 3 and Poging.objects.count() == 3
    opruiming = Opruiming()
    OPRUIMER.opruimen(
        TeVernietigen(
            dossier_id=weg.dossier.pk, dossier_uuid=weg.dossier.uuid, inburgeraar_id=weg.pk,
            gemeente_id=gemeente_a.pk, bsn_hash=weg.bsn_hash, pseudoniem=weg.pseudoniem,
        ),
        opruiming,
    )  # fmt: skip
    assert [json.loads(b.inhoud)["subject"] for b in Bericht.objects.all()] == [
        str(blijft.dossier.uuid)
    ]
    assert Bezorging.objects.count() == Poging.objects.count() == 1
    assert opruiming.vernietigd["abonnementen.Bericht"] == 2


def test_the_delivery_log_is_reached_from_the_beheer_navigation(
    abonnement, gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    """Beheer › Gemeente-instellingen › Abonnementen › the subscription's delivery log, by
    following links only (before issue 18's follow-up only "Koppeling DUO" linked it)."""
    import re

    inburgeraar_factory(gemeente_a)
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    start = client.get("/", follow=True).content.decode()
    assert f'href="{reverse("brieven:instellingen")}"' in start  # in the main navigation
    instellingen = client.get(reverse("brieven:instellingen")).content.decode()
    lijst_url = reverse("abonnementen:lijst")
    assert f'href="{lijst_url}"' in instellingen
    lijst = client.get(lijst_url).content.decode()
    detail_url = reverse("abonnementen:detail", kwargs={"uuid": abonnement.uuid})
    assert re.search(rf'href="{re.escape(detail_url)}"', lijst)
    detail = client.get(detail_url).content.decode()
    assert "Dossier geopend" in detail  # the delivery of the opened dossier, in the log
