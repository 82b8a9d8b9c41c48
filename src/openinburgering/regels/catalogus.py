"""De catalogus van alle regels: ``alle_regels()``, ``regel(id)`` en ``als_markdown()``.

``python -m openinburgering.regels.catalogus > docs/regels.md`` schrijft de documentatiepagina.
"""

from __future__ import annotations

import inspect
import re
import sys

# Importeer elk regelmodule, zodat alle regels geregistreerd zijn.
from . import (  # noqa: F401
    aanbod,
    aow,
    bewaren,
    digid,
    duo,
    duo_besluiten,
    handhaving,
    intake,
    kalender,
    leerroutes,
    ontzorgen,
    openbaarheid,
    participatie,
    pip,
    plicht,
    statistiek,
    termijnen,
    verhuizing,
    wi2013,
)
from .base import Regel, geregistreerde_regels

ZEKERHEID_TEKST = {
    "H": "hoog (primaire bron of twee betrouwbare bronnen)",
    "M": "middel (één betrouwbare bron of duidelijke afleiding)",
    "L": "laag (aannemelijk, niet bevestigd)",
}

_MODULES = (
    aanbod,
    aow,
    bewaren,
    digid,
    duo,
    duo_besluiten,
    handhaving,
    intake,
    kalender,
    leerroutes,
    ontzorgen,
    openbaarheid,
    participatie,
    pip,
    plicht,
    statistiek,
    termijnen,
    verhuizing,
    wi2013,
)


def alle_regels() -> list[Regel]:
    """Alle regels, numeriek gesorteerd op id (R1, R2, …, R10, …)."""
    return geregistreerde_regels()


def regel(id: str) -> Regel:
    """De regel met dit id; ``KeyError`` als die niet bestaat."""
    for r in geregistreerde_regels():
        if r.id == id.strip().upper():
            return r
    raise KeyError(f"Onbekende regel: {id}")


def functies_voor(regel_id: str) -> list[str]:
    """Publieke functies (``module.functie``) waarvan de docstring de regel noemt."""
    patroon = re.compile(rf"\b{re.escape(regel_id)}\b")
    gevonden = []
    for module in _MODULES:
        for naam, functie in inspect.getmembers(module, inspect.isfunction):
            if naam.startswith("_") or functie.__module__ != module.__name__:
                continue
            if patroon.search(inspect.getdoc(functie) or ""):
                gevonden.append(f"{module.__name__.rsplit('.', 1)[-1]}.{naam}")
    return gevonden


def als_markdown() -> str:
    """De regelcatalogus als Markdown (de pagina ``docs/regels.md``)."""
    regels = alle_regels()
    regels_lijst = [
        "# Regelcatalogus",
        "",
        "<!-- Gegenereerd met `python -m openinburgering.regels.catalogus > docs/regels.md`;",
        "     niet met de hand bewerken. Een test controleert dat dit bestand actueel is. -->",
        "",
        "Alle regels die Open Inburgering toepast, met hun bron. De code staat in",
        "`src/openinburgering/regels/`; elke melding in de applicatie noemt het id van de regel.",
        "",
        "Zekerheid: **H** = "
        + ZEKERHEID_TEKST["H"]
        + "; **M** = "
        + ZEKERHEID_TEKST["M"]
        + "; **L** = "
        + ZEKERHEID_TEKST["L"]
        + ".",
        "",
        "| Id | Titel | Onderwerp | Zekerheid | Status |",
        "|---|---|---|---|---|",
    ]
    for r in regels:
        status = "afgewezen" if r.afgewezen else "toegepast"
        regels_lijst.append(
            f"| [{r.id}](#{r.id.lower()}) | {r.titel} | {r.onderwerp} | {r.zekerheid} | {status} |"
        )
    for r in regels:
        regels_lijst += [
            "",
            f"## {r.id}",
            "",
            f"**{r.titel}** — *{r.titel_en}*",
            "",
            f"- Bron: {r.bron}",
            f"- Onderwerp: `{r.onderwerp}`",
            f"- Zekerheid: {r.zekerheid} — {ZEKERHEID_TEKST[r.zekerheid]}",
        ]
        functies = functies_voor(r.id)
        if functies:
            regels_lijst.append("- Code: " + ", ".join(f"`{f}`" for f in functies))
        if r.aanname:
            regels_lijst.append(f"- Aanname: {r.aanname} *{r.aanname_en}*")
        if r.afgewezen:
            regels_lijst.append(
                f"- **Niet als controle toegepast**: {r.afgewezen} *{r.afgewezen_en}*"
            )
        regels_lijst += ["", r.tekst, "", f"*{r.tekst_en}*"]
    return "\n".join(regels_lijst) + "\n"


def main() -> None:
    sys.stdout.write(als_markdown())


if __name__ == "__main__":  # pragma: no cover
    main()
