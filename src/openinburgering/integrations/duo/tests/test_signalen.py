"""One worklist: the deadline engine (signalen) shows the DUO work items and reads SS139."""

from django.apps import apps

import pytest

from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo.models import Werkitem, WerkitemSoort
from openinburgering.integrations.duo.services import werkitem_aanmaken, werkitem_afhandelen

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not apps.is_installed("openinburgering.signalen"), reason="signalen is not installed"
    ),
]


def test_work_item_appears_on_and_leaves_the_worklist(
    gemeente_a, inburgeraar_factory, django_capture_on_commit_callbacks
):
    from openinburgering.accounts.context import Actor
    from openinburgering.signalen.models import Signaal, SignaalStatus

    persoon = inburgeraar_factory(gemeente_a, bsn=nieuw_bsn())
    with django_capture_on_commit_callbacks(execute=True):
        item = werkitem_aanmaken(
            gemeente=gemeente_a,
            dossier=persoon.dossier,
            soort=WerkitemSoort.BESLUIT_DUO,
            titel="Besluit van DUO bespreken met de inburgeraar",
        )
    signaal = Signaal.objects.get(object_uuid=item.uuid)
    assert signaal.status == SignaalStatus.OPEN
    assert signaal.titel == item.titel
    with django_capture_on_commit_callbacks(execute=True):
        werkitem_afhandelen(actor=Actor(gemeente=gemeente_a, systeem="test"), werkitem=item)
    signaal.refresh_from_db()
    assert signaal.status == SignaalStatus.AFGEHANDELD
    assert Werkitem.objects.get(pk=item.pk).status == "afgehandeld"


def test_ss139_from_duo_gives_the_engines_10_week_item(
    duo_afzender, duo_mock, django_capture_on_commit_callbacks
):
    from openinburgering.signalen.models import Signaal

    from .conftest import notificatie_body

    bsn = nieuw_bsn()
    duo_mock.persoon(bsn)
    with django_capture_on_commit_callbacks(execute=True):
        duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="SS139"))
    assert Signaal.objects.filter(soort="pip_termijn", status="open").count() == 1
    assert not Werkitem.objects.filter(soort=WerkitemSoort.PIP_TERMIJN).exists(), (
        "the engine owns the 10-week item; no second one from us"
    )
