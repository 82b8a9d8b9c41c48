"""Finds Dutch texts of the product on a page that should be in another language.

The product's Dutch texts are the msgids of ``locale/en`` (staff and portal). On a page in, say,
Tigrinya, a visible text that is such a msgid, or holds one of several words, was not
translated: typically a label the portal borrows from another app (a choice's display value).
Free text from the dossier (written in Dutch by the caseworker) is no msgid and is not flagged;
single words are only flagged as a whole text, so a Dutch word inside such free text is not.
"""

from __future__ import annotations

import functools
import re

from django.utils import translation

from openinburgering.talen import status
from openinburgering.talen.po import lees

from .lettertypen import zichtbare_stukken


@functools.cache
def _nederlands() -> tuple[frozenset[str], re.Pattern[str] | None]:
    msgids = {
        v.msgid.strip()
        for v in lees(status.LOCALE / "en" / "LC_MESSAGES" / "django.po")
        if v.msgid and re.search(r"[a-z]{3}", v.msgid) and "%" not in v.msgid and "{" not in v.msgid
    }
    meer_woorden = sorted((m for m in msgids if " " in m), key=len, reverse=True)
    patroon = (
        re.compile(r"(?<!\w)(" + "|".join(map(re.escape, meer_woorden)) + r")(?!\w)")
        if meer_woorden
        else None
    )
    return frozenset(msgids), patroon


@functools.cache
def _behouden(taal: str) -> frozenset[str]:
    """The Dutch words a translation keeps on purpose: where the msgstr holds them as the msgid
    does, e.g. "(brede intake)" or "DigiD", the name the newcomer will hear at the counter."""
    try:
        return frozenset(v.msgid + "\0" + v.msgstr.get(0, "") for v in status.vermeldingen(taal))
    except FileNotFoundError:
        return frozenset()


def _bewust_gelijk(kandidaat: str) -> bool:
    for paar in _behouden(translation.get_language()):
        msgid, _nul, msgstr = paar.partition("\0")
        if kandidaat in msgid and kandidaat in msgstr:
            return True
    return False


def onvertaalde_teksten(html: str) -> list[str]:
    """Dutch msgids visible on ``html``, rendered in the active language; empty is good."""
    taal = re.search(r'<html[^>]*\blang="([\w-]+)"', html)
    with translation.override(taal[1] if taal else None):
        enkel, patroon = _nederlands()
        gevonden = set()
        for stuk in zichtbare_stukken(html):
            if stuk.keten and stuk.keten[0][1] != (taal[1] if taal else ""):
                continue  # marked as another language (lang=""): the switch, a quotation
            tekst = " ".join(stuk.tekst.split())
            kandidaten = {tekst.rstrip(":.")} | {tekst}
            if patroon is not None:
                kandidaten |= {m.group(1) for m in patroon.finditer(tekst)}
            for kandidaat in kandidaten & enkel:
                if not _bewust_gelijk(kandidaat):
                    gevonden.add(kandidaat)
        return sorted(gevonden)
