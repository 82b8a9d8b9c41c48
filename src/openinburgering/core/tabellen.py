"""Spreadsheets in and out, treated as hostile: bounded reading, and exports without formulas.

Reading (:func:`lees_tabel`) runs in a worker, never in the web process (ADR 0055), and still
refuses early and cheaply whatever could stall that worker:

- the compressed size, and for an XLSX the sizes of the zip members as the zip's directory
  states them, before anything is unpacked (Python's zipfile never unpacks a member past its
  stated size, so a member that lies about its size fails its CRC instead of growing);
- a DTD or entity declaration in any XML part (openpyxl parses with defusedxml when it is
  installed, which refuses entities; we refuse the DTD itself with a clear message);
- the number of rows, columns and cells, the length of one cell, and the time spent.

Writing (:func:`cel_onschadelijk`, :func:`csv_tekst`): a text cell that a spreadsheet would read
as a formula gets a leading apostrophe (OWASP, "CSV injection"). Every CSV or XLSX export of the
project writes its cells through these.
"""

import csv
import io
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

#: The first characters with which a spreadsheet starts a formula (or DDE), as OWASP lists them.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def cel_onschadelijk(waarde):
    """The value as a spreadsheet cell that cannot be a formula; only text is ever changed."""
    if isinstance(waarde, str) and waarde.startswith(FORMULE_TEKENS):
        return "'" + waarde
    return waarde


def csv_tekst(kop: Iterable, rijen: Iterable[Iterable], *, scheiding: str = ";") -> str:
    """A CSV file (as text) with every cell made harmless; dates as dd-mm-jjjj."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=scheiding)
    for rij in (kop, *rijen):
        schrijver.writerow([cel_onschadelijk(_celtekst(waarde)) for waarde in rij])
    return uit.getvalue()


def _celtekst(waarde):
    if isinstance(waarde, datetime | date):
        return waarde.strftime("%d-%m-%Y")
    return "" if waarde is None else str(waarde)


class TabelOngeldig(Exception):
    """The file as a whole cannot be read within the limits: ``message`` says why, in Dutch."""

    def __init__(self, message):
        super().__init__(message)
        self.message = str(message)


@dataclass(frozen=True)
class Grenzen:
    """What one uploaded table may cost. The defaults fit a file of hours of a large school."""

    #: The file as uploaded (for an XLSX: compressed).
    max_bytes: int = 2 * 1024 * 1024
    #: An XLSX unpacked: all its zip members together, by the sizes the zip states.
    max_uitgepakt: int = 10 * 1024 * 1024
    max_onderdelen: int = 100
    max_rijen: int = 5000
    max_kolommen: int = 30
    max_cellen: int = 5000 * 30
    max_cel_tekens: int = 1000
    max_seconden: float = 30.0


def lees_tabel(naam: str, inhoud: bytes, grenzen: Grenzen = Grenzen()) -> list[list]:
    """The rows of a CSV (``;`` or ``,``) or XLSX file, the first sheet, within ``grenzen``.

    Raises :class:`TabelOngeldig` with a Dutch message for anything it cannot or will not read.
    """
    if len(inhoud) > grenzen.max_bytes:
        raise TabelOngeldig(
            _("Het bestand is groter dan %(mb)s MB. Splits het in delen.")
            % {"mb": grenzen.max_bytes // (1024 * 1024)}
        )
    tot = time.monotonic() + grenzen.max_seconden
    if naam.lower().endswith(".xlsx"):
        return _lees_xlsx(inhoud, grenzen, tot)
    if naam.lower().endswith(".csv"):
        return _lees_csv(inhoud, grenzen, tot)
    raise TabelOngeldig(_("Upload een CSV- of XLSX-bestand."))


class _Teller:
    """Counts rows and cells against the limits, and the clock against the deadline."""

    def __init__(self, grenzen: Grenzen, tot: float):
        self.grenzen, self.tot, self.cellen = grenzen, tot, 0

    def rij(self, nummer: int, rij: list) -> list:
        g = self.grenzen
        if nummer > g.max_rijen + 1:  # + 1: the header
            raise TabelOngeldig(
                _("Het bestand heeft meer dan %(max)s regels. Splits het in delen.")
                % {"max": g.max_rijen}
            )
        while rij and rij[-1] in (None, ""):
            rij.pop()
        if len(rij) > g.max_kolommen:
            raise TabelOngeldig(
                _("Regel %(n)s heeft meer dan %(max)s kolommen.")
                % {"n": nummer, "max": g.max_kolommen}
            )
        self.cellen += len(rij)
        if self.cellen > g.max_cellen:
            raise TabelOngeldig(
                _("Het bestand heeft meer dan %(max)s cellen. Splits het in delen.")
                % {"max": g.max_cellen}
            )
        for waarde in rij:
            if isinstance(waarde, str) and len(waarde) > g.max_cel_tekens:
                raise TabelOngeldig(
                    _("Een cel op regel %(n)s is langer dan %(max)s tekens.")
                    % {"n": nummer, "max": g.max_cel_tekens}
                )
        if time.monotonic() > self.tot:
            raise TabelOngeldig(_("Het lezen van het bestand duurde te lang. Splits het in delen."))
        return rij


def _lees_csv(inhoud: bytes, grenzen: Grenzen, tot: float) -> list[list]:
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = inhoud.decode("cp1252", errors="replace")
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    # Lines end at "\n" only: a bare CR inside an unquoted field is an error, not a new row.
    lezer = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    teller = _Teller(grenzen, tot)
    rijen = []
    try:
        for nummer, rij in enumerate(lezer, start=1):
            rijen.append(teller.rij(nummer, rij))
    except csv.Error as exc:
        # The csv module's own limit is 128 KiB per field; ours is lower, so name ours.
        if "field larger than field limit" in str(exc):
            raise TabelOngeldig(
                _("Een cel op regel %(n)s is langer dan %(max)s tekens.")
                % {"n": lezer.line_num, "max": grenzen.max_cel_tekens}
            ) from None
        raise TabelOngeldig(
            _(
                "Regel %(n)s is geen geldige CSV, bijvoorbeeld door een los regeleinde (CR) in "
                "een veld zonder aanhalingstekens. Sla het bestand opnieuw op als CSV."
            )
            % {"n": lezer.line_num}
        ) from None
    return rijen


_XML_VERBODEN = (b"<!DOCTYPE", b"<!ENTITY")
_BLOK = 64 * 1024


def _zip_controleren(archief: zipfile.ZipFile, grenzen: Grenzen) -> None:
    """Refuse a zip bomb by the stated sizes, then a DTD in any XML part, before openpyxl."""
    leden = archief.infolist()
    if len(leden) > grenzen.max_onderdelen:
        raise TabelOngeldig(_("Dit XLSX-bestand heeft te veel onderdelen."))
    if sum(lid.file_size for lid in leden) > grenzen.max_uitgepakt:
        raise TabelOngeldig(
            _(
                "Dit XLSX-bestand is uitgepakt groter dan %(mb)s MB. Sla het op zonder "
                "opmaak of splits het in delen."
            )
            % {"mb": grenzen.max_uitgepakt // (1024 * 1024)}
        )
    for lid in leden:
        if not lid.filename.lower().endswith((".xml", ".rels", ".vml")):
            continue
        vorige = b""
        with archief.open(lid) as stroom:
            while blok := stroom.read(_BLOK):
                venster = vorige + blok
                if any(teken in venster for teken in _XML_VERBODEN):
                    raise TabelOngeldig(_dtd_melding())
                vorige = blok[-16:]


def _dtd_melding():
    return _(
        "Dit XLSX-bestand bevat een DTD of entiteiten (<!DOCTYPE>). Die lezen wij niet, om "
        "veiligheidsredenen. Sla het bestand opnieuw op vanuit Excel of LibreOffice."
    )


def _lees_xlsx(inhoud: bytes, grenzen: Grenzen, tot: float) -> list[list]:
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    onleesbaar = _("Dit XLSX-bestand kan niet gelezen worden.")
    try:
        archief = zipfile.ZipFile(io.BytesIO(inhoud))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise TabelOngeldig(onleesbaar) from None
    teller = _Teller(grenzen, tot)
    rijen = []
    try:
        with archief:
            _zip_controleren(archief, grenzen)
            boek = load_workbook(io.BytesIO(inhoud), read_only=True, data_only=True)
            try:
                blad = boek.worksheets[0]
                # max_col and max_row bound what openpyxl pads: a sheet's stated dimension
                # (say A1:XFD1048576) would otherwise make it yield millions of empty cells.
                for nummer, rij in enumerate(
                    blad.iter_rows(
                        values_only=True,
                        max_row=grenzen.max_rijen + 2,
                        max_col=grenzen.max_kolommen + 1,
                    ),
                    start=1,
                ):
                    rijen.append(teller.rij(nummer, list(rij)))
            finally:
                boek.close()
    except TabelOngeldig:
        raise
    except DefusedXmlException:
        raise TabelOngeldig(_dtd_melding()) from None
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged or foreign file
        raise TabelOngeldig(onleesbaar) from None
    return rijen
