"""Which source files make up the portal, and the msgids they use (ADR 0090).

The portal's catalogues (``locale/<taal>/LC_MESSAGES/django.po`` for the six languages besides
Dutch and English) share Django's ``django`` domain with the staff UI, so ``{% translate %}``
and ``gettext`` work as everywhere, but hold only the portal's texts: ``make portaal-messages``
extracts from these files alone. The same list tells the tests which msgids must be translated
in every portal language (English included).

:func:`msgids` reads the files without the gettext tools (the tests run without them): templates
through Django's own ``templatize`` (what ``makemessages`` does), Python through ``ast``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from django.utils.translation.template import templatize

PAKKET = Path(__file__).resolve().parent.parent

#: Folders (or single files) under ``src/openinburgering`` whose texts the newcomer sees.
BRONNEN: tuple[str, ...] = ("portaal", "talen")
#: Never the newcomer's: tests, migrations, management commands.
UITGESLOTEN = ("tests", "migrations", "management")
#: Files of the portal that only staff see (the dossier card, the worklist source): they stay in
#: the staff UI's Dutch and English.
MEDEWERKERSBESTANDEN = (
    "portaal/dossierkaart.py",
    "portaal/werklijst.py",
    "portaal/templates/portaal/_dossierkaart.html",
)

_PY_WOORDEN = {
    # name: (index of msgctxt or None, index of msgid, index of msgid_plural or None)
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}
_TEMPLATE_AANROEP = re.compile(
    r"\b(gettext|ngettext|pgettext|npgettext)\(((?:[^()'\"]|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")*)\)"
)
_LETTERLIJK = re.compile(r"u?('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")")


def bestanden() -> Iterator[Path]:
    for bron in BRONNEN:
        pad = PAKKET / bron
        kandidaten = [pad] if pad.is_file() else sorted(pad.rglob("*")) if pad.is_dir() else []
        for bestand in kandidaten:
            if bestand.suffix in (".py", ".html", ".txt") and is_bron(
                str(bestand.relative_to(PAKKET))
            ):
                yield bestand


def is_bron(relatief: str) -> bool:
    """Whether a path as makemessages writes it (``portaal/views.py``) is a portal source."""
    deel = Path(relatief).parts
    if set(deel) & set(UITGESLOTEN) or relatief in MEDEWERKERSBESTANDEN:
        return False
    return any(relatief == b or relatief.startswith(b.rstrip("/") + "/") for b in BRONNEN)


def _uit_template(tekst: str) -> Iterator[tuple[str | None, str]]:
    for naam, argumenten in _TEMPLATE_AANROEP.findall(templatize(tekst)):
        waarden = [ast.literal_eval(s) for s in _LETTERLIJK.findall(argumenten)]
        if naam.startswith(("p", "np")):
            yield waarden[0], waarden[1]
        else:
            yield None, waarden[0]


def _uit_python(tekst: str) -> Iterator[tuple[str | None, str]]:
    for knoop in ast.walk(ast.parse(tekst)):
        if not isinstance(knoop, ast.Call):
            continue
        naam = getattr(knoop.func, "id", None) or getattr(knoop.func, "attr", None)
        if naam not in _PY_WOORDEN:
            continue
        ctx, mid, _meervoud = _PY_WOORDEN[naam]
        args = knoop.args
        if len(args) <= mid or not isinstance(args[mid], ast.Constant):
            continue
        context = (
            args[ctx].value if ctx is not None and isinstance(args[ctx], ast.Constant) else None
        )
        if isinstance(args[mid].value, str):
            yield context, args[mid].value


def msgids() -> dict[tuple[str | None, str], list[str]]:
    """(msgctxt, msgid) -> the portal files that use it."""
    gevonden: dict[tuple[str | None, str], list[str]] = {}
    for bestand in bestanden():
        tekst = bestand.read_text(encoding="utf-8")
        uit = _uit_python(tekst) if bestand.suffix == ".py" else _uit_template(tekst)
        for sleutel in uit:
            if sleutel[1]:
                gevonden.setdefault(sleutel, []).append(str(bestand.relative_to(PAKKET)))
    return gevonden
