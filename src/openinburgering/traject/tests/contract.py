"""Check a message body against DUO's published OpenAPI (the project's copy in specs/duo-m2m)."""

from functools import cache

import jsonschema
import yaml

from openinburgering.specs import duo_spec


@cache
def _spec(api: str) -> dict:
    return yaml.safe_load(duo_spec(api).read_text(encoding="utf-8"))


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
