"""Every write of issue 18's resources is refused as the screen refuses it (ADR 0076): the same
bad input gives the same rule id (a refusal by law) or the same message (one of the product's
own), because both go through the same service. One case per write."""

import html
from datetime import timedelta

from django.forms import BaseForm
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.begeleiding.models import Stap
from openinburgering.handhaving.models import Handhavingszaak
from openinburgering.handhaving.services import zaak_openen
from openinburgering.logboek.models import Verwerking
from openinburgering.taalaanbieders.models import Contract, Instelling
from openinburgering.traject.models import PvtBijeenkomst, PvtDeelname, PvtGroep

from .werk import VANDAAG, persoon_met_werk

pytestmark = pytest.mark.django_db

GISTEREN = VANDAAG - timedelta(days=1)
MORGEN = VANDAAG + timedelta(days=1)


def nl(d) -> str:
    return d.strftime("%d-%m-%Y")


@pytest.fixture
def wereld(gemeente_a, api_client, medewerker, inloggen, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    persoon, werk = persoon_met_werk(gemeente_a)
    scherm = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    scherm.get("/")  # warm up the session
    return {
        "gemeente": gemeente_a,
        "persoon": persoon,
        "werk": werk,
        "api": api_client(gemeente_a),
        "scherm": scherm,
    }


def _groep(w):
    return PvtGroep.objects.get(uuid=w["werk"]["pvt_groepen"][0])


def _zaak(w, **velden):
    return Handhavingszaak.objects.get(uuid=w["werk"]["zaken"][0])


def _intakezaak(w):
    from openinburgering.accounts.context import Actor

    return zaak_openen(
        actor=Actor(gemeente=w["gemeente"], systeem="test"),
        dossier=w["persoon"].dossier,
        verplichting="brede_intake",
        overtredingsdatum=VANDAAG - timedelta(days=20),
        omschrijving="Niet verschenen.",
        genegeerde_oproepen=0,
    )


def _checklist(w, stap: Stap):
    data = {}
    for s in Stap.objects.filter(gemeente=w["gemeente"], actief=True):
        data[f"{s.uuid}-status"] = "open"
    data[f"{stap.uuid}-status"] = "afgerond"
    data[f"{stap.uuid}-geholpen_door"] = "Klantregisseur"
    return data


# (name, screen url + form data, API method + url + body); every one is refused.
def _gevallen(w):
    p = w["persoon"]
    groep = _groep(w)
    bijeenkomst_morgen = PvtBijeenkomst.objects.create(
        groep=groep, datum=MORGEN, begintijd="09:00", eindtijd="10:00", onderwerp="Later"
    )
    deelname = PvtDeelname.objects.get(uuid=w["werk"]["pvt_deelnames"][0])
    stap = Stap.objects.filter(gemeente=w["gemeente"]).first()
    contract = Contract.objects.get(uuid=w["werk"]["contracten"][0])
    instelling = Instelling.objects.get(uuid=w["werk"]["instellingen"][0])
    ander, _ = persoon_met_werk(w["gemeente"])
    derde, _ = persoon_met_werk(w["gemeente"])
    PvtGroep.objects.filter(pk=groep.pk).update(capaciteit=2)  # one place left
    yield (
        "pvt afronding",
        (reverse("traject:afronding_pvt", args=[p.uuid]), {"pvt-datum": nl(GISTEREN)}),
        ("put", f"/api/v1/inburgeraars/{p.uuid}/traject/pvt", {"datum": str(GISTEREN)}),
    )
    yield (
        "map eindgesprek",
        (reverse("traject:afronding_map", args=[p.uuid]), {"map-datum": nl(GISTEREN)}),
        ("put", f"/api/v1/inburgeraars/{p.uuid}/traject/map", {"datum": str(GISTEREN)}),
    )
    yield (
        "z-route",
        (reverse("traject:zroute", args=[p.uuid]), {"z-datum": nl(GISTEREN)}),
        ("post", f"/api/v1/inburgeraars/{p.uuid}/traject/zroute", {"datum": str(GISTEREN)}),
    )
    yield (
        "map activiteit",
        (
            reverse("traject:map_activiteit", args=[p.uuid]),
            {"a-soort": "workshop", "a-omschrijving": "X", "a-datum": nl(MORGEN), "a-uren": "3"},
        ),
        (
            "post",
            f"/api/v1/inburgeraars/{p.uuid}/map-activiteiten",
            {"soort": "workshop", "omschrijving": "X", "datum": str(MORGEN), "uren": "3"},
        ),
    )
    yield (
        "uren",
        (
            reverse("traject:uren", args=[p.uuid]),
            {
                "u-soort": "participatie",
                "u-periode_start": nl(GISTEREN),
                "u-periode_einde": nl(MORGEN),
                "u-uren": "4",
            },
        ),
        (
            "post",
            f"/api/v1/inburgeraars/{p.uuid}/urenregistraties",
            {
                "soort": "participatie",
                "periodeStart": str(GISTEREN),
                "periodeEinde": str(MORGEN),
                "uren": 4,
            },
        ),
    )
    groep_invoer = {
        "naam": "G",
        "locatie": "L",
        "taal": "Nederlands",
        "capaciteit": 500,
        "begeleider": "B",
    }
    yield (
        "pvt groep",
        (reverse("traject:pvt_groep_nieuw"), groep_invoer),
        ("post", "/api/v1/pvt-groepen", groep_invoer),
    )
    yield (
        "pvt bijeenkomst",
        (
            reverse("traject:pvt_bijeenkomst", args=[groep.uuid]),
            {
                "b-onderwerp": "O",
                "b-datum": nl(MORGEN),
                "b-begintijd": "12:00",
                "b-eindtijd": "09:00",
            },
        ),
        (
            "post",
            f"/api/v1/pvt-groepen/{groep.uuid}/bijeenkomsten",
            {"onderwerp": "O", "datum": str(MORGEN), "begintijd": "12:00", "eindtijd": "09:00"},
        ),
    )
    yield (
        "pvt uitnodigen boven de capaciteit",
        (
            reverse("traject:pvt_uitnodigen", args=[groep.uuid]),
            {"personen": [str(ander.uuid), str(derde.uuid)]},
        ),
        (
            "post",
            f"/api/v1/pvt-groepen/{groep.uuid}/deelnames",
            {"inburgeraars": [str(ander.uuid), str(derde.uuid)]},
        ),
    )
    yield (
        "pvt aanwezigheid vóór de bijeenkomst",
        (
            reverse("traject:pvt_aanwezigheid", args=[bijeenkomst_morgen.uuid]),
            {f"deelname-{deelname.pk}": "aanwezig"},
        ),
        (
            "put",
            f"/api/v1/pvt-bijeenkomsten/{bijeenkomst_morgen.uuid}/aanwezigheid",
            {"aanwezigheid": [{"deelname": str(deelname.uuid), "status": "aanwezig"}]},
        ),
    )
    yield (
        "pvt ondertekening",
        (reverse("traject:pvt_ondertekening", args=[deelname.uuid]), {"datum": nl(GISTEREN)}),
        (
            "post",
            f"/api/v1/pvt-deelnames/{deelname.uuid}/ondertekening",
            {"datum": str(GISTEREN)},
        ),
    )
    # The person's PIP is a concept: no talks to plan yet.
    yield (
        "voortgangsgesprek plannen",
        (reverse("pip:gesprek_plannen", args=[p.uuid]), {"gepland_op": nl(MORGEN)}),
        ("post", f"/api/v1/inburgeraars/{p.uuid}/voortgangsgesprekken", {"geplandOp": str(MORGEN)}),
    )
    gesprek = w["werk"]["gesprekken"][0]
    yield (
        "voortgangsgesprek vastleggen",
        (reverse("pip:gesprek", args=[gesprek]), {"gevoerd_op": nl(MORGEN), "versie": "1"}),
        ("post", f"/api/v1/voortgangsgesprekken/{gesprek}/vastleggen", {"gevoerdOp": str(MORGEN)}),
    )
    yield (
        "begeleiding",
        (reverse("begeleiding:checklist_opslaan", args=[p.uuid]), _checklist(w, stap)),
        (
            "put",
            f"/api/v1/inburgeraars/{p.uuid}/begeleiding",
            {"stappen": [{"stap": str(stap.uuid), "status": "afgerond", "geholpenDoor": "K"}]},
        ),
    )
    yield (
        "handhavingszaak openen",
        (
            reverse("handhaving:zaken", args=[p.uuid]),
            {"verplichting": "map", "overtredingsdatum": nl(MORGEN), "omschrijving": "X"},
        ),
        (
            "post",
            f"/api/v1/inburgeraars/{p.uuid}/handhavingszaken",
            {"verplichting": "map", "overtredingsdatum": str(MORGEN), "omschrijving": "X"},
        ),
    )
    zaak = _zaak(w)
    voor_overtreding = zaak.overtredingsdatum - timedelta(days=1)
    yield (
        "waarschuwing",
        (reverse("handhaving:waarschuwing", args=[zaak.uuid]), {"w-datum": nl(voor_overtreding)}),
        (
            "post",
            f"/api/v1/handhavingszaken/{zaak.uuid}/waarschuwing",
            {"datum": str(voor_overtreding)},
        ),
    )
    intakezaak = _intakezaak(w)
    yield (
        "voornemen na nul genegeerde oproepen",
        (
            reverse("handhaving:voornemen", args=[intakezaak.uuid]),
            {"v-datum": nl(GISTEREN), "v-bedrag": "250", "v-rapport": "Rapport"},
        ),
        (
            "post",
            f"/api/v1/handhavingszaken/{intakezaak.uuid}/voornemen",
            {"datum": str(GISTEREN), "bedrag": "250.00", "rapport": "Rapport"},
        ),
    )
    yield (
        "zienswijze zonder voornemen",
        (reverse("handhaving:zienswijze", args=[zaak.uuid]), {"z-datum": nl(GISTEREN)}),
        ("post", f"/api/v1/handhavingszaken/{zaak.uuid}/zienswijze", {"datum": str(GISTEREN)}),
    )
    yield (
        "contact bij een school",
        (
            reverse("taalaanbieders:instelling_contact", args=[instelling.uuid]),
            {"contactpersoon": "C", "email": "geen-adres", "telefoon": ""},
        ),
        (
            "put",
            f"/api/v1/instellingen/{instelling.uuid}/contact",
            {"contactpersoon": "C", "email": "geen-adres", "telefoon": ""},
        ),
    )
    Instelling.objects.filter(pk=instelling.pk).update(erkend_bij_duo=True)
    contract_velden = {
        "kenmerk": contract.kenmerk,
        "prijsmodel": "per_uur",
        "tarief": "10.00",
        "afrekenbasis": "aangeboden",
        "capaciteit": 5,
        "contractwaarde": "1000.00",
        "verzuimafspraken": "",
        "resultaatafspraken": "",
    }
    yield (
        "contract met een bestaand kenmerk",
        (
            reverse("taalaanbieders:contract_aanmaken"),
            {
                **contract_velden,
                "instelling": instelling.pk,
                "leerroutes": ["B"],
                "uren_per_week": 10,
                "startdatum": nl(VANDAAG),
                "einddatum": nl(MORGEN),
                "verzuim_drempel_procent": 20,
            },
        ),
        (
            "post",
            "/api/v1/contracten",
            {
                **contract_velden,
                "instelling": str(instelling.uuid),
                "leerroutes": ["B"],
                "urenPerWeek": 10,
                "startdatum": str(VANDAAG),
                "einddatum": str(MORGEN),
            },
        ),
    )
    # An asielstatushouder gets the gemeente's offer, not a course of their own choice.
    yield (
        "eigen cursus van een asielstatushouder",
        (reverse("taalaanbieders:eigen_cursus", args=[p.uuid]), {"naam_instelling": "School X"}),
        ("post", f"/api/v1/inburgeraars/{p.uuid}/eigen-cursussen", {"naamInstelling": "School X"}),
    )
    # ``ander`` has no PIP: no inburgeringsaanbod yet.
    yield (
        "verwijzing zonder PIP",
        (
            reverse("taalaanbieders:verwijzen", args=[ander.uuid]),
            {
                "contract": contract.pk,
                "datum_inburgeringsaanbod": nl(VANDAAG),
                "verwachte_startdatum": nl(MORGEN),
            },
        ),
        (
            "post",
            f"/api/v1/inburgeraars/{ander.uuid}/verwijzingen",
            {
                "contract": str(contract.uuid),
                "datumInburgeringsaanbod": str(VANDAAG),
                "verwachteStartdatum": str(MORGEN),
            },
        ),
    )


def _scherm(pagina) -> str:
    """What the screen said: the page, and every error of its forms (a form the page does not
    show, such as the Z-route's outside the Z-route, still holds the refusal)."""
    delen = [html.unescape(pagina.content.decode())]
    for context in pagina.context or []:
        for waarde in context.flatten().values():
            formulieren = waarde if isinstance(waarde, list) else [waarde]
            for form in formulieren:
                if isinstance(form, BaseForm) and form.is_bound:
                    for fouten in form.errors.as_data().values():
                        for fout in fouten:
                            delen += [*fout.messages, f"({fout.code},"]
    return "\n".join(delen)


def _momentopname():
    from django.apps import apps

    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label in {"traject", "pip", "begeleiding", "handhaving", "taalaanbieders"}
    }


def test_the_api_and_the_screen_refuse_the_same_input_with_the_same_rule_or_reason(wereld):
    gezien = []
    for naam, (scherm_url, formulier), (methode, api_url, body) in _gevallen(wereld):
        voor = _momentopname()
        antwoord = getattr(wereld["api"], methode)(api_url, body, format="json")
        assert antwoord.status_code == 400, (naam, antwoord.content)
        assert antwoord["Content-Type"] == "application/problem+json", naam
        redenen = antwoord.json()["invalidParams"]
        assert _momentopname() == voor, f"{naam}: the API saved something"
        pagina = wereld["scherm"].post(scherm_url, formulier, follow=True)
        assert _momentopname() == voor, f"{naam}: the screen saved something"
        tekst = _scherm(pagina)
        for reden in redenen:
            if reden["code"][:1] == "R" and reden["code"][1:].isdigit():
                assert f"({reden['code']}," in tekst, (naam, reden)
            else:
                assert reden["reason"] in tekst, (naam, reden)
        gezien.append((naam, sorted({r["code"] for r in redenen})))
    # The refusals by law name their rule (and the screen showed the same one, above).
    regels = dict(gezien)
    assert "R39" in regels["pvt afronding"]
    assert "R39" in regels["map eindgesprek"]
    assert "R39" in regels["pvt ondertekening"]
    assert "R31" in regels["voornemen na nul genegeerde oproepen"]
    assert any(c.startswith("R") for c in regels["verwijzing zonder PIP"])
    assert "R36" in regels["eigen cursus van een asielstatushouder"]
    assert len(gezien) == 21


def test_a_write_through_the_api_is_done_by_the_service_and_logged(wereld):
    """One write that passes, end to end: hours reach the outbox total and the log."""
    p = wereld["persoon"]
    Verwerking.objects.all().delete()
    antwoord = wereld["api"].post(
        f"/api/v1/inburgeraars/{p.uuid}/urenregistraties",
        {
            "soort": "participatie",
            "periodeStart": str(VANDAAG - timedelta(days=3)),
            "periodeEinde": str(GISTEREN),
            "uren": 6,
        },
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["uren"] == 6
    traject = wereld["api"].get(f"/api/v1/inburgeraars/{p.uuid}/traject").json()
    assert traject["urenPerSoort"]["participatie"] == 12
    assert Verwerking.objects.filter(betrokkene=p.pseudoniem, activiteit="wijzigen").exists()


def test_a_stale_if_match_on_a_progress_talk_is_a_409(wereld):
    gesprek = wereld["werk"]["gesprekken"][0]
    url = f"/api/v1/voortgangsgesprekken/{gesprek}/vastleggen"
    eerst = wereld["api"].post(url, {"gemist": True}, format="json", HTTP_IF_MATCH='"1"')
    assert eerst.status_code == 200, eerst.content
    assert eerst["ETag"] == '"2"'
    weer = wereld["api"].post(url, {"gemist": True}, format="json", HTTP_IF_MATCH='"1"')
    assert weer.status_code == 409
    assert weer["Content-Type"] == "application/problem+json"


def test_a_gezinsmigrant_s_own_course_is_recorded_with_a_school_from_the_register(wereld):
    migrant, _ = persoon_met_werk(wereld["gemeente"], doelgroep="Gezinsmigrant en overige migrant")
    school = wereld["werk"]["instellingen"][0]
    url = f"/api/v1/inburgeraars/{migrant.uuid}/eigen-cursussen"
    antwoord = wereld["api"].post(
        url, {"instelling": school, "sinds": str(GISTEREN)}, format="json"
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["instelling"] == school
    onbekend = wereld["api"].post(url, {"instelling": str(migrant.uuid)}, format="json")
    assert onbekend.status_code == 400
    assert onbekend.json()["invalidParams"][0]["name"] == "instelling"
