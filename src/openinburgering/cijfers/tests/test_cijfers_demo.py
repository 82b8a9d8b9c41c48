"""Every dashboard figure equals an independent SQL count over the demo data (issue 17).

The demo data is loaded once (as ``make demo`` loads it, which also computes the figures); the
expected numbers are counted here in plain SQL on the domain tables, never through the figures
table or the code that fills it. Dates the SQL cannot compare portably (a timestamp's local day)
are read by SQL and compared in Python.
"""

import io
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.cijfers import dashboards, raad, selectors
from openinburgering.cijfers.models import Kengetal
from openinburgering.gemeenten.models import Gemeente
from openinburgering.regels.openbaarheid import klein

AANTAL = 40
ALLES = selectors.Periode("alles", date(2000, 1, 1), date(2100, 12, 1))


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    with django_db_blocker.unblock():
        with override_settings(TASKS=dummy):
            call_command("demo_data", aantal=AANTAL, stdout=io.StringIO())
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)


def _sql(query: str, *params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return list(cursor.fetchall())


def _datum(waarde) -> date:
    return waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde)[:10])


def _gemeente(code="9001") -> Gemeente:
    return Gemeente.objects.get(code=code)


def _sectie(naam, gemeente, periode=ALLES, **filters):
    c = selectors.kengetallen(
        selectors.Filter(gemeente_ids=(gemeente.id,), periode=periode, **filters)
    )
    namen = selectors.namen_van_medewerkers(c.per("onderdeel", "caseload", stand=True))
    return dashboards.sectie(naam, c, namen)


def _kolom(sectie, rij_label, kolom=1):
    return next(r[kolom] for r in sectie.rijen if str(r[0]) == str(rij_label))


def _eerste_pip() -> dict[int, date]:
    """Dossier id -> the first PIP's dagtekening (set, or since replaced)."""
    return {
        d: _datum(p)
        for d, p in _sql(
            "SELECT dossier_id, MIN(dagtekening) FROM pip_pipversie "
            "WHERE status IN ('vastgesteld', 'vervangen') AND dagtekening IS NOT NULL "
            "GROUP BY dossier_id"
        )
    }


@pytest.mark.parametrize("code", ["9001", "9002"])
def test_funnel(demo, db, code):
    g = _gemeente(code)
    s = _sectie("trechter", g)
    sql = {
        "Gemeld door DUO": "SELECT COUNT(*) FROM inburgeraars_dossier d WHERE d.gemeente_id = %s",
        "Brede intake gestart": "SELECT COUNT(*) FROM inburgeraars_dossier d WHERE "
        "d.gemeente_id = %s AND EXISTS (SELECT 1 FROM intake_bredeintake i "
        "WHERE i.dossier_id = d.id)",
        "PIP vastgesteld": "SELECT COUNT(*) FROM inburgeraars_dossier d WHERE d.gemeente_id = %s "
        "AND EXISTS (SELECT 1 FROM pip_pipversie p WHERE p.dossier_id = d.id AND p.status IN "
        "('vastgesteld', 'vervangen') AND p.dagtekening IS NOT NULL)",
        "Leerroute in uitvoering": "SELECT COUNT(*) FROM inburgeraars_dossier d WHERE "
        "d.gemeente_id = %s AND (d.status = 'in_uitvoering' OR d.eindreden = 'voldaan')",
        "Inburgeringsplicht voldaan": "SELECT COUNT(*) FROM inburgeraars_dossier d WHERE "
        "d.gemeente_id = %s AND d.eindreden = 'voldaan'",
    }
    for label, query in sql.items():
        assert _kolom(s, label) == _sql(query, g.id)[0][0], label
    assert _kolom(s, "Gemeld door DUO") > 0


def test_first_pips_on_time_r51(demo, db):
    g = _gemeente()
    eerste = {
        d: p
        for d, p in _eerste_pip().items()
        if d
        in {r[0] for r in _sql("SELECT id FROM inburgeraars_dossier WHERE gemeente_id = %s", g.id)}
    }
    ss139 = _ss139_per_dossier()
    verwacht = Counter()
    for dossier_id, pip in eerste.items():
        ervoor = [d for d in ss139[dossier_id] if d <= pip]
        if not ervoor:
            verwacht["zonder"] += 1
        else:
            verwacht["op_tijd" if (pip - max(ervoor)).days <= 70 else "te_laat"] += 1
    s = _sectie("pip-op-tijd", g)
    assert sum(r[1] for r in s.rijen) == verwacht["op_tijd"]
    assert sum(r[2] for r in s.rijen) == verwacht["te_laat"]
    assert sum(r[3] for r in s.rijen) == verwacht["zonder"]
    assert sum(verwacht.values()) > 0


def test_days_to_intake_and_pip(demo, db):
    g = _gemeente()
    s = _sectie("doorlooptijd", g)
    intakes = _sql(
        "SELECT d.aangemeld_op, i.gestart_op FROM intake_bredeintake i JOIN inburgeraars_dossier "
        "d ON d.id = i.dossier_id WHERE d.gemeente_id = %s",
        g.id,
    )
    assert sum(r[1] for r in s.rijen) == len(intakes)
    dagen = [(_datum(b) - _datum(a)).days for a, b in intakes]
    assert _kolom(s, "0 tot en met 4 weken") == len([d for d in dagen if d <= 28])
    assert _kolom(s, "Meer dan 10 weken") == len([d for d in dagen if d > 70])
    gemiddeld = f"{Decimal(sum(dagen)) / len(dagen):.1f}".replace(".", ",")
    assert f"gemiddeld {gemiddeld} dagen" in s.bijschrift
    aangemeld = dict(
        _sql("SELECT id, aangemeld_op FROM inburgeraars_dossier WHERE gemeente_id = %s", g.id)
    )
    pips = [(p - _datum(aangemeld[d])).days for d, p in _eerste_pip().items() if d in aangemeld]
    assert sum(r[2] for r in s.rijen) == len(pips)
    assert _kolom(s, "Meer dan 10 weken", 2) == len([d for d in pips if d > 70])


def test_leerroute_per_doelgroep(demo, db):
    g = _gemeente()
    s = _sectie("leerroute", g)
    rijen = _sql(
        "SELECT i.doelgroep, p.leerroute, COUNT(*) FROM pip_pipversie p "
        "JOIN inburgeraars_dossier d ON d.id = p.dossier_id "
        "JOIN inburgeraars_inburgeraar i ON i.id = d.inburgeraar_id "
        # A PIP without a leerroute (a finding of the CBS check report, one of the demo's
        # deliberately broken cases, ADR 0070) is in no route's column.
        "WHERE d.gemeente_id = %s AND p.status = 'vastgesteld' AND p.leerroute <> '' "
        "GROUP BY i.doelgroep, p.leerroute",
        g.id,
    )
    kolom = {"B": 1, "O": 2, "Z": 3}
    assert rijen
    for doelgroep, leerroute, n in rijen:
        assert _kolom(s, doelgroep, kolom[leerroute]) == n, (doelgroep, leerroute)


def test_exams_and_free_attempts(demo, db):
    g = _gemeente()
    s = _sectie("examens", g)
    kolom = {"Geslaagd": 1, "Gezakt": 2, "Geen": 3}
    rijen = _sql(
        "SELECT onderdeel, resultaat, COUNT(*) FROM traject_examenuitslag WHERE gemeente_id = %s "
        "GROUP BY onderdeel, resultaat",
        g.id,
    )
    assert rijen
    for onderdeel, resultaat, n in rijen:
        assert _kolom(s, onderdeel, kolom[resultaat]) == n
    assert sum(r[1] + r[2] + r[3] for r in s.rijen) == sum(r[2] for r in rijen)
    for onderdeel, tegoed, op in _sql(
        "SELECT g.onderdeel, SUM(g.tegoed), SUM(CASE WHEN g.tegoed = 0 THEN 1 ELSE 0 END) "
        "FROM traject_gratispogingen g JOIN inburgeraars_dossier d ON d.id = g.dossier_id "
        "WHERE d.gemeente_id = %s GROUP BY g.onderdeel",
        g.id,
    ):
        assert _kolom(s, onderdeel, 4) == tegoed
        assert _kolom(s, onderdeel, 5) == op


def test_pvt_and_map_completion(demo, db):
    g = _gemeente()
    s = _sectie("pvt-map", g)
    for onderdeel, deelname, label in (
        ("pvt", "traject_pvtdeelname", "PVT"),
        ("map", "traject_mapactiviteit", "MAP"),
    ):
        basis = (
            "FROM inburgeraars_dossier d WHERE d.gemeente_id = %s AND EXISTS (SELECT 1 FROM "
            "pip_pipversie p WHERE p.dossier_id = d.id AND p.status IN ('vastgesteld', "
            "'vervangen') AND p.dagtekening IS NOT NULL)"
        )
        klaar = (
            "EXISTS (SELECT 1 FROM traject_afronding a WHERE a.dossier_id = d.id AND "
            f"a.onderdeel = '{onderdeel}' AND a.datum IS NOT NULL)"
        )
        bezig = f"EXISTS (SELECT 1 FROM {deelname} x WHERE x.dossier_id = d.id)"
        assert _kolom(s, label, 1) == _sql(f"SELECT COUNT(*) {basis} AND {klaar}", g.id)[0][0]
        assert (
            _kolom(s, label, 2)
            == _sql(f"SELECT COUNT(*) {basis} AND NOT {klaar} AND {bezig}", g.id)[0][0]
        )
        assert (
            _kolom(s, label, 3)
            == _sql(f"SELECT COUNT(*) {basis} AND NOT {klaar} AND NOT {bezig}", g.id)[0][0]
        )
    assert _kolom(s, "PVT", 1) + _kolom(s, "PVT", 2) > 0


def test_hours_and_absence(demo, db):
    g = _gemeente()
    s = _sectie("uren", g, periode=selectors.periodes()[0])
    van, tot = selectors.periodes()[0].van, selectors.periodes()[0].tot
    tot_einde = date(tot.year + (tot.month == 12), tot.month % 12 + 1, 1)
    aangeboden, aanwezig = _sql(
        "SELECT COALESCE(SUM(u.uren_aangeboden), 0), COALESCE(SUM(u.uren_aanwezig), 0) "
        "FROM taalaanbieders_urenregel u JOIN taalaanbieders_verwijzing v ON v.id = "
        "u.verwijzing_id WHERE v.gemeente_id = %s AND u.periode_start >= %s AND "
        "u.periode_start < %s",
        g.id,
        van,
        tot_einde,
    )[0]
    assert sum(r[1] for r in s.rijen) == Decimal(str(aangeboden))
    assert sum(r[2] for r in s.rijen) == Decimal(str(aanwezig))
    assert sum(r[3] for r in s.rijen) == Decimal(str(aangeboden)) - Decimal(str(aanwezig))
    assert aangeboden > 0


def test_overdue_work(demo, db):
    g = _gemeente()
    s = _sectie("werk", g)
    vandaag = timezone.localdate()
    rijen = _sql(
        "SELECT soort, COUNT(*), SUM(CASE WHEN deadline < %s THEN 1 ELSE 0 END) "
        "FROM signalen_signaal WHERE gemeente_id = %s AND status = 'open' GROUP BY soort",
        vandaag,
        g.id,
    )
    from openinburgering.signalen.models import Soort

    assert rijen
    for soort, n, te_laat in rijen:
        assert _kolom(s, Soort(soort).label, 1) == n
        assert _kolom(s, Soort(soort).label, 2) == te_laat


def test_caseload_per_klantregisseur(demo, db):
    g = _gemeente()
    s = _sectie("caseload", g)
    rijen = _sql(
        "SELECT u.first_name, u.last_name, u.username, COUNT(*) FROM inburgeraars_dossier d "
        "LEFT JOIN accounts_user u ON u.id = d.klantregisseur_id WHERE d.gemeente_id = %s AND "
        "d.status <> 'afgerond' GROUP BY u.id, u.first_name, u.last_name, u.username",
        g.id,
    )
    assert rijen
    for voornaam, achternaam, gebruiker, n in rijen:
        if gebruiker is None:
            naam = "Niet toegewezen"
        else:
            naam = f"{voornaam} {achternaam}".strip() or gebruiker
        assert _kolom(s, naam) == n, naam


def test_enforcement_steps_and_fines(demo, db):
    g = _gemeente()
    s = _sectie("handhaving", g)
    rijen = _sql(
        "SELECT s.soort, COUNT(*), COALESCE(SUM(s.bedrag), 0) FROM handhaving_handhavingsstap s "
        "JOIN handhaving_handhavingszaak z ON z.id = s.zaak_id WHERE z.gemeente_id = %s "
        "GROUP BY s.soort",
        g.id,
    )
    from openinburgering.handhaving.models import StapSoort

    assert rijen
    for soort, n, bedrag in rijen:
        assert _kolom(s, StapSoort(soort).label, 1) == n
        assert _kolom(s, StapSoort(soort).label, 2) == Decimal(str(bedrag))


def test_filters_doelgroep_and_route_narrow_the_same_count(demo, db):
    g = _gemeente()
    for doelgroep in ("Asielstatushouder", "Gezinsmigrant en overige migrant"):
        s = _sectie("trechter", g, doelgroep=doelgroep)
        n = _sql(
            "SELECT COUNT(*) FROM inburgeraars_dossier d JOIN inburgeraars_inburgeraar i ON "
            "i.id = d.inburgeraar_id WHERE d.gemeente_id = %s AND i.doelgroep = %s",
            g.id,
            doelgroep,
        )[0][0]
        assert _kolom(s, "Gemeld door DUO") == n
    s = _sectie("trechter", g, leerroute="B")
    n = _sql(
        "SELECT COUNT(*) FROM pip_pipversie p JOIN inburgeraars_dossier d ON d.id = p.dossier_id "
        "WHERE d.gemeente_id = %s AND p.status = 'vastgesteld' AND p.leerroute = 'B'",
        g.id,
    )[0][0]
    assert _kolom(s, "Gemeld door DUO") == n


# --- the council page ---------------------------------------------------------------------


def _ss139_per_dossier() -> dict[int, list[date]]:
    tz = ZoneInfo("Europe/Amsterdam")
    uit = defaultdict(list)
    for dossier_id, tijdstip in _sql(
        "SELECT dossier_id, tijdstip FROM inburgeraars_gebeurtenis WHERE soort = 'SS139'"
    ):
        if isinstance(tijdstip, str):
            tijdstip = timezone.datetime.fromisoformat(tijdstip)
        if timezone.is_naive(tijdstip):
            tijdstip = timezone.make_aware(tijdstip, timezone.UTC)
        uit[dossier_id].append(tijdstip.astimezone(tz).date())
    return uit


def _raw_council(g, jaar, kwartaal):
    """Every figure of the council table for one column, counted in SQL on the domain tables."""
    maanden = range(1, 13) if kwartaal is None else range(kwartaal * 3 - 2, kwartaal * 3 + 1)
    van, tot = date(jaar, maanden[0], 1), date(jaar + (maanden[-1] == 12), maanden[-1] % 12 + 1, 1)

    def een(query, *params):
        return _sql(query, g.id, *params, van, tot)[0][0]

    uit = {
        "aangemeld": een(
            "SELECT COUNT(*) FROM inburgeraars_dossier WHERE gemeente_id = %s "
            "AND aangemeld_op >= %s AND aangemeld_op < %s"
        ),
        "intake_gestart": een(
            "SELECT COUNT(*) FROM intake_bredeintake i JOIN inburgeraars_dossier d ON "
            "d.id = i.dossier_id WHERE d.gemeente_id = %s AND i.gestart_op >= %s "
            "AND i.gestart_op < %s"
        ),
        "afgerond": een(
            "SELECT COUNT(*) FROM inburgeraars_dossier WHERE gemeente_id = %s AND status = "
            "'afgerond' AND afgerond_op >= %s AND afgerond_op < %s"
        ),
        "afgerond_voldaan": een(
            "SELECT COUNT(*) FROM inburgeraars_dossier WHERE gemeente_id = %s AND status = "
            "'afgerond' AND eindreden = %s AND afgerond_op >= %s AND afgerond_op < %s",
            "voldaan",
        ),
        "boetes": een(
            "SELECT COUNT(*) FROM handhaving_handhavingsstap s JOIN handhaving_handhavingszaak z "
            "ON z.id = s.zaak_id WHERE z.gemeente_id = %s AND s.soort = %s AND s.datum >= %s "
            "AND s.datum < %s",
            "besluit",
        ),
    }
    uit["afgerond_anders"] = uit["afgerond"] - uit["afgerond_voldaan"]
    route = dict(
        _sql("SELECT dossier_id, leerroute FROM pip_pipversie WHERE status = 'vastgesteld'")
    )
    dossiers = {
        r[0] for r in _sql("SELECT id FROM inburgeraars_dossier WHERE gemeente_id = %s", g.id)
    }
    ss139 = _ss139_per_dossier()
    pips = {d: p for d, p in _eerste_pip().items() if d in dossiers and van <= p < tot}
    uit["eerste_pip"] = len(pips)
    for r in ("B", "O", "Z", ""):
        uit[f"route_{r}"] = len([d for d in pips if (route.get(d) or "") == r])
    r51 = Counter()
    for d, p in pips.items():
        ervoor = [x for x in ss139[d] if x <= p]
        r51[
            "zonder_ss139"
            if not ervoor
            else "op_tijd"
            if (p - max(ervoor)).days <= 70
            else "te_laat"
        ] += 1
    for soort in ("op_tijd", "te_laat", "zonder_ss139"):
        uit[f"r51_{soort}"] = r51[soort]
    return uit


def test_council_figures_equal_sql_before_suppression(demo, db):
    g = _gemeente()
    vandaag = timezone.localdate()
    tabellen = raad.raadscijfers(g, vandaag)
    for tabel in tabellen:
        for i, k in enumerate(tabel.kolommen):
            kwartaal = None if k == "jaar" else int(k[1])
            if not raad._zichtbaar(tabel.jaar, kwartaal, vandaag):
                continue
            ruw = _raw_council(g, tabel.jaar, kwartaal)
            for code, waarde in ruw.items():
                rij = next(r for r in tabel.rijen if r.code == code)
                if klein(waarde):
                    assert rij.cellen[i] == "<5"
                else:
                    assert rij.cellen[i] in (str(waarde), "<5"), (tabel.jaar, k, code)
                    if rij.cellen[i] == "<5":
                        assert rij.regels[i] == "R79"


def test_council_page_shows_no_figure_under_five_and_no_difference_reveals_one(demo, db):
    g = _gemeente()
    vandaag = timezone.localdate()
    c = selectors.raad_kengetallen(g, date(vandaag.year - 2, 1, 1), date(vandaag.year, 12, 1))
    for tabel in raad.raadscijfers(g, vandaag):
        codes = [r.code for r in tabel.rijen]
        waarden, verborgen = {}, set()
        for rij in tabel.rijen:
            for k, cel, regel in zip(tabel.kolommen, rij.cellen, rij.regels, strict=True):
                if cel == "–":
                    continue
                kwartaal = None if k == "jaar" else int(k[1])
                waarden[(rij.code, k)] = raad._ruwe_waarde(c, rij.code, kwartaal, tabel.jaar)
                if cel == "<5":
                    verborgen.add((rij.code, k))
                    assert regel in ("R78", "R79")
                else:
                    assert int(cel) >= 5
        for relatie in raad.relaties(codes, tabel.kolommen):
            delen = [d for d in relatie.delen if d in waarden]
            if relatie.totaal not in waarden:
                continue
            weg = [d for d in delen if d in verborgen]
            if relatie.totaal in verborgen:
                assert weg, relatie
            elif weg:
                # Total minus the visible parts = the hidden parts: never a small number.
                assert not klein(sum(waarden[d] for d in weg)), relatie


def test_council_page_is_public_aggregate_only_and_printable(demo, db, client):
    g = _gemeente()
    antwoord = client.get(reverse("cijfers:raad", kwargs={"code": g.code}))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert 'role="img"' in html and "<title" in html
    for achternaam, voornamen in _sql(
        "SELECT achternaam, voornamen FROM inburgeraars_inburgeraar WHERE achternaam <> ''"
    ):
        assert f"{voornamen} {achternaam}" not in html
    import re

    for cel in re.findall(r'<td class="utrecht-table__cell oi-getal">([^<]*)</td>', html):
        assert cel in ("–", "&lt;5") or int(cel) >= 5, cel
    pdf = client.get(reverse("cijfers:raad_pdf", kwargs={"code": g.code}))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert client.get(reverse("cijfers:raad", kwargs={"code": "0000"})).status_code == 404


# --- pages, exports, isolation, query counts --------------------------------------------


@pytest.mark.parametrize("pagina", [p.code for p in dashboards.PAGINAS])
def test_every_dashboard_page_opens_for_policy_staff_with_tables(
    demo, db, medewerker, inloggen, pagina
):
    client = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, _gemeente()))
    html = client.get(reverse("cijfers:pagina", kwargs={"pagina": pagina})).content.decode()
    for code in dashboards.pagina(pagina).secties:
        assert f'id="tabel-{code}"' in html
        assert f"/cijfers/export/{code}.csv" in html and f"/cijfers/export/{code}.xlsx" in html
    assert html.count('role="img"') == len(dashboards.pagina(pagina).secties)


def test_policy_staff_land_on_the_dashboard(demo, db, medewerker, inloggen):
    client = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, _gemeente()))
    assert client.get(reverse("ui:start"))["Location"] == reverse("cijfers:dashboard")


def test_exports_carry_the_table(demo, db, medewerker, inloggen):
    g = _gemeente()
    client = inloggen(medewerker(Rol.TEAMLEIDER, g))
    csv = client.get(reverse("cijfers:export", kwargs={"sectie": "trechter", "formaat": "csv"}))
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    tekst = csv.content.decode("utf-8-sig")
    s = _sectie("trechter", g, periode=selectors.periodes()[0])
    assert tekst.splitlines()[0] == ";".join(str(k) for k in s.kolommen)
    assert f"Gemeld door DUO;{s.rijen[0][1]};" in tekst
    xlsx = client.get(reverse("cijfers:export", kwargs={"sectie": "werk", "formaat": "xlsx"}))
    assert xlsx.status_code == 200
    from openpyxl import load_workbook

    blad = load_workbook(io.BytesIO(xlsx.content)).active
    rijen = list(blad.iter_rows(values_only=True))
    werk = _sectie("werk", g)
    assert [list(r) for r in rijen[1:]] == [[str(c[0]), c[1], c[2]] for c in werk.rijen]
    # Hours are numbers in the spreadsheet, not text.
    uren = client.get(reverse("cijfers:export", kwargs={"sectie": "uren", "formaat": "xlsx"}))
    blad = load_workbook(io.BytesIO(uren.content)).active
    getallen = [c for rij in list(blad.iter_rows(values_only=True))[1:] for c in rij[1:4]]
    assert getallen and all(isinstance(c, int | float) for c in getallen)


def test_another_gemeentes_figures_are_a_404_without_membership(demo, db, medewerker, inloggen):
    eigen, ander = _gemeente("9002"), _gemeente("9001")
    client = inloggen(medewerker(Rol.TEAMLEIDER, eigen))
    for url in (
        reverse("cijfers:dashboard"),
        reverse("cijfers:export", kwargs={"sectie": "caseload", "formaat": "csv"}),
    ):
        assert client.get(url, {"gemeente": ander.code}).status_code == 404
        assert client.get(url, {"gemeente": "alle"}).status_code == 200
    # Without a filter: only the own gemeente's count.
    html = client.get(reverse("cijfers:dashboard"), {"periode": "12m"}).content.decode()
    eigen_n = _sectie("trechter", eigen, periode=selectors.periodes()[0]).rijen[0][1]
    assert f"Van de {eigen_n} personen" in html


def test_a_regional_user_can_choose_and_combine_gemeenten(demo, db, medewerker, inloggen):
    a, b = _gemeente("9001"), _gemeente("9002")
    client = inloggen(medewerker(Rol.BELEIDSMEDEWERKER, a, b))
    periode = selectors.periodes()[0]
    samen = sum(_sectie("trechter", g, periode=periode).rijen[0][1] for g in (a, b))
    html = client.get(reverse("cijfers:dashboard"), {"gemeente": "alle"}).content.decode()
    assert f"Van de {samen} personen" in html
    assert 'id="f-gemeente"' in html


def test_roles_without_the_right_are_refused(demo, db, medewerker, inloggen, client):
    assert client.get(reverse("cijfers:dashboard")).status_code == 302  # to the login page
    from openinburgering.accounts.rollen import MATRIX, Recht

    assert all(Recht.CIJFERS_LEZEN in MATRIX[r] for r in Rol)


def test_query_count_is_constant_whatever_the_data(
    demo, db, medewerker, inloggen, django_assert_num_queries
):
    from django.db import connection as verbinding
    from django.test.utils import CaptureQueriesContext

    g = _gemeente()
    client = inloggen(medewerker(Rol.TEAMLEIDER, g))
    aantallen = []
    for extra in (0, 300):
        Kengetal.objects.bulk_create(
            Kengetal(
                gemeente=g, maand=date(2020, 1, 1), doelgroep=f"x{i}", sleutel="aangemeld", aantal=1
            )
            for i in range(extra)
        )
        for pagina in [p.code for p in dashboards.PAGINAS]:
            url = reverse("cijfers:pagina", kwargs={"pagina": pagina})
            client.get(url)  # warm-up: the session caches access
            cache.clear()  # the rendered sections are cached: count the path that reads
            with CaptureQueriesContext(verbinding) as vastgelegd:
                assert client.get(url).status_code == 200
            aantallen.append((pagina, len(vastgelegd)))
    eerste = aantallen[: len(dashboards.PAGINAS)]
    tweede = aantallen[len(dashboards.PAGINAS) :]
    assert eerste == tweede
    assert max(n for _p, n in aantallen) <= 6
