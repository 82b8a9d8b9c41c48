"""Our own 400/403/404/500 pages: house style, Dutch and English, and the offer to switch gemeente."""

from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.gemeenten.middleware import SESSION_KEY
from openinburgering.ui.fouten import gemeente_van_object, serverfout

pytestmark = pytest.mark.django_db

TECHNISCH = ("Using the URLconf", "Traceback", "Request Method", "technical_404", "urlpatterns")


def _is_huisstijl(response):
    html = response.content.decode()
    assert 'class="utrecht-page-layout"' in html
    assert "Open Inburgering" in html
    for teken in TECHNISCH:
        assert teken not in html
    return html


def _hoofdinhoud(html):
    return html[html.index("<main") : html.index("</main>")]


def _engels(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_unknown_url_gives_our_404_page_in_dutch_and_in_english():
    response = Client().get("/bestaat-niet/")
    assert response.status_code == 404
    html = _is_huisstijl(response)
    assert "Pagina niet gevonden" in html
    assert '<html lang="nl"' in html

    response = _engels(Client()).get("/bestaat-niet/")
    assert response.status_code == 404
    html = _is_huisstijl(response)
    assert "Page not found" in html
    assert '<html lang="en"' in html


def test_an_unknown_api_url_answers_problem_json_not_a_page():
    response = Client().get("/api/v1/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_object_of_a_gemeente_the_user_does_not_work_for_is_a_plain_404(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    persoon = inburgeraar_factory(gemeente_b)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a))
    url = reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})
    response = client.get(url)
    assert response.status_code == 404
    html = _is_huisstijl(response)
    # Nothing tells this user that the person exists, or where.
    assert gemeente_b.naam not in html
    assert "Wissel naar" not in html
    # The same page as for a UUID that exists nowhere.
    onbekend = client.get(reverse("inburgeraars:detail", kwargs={"uuid": gemeente_a.uuid}))
    assert _hoofdinhoud(html) == _hoofdinhoud(_is_huisstijl(onbekend))


def test_object_of_another_gemeente_of_the_user_offers_the_switch(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    persoon = inburgeraar_factory(gemeente_b)
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a, gemeente_b))
    client.post(reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_a.code})
    url = reverse("inburgeraars:detail", kwargs={"uuid": persoon.uuid})

    response = client.get(url)
    assert response.status_code == 404
    html = _is_huisstijl(response)
    assert "Deze pagina hoort bij gemeente Beekveld" in html
    assert "Dit hoort bij gemeente Beekveld" in html
    assert f'name="gemeente" value="{gemeente_b.code}"' in html
    assert f'name="next" value="{url}"' in html

    # The offered button switches and opens the page the user asked for.
    response = client.post(
        reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_b.code, "next": url}
    )
    assert response.status_code == 302
    assert response["Location"] == url
    assert client.session[SESSION_KEY] == gemeente_b.code
    assert client.get(url).status_code == 200


def test_switch_offer_for_an_object_that_hangs_off_the_dossier(
    gemeente_a, gemeente_b, medewerker, inloggen, inburgeraar_factory
):
    """The PIP pages take the person's UUID; the intake's pages too: found through the dossier."""
    persoon = inburgeraar_factory(gemeente_b)
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a, gemeente_b))
    client.post(reverse("ui:gemeente_wisselen"), {"gemeente": gemeente_a.code})
    response = client.get(reverse("pip:overzicht", kwargs={"uuid": persoon.uuid}))
    assert response.status_code == 404
    assert "Wissel naar gemeente Beekveld" in response.content.decode()
    assert gemeente_van_object(persoon.dossier.uuid) == gemeente_b.code


def test_switch_never_redirects_to_another_site(gemeente_a, gemeente_b, medewerker, inloggen):
    client = inloggen(medewerker(Rol.TEAMLEIDER, gemeente_a, gemeente_b))
    response = client.post(
        reverse("ui:gemeente_wisselen"),
        {"gemeente": gemeente_b.code, "next": "https://elders.example/"},
    )
    assert response["Location"] == reverse("ui:start")


def test_permission_denied_gives_our_403_page(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.FUNCTIONEEL_BEHEERDER, gemeente_a))
    response = client.get(reverse("inburgeraars:lijst"))
    assert response.status_code == 403
    html = _is_huisstijl(response)
    assert "Geen toegang" in html


def test_a_failed_csrf_check_gives_our_page_not_djangos():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    html = _is_huisstijl(response)
    assert "Formulier verlopen" in html
    assert "CSRF" not in _hoofdinhoud(html)

    response = _engels(Client(enforce_csrf_checks=True)).post(reverse("accounts:login"), {})
    assert "Form expired" in response.content.decode()


@pytest.mark.urls("openinburgering.ui.tests.urls_fout")
def test_a_server_error_gives_our_500_page_in_both_languages(gemeente_a, medewerker, inloggen):
    client = inloggen(medewerker(Rol.KLANTREGISSEUR, gemeente_a))
    client.raise_request_exception = False
    response = client.get("/kapot/")
    assert response.status_code == 500
    html = _is_huisstijl(response)
    assert "Er ging iets mis" in html
    assert "bewust kapot" not in html

    _engels(client)
    response = client.get("/kapot/")
    assert "Something went wrong" in response.content.decode()


def test_the_500_page_still_renders_when_the_full_page_cannot():
    """An error before the middleware ran (no user on the request): the page without context."""
    response = serverfout(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Er ging iets mis" in html
    assert "utrecht-page-layout" in html


DEMO_SCRIPT = """
import django
django.setup()
from django.conf import settings
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
css = client.get("/static/ui/app.css")
pagina = client.get("/bestaat-niet/")
html = pagina.content.decode()
print(settings.DEBUG, css.status_code, pagina.status_code,
      "Pagina niet gevonden" in html, "URLconf" in html)
"""


def test_the_demo_shows_our_404_page_and_still_serves_static_files(tmp_path):
    """The demo's processes run as demo_run starts them: DEBUG off, no collectstatic."""
    import subprocess
    import sys
    from pathlib import Path

    from openinburgering.demo.management.commands.demo_run import demo_omgeving

    env = demo_omgeving(simulator_port=8001)
    env |= {
        "DJANGO_SETTINGS_MODULE": "openinburgering.conf.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}",
        "PYTHONPATH": str(Path(__file__).resolve().parents[3]),
    }
    uitvoer = subprocess.run(
        [sys.executable, "-c", DEMO_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split()
    assert uitvoer[-5:] == ["False", "200", "404", "True", "False"]
