"""Read settings from the environment and remember what was read.

Every variable is declared once, with a help text and a group, so that
``manage.py env_docs`` can write ``docs/env.md`` from the same source.
"""

import os
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

_UNSET = object()


@dataclass(frozen=True)
class EnvVar:
    name: str
    default: object
    help_text: str
    group: str
    secret: bool = False


REGISTRY: dict[str, EnvVar] = {}


def _to_bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env(
    name: str, default=_UNSET, *, help_text: str, group: str = "Algemeen", cast=str, secret=False
):
    REGISTRY[name] = EnvVar(name, None if default is _UNSET else default, help_text, group, secret)
    raw = os.environ.get(name)
    if raw is None:
        if default is _UNSET:
            raise ImproperlyConfigured(f"Environment variable {name} is required ({help_text})")
        return default
    if cast is bool:
        return _to_bool(raw)
    if cast is list:
        return [part.strip() for part in raw.split(",") if part.strip()]
    return cast(raw)


def as_markdown() -> str:
    lines = [
        "# Omgevingsvariabelen / environment variables",
        "",
        "Gegenereerd met `make env-docs` uit `src/openinburgering/conf/base.py`; niet met de hand "
        "bewerken. Generated from the settings; do not edit by hand.",
        "",
    ]
    groups: dict[str, list[EnvVar]] = {}
    for var in REGISTRY.values():
        groups.setdefault(var.group, []).append(var)
    for group, variables in groups.items():
        lines += [f"## {group}", "", "| variabele | standaard | betekenis |", "|---|---|---|"]
        for var in sorted(variables, key=lambda v: v.name):
            if var.secret:
                default = "(geheim, verplicht in productie)"
            elif var.default in (None, ""):
                default = "–"
            else:
                default = f"`{var.default}`"
            lines.append(f"| `{var.name}` | {default} | {var.help_text} |")
        lines.append("")
    return "\n".join(lines)
