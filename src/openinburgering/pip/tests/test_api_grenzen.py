"""Numbers past the database column's range are a 400, not a 500 (issue 15, finding 6)."""

from datetime import date

import pytest
import time_machine

from .test_api import API

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@time_machine.travel(date(2025, 2, 14))
@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("gesprekFrequentieWeken", 40000),
        ("gesprekFrequentieWeken", 0),
        ("geschatteIntensiteitB1Route", 10_000),
        ("geschatteIntensiteitB1Route", -1),
        ("geschatteIntensiteitB1Route", 2**40),
        ("pvtIntensiteit", "x" * 201),
    ],
)
def test_a_value_past_the_limits_is_a_400_problem_not_a_500(
    veld, waarde, api_client, gemeente_a, inburgeraar_factory
):
    """Finding 6 (issue 15): ``gesprekFrequentieWeken: 40000`` overflowed the smallint column
    and gave a 500; the serializer now has the column's maximum, as the schema says."""
    persoon = inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6))
    response = api_client(gemeente_a).post(
        f"/api/v1/inburgeraars/{persoon.uuid}/pips", {**API, veld: waarde}, format="json"
    )
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in response.json()["invalidParams"]] == [veld]
    assert persoon.dossier.pip_versies.count() == 0


@time_machine.travel(date(2025, 2, 14))
def test_the_maximum_itself_is_accepted(api_client, gemeente_a, inburgeraar_factory):
    persoon = inburgeraar_factory(gemeente_a, aangemeld_op=date(2025, 1, 6))
    response = api_client(gemeente_a).post(
        f"/api/v1/inburgeraars/{persoon.uuid}/pips",
        {**API, "gesprekFrequentieWeken": 32767, "geschatteIntensiteitB1Route": 9999},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["gesprekFrequentieWeken"] == 32767
