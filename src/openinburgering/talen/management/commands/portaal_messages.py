"""``make portaal-messages``: the portal's catalogues, from the portal's own files (ADR 0090).

Django's ``makemessages``, limited to the files of ``talen.bronnen.BRONNEN``, for the six
languages with a portal catalogue. New entries arrive untranslated and without review status:
``talen/tests/test_vertalingen.py`` fails until each has a translation and ``# machinevertaling``
or ``# nagekeken`` (docs/portaaltalen.md). Run from ``src/openinburgering``, as ``make messages``.
"""

import os
import re
from pathlib import Path

from django.core.management.commands import makemessages
from django.utils import timezone

from openinburgering.core.talen import PER_CODE, VERTAALDE_CODES
from openinburgering.talen.bronnen import is_bron

#: The CLDR plural rules in gettext form; Django ships none for Tigrinya and Somali.
MEERVOUD = {
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 ? 4 : 5);",
    "fa": "nplurals=2; plural=(n > 1);",
    "so": "nplurals=2; plural=(n != 1);",
    "ti": "nplurals=2; plural=(n > 1);",
    "tr": "nplurals=2; plural=(n != 1);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
}


def kop_bijwerken(pad: Path, code: str) -> None:
    """The header fields makemessages leaves as placeholders for a new language."""
    tekst = pad.read_text(encoding="utf-8")
    velden = {
        "Project-Id-Version": "Open Inburgering portaal",
        "Language-Team": "Open Inburgering",
        "Last-Translator": "Open Inburgering",
        "PO-Revision-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": code,
        "Plural-Forms": MEERVOUD[code],
    }
    kop, scheiding, rest = tekst.partition("\n\n")
    kop = re.sub(r"^#, fuzzy\n", "", kop, flags=re.M)
    kop = re.sub(
        r"\A(#[^\n]*\n)+",
        lambda _m: (
            f"# Het portaal van Open Inburgering: {PER_CODE[code].naam_nl}.\n"
            "# Status per vermelding: # machinevertaling of # nagekeken (docs/portaaltalen.md).\n"
        ),
        kop,
    )
    # A field may run over several lines (Django's Arabic Plural-Forms does): drop each one we
    # set, with its continuation lines, and write it anew on one line.
    regels, weg = [], False
    for regel in kop.split("\n"):
        if regel.startswith('"') and any(regel.startswith(f'"{naam}: ') for naam in velden):
            weg = True
        if not weg:
            regels.append(regel)
        if weg and regel.endswith('\\n"'):
            weg = False
    kop = "\n".join(regels + [f'"{naam}: {waarde}\\n"' for naam, waarde in velden.items()])
    pad.write_text(kop + scheiding + rest, encoding="utf-8")


class Command(makemessages.Command):
    help = "Werk de catalogi van het portaal bij (alleen de bestanden van het portaal)."
    # No guessed ("fuzzy") translations: a new text starts empty and gets a status of its own.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def handle(self, *args, **options):
        if not options["locale"] and not options["all"]:
            options["locale"] = list(VERTAALDE_CODES)
        options["no_obsolete"] = True
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), "*/tests/*"]
        super().handle(*args, **options)
        for code in options["locale"]:
            kop_bijwerken(Path("locale") / code / "LC_MESSAGES" / "django.po", code)

    def find_files(self, root):
        return [f for f in super().find_files(root) if is_bron(os.path.normpath(f.path))]
