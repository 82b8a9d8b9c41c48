"""On PostgreSQL: the same notification 1,000 times, 50 threads at once, has one effect; and
processing it from many threads at once has one effect too."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.test import Client

import pytest

from openinburgering.inburgeraars.models import Gebeurtenis, Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import tasks
from openinburgering.integrations.duo.models import (
    IntegriteitsIncident,
    Notificatie,
    NotificatieStatus,
)
from openinburgering.logboek.models import Verwerking
from openinburgering.signalen.models import Signaal, Soort

from .conftest import DUO_OIN, PAD, notificatie_body

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

KEER = 1000
DRADEN = 50


def _in_draad(functie):
    def uitvoeren(*args):
        try:
            return functie(*args)
        finally:
            connection.close()

    return uitvoeren


def test_same_notification_1000_times_from_50_threads_has_one_effect(
    gemeente_a, duo_mock, foutverslag
):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    body = notificatie_body(bsn=bsn, gebeurtenis="SS139")
    koppen = {"bron": DUO_OIN, "doel": gemeente_a.oin, "berichtId": str(uuid.uuid4())}
    lokaal = threading.local()

    @_in_draad
    def stuur(_):
        client = getattr(lokaal, "client", None) or Client()
        lokaal.client = client
        import json

        return client.generic(
            "POST", PAD, data=json.dumps(body), content_type="application/json", headers=koppen
        ).status_code

    with ThreadPoolExecutor(max_workers=DRADEN) as pool:
        statussen = list(pool.map(stuur, range(KEER)))
    assert statussen == [201] * KEER
    notificatie = Notificatie.objects.get()
    assert notificatie.status == NotificatieStatus.VERWERKT
    assert Inburgeraar.objects.count() == 1
    assert Gebeurtenis.objects.filter(soort="SS139").count() == 1
    assert Signaal.objects.filter(soort=Soort.PIP_TERMIJN).count() == 1
    assert Verwerking.objects.filter(actor="DUO (notificatie)").count() == 1
    assert not IntegriteitsIncident.objects.exists()
    foutverslag(
        "DUO-notificatie herhaald",
        keer=KEER,
        draden=DRADEN,
        opgeslagen=Notificatie.objects.count(),
        dubbel_verwerkt=Gebeurtenis.objects.filter(soort="SS139").count() - 1,
    )


def test_processing_one_notification_from_many_threads_has_one_effect(gemeente_a, duo_mock):
    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    from django.utils import timezone

    notificatie = Notificatie(
        gemeente=gemeente_a,
        bron=DUO_OIN,
        doel=gemeente_a.oin,
        bericht_id=uuid.uuid4(),
        gebeurtenis_id="SS139",
        registratie_datum_tijd=timezone.now(),
        vingerafdruk="x",
    )
    notificatie.zet_bsn(bsn)
    notificatie.save()

    @_in_draad
    def verwerk(_):
        return tasks.notificatie_verwerken.call(notificatie.pk)

    with ThreadPoolExecutor(max_workers=20) as pool:
        uitkomsten = set(pool.map(verwerk, range(40)))
    assert uitkomsten == {NotificatieStatus.VERWERKT}
    assert Inburgeraar.objects.count() == 1
    assert Gebeurtenis.objects.filter(soort="SS139").count() == 1
    assert Signaal.objects.filter(soort=Soort.PIP_TERMIJN).count() == 1
