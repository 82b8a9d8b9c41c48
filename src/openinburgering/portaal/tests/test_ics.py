"""The .ics of an appointment (RFC 5545): it parses, escapes, folds and keeps its time zone."""

from datetime import UTC, date, datetime

from openinburgering.portaal.ics import Gebeurtenis, agenda


def _ontvouwen(data: bytes) -> list[str]:
    """RFC 5545 3.1: CRLF line ends; a line starting with a space continues the previous."""
    tekst = data.decode("utf-8")
    assert tekst.endswith("\r\n") and "\n" not in tekst.replace("\r\n", "")
    regels: list[str] = []
    for regel in tekst.split("\r\n")[:-1]:
        assert len(regel.encode()) <= 75
        if regel.startswith(" "):
            regels[-1] += regel[1:]
        else:
            regels.append(regel)
    return regels


def _eigenschappen(regels: list[str]) -> dict[str, str]:
    uit = {}
    for regel in regels:
        naam, _, waarde = regel.partition(":")
        uit[naam] = waarde
    return uit


def test_an_appointment_with_time_and_place_parses():
    nu = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    plaats = "Stadhuis, Markt 1; kamer 2, Demodam — ingang links " * 2
    data = agenda(
        [
            Gebeurtenis(
                uid="abc@openinburgering",
                titel="Gesprek, over; uw situatie",
                begin=datetime(2026, 12, 10, 9, 30, tzinfo=UTC),
                plaats=plaats,
                omschrijving="Regel 1\nRegel 2",
            )
        ],
        nu=nu,
    )
    regels = _ontvouwen(data)
    assert regels[0] == "BEGIN:VCALENDAR" and regels[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in regels and regels.count("BEGIN:VEVENT") == 1
    e = _eigenschappen(regels)
    assert e["DTSTART"] == "20261210T093000Z"
    assert e["DTEND"] == "20261210T103000Z"
    assert e["DTSTAMP"] == "20261207T100000Z"
    assert e["SUMMARY"] == "Gesprek\\, over\\; uw situatie"
    assert e["LOCATION"].replace("\\,", ",").replace("\\;", ";") == plaats
    assert e["DESCRIPTION"] == "Regel 1\\nRegel 2"
    assert e["UID"] == "abc@openinburgering"


def test_a_day_without_a_time_is_an_all_day_event():
    regels = _ontvouwen(
        agenda(
            [Gebeurtenis(uid="x", titel="MAP", begin=date(2026, 12, 31))],
            nu=datetime(2026, 1, 1, tzinfo=UTC),
        )
    )
    e = _eigenschappen(regels)
    assert e["DTSTART;VALUE=DATE"] == "20261231"
    assert e["DTEND;VALUE=DATE"] == "20270101"


def test_folding_never_splits_a_character():
    titel = "ትግርኛ " * 40  # three UTF-8 bytes a character
    data = agenda([Gebeurtenis(uid="x", titel=titel, begin=date(2026, 1, 1))], nu=datetime.now(UTC))
    e = _eigenschappen(_ontvouwen(data))
    assert e["SUMMARY"] == titel
