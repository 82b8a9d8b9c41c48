"""Hostile input at the DUO integration: the notification endpoint and the dossier's contact
person (issue 15, findings 6 and 7)."""

import json
import time

from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.integrations.duo import intake
from openinburgering.integrations.duo.models import Notificatie, UitgaandBericht

from .conftest import notificatie_body

pytestmark = pytest.mark.django_db


def test_a_notification_nested_50000_deep_is_a_400_not_a_500(duo_afzender):
    """Finding 6 (issue 15): json.loads recursed until it failed, a 500. The depth is now
    counted before parsing; DUO gets its Foutmelding with a Dutch fouttekst."""
    body = b'{"a":' * 50_000 + b"1" + b"}" * 50_000
    response = duo_afzender.post(raw=body)
    assert response.status_code == 400
    assert response.json() == {"fouttekst": "Het bericht is te diep genest."}
    # The refusal itself is cheap: the count stops at the first level past the limit.
    begin = time.monotonic()
    with pytest.raises(intake.OngeldigVerzoek):
        intake.lees_verzoek(
            headers=duo_afzender.headers(), content_type="application/json", body=body
        )
    assert time.monotonic() - begin < 0.1
    assert not Notificatie.objects.exists()


def test_brackets_inside_strings_do_not_count_as_nesting(duo_afzender):
    """Finding 6: only structure counts; a string full of brackets is still a flat object (here
    refused for its gebeurtenisId, not for its depth)."""
    body = notificatie_body(bsn=nieuw_bsn(), gebeurtenis="XX999")
    body["gebeurtenisId"] = "[{" * 1000 + '\\"' + "}]" * 1000
    response = duo_afzender.post(raw=json.dumps(body).encode())
    assert response.json()["fouttekst"] == "gebeurtenisId ontbreekt of is ongeldig."


@pytest.mark.parametrize(
    "cijfers",
    ["١٢٣٤٥٦٧٨٢", "۱۲۳۴۵۶۷۸۲", "１２３４５６７８２", "१२३४५६७८२"],
    ids=["arabic-indic", "extended-arabic-indic", "fullwidth", "devanagari"],
)
def test_a_bsn_in_other_digits_than_ascii_is_refused(cijfers, duo_afzender):
    """Finding 7 (issue 15): DUO's spec allows the digits 0-9 only; Python's ``\\d`` took a BSN
    in Arabic-Indic digits and the endpoint answered 201."""
    body = notificatie_body(bsn=nieuw_bsn(), gebeurtenis="XX999")
    body["bsn"] = cijfers
    response = duo_afzender.post(raw=json.dumps(body).encode())
    assert response.status_code == 400
    assert response.json() == {"fouttekst": "bsn moet uit 9 cijfers bestaan."}
    assert not Notificatie.objects.exists()


@pytest.mark.parametrize("waarde", ["geen-uuid", "1 OR 1=1", "\x00", "x" * 5000])
def test_a_contact_person_that_is_no_uuid_is_a_404_not_a_500(
    waarde, gemeente_a, medewerker, inloggen, inburgeraar_factory
):
    """Finding 6 (issue 15): a non-UUID ``contactpersoon`` on the dossier's link form reached
    the database as a UUID lookup and failed there as a 500."""
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    persoon = inburgeraar_factory(gemeente_a)
    url = reverse("duo:contactpersoon_koppelen", kwargs={"uuid": persoon.uuid})
    assert client.post(url, {"contactpersoon": waarde}).status_code == 404
    assert not UitgaandBericht.objects.filter(soort__startswith="contactpersoon").exists()
