"""Maatschappelijke begeleiding: the configurable list, the checklist, overdue steps, access."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import pytest

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import MATRIX, Recht, Rol
from openinburgering.begeleiding import selectors, services
from openinburgering.begeleiding.models import Stap, StapStatus, Voortgang
from openinburgering.inburgeraars.codes import Doelgroep, Regime
from openinburgering.logboek.models import Verwerking

pytestmark = pytest.mark.django_db


def _beheerder(gemeente):
    return Actor(gemeente=gemeente, systeem="test-beheer")


@pytest.fixture
def stappen(gemeente_a):
    services.standaardstappen_aanmaken(actor=_beheerder(gemeente_a))
    return list(Stap.objects.filter(gemeente=gemeente_a))


@pytest.fixture
def persoon(gemeente_a, inburgeraar_factory):
    p = inburgeraar_factory(gemeente_a, aangemeld_op=timezone.localdate() - timedelta(days=45))
    return p


def test_default_list_is_made_once_per_gemeente(gemeente_a):
    actor = _beheerder(gemeente_a)
    assert services.standaardstappen_aanmaken(actor=actor) == 10
    assert services.standaardstappen_aanmaken(actor=actor) == 0
    assert Stap.objects.filter(gemeente=gemeente_a).count() == 10


def test_a_beheerder_adds_renames_and_retires_a_step_without_losing_history(
    gemeente_a, stappen, persoon
):
    beheer = _beheerder(gemeente_a)
    nieuw = services.stap_aanmaken(actor=beheer, naam="Sportclub", streefdagen=120)
    services.voortgang_vastleggen(
        actor=Actor(gemeente=gemeente_a, systeem="test"),
        dossier=persoon.dossier,
        invoer=[
            services.StapInvoer(
                stap=nieuw, status=StapStatus.AFGEROND, datum=date(2025, 1, 2), geholpen_door="Zelf"
            )
        ],
    )
    services.stap_wijzigen(
        actor=beheer, stap=nieuw, versie=1, naam="Sportvereniging", streefdagen=90
    )
    services.stap_in_gebruik_zetten(actor=beheer, stap=nieuw, actief=False)
    lijst = selectors.checklist(
        actor=beheer, dossier=persoon.dossier, peildatum=timezone.localdate()
    )
    namen = [r.stap.naam for r in lijst.rijen]
    assert "Sportvereniging" in namen  # retired, but this person has a record
    ander = selectors.checklist(
        actor=beheer,
        dossier=persoon.dossier.__class__.objects.exclude(pk=persoon.dossier.pk).first()
        or persoon.dossier,
        peildatum=timezone.localdate(),
    )
    assert ander.totaal >= 10


def test_a_duplicate_name_is_refused(gemeente_a, stappen):
    with pytest.raises(ValidationError) as fout:
        services.stap_aanmaken(
            actor=_beheerder(gemeente_a), naam=stappen[0].naam.upper(), streefdagen=5
        )
    assert "al een stap met deze naam" in str(fout.value)


def _rij(persoon):
    d = persoon.dossier
    return (d.pk, d.gemeente_id, d.aangemeld_op, persoon.doelgroep, d.status != "afgerond")


def test_overdue_steps_follow_the_target_days(gemeente_a, stappen, persoon):
    lijst = selectors.checklist(
        actor=_beheerder(gemeente_a), dossier=persoon.dossier, peildatum=timezone.localdate()
    )
    # Registered 45 days ago: the 14- and 30-day steps are overdue, the 60/90-day ones not yet.
    assert {r.stap.streefdagen for r in lijst.achterstallig} == {14, 30}
    bulk = selectors.achterstallig_per_dossier(
        dossiers=[_rij(persoon)], peildatum=timezone.localdate()
    )
    assert len(bulk[persoon.dossier.pk]) == len(lijst.achterstallig)


@pytest.mark.parametrize(
    ("status", "datum", "geholpen", "melding"),
    [
        (StapStatus.AFGEROND, None, "Kim", "Vul de datum in"),
        (StapStatus.AFGEROND, "morgen", "Kim", "in de toekomst"),
        (StapStatus.AFGEROND, date(2025, 1, 1), "", "wie heeft geholpen"),
        (StapStatus.OPEN, date(2025, 1, 1), "", "alleen bij een stap die geregeld is"),
    ],
)
def test_bad_checklist_input_gets_a_dutch_message_and_saves_nothing(
    gemeente_a, stappen, persoon, status, datum, geholpen, melding
):
    if datum == "morgen":
        datum = timezone.localdate() + timedelta(days=1)
    goed = services.StapInvoer(
        stap=stappen[1], status=StapStatus.AFGEROND, datum=date(2025, 1, 1), geholpen_door="Kim"
    )
    fout = services.StapInvoer(stap=stappen[0], status=status, datum=datum, geholpen_door=geholpen)
    with pytest.raises(ValidationError) as exc:
        services.voortgang_vastleggen(
            actor=Actor(gemeente=gemeente_a, systeem="t"),
            dossier=persoon.dossier,
            invoer=[goed, fout],
        )
    assert melding in str(exc.value)
    assert not Voortgang.objects.exists()


def test_wi2013_asielstatushouder_keeps_steps_and_sees_the_regime(
    gemeente_a, stappen, inburgeraar_factory, medewerker, inloggen
):
    oud = inburgeraar_factory(gemeente_a, regime=Regime.WI2013)
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    inhoud = client.get(
        reverse("begeleiding:checklist", kwargs={"uuid": oud.uuid})
    ).content.decode()
    assert "Regime: Wi2013" in inhoud and "oude wet" in inhoud
    assert stappen[0].naam in inhoud


def test_dossier_page_shows_progress_and_overdue_steps(
    gemeente_a, stappen, persoon, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.post(
        reverse("begeleiding:checklist_opslaan", kwargs={"uuid": persoon.uuid}),
        {
            f"{stappen[0].uuid}-status": "afgerond",
            f"{stappen[0].uuid}-datum": "02-01-2025",
            f"{stappen[0].uuid}-geholpen_door": "VluchtelingenWerk",
            **{f"{s.uuid}-status": "open" for s in stappen[1:]},
        },
    )
    inhoud = client.get(
        reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    ).content.decode()
    assert "1 van 10 stappen geregeld" in inhoud
    assert "stappen achterstallig" in inhoud


def test_gezinsmigrant_is_told_begeleiding_is_for_asielstatushouders(
    gemeente_a, stappen, inburgeraar_factory, medewerker, inloggen
):
    gezin = inburgeraar_factory(gemeente_a, doelgroep=Doelgroep.GEZINSMIGRANT_EN_OVERIGE_MIGRANT)
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    inhoud = client.get(
        reverse("inburgeraars:detail", kwargs={"uuid": gezin.uuid})
    ).content.decode()
    assert "Alleen voor asielstatushouders" in inhoud


def test_bad_form_input_shows_errors_and_saves_nothing(
    gemeente_a, stappen, persoon, medewerker, inloggen
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    response = client.post(
        reverse("begeleiding:checklist_opslaan", kwargs={"uuid": persoon.uuid}),
        {
            f"{stappen[0].uuid}-status": "afgerond",
            f"{stappen[0].uuid}-datum": "31-02-2025",
            **{f"{s.uuid}-status": "open" for s in stappen[1:]},
        },
    )
    assert response.status_code == 400
    assert "Er is niets opgeslagen" in response.content.decode()
    assert not Voortgang.objects.exists()


VIEWS = [
    ("begeleiding:beheer", "get", False, Recht.BEGELEIDING_BEHEREN),
    ("begeleiding:standaard_laden", "post", False, Recht.BEGELEIDING_BEHEREN),
    ("begeleiding:stap_wijzigen", "get", "stap", Recht.BEGELEIDING_BEHEREN),
    ("begeleiding:stap_actief", "post", "stap", Recht.BEGELEIDING_BEHEREN),
    ("begeleiding:checklist", "get", "persoon", Recht.PERSOONSGEGEVENS_LEZEN),
    ("begeleiding:checklist_opslaan", "post", "persoon", Recht.TRAJECT_VASTLEGGEN),
]


def _url(naam, soort, stap, persoon):
    if soort == "stap":
        return reverse(naam, kwargs={"uuid": stap.uuid})
    if soort == "persoon":
        return reverse(naam, kwargs={"uuid": persoon.uuid})
    return reverse(naam)


@pytest.mark.parametrize("rol", list(Rol))
@pytest.mark.parametrize(
    ("naam", "methode", "soort", "recht"), VIEWS, ids=[v[0] + "-" + v[1] for v in VIEWS]
)
def test_permission_matrix(
    rol, naam, methode, soort, recht, gemeente_a, stappen, persoon, medewerker, inloggen
):
    client = inloggen(medewerker(rol, gemeente_a))
    url = _url(naam, soort, stappen[0], persoon)
    response = client.get(url) if methode == "get" else client.post(url, {})
    if recht in MATRIX[rol]:
        assert response.status_code in (200, 302, 400)
    else:
        assert response.status_code == 403


@pytest.mark.parametrize(("naam", "methode", "soort", "recht"), [v for v in VIEWS if v[2]])
def test_another_gemeentes_object_is_a_404(
    naam, methode, soort, recht, gemeente_a, gemeente_b, inburgeraar_factory, medewerker, inloggen
):
    services.standaardstappen_aanmaken(actor=_beheerder(gemeente_b))
    vreemde_stap = Stap.objects.filter(gemeente=gemeente_b).first()
    vreemd = inburgeraar_factory(gemeente_b)
    rol = Rol.FUNCTIONEEL_BEHEERDER if recht == Recht.BEGELEIDING_BEHEREN else Rol.TEAMLEIDER
    client = inloggen(medewerker(rol, gemeente_a))
    url = _url(naam, soort, vreemde_stap, vreemd)
    response = client.get(url) if methode == "get" else client.post(url, {"actief": "0"})
    assert response.status_code == 404
    vreemde_stap.refresh_from_db()
    assert vreemde_stap.actief


def test_reading_a_checklist_is_logged(gemeente_a, stappen, persoon, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.get(reverse("begeleiding:checklist", kwargs={"uuid": persoon.uuid}))
    assert Verwerking.objects.filter(betrokkene=persoon.pseudoniem, activiteit="inzien").exists()


def test_checklist_and_beheer_use_a_constant_number_of_queries(
    gemeente_a, stappen, persoon, medewerker, inloggen, django_assert_max_num_queries
):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    url = reverse("begeleiding:checklist", kwargs={"uuid": persoon.uuid})
    client.get(url)
    with django_assert_max_num_queries(25) as eerst:
        client.get(url)
    for i in range(15):
        services.stap_aanmaken(actor=_beheerder(gemeente_a), naam=f"Extra {i}", streefdagen=5)
    with django_assert_max_num_queries(len(eerst.captured_queries)):
        client.get(url)
    with django_assert_max_num_queries(2):
        selectors.achterstallig_per_dossier(
            dossiers=[_rij(persoon)], peildatum=timezone.localdate()
        )
