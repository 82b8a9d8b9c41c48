"""POST /duo/v1/notificaties: DUO's Notificatie API 1.8.0, answered per DUO's spec."""

import json
import uuid

from django.db import connection

import pytest

from openinburgering.core import bsn as bsn_tools
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo.intake import NOTIFICATIE_API_VERSIE
from openinburgering.integrations.duo.models import (
    IntegriteitsIncident,
    Notificatie,
    NotificatieStatus,
)
from openinburgering.logboek.models import Verwerking

from . import spec
from .conftest import DUO_OIN, notificatie_body

pytestmark = pytest.mark.django_db


def test_api_version_is_the_version_of_duos_spec():
    assert spec.spec_versie("Notificatie") == NOTIFICATIE_API_VERSIE


def test_valid_notification_is_stored_and_answered_201(duo_afzender, gemeente_a):
    bsn = nieuw_bsn()
    response = duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="XX999"))
    assert response.status_code == 201
    assert response["API-Version"] == NOTIFICATIE_API_VERSIE
    assert response.content == b""
    notificatie = Notificatie.objects.get()
    assert notificatie.gemeente == gemeente_a
    assert notificatie.bron == DUO_OIN
    assert str(notificatie.bericht_id) == response.bericht_id
    assert notificatie.bsn == bsn
    assert notificatie.bsn_hash == bsn_tools.zoekhash(bsn)
    assert notificatie.registratie_datum_tijd.isoformat() == "2026-03-02T08:15:00+00:00"


def test_bsn_is_never_stored_in_plain_text(duo_afzender):
    bsn = nieuw_bsn()
    duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="XX999"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM duo_notificatie")
        rij = cursor.fetchone()
    assert all(bsn not in str(waarde) for waarde in rij)


def test_receipt_writes_one_processing_log_record_with_the_pseudonym(duo_afzender):
    bsn = nieuw_bsn()
    duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="XX999"))
    verwerking = Verwerking.objects.get()
    assert verwerking.betrokkene == bsn_tools.pseudoniem(bsn)
    assert verwerking.actor == "DUO (notificatie)"


def test_notification_with_only_a_vnummer_is_accepted(duo_afzender):
    response = duo_afzender.post(notificatie_body(gebeurtenis="XX999", vNummer=1234567890))
    assert response.status_code == 201
    notificatie = Notificatie.objects.get()
    assert notificatie.vnummer == "1234567890"
    assert notificatie.bsn_versleuteld == ""


def test_unknown_event_is_stored_and_marked_for_the_beheerder(
    duo_afzender, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn(), gebeurtenis="ZZ1"))
    assert response.status_code == 201
    assert Notificatie.objects.get().status == NotificatieStatus.ONBEKEND


@pytest.mark.parametrize(
    ("kop", "waarde"),
    [
        ("bron", None),
        ("doel", None),
        ("berichtId", None),
        ("berichtId", "geen-uuid"),
        ("bron", "123"),
        ("doel", "1" * 21),
    ],
)
def test_missing_or_malformed_header_is_400_with_a_foutmelding(duo_afzender, kop, waarde):
    response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn()), **{kop: waarde})
    assert response.status_code == 400
    assert response["API-Version"] == NOTIFICATIE_API_VERSIE
    assert set(response.json()) == {"fouttekst"}
    assert 0 < len(response.json()["fouttekst"]) <= 200
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"gebeurtenisId": "SS101", "bsn": "111222333"},
        {"registratieDatumTijd": "2026-03-02", "gebeurtenisId": "SS101", "bsn": "111222333"},
        {"registratieDatumTijd": "2026-03-02T09:00:00", "gebeurtenisId": "SS101", "bsn": "1"},
        {"registratieDatumTijd": "2026-02-30T09:00:00Z", "gebeurtenisId": "SS101", "vNummer": 1},
        {"registratieDatumTijd": "2026-03-02T09:00:00Z", "gebeurtenisId": "ss101", "vNummer": 1},
        {"registratieDatumTijd": "2026-03-02T09:00:00Z", "gebeurtenisId": "SS1011", "bsn": 1},
        {"registratieDatumTijd": "2026-03-02T09:00:00Z", "gebeurtenisId": "SS101", "bsn": "12345"},
        {"registratieDatumTijd": "2026-03-02T09:00:00Z", "gebeurtenisId": "SS101", "vNummer": -1},
        {"registratieDatumTijd": "2026-03-02T09:00:00Z", "gebeurtenisId": "SS101", "vNummer": "1"},
        {"registratieDatumTijd": "2026-03-02T09:00:00Z", "gebeurtenisId": "SS101"},
        [],
    ],
)
def test_malformed_body_is_400(duo_afzender, body):
    response = duo_afzender.post(raw=json.dumps(body).encode())
    assert response.status_code == 400
    assert "fouttekst" in response.json()
    assert not Notificatie.objects.exists()


def test_body_that_is_not_json_is_400(duo_afzender):
    assert duo_afzender.post(raw=b"{kapot").status_code == 400
    response = duo_afzender.post(raw=b"<xml/>", content_type="application/xml")
    assert response.status_code == 400


def test_error_text_never_echoes_the_bsn(duo_afzender):
    bsn = nieuw_bsn()
    response = duo_afzender.post(
        notificatie_body(bsn=bsn, gebeurtenis="fout"), berichtId="geen-uuid"
    )
    assert bsn not in response.content.decode()


def test_sender_other_than_duo_is_403(duo_afzender):
    response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn()), bron="1" * 20)
    assert response.status_code == 403
    assert response["API-Version"] == NOTIFICATIE_API_VERSIE
    assert not Notificatie.objects.exists()


def test_receiver_that_is_not_a_gemeente_here_is_403(duo_afzender, gemeente_b):
    response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn()), doel="9" * 20)
    assert response.status_code == 403
    assert (
        duo_afzender.post(notificatie_body(bsn=nieuw_bsn()), doel=gemeente_b.oin).status_code == 201
    )
    assert Notificatie.objects.get().gemeente == gemeente_b


def test_same_message_twice_has_one_effect(duo_afzender, django_capture_on_commit_callbacks):
    body = notificatie_body(bsn=nieuw_bsn(), gebeurtenis="XX999")
    bericht_id = str(uuid.uuid4())
    with django_capture_on_commit_callbacks() as callbacks:
        eerste = duo_afzender.post(body, berichtId=bericht_id)
        tweede = duo_afzender.post(body, berichtId=bericht_id)
    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert Notificatie.objects.count() == 1
    assert Verwerking.objects.count() == 1
    assert len(callbacks) == 1, "processing is enqueued once"


def test_same_instant_in_another_notation_is_the_same_message(duo_afzender):
    bsn = nieuw_bsn()
    bericht_id = str(uuid.uuid4())
    duo_afzender.post(
        notificatie_body(bsn=bsn, tijd="2026-03-02T09:15:00+01:00"), berichtId=bericht_id
    )
    response = duo_afzender.post(
        notificatie_body(bsn=bsn, tijd="2026-03-02T08:15:00Z"), berichtId=bericht_id
    )
    assert response.status_code == 201
    assert not IntegriteitsIncident.objects.exists()


def test_same_bericht_id_with_another_body_is_refused_and_an_incident(duo_afzender):
    bericht_id = str(uuid.uuid4())
    origineel = duo_afzender.post(notificatie_body(bsn=nieuw_bsn()), berichtId=bericht_id)
    assert origineel.status_code == 201
    ander = notificatie_body(bsn=nieuw_bsn())
    for _ in range(3):
        response = duo_afzender.post(ander, berichtId=bericht_id)
        assert response.status_code == 400
        assert "berichtId" in response.json()["fouttekst"]
    assert Notificatie.objects.count() == 1
    incident = IntegriteitsIncident.objects.get()
    assert incident.aantal == 3
    assert incident.notificatie == Notificatie.objects.get()


def test_other_methods_are_405_with_the_version_header(client):
    response = client.get("/duo/v1/notificaties")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response["API-Version"] == NOTIFICATIE_API_VERSIE


def test_unexpected_error_is_500_with_the_version_header(duo_afzender, monkeypatch):
    from openinburgering.integrations.duo import intake

    def kapot(**kwargs):
        raise RuntimeError("database weg 111222333")

    monkeypatch.setattr(intake, "notificatie_ontvangen", kapot)
    response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn()))
    assert response.status_code == 500
    assert response["API-Version"] == NOTIFICATIE_API_VERSIE
    assert "111222333" not in response.content.decode()


class TestMutualTls:
    @pytest.fixture(autouse=True)
    def _verplicht(self, settings):
        settings.DUO_MTLS_REQUIRED = True
        settings.DUO_MTLS_SUBJECT_HEADER = "HTTP_X_SSL_CLIENT_S_DN"

    def test_without_verified_certificate_is_401(self, duo_afzender):
        response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn()))
        assert response.status_code == 401
        assert response["API-Version"] == NOTIFICATIE_API_VERSIE
        assert not Notificatie.objects.exists()

    def test_certificate_of_someone_else_is_403(self, duo_afzender):
        response = duo_afzender.post(
            notificatie_body(bsn=nieuw_bsn()),
            **{"X-SSL-Client-S-DN": "CN=iemand,O=Ander,serialNumber=00000001999999999000"},
        )
        assert response.status_code == 403

    def test_duos_certificate_is_accepted(self, duo_afzender):
        response = duo_afzender.post(
            notificatie_body(bsn=nieuw_bsn(), gebeurtenis="XX999"),
            **{"X-SSL-Client-S-DN": f"CN=DUO,O=Dienst Uitvoering Onderwijs,serialNumber={DUO_OIN}"},
        )
        assert response.status_code == 201


@pytest.mark.parametrize(
    ("tijd", "status"),
    [
        ("1588-06-21T01:28:21+21:33", 201),  # RFC 3339 allows ±23:59; PostgreSQL only ±15:59
        ("0001-01-01T00:00:00+01:00", 400),  # before the year 1 in UTC
        ("9999-12-31T23:59:59-01:00", 400),  # after the year 9999 in UTC
    ],
)
def test_extreme_times_are_stored_in_utc_or_refused(duo_afzender, tijd, status):
    """Found by schemathesis on PostgreSQL."""
    response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn(), gebeurtenis="XX9", tijd=tijd))
    assert response.status_code == status


def test_in_production_the_notification_row_is_the_task(duo_afzender, settings, monkeypatch):
    """Without direct processing the endpoint writes the notification and its log record in one
    commit and enqueues nothing: the inbox worker claims the row. When that transaction fails,
    nothing is stored and DUO gets a 500 to retry."""
    from django_tasks_db.models import DBTaskResult

    from openinburgering.integrations.duo import intake

    settings.DUO_NOTIFICATIES_DIRECT = False
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn(), gebeurtenis="SS139"))
    assert response.status_code == 201
    assert Notificatie.objects.get().status == NotificatieStatus.ONTVANGEN
    assert Verwerking.objects.count() == 1
    assert not DBTaskResult.objects.exists()

    def kapot(**kwargs):
        raise RuntimeError("log write failed")

    monkeypatch.setattr(intake, "verwerkingen_vastleggen", kapot)
    response = duo_afzender.post(notificatie_body(bsn=nieuw_bsn(), gebeurtenis="SS139"))
    assert response.status_code == 500
    assert Notificatie.objects.count() == 1
    assert Verwerking.objects.count() == 1


def test_a_new_gemeente_is_accepted_at_once_despite_the_lookup_cache(duo_afzender, gemeente_a):
    from openinburgering.gemeenten.models import Gemeente

    oin = "00000001777777777000"
    assert duo_afzender.post(notificatie_body(bsn=nieuw_bsn()), doel=oin).status_code == 403
    Gemeente.objects.create(code="7777", naam="Nieuwdam", oin=oin)
    assert duo_afzender.post(notificatie_body(bsn=nieuw_bsn()), doel=oin).status_code == 201
