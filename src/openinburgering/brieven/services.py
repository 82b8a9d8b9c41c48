"""Writes of the letters app: handing out a kenmerk."""

import uuid
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from openinburgering.gemeenten.models import Gemeente

from .models import Briefkenmerk, Kenmerkteller


def kenmerk_opmaken(*, gemeentecode: str, jaar: int, volgnummer: int) -> str:
    return f"{gemeentecode}-{jaar:04d}-{volgnummer:06d}"


def _volgende(gemeente: Gemeente, jaar: int) -> int:
    """The next number of the gemeente's counter for ``jaar``; call inside a transaction.

    The UPDATE takes the row lock (PostgreSQL) or the write lock (SQLite) until commit, so two
    letters at the same moment wait for each other instead of reading the same number.
    """
    teller = Kenmerkteller.objects.filter(gemeente=gemeente, jaar=jaar)
    if not teller.update(laatste=F("laatste") + 1):
        try:
            with transaction.atomic():
                Kenmerkteller.objects.create(gemeente=gemeente, jaar=jaar, laatste=1)
            return 1
        except IntegrityError:
            # Another letter created this year's counter first: count on it.
            teller.update(laatste=F("laatste") + 1)
    return teller.values_list("laatste", flat=True).get()


@transaction.atomic
def kenmerk_toekennen(
    *, gemeente: Gemeente, brief: uuid.UUID, soort: str, datum: date, dossier=None
) -> str:
    """The kenmerk of the letter about ``brief``: the one it already has, or the next number of
    the gemeente in the year of the letter's date."""
    bestaand = Briefkenmerk.objects.filter(brief=brief).values_list("kenmerk", flat=True).first()
    if bestaand:
        return bestaand
    nummer = _volgende(gemeente, datum.year)
    kenmerk = kenmerk_opmaken(gemeentecode=gemeente.code, jaar=datum.year, volgnummer=nummer)
    Briefkenmerk.objects.create(
        gemeente=gemeente,
        jaar=datum.year,
        volgnummer=nummer,
        kenmerk=kenmerk,
        brief=brief,
        soort=soort,
        dossier=dossier,
    )
    return kenmerk
