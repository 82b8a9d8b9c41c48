"""Schemathesis over the whole public API, from our own ``openapi.yaml`` (issue 15, ADR 0059).

Every operation, with positive and negative data, once with the API token of gemeente A and
once with that of gemeente B. Both gemeenten have people, a concept PIP and (where an operation
needs one) a vastgesteld PIP with its beschikking. A generated ``{uuid}`` is, most of the time,
swapped for the id of one of those objects: the caller's own or the other gemeente's, so the
attack on another tenant's objects is part of every operation's cases.

Checks: no server error; status code, content type, headers and body as the document says; and
no answer to A names anything of B (uuid, BSN, surname), nor the other way round. The counts go
to ``test-artefacten/schemathesis.txt`` (``.ci/run`` prints it).

With scopes (issue 18, ADR 0074) every operation also runs with a token of A and of B that has
only some areas, some read and some write: no operation outside its scopes may succeed (2xx).
"""

import io
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.core import signals
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from openinburgering.accounts.bereiken import alle, vereist
from openinburgering.accounts.context import Actor
from openinburgering.gemeenten.services import apitoken_aanmaken
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar
from openinburgering.intake import services as intake_services
from openinburgering.pip import services as pip_services
from openinburgering.pip.tests.helpers import GELDIG_PIP

from .werk import soort_van, werk_maken

_ruw = yaml.safe_load((Path(settings.SRC_DIR) / "api" / "openapi.yaml").read_text())
_ruw["servers"] = [{"url": "http://testserver"}]
schema = schemathesis.openapi.from_dict(_ruw)
OPERATIES = sum(
    1
    for pad in _ruw["paths"].values()
    for methode in pad
    if methode in {"get", "post", "put", "patch", "delete"}
)
#: A token per gemeente with every scope, and one per gemeente with a few (read here, write
#: there): the out-of-scope operations must all be refused.
BEPERKT = {
    "A-beperkt": ["inburgeraars:lezen", "pip:schrijven", "intake:lezen", "tijdlijn:lezen"],
    "B-beperkt": ["pip:lezen", "intake:schrijven", "werklijst:lezen", "duo:lezen"],
}
TOKENS = ("A", "B", *BEPERKT)
ARTEFACTEN = Path(settings.BASE_DIR) / "test-artefacten"

# Tuned to the CI budget (ADR 0059): the whole module stays well under a minute on two cores.
# max_examples counts the generated cases per test; schemathesis' coverage phase adds its
# boundary and wrong-type cases (about 70 per test) on top.
SETTINGS = hypothesis_settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CONTROLES = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

pytestmark = pytest.mark.django_db


@dataclass
class Gemeentewereld:
    """One gemeente's token and objects, and what may never reach another gemeente."""

    sleutel: str
    beperkt: str = ""
    inburgeraars: list[str] = field(default_factory=list)
    pips: list[str] = field(default_factory=list)
    kenmerken: list[str] = field(default_factory=list)
    #: The objects of issue 18's resources per kind (``werk.SOORT_VAN_PAD``; ADR 0076).
    werk: dict[str, list[str]] = field(default_factory=dict)

    def van_soort(self, soort: str) -> list[str]:
        return getattr(self, soort) if soort in ("inburgeraars", "pips") else self.werk[soort]


def _gemeentewereld(gemeente, letter: str, *, met_beschikking: bool) -> Gemeentewereld:
    actor = Actor(gemeente=gemeente, systeem="test")
    _, sleutel = apitoken_aanmaken(gemeente=gemeente, naam="schemathesis", bereiken=alle())
    _, beperkt = apitoken_aanmaken(
        gemeente=gemeente, naam="schemathesis-beperkt", bereiken=BEPERKT[f"{letter}-beperkt"]
    )
    wereld = Gemeentewereld(sleutel=sleutel, beperkt=beperkt)
    aangemeld = timezone.localdate() - timedelta(days=40)
    for i in range(3):
        persoon = maak_inburgeraar(
            gemeente,
            achternaam=f"{gemeente.naam}persoon{i}",
            aangemeld_op=aangemeld,
            talen="Arabisch",
        )
        wereld.inburgeraars.append(str(persoon.uuid))
        wereld.kenmerken += [str(persoon.uuid), str(persoon.dossier.uuid)]
        wereld.kenmerken += [persoon.bsn, persoon.achternaam]
        if i == 0:
            eerste = persoon
            # An intake with a meeting, so the intake routes have something to answer.
            intake = intake_services.intake_starten(actor=actor, dossier=persoon.dossier)
            intake_services.gesprek_toevoegen(
                actor=actor, intake=intake, datum=aangemeld, tolk_gebruikt=False
            )
        if i == 2:
            continue
        pip = pip_services.pip_concept_aanmaken(actor=actor, dossier=persoon.dossier, **GELDIG_PIP)
        if i == 1 and met_beschikking:
            pip = pip_services.pip_vaststellen(actor=actor, pip=pip, versie=pip.versie)
        wereld.pips.append(str(pip.uuid))
        wereld.kenmerken.append(str(pip.uuid))
    # Every kind of issue 18's objects, once (the school is shared: DUO's register).
    wereld.werk = werk_maken(gemeente, eerste)
    wereld.kenmerken += wereld.werk["kenmerken"]
    return wereld


@pytest.fixture(scope="module")
def _wereld_eenmaal(django_db_setup, django_db_blocker, tmp_path_factory):
    """Both gemeenten's worlds once for the module (each test's own changes are rolled back):
    building them per test was most of the run once there were four tokens (issue 18)."""
    from django.test import override_settings

    from openinburgering.gemeenten.tests.factories import GemeenteFactory

    prive = tmp_path_factory.mktemp("prive")
    with django_db_blocker.unblock(), override_settings(PRIVATE_MEDIA_ROOT=prive):
        werelden = {
            "A": _gemeentewereld(
                GemeenteFactory(code="0001", naam="Amstelwaard"), "A", met_beschikking=True
            ),
            "B": _gemeentewereld(
                GemeenteFactory(code="0002", naam="Beekveld"), "B", met_beschikking=True
            ),
        }
    try:
        yield werelden, prive
    finally:
        with django_db_blocker.unblock():
            call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def wereld(_wereld_eenmaal, settings):
    werelden, prive = _wereld_eenmaal
    settings.PRIVATE_MEDIA_ROOT = prive
    return werelden


@pytest.fixture(scope="module")
def wsgi_app():
    return get_wsgi_application()


@pytest.fixture(autouse=True)
def _verbinding_open_houden():
    """As Django's test client does: a request must not close the test's DB connection (on
    PostgreSQL ``close_old_connections`` would end the test transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def telling():
    """Counts over the module; written when its last test is done."""
    tellers: Counter = Counter()
    (ARTEFACTEN / "schemathesis.txt").unlink(missing_ok=True)
    yield tellers
    tests = sum(1 for sleutel in tellers if isinstance(sleutel, tuple))
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    (ARTEFACTEN / "schemathesis.txt").write_text(
        f"schemathesis: {OPERATIES} operaties x {len(TOKENS)} tokens (gemeente A en B, elk met "
        f"alle bereiken en met enkele) = "
        f"{tests} tests; {tellers['gevallen']} gevallen ({tellers['positive']} positief, "
        f"{tellers['negative']} negatief; {tellers['andermans']} met een id van de andere "
        f"gemeente); serverfouten: {tellers['serverfouten']}; buiten het bereik geweigerd: "
        f"{tellers['buiten_bereik']}, gelukt: {tellers['buiten_bereik_gelukt']}\n",
        encoding="utf-8",
    )


def _kies_object(case, eigen: Gemeentewereld, vreemd: Gemeentewereld) -> bool:
    """Swap a generated uuid for one of the objects of either gemeente (most of the time);
    True if it is the other gemeente's."""
    waarde = (case.path_parameters or {}).get("uuid")
    try:
        getal = UUID(str(waarde)).int
    except ValueError:
        return False  # not a uuid (a negative case): the route does not match, a 404
    soort = soort_van(case.operation.path)
    kandidaten = eigen.van_soort(soort) + vreemd.van_soort(soort)
    keuze = getal % (len(kandidaten) + 1)
    if keuze == len(kandidaten):
        return False  # keep the random uuid: an object that does not exist
    case.path_parameters = {**case.path_parameters, "uuid": kandidaten[keuze]}
    return kandidaten[keuze] in vreemd.van_soort(soort) and soort != "instellingen"


def _leesbaar(response) -> str:
    headers = json.dumps(dict(response.headers), default=str)
    if response.headers.get("content-type", [""])[0].startswith("application/pdf"):
        from pypdf import PdfReader

        lezer = PdfReader(io.BytesIO(response.content))
        return headers + "".join(p.extract_text() or "" for p in lezer.pages)
    return headers + response.content.decode(errors="replace")


def geen_gegevens_van(vreemd: Gemeentewereld):
    """A schemathesis check: the answer names nothing of the other gemeente."""

    def geen_gegevens_van_een_andere_gemeente(ctx, response, case):
        tekst = _leesbaar(response)
        gevonden = [k for k in vreemd.kenmerken if k in tekst]
        # Counted, never quoted: the list holds BSNs.
        assert not gevonden, f"the answer names {len(gevonden)} ids/BSNs/names of another gemeente"

    return geen_gegevens_van_een_andere_gemeente


def binnen_bereik(bereiken: list[str] | None, telling):
    """A schemathesis check: an operation outside the token's scopes never succeeds."""

    def niets_buiten_het_bereik(ctx, response, case):
        if bereiken is None:
            return
        nodig = case.operation.definition.raw.get("x-bereik")
        if case.method.upper() != case.operation.method.upper():
            # A negative case with another method (OPTIONS, say): the scope that method asks.
            nodig = vereist(nodig.split(":")[0], case.method)
        if nodig in bereiken:
            return
        telling["buiten_bereik"] += 1
        telling["buiten_bereik_gelukt"] += response.status_code < 300
        assert response.status_code >= 400, f"{nodig} is not among the token's scopes"

    return niets_buiten_het_bereik


@pytest.mark.parametrize("wie", TOKENS)
@schema.parametrize()
@SETTINGS
@pytest.mark.bsn_toegestaan(
    "url",
    reden=(
        "schemathesis puts random numbers into the URLs it sends (pageSize=482934328); one "
        "nine-digit number in eleven passes the 11-proef. The answers are still checked."
    ),
)
def test_the_api_as_generated_with_each_gemeentes_token(case, wie, wereld, wsgi_app, telling):
    letter = wie[0]
    eigen, vreemd = wereld[letter], wereld["B" if letter == "A" else "A"]
    sleutel = eigen.beperkt if wie in BEPERKT else eigen.sleutel
    telling[(case.operation.label, wie)] += 1
    telling["andermans"] += _kies_object(case, eigen, vreemd)
    response = case.call(app=wsgi_app, headers={"Authorization": f"Token {sleutel}"})
    telling["gevallen"] += 1
    telling[case.meta.generation.mode.value if case.meta else "positive"] += 1
    telling["serverfouten"] += response.status_code >= 500
    controles = [*CONTROLES, geen_gegevens_van(vreemd), binnen_bereik(BEPERKT.get(wie), telling)]
    case.validate_response(response, checks=controles)


def test_a_concept_pips_empty_dates_are_nullable_in_the_schema():
    """Found by the run above (issue 15): a concept PIP has no bezwaarUiterlijk or vastgesteldOp
    yet, and the schema called both a string, so every read of a concept broke the contract."""
    pip = _ruw["components"]["schemas"]["Pip"]["properties"]
    assert pip["bezwaarUiterlijk"].get("nullable") is True
    assert pip["vastgesteldOp"].get("nullable") is True
