"""A regional team's combined worklist (issue 16): the open work of every gemeente the user
works for, with a gemeente column; each item stays in its own tenant and log."""

from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.gemeenten.tests.factories import GemeenteFactory
from openinburgering.logboek.models import Verwerking
from openinburgering.signalen.services import signalen_herberekenen

from .helpers import PEILDATUM, dossier_met_elke_bron

pytestmark = pytest.mark.django_db
URL = reverse("signalen:werklijst")


def test_combined_worklist_with_column_switch_and_own_logs(
    gemeente_a, gemeente_b, inburgeraar_factory, medewerker, inloggen
):
    buiten = GemeenteFactory(code="0009", naam="Buitendorp")
    a = dossier_met_elke_bron(gemeente_a, inburgeraar_factory)
    b = dossier_met_elke_bron(gemeente_b, inburgeraar_factory)
    c = dossier_met_elke_bron(buiten, inburgeraar_factory)
    signalen_herberekenen(peildatum=PEILDATUM)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a, gemeente_b))

    alleen_a = client.get(URL, {"tab": "niet_toegewezen"}).content.decode()
    assert str(a.uuid) in alleen_a and str(b.uuid) not in alleen_a
    assert 'scope="col">Gemeente</th>' not in alleen_a

    Verwerking.objects.all().delete()
    html = client.get(URL, {"tab": "niet_toegewezen", "gemeente": "alle"}).content.decode()
    assert str(a.uuid) in html and str(b.uuid) in html and str(c.uuid) not in html
    assert 'scope="col">Gemeente</th>' in html and f">{gemeente_b.naam}</td>" in html
    # B's items open through a switch to B and cannot be picked up from A's list.
    assert f'form="wissel-{gemeente_b.code}"' in html and 'id="wissel-0002"' in html
    detail_b = reverse("inburgeraars:detail", kwargs={"uuid": b.uuid})
    assert f'value="{detail_b}"' in html
    kiesbaar = html.count('name="signalen"')
    assert kiesbaar == alleen_a.count('name="signalen"') > 0
    # Each person's read in their own gemeente's log.
    assert set(Verwerking.objects.values_list("gemeente_id", "betrokkene")) == {
        (gemeente_a.pk, a.pseudoniem),
        (gemeente_b.pk, b.pseudoniem),
    }
    # A single gemeente by its code.
    html = client.get(URL, {"tab": "niet_toegewezen", "gemeente": gemeente_b.code}).content.decode()
    assert str(b.uuid) in html and str(a.uuid) not in html
