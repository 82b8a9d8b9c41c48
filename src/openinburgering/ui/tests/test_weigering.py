"""One refusal for a legal rule (core.exceptions.RegelsGeschonden), shown the same way everywhere:
the form puts the rule id, article and Dutch reason on the field; the API answers problem+json
with the rule id as code. Both through the real service and its real rules (R3: EU nationals)."""

from django import forms
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.core.forms import NldsFormMixin, fouten_naar_form
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.regels.base import Uitkomst
from openinburgering.regels.plicht import R3, R5

pytestmark = pytest.mark.django_db

# A German national who came for family reasons: no duty (R3, Wi2021 art. 3).
EU_BURGER = {
    "voornamen": "Greta",
    "achternaam": "Oefenhuis",
    "geboortedatum": "12-04-1990",
    "nationaliteit": "DE",
    "verblijfsdoel": "gezinsvorming",
    "datum_bekendmaking_ind": "01-03-2024",
    "doelgroep": "Gezinsmigrant en overige migrant",
    "regime": "Wi2021",
}


def test_the_form_shows_the_rule_id_article_and_dutch_reason_on_its_field(
    gemeente_a, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    response = client.post(
        reverse("inburgeraars:aanmaken"),
        {**EU_BURGER, "bsn": nieuw_bsn()},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    form = response.context["form"]
    fout = form.errors.as_data()["nationaliteit"][0]
    assert fout.code == "R3"
    tekst = fout.messages[0]
    assert f"(R3, {R3.bron})" in tekst
    assert tekst.startswith("Geen plicht: de persoon heeft de nationaliteit van een EU-")
    inhoud = response.content.decode()
    assert (
        "Geen plicht: de persoon heeft de nationaliteit" in inhoud and f"(R3, {R3.bron})" in inhoud
    )
    assert 'aria-invalid="true"' in inhoud
    assert not Inburgeraar.objects.exists()


def test_the_api_answers_problem_json_naming_the_rule(gemeente_a, api_client):
    response = api_client(gemeente_a).post(
        "/api/v1/inburgeraars",
        {
            "bsn": nieuw_bsn(),
            "voornamen": "Greta",
            "achternaam": "Oefenhuis",
            "geboortedatum": "1990-04-12",
            "nationaliteit": "DE",
            "verblijfsdoel": "gezinsvorming",
            "datumBekendmakingInd": "2024-03-01",
            "doelgroep": "Gezinsmigrant en overige migrant",
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    probleem = response.json()
    assert probleem["code"] == "regels"
    assert probleem["detail"].startswith("Geen plicht: de persoon heeft de nationaliteit")
    assert f"(R3, {R3.bron})" in probleem["detail"]
    (param,) = [p for p in probleem["invalidParams"] if p["code"] == "R3"]
    assert param["name"] == "nationaliteit"
    assert f"(R3, {R3.bron})" in param["reason"]
    assert not Inburgeraar.objects.exists()


class _Form(NldsFormMixin, forms.Form):
    nationaliteit = forms.CharField(required=False)
    verblijf = forms.CharField(required=False)


def test_every_violation_lands_on_its_field_or_the_form_with_its_rule():
    uitkomst = Uitkomst.fout(R3, "EU-burger.", "EU citizen.", veld="nationaliteiten") + (
        Uitkomst.fout(R5, "Studie geeft geen plicht.", "Study gives no duty.", veld="doel")
    )
    form = _Form(data={})
    form.is_valid()
    fouten_naar_form(
        form, RegelsGeschonden(uitkomst, veldnamen={"nationaliteiten": "nationaliteit"})
    )
    fouten = form.errors.as_data()
    assert [f.code for f in fouten["nationaliteit"]] == ["R3"]
    assert fouten["nationaliteit"][0].messages == [f"EU-burger. (R3, {R3.bron})"]
    # The form has no field "doel": the violation is shown on the form as a whole.
    assert [f.code for f in fouten["__all__"]] == ["R5"]


def test_a_refusal_of_the_products_own_carries_no_rule():
    fout = Geweigerd("Er is al een concept.", veld="reden")
    assert fout.regels == () and fout.regel == "" and str(fout) == "Er is al een concept."
    with pytest.raises(ValueError):
        RegelsGeschonden(Uitkomst())
