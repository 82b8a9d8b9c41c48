"""One worklist: the deadline engine (signalen) shows the DUO work items and reads SS139."""

import pytest

from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo.models import Werkitem, WerkitemSoort
from openinburgering.integrations.duo.services import werkitem_aanmaken, werkitem_afhandelen

pytestmark = pytest.mark.django_db


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


# --- one source for the inburgeringstermijn: DUO's, with extensions and a mover's earlier PIP ---


def _signalen_op(dossier, dag):
    from openinburgering.signalen.models import Signaal, SignaalStatus
    from openinburgering.signalen.services import signalen_herberekenen

    signalen_herberekenen(peildatum=dag)
    return {s.soort: s for s in Signaal.objects.filter(dossier=dossier, status=SignaalStatus.OPEN)}


@pytest.mark.parametrize("gebeurtenis", ["SS103", "SS104"])
def test_duos_extended_term_moves_the_end_of_term_item(
    gebeurtenis, duo_afzender, duo_mock, gemeente_a, inburgeraar_factory, medewerker,
    django_capture_on_commit_callbacks, settings, tmp_path,
):  # fmt: skip
    """Our first PIP of 14-02-2025 ends the term on 14-02-2028 (R8); DUO extends it by half a
    year (SS103 ex officio, SS104 on request): the end-of-term item follows DUO (R42)."""
    from datetime import date

    import time_machine

    from openinburgering.accounts.rollen import Rol
    from openinburgering.pip import services as pip_services
    from openinburgering.pip.tests.helpers import GELDIG_PIP, actor_voor, afgesloten_intake
    from openinburgering.signalen.models import Soort

    from .conftest import notificatie_body

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    bsn = nieuw_bsn()
    persoon = inburgeraar_factory(gemeente_a, bsn=bsn, aangemeld_op=date(2025, 1, 6))
    actor = actor_voor(gemeente_a, medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    with time_machine.travel(date(2025, 2, 14)):
        afgesloten_intake(actor, persoon.dossier)
        pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        pip_services.pip_vaststellen(actor=actor, pip=pip, versie=None)
    voor = _signalen_op(persoon.dossier, date(2027, 10, 1))[Soort.TERMIJN_EINDE]
    assert (voor.deadline, voor.regel) == (date(2028, 2, 14), "R8")

    duo_mock.persoon(
        bsn,
        termijn={
            "startdatum": "2025-02-15",
            "einddatum": "2028-08-15",
            "verlengingsgrondcode": "ZIE",
            "verlengingsgrondomschrijving": "Ziekte",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis=gebeurtenis))

    # Half a year further away, the end is no longer within the item's horizon...
    assert Soort.TERMIJN_EINDE not in _signalen_op(persoon.dossier, date(2027, 10, 1))
    # ...and when it is, the deadline is DUO's last day, explained by R42.
    na = _signalen_op(persoon.dossier, date(2028, 3, 1))[Soort.TERMIJN_EINDE]
    assert (na.deadline, na.regel) == (date(2028, 8, 14), "R42")
    assert "verlengd (Ziekte)" in na.uitleg


@pytest.mark.parametrize(
    ("termijn", "schakel_tot", "laatste_dag", "regel"),
    [
        pytest.param(None, (2027, 5, 3), (2028, 11, 3), "R8", id="SS121-start-uit-duos-pip"),
        pytest.param(
            {"startdatum": "2025-11-04", "einddatum": "2029-05-04"},
            (2027, 5, 3), (2029, 5, 3), "R42", id="SS121-duos-termijn-gaat-voor",
        ),
    ],
)  # fmt: skip
def test_a_person_who_moved_in_keeps_the_term_of_the_earlier_pip(
    termijn, schakel_tot, laatste_dag, regel,
    duo_afzender, duo_mock, django_capture_on_commit_callbacks,
):  # fmt: skip
    """SS121: DUO knows a PIP of the previous gemeente (03-11-2025). The term started the day
    after it (R7), so the switching deadline (R20) and the end of the term count from there."""
    from datetime import date, timedelta

    from openinburgering.inburgeraars.models import Inburgeraar
    from openinburgering.signalen.models import Soort

    from .conftest import notificatie_body

    bsn = nieuw_bsn()
    duo_mock.persoon(
        bsn,
        pip={
            "gemeentecode": "0002",
            "pip": {"dagtekeningPip": "2025-11-03", "leerroute": "B", "niveau": "B1"},
        },
        termijn=termijn,
    )
    with django_capture_on_commit_callbacks(execute=True):
        duo_afzender.post(notificatie_body(bsn=bsn, gebeurtenis="SS121"))
    dossier = Inburgeraar.objects.get().dossier

    schakel = _signalen_op(dossier, date(2027, 4, 1))[Soort.SCHAKELTERMIJN]
    assert (schakel.deadline, schakel.regel) == (date(*schakel_tot), "R20")
    einde = _signalen_op(dossier, date(*laatste_dag) - timedelta(days=30))[Soort.TERMIJN_EINDE]
    assert (einde.deadline, einde.regel) == (date(*laatste_dag), regel)
