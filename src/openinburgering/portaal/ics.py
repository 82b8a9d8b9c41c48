"""An appointment as an iCalendar file (RFC 5545), to add to a phone's calendar.

A small pure function: escaping (3.3.11), line folding at 75 octets (3.1) and CRLF line ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

PRODID = "-//Open Inburgering//Portaal//NL"


@dataclass(frozen=True)
class Gebeurtenis:
    uid: str
    titel: str
    begin: datetime | date
    einde: datetime | date | None = None
    plaats: str = ""
    omschrijving: str = ""


def _tekst(waarde: str) -> str:
    return (
        waarde.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _vouwen(regel: str) -> list[str]:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    uit, huidig, grootte = [], "", 0
    for teken in regel:
        lengte = len(teken.encode())
        limiet = 75 if not uit else 74  # a continuation line starts with one space
        if grootte + lengte > limiet:
            uit.append(huidig)
            huidig, grootte = "", 0
        huidig += teken
        grootte += lengte
    uit.append(huidig)
    return [uit[0], *(" " + deel for deel in uit[1:])]


def _moment(naam: str, waarde: datetime | date) -> str:
    if isinstance(waarde, datetime):
        return f"{naam}:{waarde.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return f"{naam};VALUE=DATE:{waarde:%Y%m%d}"


def agenda(gebeurtenissen: list[Gebeurtenis], *, nu: datetime) -> bytes:
    """A VCALENDAR with one VEVENT per appointment; a date without a time is an all-day event."""
    regels = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for g in gebeurtenissen:
        einde = g.einde
        if einde is None:
            einde = (
                g.begin + timedelta(hours=1)
                if isinstance(g.begin, datetime)
                else g.begin + timedelta(days=1)
            )
        regels += [
            "BEGIN:VEVENT",
            f"UID:{g.uid}",
            f"DTSTAMP:{nu.astimezone(UTC):%Y%m%dT%H%M%SZ}",
            _moment("DTSTART", g.begin),
            _moment("DTEND", einde),
            f"SUMMARY:{_tekst(g.titel)}",
        ]
        if g.plaats:
            regels.append(f"LOCATION:{_tekst(g.plaats)}")
        if g.omschrijving:
            regels.append(f"DESCRIPTION:{_tekst(g.omschrijving)}")
        regels.append("END:VEVENT")
    regels.append("END:VCALENDAR")
    return "".join(deel + "\r\n" for regel in regels for deel in _vouwen(regel)).encode()
