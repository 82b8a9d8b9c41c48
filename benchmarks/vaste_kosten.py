# ruff: noqa: E501, T201
"""The fixed cost of a request (ADR 0061), measured in-process with Django's test client.

    .venv/bin/python benchmarks/vaste_kosten.py                      # SQLite in memory
    DATABASE_URL=postgres://.../oi_x .venv/bin/python benchmarks/vaste_kosten.py
    .venv/bin/python benchmarks/vaste_kosten.py --profiel            # + cProfile of the caseload

Makes a test database (``test_`` + the name, removed afterwards), one gemeente with
``--personen`` fictional persons, a caseworker signed in with a second factor and an API token.
Prints, for the caseload (UI, ``?status=aangemeld``) and the API list at 25 and 100 rows: the
SQL statements of one request, and the median and p95 time of ``--herhalen`` requests; then the
render time of the caseload template for 100 rows (the table alone and the whole page).
No server, no network: this is the work of one request inside the process, not a load test
(that is ``make bench-lijsten``).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openinburgering.conf.test")
os.environ.setdefault("LOG_LEVEL", "WARNING")


def _tijden(functie, herhalen: int) -> tuple[float, float]:
    tijden = []
    for _ in range(herhalen):
        start = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - start) * 1000)
    tijden.sort()
    return statistics.median(tijden), tijden[int(len(tijden) * 0.95) - 1]


def main() -> None:  # noqa: PLR0915 - one script, read top to bottom
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--personen", type=int, default=300)
    parser.add_argument("--herhalen", type=int, default=200)
    parser.add_argument("--profiel", action="store_true")
    parser.add_argument("--sql", action="store_true", help="print every statement")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.template.loader import render_to_string
    from django.test import Client, RequestFactory
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    # Not setup_test_environment(): its instrumented template rendering (a copy of the context
    # per template, for assertTemplateUsed) would be most of what we measure.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    oude_naam = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice
        from rest_framework.test import APIClient

        from openinburgering.accounts.context import Actor
        from openinburgering.accounts.middleware import LAATSTE_ACTIVITEIT, LOGIN_TIJD
        from openinburgering.accounts.models import User
        from openinburgering.accounts.rollen import Rol
        from openinburgering.gemeenten.models import Gemeente, Lidmaatschap
        from openinburgering.gemeenten.services import apitoken_aanmaken
        from openinburgering.inburgeraars import selectors
        from openinburgering.inburgeraars.tests.factories import maak_inburgeraar

        gemeente = Gemeente.objects.create(code="0999", naam="Meetdorp", oin="0" * 19 + "9")
        user = User.objects.create_user("meter", first_name="Mea", last_name="Meter")
        Lidmaatschap.objects.create(user=user, gemeente=gemeente, rol=Rol.KLANTREGISSEUR)
        for n in range(args.personen):
            maak_inburgeraar(gemeente, voornamen=f"Persoon{n}", achternaam=f"Achter{n % 37}")
        apparaat = TOTPDevice.objects.create(user=user, name="meting", confirmed=True)
        client = Client()
        client.force_login(user)
        sessie = client.session
        nu = timezone.now().isoformat()
        sessie[LOGIN_TIJD] = nu
        sessie[LAATSTE_ACTIVITEIT] = nu
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.save()
        api = APIClient()
        api.credentials(
            HTTP_AUTHORIZATION=f"Token {apitoken_aanmaken(gemeente=gemeente, naam='meting')[1]}"
        )

        print(
            f"database: {connection.vendor}; personen: {args.personen}; herhalen: {args.herhalen}"
        )
        metingen = [
            ("UI caseload ?status=aangemeld (25 rijen)", client, "/inburgeraars/?status=aangemeld"),
            ("API GET /api/v1/inburgeraars?pageSize=25", api, "/api/v1/inburgeraars?pageSize=25"),
            ("API GET /api/v1/inburgeraars?pageSize=100", api, "/api/v1/inburgeraars?pageSize=100"),
        ]
        for naam, c, url in metingen:
            assert c.get(url).status_code == 200  # warm: templates, the session's first write
            with CaptureQueriesContext(connection) as ctx:
                response = c.get(url)
            assert response.status_code == 200, response.status_code
            # Each request empties the connection's log (request_started): keep them now.
            statements = list(ctx.captured_queries)
            mediaan, p95 = _tijden(lambda c=c, url=url: c.get(url), args.herhalen)
            print(
                f"\n{naam}: {len(statements)} statements; {mediaan:.2f} ms median, {p95:.2f} ms p95"
            )
            for q in statements:
                sql = q["sql"] if args.sql else q["sql"][:110]
                print(f"  {float(q['time'] or 0) * 1000:6.2f} ms  {sql}")

        # The caseload template for 100 rows: the table alone (the htmx partial) and the page.
        actor = Actor(gemeente=gemeente, user=user, rol=Rol.KLANTREGISSEUR)
        pagina = selectors.inburgeraar_pagina(actor=actor, grootte=100)
        verzoek = RequestFactory().get("/inburgeraars/")
        verzoek.user = user
        verzoek.gemeente = gemeente
        verzoek.rol = Rol.KLANTREGISSEUR
        verzoek.lidmaatschappen = list(
            Lidmaatschap.objects.filter(user=user).select_related("gemeente")
        )
        verzoek.session = client.session
        from openinburgering.inburgeraars.caseload import lijstrijen, tabelrijen
        from openinburgering.inburgeraars.forms import BsnZoekForm, ZoekForm

        def context():
            return {
                "form": ZoekForm(),
                "bsn_form": BsnZoekForm(),
                "pagina": pagina,
                "rijen": tabelrijen(lijstrijen(pagina.items)),
                "querystring": "",
            }

        print(f"\ntemplate, {len(pagina.items)} rijen:")
        for sjabloon in ("inburgeraars/lijst.html#resultaten", "inburgeraars/lijst.html"):
            render_to_string(sjabloon, context(), request=verzoek)
            with CaptureQueriesContext(connection) as ctx:
                render_to_string(sjabloon, context(), request=verzoek)
            mediaan, p95 = _tijden(
                lambda s=sjabloon: render_to_string(s, context(), request=verzoek), args.herhalen
            )
            print(f"  {sjabloon}: {mediaan:.2f} ms median, {p95:.2f} ms p95 ({len(ctx)} queries)")

        if args.profiel:
            url = "/inburgeraars/?status=aangemeld"
            profiel = cProfile.Profile()
            profiel.enable()
            for _ in range(args.herhalen):
                client.get(url)
            profiel.disable()
            print(f"\ncProfile, {args.herhalen} x {url} (cumulative, top 30):")
            pstats.Stats(profiel).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
                int(os.environ.get("TOP", "30"))
            )
    finally:
        connection.creation.destroy_test_db(oude_naam, verbosity=0)


if __name__ == "__main__":
    main()
