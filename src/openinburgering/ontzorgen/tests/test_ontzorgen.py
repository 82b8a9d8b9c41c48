"""Issue 19 acceptance: bijstand periods (API, import, by hand), the decision with its letter,
payment runs with a valid pain.001 reconciled to the cent, nothing paid twice, four eyes, bad
input refused with nothing changed, and tenant isolation."""

import io
from datetime import date
from decimal import Decimal

from django.urls import reverse

import pytest
import time_machine
from lxml import etree

from openinburgering.accounts.rollen import Rol
from openinburgering.besluiten.models import Beschikking, Soort
from openinburgering.brieven import pad
from openinburgering.brieven.tests import pdf
from openinburgering.core.exceptions import Geweigerd, RegelsGeschonden
from openinburgering.logboek.models import Verwerking
from openinburgering.ontzorgen import invoer, sepa, services
from openinburgering.ontzorgen.models import (
    Betaalrun,
    Betaling,
    Bijstandimport,
    Bijstandsperiode,
    DatumBron,
    VasteLast,
)
from openinburgering.ontzorgen.workflow import BetalingStatus, RunStatus
from openinburgering.signalen import services as signalen_services
from openinburgering.signalen.models import Signaal
from openinburgering.signalen.models import Soort as SignaalSoort

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


def _telling():
    return (
        Bijstandsperiode.objects.count(),
        list(Bijstandsperiode.objects.values_list("start", "einde", "start_bron", "einde_bron")),
        VasteLast.objects.count(),
        Betaling.objects.count(),
    )


# --- bijstand periods ---------------------------------------------------------------------


def test_the_source_of_each_date_is_kept(periode):
    assert periode.start_bron == DatumBron.API
    assert periode.einde is None


def _csv(*regels: str) -> bytes:
    return ("bsn;start;einde;kenmerk\n" + "\n".join(regels) + "\n").encode()


def test_import_shows_a_preview_then_commits_and_is_idempotent(actor, persoon):
    inhoud = _csv(
        f"{persoon.bsn};2025-02-10;;WI-9",
    )
    voorbeeld = invoer.voorbeeld_maken(actor=actor, naam="wi-feb.csv", inhoud=inhoud)
    assert Bijstandsperiode.objects.count() == 0  # a preview changes nothing
    assert voorbeeld.regels[0]["actie"] == "nieuw"
    assert persoon.bsn not in str(voorbeeld.regels)
    assert invoer.verwerken(actor=actor, invoer=voorbeeld) == 1
    periode = Bijstandsperiode.objects.get()
    assert periode.start_bron == DatumBron.IMPORT
    assert periode.start_bron_detail == "wi-feb.csv, regel 2"
    voor = _telling()
    nogmaals = invoer.voorbeeld_maken(actor=actor, naam="wi-feb.csv", inhoud=inhoud)
    assert nogmaals.regels[0]["actie"] == "ongewijzigd"
    assert invoer.verwerken(actor=actor, invoer=nogmaals) == 0
    assert _telling() == voor


@pytest.mark.parametrize(
    ("regels", "melding"),
    [
        pytest.param(
            ["{bsn};2025-02-10;;A", "111222333;2025-03-01;;B"], "niet bekend", id="onbekend-bsn"
        ),  # fmt: skip
        pytest.param(
            ["{bsn};2025-02-10;2025-06-30;A", "{bsn};2025-06-01;;B"], "overlappen", id="overlap"
        ),  # fmt: skip
        pytest.param(
            ["{bsn};2025-02-10;2025-01-01;A"], "vóór de startdatum", id="einde-voor-start"
        ),  # fmt: skip
    ],
)
def test_a_bad_import_refuses_the_whole_file_and_changes_nothing(
    actor, persoon, periode, regels, melding
):
    voor = _telling()
    with pytest.raises(invoer.ImportGeweigerd) as fout:
        invoer.voorbeeld_maken(
            actor=actor, naam="fout.csv", inhoud=_csv(*(r.format(bsn=persoon.bsn) for r in regels))
        )
    assert any(melding in f for f in fout.value.fouten)
    assert any(f.startswith("Regel ") for f in fout.value.fouten)
    assert persoon.bsn not in " ".join(fout.value.fouten)
    assert _telling() == voor
    assert not Bijstandimport.objects.exists()


def test_the_import_page_shows_the_refusal_in_dutch(client, inloggen, klantregisseur, persoon):
    c = inloggen(klantregisseur)
    bestand = io.BytesIO(_csv(f"{persoon.bsn};2025-02-10;2025-01-01;A"))
    bestand.name = "fout.csv"
    antwoord = c.post(reverse("ontzorgen:importeren"), {"bestand": bestand})
    assert antwoord.status_code == 400
    assert "Het bestand is geweigerd. Er is niets veranderd." in antwoord.content.decode()
    assert not Bijstandsperiode.objects.exists()


def test_api_delivers_periods_idempotently_and_refuses_with_problem_json(
    api_client, gemeente_a, persoon
):
    client = api_client(gemeente_a, ["bijstand:schrijven"])
    url = reverse("api:bijstandsperiode-list")
    data = {"bsn": persoon.bsn, "kenmerk": "WI-77", "start": "2025-02-10"}
    eerste = client.post(url, data, format="json")
    assert eerste.status_code == 201, eerste.content
    assert eerste.json()["startBron"] == "api"
    assert client.post(url, data, format="json").status_code == 200
    assert Bijstandsperiode.objects.count() == 1
    fout = client.post(url, {**data, "kenmerk": "WI-78", "einde": "2025-01-01"}, format="json")
    assert fout.status_code == 400
    assert fout["Content-Type"].startswith("application/problem+json")
    assert "R83" in str(fout.json()["invalidParams"])
    assert Bijstandsperiode.objects.count() == 1
    geen_bereik = api_client(gemeente_a, ["pip:lezen"]).post(url, data, format="json")
    assert geen_bereik.status_code == 403


def test_api_of_another_gemeente_does_not_know_the_person(api_client, gemeente_b, persoon):
    antwoord = api_client(gemeente_b, ["bijstand:schrijven"]).post(
        reverse("api:bijstandsperiode-list"),
        {"bsn": persoon.bsn, "kenmerk": "X", "start": "2025-02-10"},
        format="json",
    )
    assert antwoord.status_code == 404
    assert not Bijstandsperiode.objects.exists()


# --- the decision -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iban", "bedrag", "veld"),
    [
        pytest.param("NL91ABNA0417164301", 100, "iban", id="ongeldige-iban"),
        pytest.param("NL91ABNA0417164300", -500, "bedrag", id="negatief-bedrag"),
        pytest.param("NL91ABNA0417164300", 0, "bedrag", id="nul"),
    ],
)
def test_a_bad_fixed_cost_is_refused_and_changes_nothing(actor, periode, iban, bedrag, veld):
    besluit = services.besluit_aanmaken(actor=actor, periode=periode)
    with pytest.raises(RegelsGeschonden) as fout:
        services.vaste_last_toevoegen(
            actor=actor, besluit=besluit, post="huur", begunstigde="Woonproef", iban=iban,
            bedrag_centen=bedrag, frequentie="maandelijks", contractreferentie="C1",
        )  # fmt: skip
    assert fout.value.regels == ("R85",)
    assert fout.value.veld == veld
    assert not VasteLast.objects.exists()


def test_the_form_refuses_an_invalid_iban_in_dutch(
    client, inloggen, klantregisseur, actor, periode
):
    besluit = services.besluit_aanmaken(actor=actor, periode=periode)
    antwoord = inloggen(klantregisseur).post(
        reverse("ontzorgen:vaste_last", kwargs={"uuid": besluit.uuid}),
        {"post": "huur", "begunstigde": "Woonproef", "iban": "NL00BANK0000000000",
         "bedrag": "-12,50", "frequentie": "maandelijks", "contractreferentie": "C1"},
    )  # fmt: skip
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Dit is geen geldige IBAN" in tekst
    assert "Het bedrag moet groter zijn dan € 0,00." in tekst
    assert not VasteLast.objects.exists()


def test_vaststellen_makes_a_beschikking_with_bezwaar_and_the_period(vastgesteld):
    assert vastgesteld.start == date(2025, 2, 10)
    assert vastgesteld.einde == date(2025, 8, 9)  # R34
    beschikking = vastgesteld.beschikking
    assert beschikking.soort == Soort.ONTZORGEN
    assert beschikking.bezwaar_uiterlijk > beschikking.datum


def test_consent_is_required_where_policy_asks(actor, periode):
    besluit = services.besluit_aanmaken(actor=actor, periode=periode)
    with pytest.raises(RegelsGeschonden) as fout:
        services.besluit_vaststellen(actor=actor, besluit=besluit, versie=besluit.versie)
    assert "R86" in fout.value.regels
    assert not Beschikking.objects.exists()


def test_the_letter_holds_what_a_gemeente_must_send(vastgesteld):
    inhoud = pad(vastgesteld.brief_pad).read_bytes()
    tekst = pdf.tekst(inhoud)
    assert "Yonas Proefbijstand" in tekst
    assert "Proefstraat 7" in tekst
    assert "Kenmerk " in tekst and "-2025-" in tekst
    assert "Bent u het niet eens met dit besluit?" in tekst
    assert "10 februari 2025" in tekst and "9 augustus 2025" in tekst
    assert "€ 612,50" in tekst
    assert pdf.ingebedde_fonts(inhoud) <= pdf.geleverde_fontnamen()
    from django.template.loader import render_to_string

    html = render_to_string(
        "ontzorgen/beschikking.html",
        services.beschikkingsbrief(vastgesteld, termijn=services._termijn(vastgesteld))["context"],
    )
    assert not pdf.ontbrekende_glyphs(html)


def test_bijstand_ending_ends_ontzorgen_r35(actor, persoon, vastgesteld):
    services.periodes_vastleggen(
        actor=actor,
        aanleveringen=[
            services.Aanlevering(
                persoon.dossier, "WI-1", date(2025, 2, 10), date(2025, 5, 1), DatumBron.API, "API"
            )
        ],
    )
    vastgesteld.refresh_from_db()
    assert vastgesteld.einde == date(2025, 5, 1)


def test_stop_and_extension_need_a_reason(actor, vastgesteld):
    with pytest.raises(RegelsGeschonden) as fout:
        services.besluit_wijzigen(
            actor=actor, besluit=vastgesteld, stoppen=False, datum=date(2025, 10, 31), reden="",
            versie=vastgesteld.versie,
        )  # fmt: skip
    assert fout.value.regels == ("R84",)
    verlengd = services.besluit_wijzigen(
        actor=actor, besluit=vastgesteld, stoppen=False, datum=date(2025, 10, 31),
        reden="Schuldhulp loopt nog", versie=vastgesteld.versie,
    )  # fmt: skip
    assert verlengd.einde == date(2025, 10, 31)
    gestopt = services.besluit_wijzigen(
        actor=actor, besluit=verlengd, stoppen=True, datum=date(2025, 6, 30),
        reden="Verhuisd", versie=verlengd.versie,
    )  # fmt: skip
    assert gestopt.status == "gestopt" and gestopt.einde == date(2025, 6, 30)


def test_the_end_of_ontzorgen_is_on_the_worklist_in_time(vastgesteld):
    with time_machine.travel(date(2025, 7, 1)):
        signalen_services.signalen_herberekenen(
            dossier_ids=[vastgesteld.dossier_id], peildatum=date(2025, 7, 1)
        )
    signaal = Signaal.objects.get(soort=SignaalSoort.ONTZORGEN_EINDE)
    assert signaal.deadline == date(2025, 8, 9)
    assert signaal.regel == "R87"


# --- payment runs -------------------------------------------------------------------------


@pytest.fixture
def run(actor, vastgesteld):
    with time_machine.travel(date(2025, 3, 1)):
        return services.betaalrun_maken(
            actor=actor, maand=date(2025, 3, 1), uitvoerdatum=date(2025, 3, 3)
        )


def test_the_file_validates_and_reconciles_to_the_cent(run):
    sepa.valideer(run.bestand)
    doc = etree.fromstring(run.bestand.encode())
    bedragen = [Decimal(e.text) for e in doc.iterfind(".//p:CdtTrfTxInf/p:Amt/p:InstdAmt", NS)]
    regels = list(run.betalingen.all())
    # February and March, four fixed costs each (R88).
    assert len(regels) == 8 == run.aantal == len(bedragen)
    assert sum(bedragen) * 100 == sum(b.bedrag_centen for b in regels) == run.totaal_centen
    assert run.totaal_centen == 2 * (61250 + 12000 + 2133 + 14567)
    assert Decimal(doc.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS)) * 100 == run.totaal_centen
    ids = {e.text for e in doc.iterfind(".//p:EndToEndId", NS)}
    assert ids == {b.end_to_end_id for b in regels}


def test_a_file_that_breaks_the_schema_is_caught():
    with pytest.raises(sepa.BestandOngeldig):
        sepa.valideer(b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"/>')


def test_remaking_a_run_pays_nothing_twice(actor, teamleider, run):
    with time_machine.travel(date(2025, 3, 1)):
        opnieuw = services.betaalrun_maken(
            actor=actor, maand=date(2025, 3, 1), uitvoerdatum=date(2025, 3, 3)
        )
        run.refresh_from_db()
        assert run.status == RunStatus.VERVALLEN
        assert opnieuw.aantal == 8
        services.betaalrun_goedkeuren(actor=teamleider, run=opnieuw)
        derde = services.betaalrun_maken(
            actor=actor, maand=date(2025, 3, 1), uitvoerdatum=date(2025, 3, 3)
        )
    assert derde.aantal == 0 and derde.bestand == ""
    assert Betaling.objects.count() == 8


def test_four_eyes(actor, teamleider, medewerker, gemeente_a, run):
    from openinburgering.pip.tests.helpers import actor_voor

    maker = actor_voor(gemeente_a, run.gemaakt_door, Rol.TEAMLEIDER)
    with pytest.raises(RegelsGeschonden) as fout:
        services.betaalrun_goedkeuren(actor=maker, run=run)
    assert fout.value.regels == ("R89",)
    with pytest.raises(Geweigerd):
        services.betaalrun_goedkeuren(actor=actor, run=run)  # a klantregisseur lacks the right
    goed = services.betaalrun_goedkeuren(actor=teamleider, run=run)
    assert goed.status == RunStatus.GOEDGEKEURD
    assert set(goed.betalingen.values_list("status", flat=True)) == {BetalingStatus.AANGEBODEN}


def test_a_refused_payment_is_a_work_item_and_is_paid_again_later(actor, teamleider, run):
    services.betaalrun_goedkeuren(actor=teamleider, run=run)
    betaling = run.betalingen.first()
    services.betaling_weigeren(actor=actor, betaling=betaling, teruggeboekt=False, reden="AC04")
    signalen_services.signalen_herberekenen(dossier_ids=[betaling.dossier_id])
    assert Signaal.objects.filter(soort=SignaalSoort.BETALING_GEWEIGERD, status="open").count() == 1
    with time_machine.travel(date(2025, 3, 1)):
        volgende = services.betaalrun_maken(
            actor=actor, maand=date(2025, 3, 1), uitvoerdatum=date(2025, 3, 5)
        )
    assert volgende.aantal == 1


# --- screens, isolation, processing log, query counts --------------------------------------


def test_pages_render_and_are_logged(client, inloggen, medewerker, gemeente_a, run, vastgesteld):
    c = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    voor = Verwerking.objects.count()
    for url in (
        reverse("ontzorgen:overzicht", kwargs={"uuid": vastgesteld.dossier.inburgeraar.uuid}),
        reverse("ontzorgen:besluit", kwargs={"uuid": vastgesteld.uuid}),
        reverse("ontzorgen:runs"),
        reverse("ontzorgen:run", kwargs={"uuid": run.uuid}),
    ):
        assert c.get(url).status_code == 200, url
    assert Verwerking.objects.count() > voor
    assert c.get(reverse("ontzorgen:brief", kwargs={"uuid": vastgesteld.uuid})).status_code == 200


def test_another_gemeentes_objects_are_a_404(
    client, inloggen, medewerker, gemeente_b, run, vastgesteld
):
    c = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_b))
    betaling = run.betalingen.first()
    for naam, uuid in (
        ("ontzorgen:overzicht", vastgesteld.dossier.inburgeraar.uuid),
        ("ontzorgen:besluit", vastgesteld.uuid),
        ("ontzorgen:brief", vastgesteld.uuid),
        ("ontzorgen:run", run.uuid),
        ("ontzorgen:bestand", run.uuid),
    ):
        assert c.get(reverse(naam, kwargs={"uuid": uuid})).status_code == 404, naam
    for naam, uuid in (
        ("ontzorgen:goedkeuren", run.uuid),
        ("ontzorgen:weigeren", betaling.uuid),
        ("ontzorgen:vaststellen", vastgesteld.uuid),
        ("ontzorgen:besluit_aanmaken", vastgesteld.bijstandsperiode.uuid),
    ):
        assert c.post(reverse(naam, kwargs={"uuid": uuid}), {"reden": "x"}).status_code == 404
    run.refresh_from_db()
    assert run.status == RunStatus.CONCEPT


def test_the_run_page_has_constant_queries(
    client, inloggen, medewerker, gemeente_a, inburgeraar_factory, actor, run,
    django_assert_max_num_queries,
):  # fmt: skip
    c = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    url = reverse("ontzorgen:run", kwargs={"uuid": run.uuid})
    c.get(url)
    with django_assert_max_num_queries(20):
        assert c.get(url).status_code == 200
    Betaalrun.objects.filter(pk=run.pk).update(aantal=run.aantal)  # same page, 8 rows
    with django_assert_max_num_queries(20):
        assert c.get(reverse("ontzorgen:runs")).status_code == 200
