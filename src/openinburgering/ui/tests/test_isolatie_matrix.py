"""Tenant isolation, generated rather than listed: every URL pattern that names an object ×
every gemeente role × one object of every kind that belongs to another gemeente, by GET and by
POST (issue 15). The world is the demo's (made through the services, so every kind of object a
caseworker makes is there); the attackers work for the other demo gemeente.

Nothing may come back but 403, 404 or 405, no answer may name the other gemeente's person, and
the database must be exactly as it was (only the processing log and the sessions may grow). A
new view or a new model is in the matrix without anyone adding it here.

The counts are written to ``test-artefacten/isolatie.txt`` (``.ci/run`` prints them).
"""

import hashlib
import io
from collections import deque
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import pytest

from openinburgering.accounts.rollen import Rol
from openinburgering.gemeenten.models import Gemeente
from openinburgering.inburgeraars.models import Inburgeraar

from .e2e import ARTEFACTEN

# Enough dossiers to reach every stage (intake, PIP, route, end) in the demo's gemeenten.
AANTAL = 40
#: The demo gemeente whose objects are attacked (the richest: routes, schools, enforcement) and
#: the one the attackers work for.
DOEL, AANVALLER = "9001", "9002"
#: Tables that may change while the matrix runs: who read or was refused what, and sessions.
MAG_GROEIEN = {"logboek", "sessions", "axes", "otp_static", "otp_totp"}
TOEGESTAAN = {403, 404, 405}
#: The longest route from a model to its gemeente that is followed (person -> dossier -> ...).
DIEPTE = 4
#: Routes under this prefix are the API: a token, not a session.
API = "api/"


@pytest.fixture(scope="module")
def wereld(django_db_setup, django_db_blocker):
    """The demo data once for this module; the outbox waits for its worker, as in make demo."""
    dummy = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    (Path(ARTEFACTEN) / "isolatie.txt").unlink(missing_ok=True)
    with django_db_blocker.unblock():
        with override_settings(TASKS=dummy):
            call_command("demo_data", aantal=AANTAL, stdout=io.StringIO())
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)


def _patronen(resolver=None, prefix="", namespace=""):
    """(route, name) of every URL pattern whose path names an object by its uuid."""
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace or "") if x)
            yield from _patronen(p, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern) and "<uuid:uuid>" in str(p.pattern):
            naam = f"{namespace}:{p.name}" if namespace else p.name
            yield prefix + str(p.pattern), naam


def _pad_naar_gemeente(model) -> str | None:
    """The shortest chain of foreign keys from ``model`` to the Gemeente that owns its rows."""
    rij = deque([(model, "")])
    gezien = {model}
    while rij:
        huidig, pad = rij.popleft()
        if pad.count("__") >= DIEPTE:
            continue
        for veld in huidig._meta.get_fields():
            if not (veld.is_relation and (veld.many_to_one or veld.one_to_one)):
                continue
            if not veld.concrete:
                continue
            doel = veld.related_model
            nieuw = f"{pad}__{veld.name}" if pad else veld.name
            if doel is Gemeente:
                return nieuw
            if doel not in gezien:
                gezien.add(doel)
                rij.append((doel, nieuw))
    return None


def _objecten_van(gemeente) -> dict[str, object]:
    """One object of every kind with a uuid that belongs to ``gemeente`` (label -> object)."""
    uit = {}
    for model in apps.get_models():
        if model._meta.app_label in MAG_GROEIEN:
            continue
        veld = next((f for f in model._meta.concrete_fields if f.name == "uuid"), None)
        if veld is None:
            continue
        pad = _pad_naar_gemeente(model)
        if pad is None:
            continue  # shared by every gemeente (a school, a user): not a tenant's object
        obj = model.objects.filter(**{pad: gemeente}).order_by("pk").first()
        if obj is not None:
            uit[model._meta.label] = obj
    return uit


def _momentopname() -> dict[str, str]:
    """A digest of every row of every table that must not change."""
    uit = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in MAG_GROEIEN or model._meta.proxy:
            continue
        h = hashlib.sha256()
        for rij in model.objects.order_by("pk").values_list():
            h.update(repr(rij).encode())
        uit[model._meta.label] = h.hexdigest()
    return uit


def _aanval(client, patronen, objecten, namen, methoden) -> tuple[list[str], int, list[str]]:
    """Every route with every object: what came back that should not have, and what changed."""
    voor = _momentopname()
    lekken, verzoeken = [], 0
    for naam in patronen:
        for label, obj in objecten.items():
            url = reverse(naam, kwargs={"uuid": obj.uuid})
            for methode in methoden:
                antwoord = getattr(client, methode)(url)
                verzoeken += 1
                inhoud = antwoord.content.decode(errors="replace")
                if antwoord.status_code not in TOEGESTAAN or any(n in inhoud for n in namen):
                    lekken.append(f"{methode.upper()} {naam} <{label}> -> {antwoord.status_code}")
    na = _momentopname()
    return lekken, verzoeken, sorted(label for label in voor if voor[label] != na.get(label))


def _doelwit():
    doel = Gemeente.objects.get(code=DOEL)
    objecten = _objecten_van(doel)
    # The matrix only proves something if it reaches what there is to reach.
    assert len(objecten) >= 20, sorted(objecten)
    namen = [
        n
        for i in Inburgeraar.objects.filter(gemeente=doel)
        for n in (i.achternaam, i.bsn)
        if n and len(n) > 3
    ]
    return objecten, namen


@pytest.mark.parametrize("rol", list(Rol))
def test_no_role_reaches_another_gemeentes_objects_by_any_page(
    rol, wereld, db, medewerker, inloggen
):
    objecten, namen = _doelwit()
    patronen = sorted({n for route, n in _patronen() if not route.startswith(API)})
    assert len(patronen) >= 50
    client = inloggen(medewerker(rol, Gemeente.objects.get(code=AANVALLER)))
    lekken, verzoeken, veranderd = _aanval(client, patronen, objecten, namen, ("get", "post"))
    _verslag(f"rol {rol}", len(patronen), len(objecten), verzoeken, lekken, veranderd)
    assert not lekken, "\n".join(lekken[:50])
    assert not veranderd, f"another gemeente changed the data in: {veranderd}"


def test_no_api_token_reaches_another_gemeentes_objects(wereld, db, api_client):
    objecten, namen = _doelwit()
    patronen = sorted({n for route, n in _patronen() if route.startswith(API)})
    assert len(patronen) >= 5
    client = api_client(Gemeente.objects.get(code=AANVALLER))
    lekken, verzoeken, veranderd = _aanval(
        client, patronen, objecten, namen, ("get", "post", "patch", "put", "delete")
    )
    _verslag("API-token", len(patronen), len(objecten), verzoeken, lekken, veranderd)
    assert not lekken, "\n".join(lekken[:50])
    assert not veranderd, f"another gemeente changed the data in: {veranderd}"


def _verslag(wie, patronen, soorten, verzoeken, lekken, veranderd) -> None:
    regel = (
        f"isolatie: {wie}: {patronen} routes x {soorten} soorten objecten van een andere "
        f"gemeente = {verzoeken} verzoeken; {len(lekken)} lekken; "
        f"{len(veranderd)} tabellen veranderd\n"
    )
    Path(ARTEFACTEN).mkdir(parents=True, exist_ok=True)
    with open(Path(ARTEFACTEN) / "isolatie.txt", "a", encoding="utf-8") as f:
        f.write(regel)


def test_the_matrix_finds_what_it_looks_for(wereld, db):
    """The ownership walk finds the gemeente of a person's deepest records, not only direct ones."""
    labels = set(_objecten_van(Gemeente.objects.get(code=DOEL)))
    for nodig in ("inburgeraars.Inburgeraar", "intake.BredeIntake", "pip.PipVersie"):
        assert nodig in labels, sorted(labels)
    assert _pad_naar_gemeente(Gemeente) is None
    assert _pad_naar_gemeente(Inburgeraar) == "gemeente"
