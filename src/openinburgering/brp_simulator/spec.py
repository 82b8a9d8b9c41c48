"""The BRP API Personen specification, read from the project's unchanged copy, as JSON Schema.

The request and response bodies of ``POST /personen`` are polymorphic: ``PersonenQuery``,
``AbstractDatum``, ``AbstractVerblijfplaats`` and ``AbstractNationaliteit`` name their concrete
schema in a ``discriminator``. JSON Schema ignores a discriminator, so validating against the
file as it stands would check little more than ``type`` and ``fields``. Here each discriminated
schema is rewritten once, in memory, to "the base, and if ``type`` is X then schema X" (and
``type`` must be one of the mapped values); the concrete schemas refer to the base. Every
request and every answer of the stand-in is checked against that, so a BSN that does not match
``^[0-9]{9}$`` or a date without ``langFormaat`` is caught.
"""

from __future__ import annotations

import copy
import os
import re
import threading
from functools import lru_cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

#: The project's copy (found from this file: the stand-in imports nothing of the product).
MEEGELEVERDE_SPEC = (
    Path(__file__).resolve().parents[1] / "specs" / "brp" / "brp-api-personen-2.7.0.yaml"
)
_URN = "urn:brp-api-personen"
_SCHEMAS = "#/components/schemas/"


def standaard_spec() -> Path:
    """``BRP_SPEC`` if set, otherwise the project's copy of the BRP API Personen."""
    uit_env = os.environ.get("BRP_SPEC")
    return Path(uit_env) if uit_env else MEEGELEVERDE_SPEC


def _discriminators_uitschrijven(document: dict) -> dict:
    document = copy.deepcopy(document)
    schemas = document["components"]["schemas"]
    met = [
        naam
        for naam, schema in schemas.items()
        if isinstance(schema, dict) and (schema.get("discriminator") or {}).get("mapping")
    ]
    for naam in met:
        schema = schemas[naam]
        eigenschap = schema["discriminator"]["propertyName"]
        mapping = schema["discriminator"]["mapping"]
        basisnaam = f"{naam}ZonderDiscriminator"
        schemas[basisnaam] = {k: v for k, v in schema.items() if k != "discriminator"}
        for ref in mapping.values():
            sub = schemas[ref.removeprefix(_SCHEMAS)]
            for deel in sub.get("allOf", []):
                if deel.get("$ref") == _SCHEMAS + naam:
                    deel["$ref"] = _SCHEMAS + basisnaam
        schemas[naam] = {
            "allOf": [
                {"$ref": _SCHEMAS + basisnaam},
                {"properties": {eigenschap: {"enum": list(mapping)}}},
                *(
                    {
                        "if": {
                            "properties": {eigenschap: {"const": waarde}},
                            "required": [eigenschap],
                        },
                        "then": {"$ref": ref},
                    }
                    for waarde, ref in mapping.items()
                ),
            ]
        }
    return document


def _veldpaden(schemas: dict, schema: dict, prefix: str, diepte: int, uit: set[str]) -> None:
    """Every dotted path ``fields`` may name under ``schema`` (a discriminated schema: the union
    of its concrete schemas)."""
    if diepte > 5:
        return
    eigenschappen: dict[str, list[dict]] = {}

    def verzamel(s: dict, gezien: frozenset[str]) -> None:
        if "$ref" in s:
            naam = s["$ref"].removeprefix(_SCHEMAS)
            if naam in gezien:
                return
            gezien = gezien | {naam}
            doel = schemas[naam]
            for ref in ((doel.get("discriminator") or {}).get("mapping") or {}).values():
                verzamel({"$ref": ref}, gezien)
            verzamel(doel, gezien)
            return
        for deel in s.get("allOf", []):
            verzamel(deel, gezien)
        if s.get("type") == "array" and "items" in s:
            verzamel(s["items"], gezien)
        for sleutel, waarde in (s.get("properties") or {}).items():
            # Concrete schemas may give one name different shapes (verblijfadres): all count.
            eigenschappen.setdefault(sleutel, []).append(waarde)

    verzamel(schema, frozenset())
    for sleutel, waarden in eigenschappen.items():
        pad = f"{prefix}{sleutel}"
        uit.add(pad)
        for waarde in waarden:
            _veldpaden(schemas, waarde, pad + ".", diepte + 1, uit)


#: Fields the BRP delivers on its own; asking for them in ``fields`` is a 400 (spec).
AUTOMATISCH = ("inOnderzoek", "geheimhoudingPersoonsgegevens", "opschortingBijhouding", "rni",
               "verificatie")  # fmt: skip


class Spec:
    """The specification, loaded once: validators for the request and the answers, and the
    paths ``fields`` may name for a person."""

    def __init__(self, pad: Path):
        self.pad = Path(pad)
        with open(self.pad, encoding="utf-8") as f:
            self.origineel = yaml.safe_load(f)
        self.versie = str(self.origineel["info"]["version"])
        self.document = _discriminators_uitschrijven(self.origineel)
        resource = Resource.from_contents(self.document, default_specification=DRAFT202012)
        self._registry = Registry().with_resource(_URN, resource)
        self._validators: dict[str, Draft202012Validator] = {}
        self._lock = threading.Lock()
        paden: set[str] = set()
        schemas = self.origineel["components"]["schemas"]
        _veldpaden(schemas, {"$ref": _SCHEMAS + "Persoon"}, "", 0, paden)
        self.veldpaden = frozenset(
            p
            for p in paden
            if not any(p == a or p.startswith(a + ".") or f".{a}" in p for a in AUTOMATISCH)
        )

    def _validator(self, schema: str) -> Draft202012Validator:
        with self._lock:
            if schema not in self._validators:
                self._validators[schema] = Draft202012Validator(
                    {"$ref": f"{_URN}{_SCHEMAS}{schema}"},
                    registry=self._registry,
                    format_checker=Draft202012Validator.FORMAT_CHECKER,
                )
            return self._validators[schema]

    def fouten(self, schema: str, inhoud) -> list[tuple[str, str, str]]:
        """(path, code, reason) for every place ``inhoud`` breaks ``schema``; [] when valid."""
        uit = []
        for fout in self._validator(schema).iter_errors(inhoud):
            for blad in _bladeren(fout):
                pad = ".".join(str(d) for d in blad.absolute_path)
                if blad.validator == "required":
                    ontbrekend = re.match(r"'([^']+)'", str(blad.message))
                    pad = ".".join(p for p in (pad, ontbrekend and ontbrekend.group(1)) if p)
                pad = pad or "body"
                uit.append((pad, str(blad.validator), str(blad.message)))
        return uit

    def verzoek_fouten(self, body) -> list[tuple[str, str, str]]:
        return self.fouten("PersonenQuery", body)

    def antwoord_fouten(self, status: int, body) -> list[tuple[str, str, str]]:
        """The body of an answer against the schema the spec declares for its status (a status
        the spec does not list falls under ``default``: the 500 problem)."""
        if status == 200:
            return self.fouten("PersonenQueryResponse", body)
        return self.fouten("BadRequestFoutbericht" if status == 400 else "Foutbericht", body)

    def gedeclareerde_statussen(self) -> frozenset[str]:
        return frozenset(self.origineel["paths"]["/personen"]["post"]["responses"])


def _bladeren(fout):
    if fout.context:
        for sub in fout.context:
            yield from _bladeren(sub)
    else:
        yield fout


@lru_cache(maxsize=4)
def _laad(pad: str) -> Spec:
    return Spec(Path(pad))


def laad_spec(pad: Path | None = None) -> Spec | None:
    """The specification at ``pad`` (default: :func:`standaard_spec`), or None if absent."""
    pad = Path(pad) if pad else standaard_spec()
    if not pad.is_file():
        return None
    return _laad(str(pad.resolve()))


# --- texts the spec's patterns allow --------------------------------------------------------

_NIET_IN_REDEN = re.compile(r"[^a-zA-Z0-9\., ]")


def reden(tekst: str) -> str:
    """An ``InvalidParam.reason`` (``^[a-zA-Z0-9\\., ]{1,80}$``)."""
    return (_NIET_IN_REDEN.sub("", tekst).strip() or "Ongeldige waarde.")[:80]


def param_naam(pad: str) -> str:
    """An ``InvalidParam.name`` (``^[a-zA-Z0-9\\._]{1,30}$``)."""
    return (re.sub(r"[^a-zA-Z0-9._]", "", pad) or "body")[:30]
