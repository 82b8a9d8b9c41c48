import io
from pathlib import Path

from django.core.management import call_command

import pytest

DOCS = Path(__file__).resolve().parents[4] / "docs"


def test_env_docs_are_current():
    uit = io.StringIO()
    call_command("env_docs", stdout=uit)
    assert (DOCS / "env.md").read_text() == uit.getvalue(), (
        "docs/env.md is stale: run `make env-docs`"
    )


def test_management_commands_create_gemeente_and_token(db):
    from django.core.management.base import CommandError

    from openinburgering.gemeenten.models import ApiToken, Gemeente, hash_token

    call_command(
        "gemeente_aanmaken",
        code="0363",
        naam="Voorbeeldstad",
        oin="00000001002564440000",
        stdout=io.StringIO(),
    )
    assert Gemeente.objects.get(code="0363").naam == "Voorbeeldstad"
    call_command(
        "gemeente_aanmaken", code="0364", naam="Briefstad", oin="00000001002564440002",
        adres="Markt 1, Briefstad", telefoon="14 0364", email="inburgering@briefstad.example",
        stdout=io.StringIO(),
    )  # fmt: skip
    briefstad = Gemeente.objects.get(code="0364")
    assert (briefstad.adres, briefstad.telefoonnummer, briefstad.email) == (
        "Markt 1, Briefstad",
        "14 0364",
        "inburgering@briefstad.example",
    )
    uit = io.StringIO()
    call_command("apitoken_aanmaken", gemeente="0363", naam="zaaksysteem", stdout=uit)
    sleutel = uit.getvalue().strip()
    assert ApiToken.objects.get(sleutel_hash=hash_token(sleutel)).gemeente.code == "0363"
    with pytest.raises(CommandError, match="4 cijfers"):
        call_command("gemeente_aanmaken", code="12", naam="Fout", oin="1", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Onbekende gemeente"):
        call_command("apitoken_aanmaken", gemeente="9999", naam="x", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command(
            "gemeente_aanmaken",
            code="0363",
            naam="Dubbel",
            oin="00000001002564440001",
            stdout=io.StringIO(),
        )


def test_demo_data_is_fictional_and_covers_every_role_and_status(db):
    from stdnum.nl import bsn

    from openinburgering.accounts.rollen import Rol
    from openinburgering.gemeenten.models import Lidmaatschap
    from openinburgering.inburgeraars.models import Inburgeraar
    from openinburgering.inburgeraars.workflow import Status

    call_command("demo_data", aantal=60, stdout=io.StringIO())
    personen = list(Inburgeraar.objects.select_related("dossier"))
    assert len(personen) == 60
    assert all(bsn.is_valid(p.bsn) for p in personen)
    assert {p.dossier.status for p in personen} == set(Status.values)
    assert {lm.rol for lm in Lidmaatschap.objects.all()} == set(Rol.values)
    assert {p.gemeente.code for p in personen} == {"9001", "9002"}
