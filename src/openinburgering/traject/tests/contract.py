"""Check a message body against DUO's published OpenAPI (read from <repo>/../shared/duo-m2m)."""

from functools import cache
from pathlib import Path

import jsonschema
import pytest
import yaml

SPEC_MAP = (Path(__file__).resolve().parents[4].parent / "shared" / "duo-m2m").resolve()


@cache
def _spec(api: str) -> dict:
    bestand = SPEC_MAP / api / "openapi.yml"
    if not bestand.is_file():
        pytest.skip(
            f"DUO's OpenAPI files not found in {SPEC_MAP}; contract tests need "
            "<repo root>/../shared/duo-m2m (never copied into the repository)."
        )
    return yaml.safe_load(bestand.read_text(encoding="utf-8"))


def valideer(api: str, methode: str, pad: str, inhoud: dict) -> None:
    spec = _spec(api)
    operatie = spec["paths"][pad][methode.lower()]
    schema = operatie["requestBody"]["content"]["application/json"]["schema"]
    volledig = {**schema, "components": spec["components"]}
    jsonschema.validate(inhoud, volledig, format_checker=jsonschema.FormatChecker())
    doel = schema
    if "$ref" in doel:
        doel = spec["components"]["schemas"][doel["$ref"].rsplit("/", 1)[1]]
    onbekend = set(inhoud) - set(doel.get("properties", {}))
    assert not onbekend, f"fields DUO does not know: {onbekend}"
