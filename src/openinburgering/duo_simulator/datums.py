"""Date helpers with DUO's conventions (end dates of a term are exclusive)."""

import calendar
from datetime import date, timedelta


def parse_datum(waarde: object) -> date | None:
    """Parse an ISO date (``JJJJ-MM-DD``); ``None`` when absent or invalid."""
    if not isinstance(waarde, str) or len(waarde) != 10:
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        return None


def maanden_erbij(datum: date, maanden: int) -> date:
    """Add (or subtract) calendar months; the day is clamped to the end of the month."""
    index = datum.year * 12 + (datum.month - 1) + maanden
    jaar, maand = divmod(index, 12)
    maand += 1
    dag = min(datum.day, calendar.monthrange(jaar, maand)[1])
    return date(jaar, maand, dag)


def jaren_erbij(datum: date, jaren: int) -> date:
    """Add years; 29 February becomes 1 March in a year without it (end dates are exclusive)."""
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:
        return date(datum.year + jaren, 3, 1)


def dag_erna(datum: date) -> date:
    return datum + timedelta(days=1)
