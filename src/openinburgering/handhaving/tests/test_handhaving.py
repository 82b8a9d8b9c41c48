"""Handhaving: amounts and articles from regels (R30–R33, R53), Awb steps with letters, access."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest
import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import MATRIX, Recht, Rol
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.handhaving import brieven_pad, services
from openinburgering.handhaving.models import Handhavingsstap, Handhavingszaak, ZaakStatus
from openinburgering.logboek.models import Verwerking

pytestmark = pytest.mark.django_db
D = date.fromisoformat


@pytest.fixture(autouse=True)
def _prive(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


@pytest.fixture
def actor(gemeente_a):
    return Actor(gemeente=gemeente_a, systeem="test")


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    return inburgeraar_factory(gemeente_a)


def _zaak(actor, persoon, verplichting="map", datum="2025-03-01", oproepen=0):
    return services.zaak_openen(
        actor=actor, dossier=persoon.dossier, verplichting=verplichting,
        overtredingsdatum=D(datum), omschrijving="Niet verschenen.", genegeerde_oproepen=oproepen,
    )  # fmt: skip


@time_machine.travel(D("2025-06-02"), tick=False)
def test_no_letter_while_name_or_birth_date_is_unknown(actor, gemeente_a, inburgeraar_factory):
    """A person DUO announced (ADR 0041): a letter must name the person, so it waits."""
    onbekend = inburgeraar_factory(gemeente_a, voornamen="", achternaam="", geboortedatum=None)
    zaak = _zaak(actor, onbekend)
    with pytest.raises(Geweigerd, match="nog onbekend"):
        services.waarschuwing_sturen(actor=actor, zaak=zaak, datum=D("2025-03-10"))
    assert not Handhavingsstap.objects.filter(zaak=zaak, soort="waarschuwing").exists()


@time_machine.travel(D("2025-06-02"), tick=False)
def test_pip_fine_goes_through_warning_intention_and_decision_with_letters(actor, persoon):
    zaak = _zaak(actor, persoon)
    assert zaak.artikel == "Wi2021 art. 23"
    services.waarschuwing_sturen(actor=actor, zaak=zaak, datum=D("2025-03-10"))
    voornemen = services.voornemen_sturen(
        actor=actor, zaak=zaak, datum=D("2025-04-01"), bedrag=Decimal(500), rapport="Rapport."
    )
    assert voornemen.zienswijze_uiterlijk == D("2025-04-15")
    besluit = services.besluit_nemen(
        actor=actor, zaak=zaak, datum=D("2025-05-01"), bedrag=Decimal(400),
        matigingsreden="Geringe draagkracht",
    )  # fmt: skip
    assert besluit.bezwaar_uiterlijk == D("2025-06-12")  # R23: 6 weeks from the day after
    zaak.refresh_from_db()
    assert zaak.status == ZaakStatus.BESLOTEN
    for stap in Handhavingsstap.objects.all():
        assert brieven_pad(stap).read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("bedrag", "reden", "melding"),
    [
        (Decimal(900), "", "R32"),  # above the cap
        (Decimal(0), "", "R32"),
    ],
)
@time_machine.travel(D("2025-06-02"), tick=False)
def test_a_pip_fine_above_the_cap_is_refused_and_nothing_saved(
    actor, persoon, bedrag, reden, melding
):
    zaak = _zaak(actor, persoon)
    with pytest.raises(RegelsGeschonden) as exc:
        services.voornemen_sturen(
            actor=actor, zaak=zaak, datum=D("2025-04-01"), bedrag=bedrag, rapport="R"
        )
    assert melding in str(exc.value) and "Wi2021 art. 23" in str(exc.value)
    assert not Handhavingsstap.objects.exists()


@time_machine.travel(D("2025-06-02"), tick=False)
def test_a_pip_fine_needs_report_and_zienswijze_first(actor, persoon):
    zaak = _zaak(actor, persoon)
    with pytest.raises(RegelsGeschonden) as exc:
        services.besluit_nemen(actor=actor, zaak=zaak, datum=D("2025-05-01"), bedrag=Decimal(300))
    assert "zienswijze" in str(exc.value) and "R32" in str(exc.value)
    with pytest.raises(RegelsGeschonden) as exc:
        services.voornemen_sturen(
            actor=actor, zaak=zaak, datum=D("2025-04-01"), bedrag=Decimal(300), rapport=""
        )
    assert "rapport" in str(exc.value)


@time_machine.travel(D("2025-06-02"), tick=False)
def test_decision_waits_for_the_zienswijze_term_and_a_reduction_needs_a_reason(actor, persoon):
    zaak = _zaak(actor, persoon)
    services.voornemen_sturen(
        actor=actor, zaak=zaak, datum=D("2025-04-01"), bedrag=Decimal(500), rapport="R"
    )
    with pytest.raises(ValidationError, match="zienswijze loopt tot en met 15-04-2025"):
        services.besluit_nemen(actor=actor, zaak=zaak, datum=D("2025-04-10"), bedrag=Decimal(500))
    with pytest.raises(ValidationError, match="vastgelegde reden"):
        services.besluit_nemen(actor=actor, zaak=zaak, datum=D("2025-05-01"), bedrag=Decimal(300))
    with pytest.raises(ValidationError, match="niet hoger"):
        services.besluit_nemen(actor=actor, zaak=zaak, datum=D("2025-05-01"), bedrag=Decimal(600))
    assert not Handhavingsstap.objects.filter(soort="besluit").exists()


@pytest.mark.parametrize(
    ("oproepen", "bedrag", "reden", "fout"),
    [
        (2, Decimal(250), "", None),
        (1, Decimal(250), "", "R31"),  # first ignored call: warning, no fine yet
        (2, Decimal(300), "", "R30"),
        (2, Decimal(200), "", "R30"),  # reduction without reason
        (3, Decimal(200), "Weinig draagkracht", None),
    ],
)
@time_machine.travel(D("2025-06-02"), tick=False)
def test_intake_fine_is_250_and_follows_the_escalation(
    actor, persoon, oproepen, bedrag, reden, fout
):
    zaak = _zaak(actor, persoon, verplichting="brede_intake", oproepen=oproepen)
    assert zaak.artikel == "Wi2021 art. 22"
    if fout:
        with pytest.raises(RegelsGeschonden) as exc:
            services.besluit_nemen(
                actor=actor, zaak=zaak, datum=D("2025-05-01"), bedrag=bedrag, matigingsreden=reden
            )
        assert fout in str(exc.value)
    else:
        stap = services.besluit_nemen(
            actor=actor, zaak=zaak, datum=D("2025-05-01"), bedrag=bedrag, matigingsreden=reden
        )
        assert stap.bedrag == bedrag


@time_machine.travel(D("2025-06-02"), tick=False)
def test_participatiewet_duties_are_routed_not_fined(actor, persoon):
    zaak = _zaak(actor, persoon, verplichting="ontzorgen_machtiging")
    assert zaak.artikel == "Pw art. 18" and zaak.status == ZaakStatus.PARTICIPATIEWET
    assert "R33" in zaak.stappen.get().uitleg
    with pytest.raises(Geweigerd):
        services.voornemen_sturen(
            actor=actor, zaak=zaak, datum=D("2025-04-01"), bedrag=Decimal(100), rapport="R"
        )


@time_machine.travel(D("2028-06-02"), tick=False)
def test_the_power_to_fine_lapses(actor, persoon):
    zaak = _zaak(actor, persoon, verplichting="brede_intake", datum="2025-02-01", oproepen=2)
    with pytest.raises(RegelsGeschonden) as exc:
        services.besluit_nemen(actor=actor, zaak=zaak, datum=D("2028-02-02"), bedrag=Decimal(250))
    assert "R53" in str(exc.value) and "vervallen" in str(exc.value)
    assert services.besluit_nemen(
        actor=actor, zaak=zaak, datum=D("2028-02-01"), bedrag=Decimal(250)
    )


@time_machine.travel(D("2025-06-02"), tick=False)
def test_dates_in_the_future_are_refused(actor, persoon):
    with pytest.raises(ValidationError, match="toekomst"):
        _zaak(actor, persoon, datum="2025-07-01")
    zaak = _zaak(actor, persoon)
    with pytest.raises(ValidationError, match="toekomst"):
        services.waarschuwing_sturen(actor=actor, zaak=zaak, datum=D("2025-06-03"))


def _opzet(actor, persoon):
    with time_machine.travel(D("2025-06-02"), tick=False):
        zaak = _zaak(actor, persoon)
        stap = services.waarschuwing_sturen(actor=actor, zaak=zaak, datum=D("2025-03-10"))
    return zaak, stap


VIEWS = [
    ("handhaving:zaken", "get", "persoon", Recht.HANDHAVING_VOORBEREIDEN),
    ("handhaving:zaken", "post", "persoon", Recht.HANDHAVING_VOORBEREIDEN),
    ("handhaving:zaak", "get", "zaak", Recht.HANDHAVING_VOORBEREIDEN),
    ("handhaving:waarschuwing", "post", "zaak", Recht.HANDHAVING_VOORBEREIDEN),
    ("handhaving:voornemen", "post", "zaak", Recht.HANDHAVING_VOORBEREIDEN),
    ("handhaving:zienswijze", "post", "zaak", Recht.HANDHAVING_VOORBEREIDEN),
    ("handhaving:besluit", "post", "zaak", Recht.BOETE_OPLEGGEN),
    ("handhaving:brief", "get", "stap", Recht.HANDHAVING_VOORBEREIDEN),
]


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(
    ("naam", "methode", "soort", "recht"), VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS]
)
def test_permission_matrix(
    rol, naam, methode, soort, recht, actor, persoon, gemeente_a, medewerker, inloggen
):
    zaak, stap = _opzet(actor, persoon)
    obj = {"persoon": persoon, "zaak": zaak, "stap": stap}[soort]
    client = inloggen(medewerker(rol, gemeente_a))
    url = reverse(naam, kwargs={"uuid": obj.uuid})
    response = client.get(url) if methode == "get" else client.post(url, {})
    if recht in MATRIX[rol]:
        assert response.status_code in (200, 302, 400)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(
    ("naam", "methode", "soort", "recht"), VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS]
)
def test_another_gemeentes_object_is_a_404(
    naam, methode, soort, recht, actor, persoon, gemeente_b, medewerker, inloggen
):
    zaak, stap = _opzet(actor, persoon)
    obj = {"persoon": persoon, "zaak": zaak, "stap": stap}[soort]
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    url = reverse(naam, kwargs={"uuid": obj.uuid})
    response = (
        client.get(url)
        if methode == "get"
        else client.post(url, {"b-datum": "01-05-2025", "b-bedrag": "250"})
    )
    assert response.status_code == 404
    assert Handhavingsstap.objects.count() == 1


def test_letter_download_and_case_page_are_logged(actor, persoon, gemeente_a, medewerker, inloggen):
    zaak, stap = _opzet(actor, persoon)
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    response = client.get(reverse("handhaving:brief", kwargs={"uuid": stap.uuid}))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert Verwerking.objects.filter(betrokkene=persoon.pseudoniem, activiteit="inzien").exists()
    inhoud = client.get(reverse("handhaving:zaak", kwargs={"uuid": zaak.uuid})).content.decode()
    assert "Boete mogelijk tot en met" in inhoud and "R53" in inhoud
    assert "Een teamleider neemt het besluit" in inhoud


def test_case_page_uses_a_constant_number_of_queries(
    actor, persoon, gemeente_a, medewerker, inloggen, django_assert_max_num_queries
):
    zaak, _stap = _opzet(actor, persoon)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    urls = [
        reverse("handhaving:zaak", kwargs={"uuid": zaak.uuid}),
        reverse("handhaving:zaken", kwargs={"uuid": persoon.uuid}),
    ]
    tellingen = []
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(40) as q:
            client.get(url)
        tellingen.append(len(q.captured_queries))
    with time_machine.travel(D("2025-06-02"), tick=False):
        for _ in range(3):
            z = _zaak(actor, persoon)
            services.waarschuwing_sturen(actor=actor, zaak=z, datum=D("2025-03-10"))
    for url, eerder in zip(urls, tellingen, strict=True):
        with django_assert_max_num_queries(eerder):
            client.get(url)
    assert Handhavingszaak.objects.count() == 4


@time_machine.travel(D("2025-06-02"), tick=False)
def test_a_fine_decided_is_announced_to_subscribers_by_uuid_only(
    actor, persoon, gemeente_a, medewerker
):
    import json

    from openinburgering.abonnementen import services as abonnementen
    from openinburgering.abonnementen.models import Bericht

    rol = Rol.FUNCTIONEEL_BEHEERDER
    abonnementen.abonnement_aanmaken(
        actor=Actor(gemeente=gemeente_a, user=medewerker(rol, gemeente_a), rol=rol),
        naam="W&I", url="https://wi.example/hook", soorten=["boete.opgelegd"],
    )  # fmt: skip
    zaak = _zaak(actor, persoon)
    services.waarschuwing_sturen(actor=actor, zaak=zaak, datum=D("2025-03-10"))
    services.voornemen_sturen(
        actor=actor, zaak=zaak, datum=D("2025-04-01"), bedrag=Decimal(500), rapport="Rapport."
    )
    assert not Bericht.objects.exists()  # only the decision was subscribed to
    besluit = services.besluit_nemen(
        actor=actor, zaak=zaak, datum=D("2025-05-01"), bedrag=Decimal(500)
    )
    event = json.loads(Bericht.objects.get().inhoud)
    assert (event["type"], event["subject"]) == (
        "nl.openinburgering.boete.opgelegd",
        str(besluit.uuid),
    )
    # With a link to the API's resource, now that there is one (ADR 0072, 0076).
    assert event["data"]["handhavingszaak"]["uuid"] == str(zaak.uuid)
    assert event["data"]["handhavingszaak"]["url"].endswith(f"/api/v1/handhavingszaken/{zaak.uuid}")
    assert event["data"]["dossier"] == {"uuid": str(persoon.dossier.uuid)}
    assert "500" not in json.dumps(event["data"])
