"""The readable kenmerk: gemeentecode-year-sequence, one per letter, unique per gemeente."""

import threading
import uuid
from datetime import date

from django.db import IntegrityError, connection, transaction

import pytest

from openinburgering.brieven.models import Briefkenmerk, Kenmerkteller
from openinburgering.brieven.services import kenmerk_toekennen
from openinburgering.gemeenten.services import gemeente_aanmaken

pytestmark = pytest.mark.django_db


def _kenmerk(gemeente, datum=date(2026, 5, 4)):
    return kenmerk_toekennen(gemeente=gemeente, brief=uuid.uuid4(), soort="test", datum=datum)


def test_a_kenmerk_is_gemeentecode_year_and_sequence(gemeente_a):
    assert [_kenmerk(gemeente_a) for _ in range(3)] == [
        f"{gemeente_a.code}-2026-000001",
        f"{gemeente_a.code}-2026-000002",
        f"{gemeente_a.code}-2026-000003",
    ]


def test_each_gemeente_counts_for_itself(gemeente_a, gemeente_b):
    assert _kenmerk(gemeente_a).endswith("-2026-000001")
    assert _kenmerk(gemeente_b) == f"{gemeente_b.code}-2026-000001"
    assert _kenmerk(gemeente_a).endswith("-2026-000002")


def test_a_new_year_starts_at_one_and_the_old_year_goes_on(gemeente_a):
    assert _kenmerk(gemeente_a, date(2025, 12, 31)) == f"{gemeente_a.code}-2025-000001"
    assert _kenmerk(gemeente_a, date(2026, 1, 1)) == f"{gemeente_a.code}-2026-000001"
    # A letter dated in the old year (made late) takes the next number of that year.
    assert _kenmerk(gemeente_a, date(2025, 12, 30)) == f"{gemeente_a.code}-2025-000002"
    assert Kenmerkteller.objects.filter(gemeente=gemeente_a).count() == 2


def test_a_letter_keeps_its_kenmerk_when_it_is_made_again(gemeente_a):
    brief = uuid.uuid4()
    eerste = kenmerk_toekennen(gemeente=gemeente_a, brief=brief, soort="x", datum=date(2026, 1, 5))
    _kenmerk(gemeente_a)
    assert (
        kenmerk_toekennen(gemeente=gemeente_a, brief=brief, soort="x", datum=date(2026, 2, 1))
        == eerste
    )
    assert Briefkenmerk.objects.filter(brief=brief).count() == 1


def test_the_database_refuses_a_second_letter_with_the_same_number(gemeente_a):
    _kenmerk(gemeente_a)
    bestaand = Briefkenmerk.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        Briefkenmerk.objects.create(
            gemeente=gemeente_a, jaar=bestaand.jaar, volgnummer=bestaand.volgnummer,
            kenmerk="anders", brief=uuid.uuid4(), soort="test",
        )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        Briefkenmerk.objects.create(
            gemeente=gemeente_a, jaar=2026, volgnummer=99, kenmerk=bestaand.kenmerk,
            brief=uuid.uuid4(), soort="test",
        )  # fmt: skip


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_letters_at_the_same_moment_get_different_numbers():
    """20 threads ask for a kenmerk for the same gemeente and year at once, on PostgreSQL (CI
    runs it there; SQLite's in-memory test database cannot hold concurrent writers)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)")
    gemeente = gemeente_aanmaken(code="0777", naam="Gelijktijdig", oin="00000001234567890777")
    kenmerken, fouten = [], []
    start = threading.Barrier(20)

    def vraag():
        try:
            start.wait()
            kenmerken.append(_kenmerk(gemeente))
        except Exception as exc:  # noqa: BLE001 - reported below
            fouten.append(exc)
        finally:
            connection.close()

    draden = [threading.Thread(target=vraag) for _ in range(20)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert not fouten
    assert sorted(kenmerken) == [f"0777-2026-{n:06d}" for n in range(1, 21)]


def test_a_caseworker_finds_the_dossier_by_the_kenmerk_of_its_letter(
    gemeente_a, gemeente_b, inburgeraar_factory
):
    from openinburgering.accounts.context import Actor
    from openinburgering.inburgeraars.selectors import inburgeraar_list

    persoon = inburgeraar_factory(gemeente_a, achternaam="Briefontvanger")
    inburgeraar_factory(gemeente_a, achternaam="Ander")
    kenmerk = kenmerk_toekennen(
        gemeente=gemeente_a, brief=uuid.uuid4(), soort="test", datum=date(2026, 5, 4),
        dossier=persoon.dossier,
    )  # fmt: skip
    gevonden = inburgeraar_list(actor=Actor(gemeente=gemeente_a, systeem="test"), zoekterm=kenmerk)
    assert list(gevonden) == [persoon]
    # Another gemeente's caseworker does not find it, even with the same number.
    ander = inburgeraar_list(actor=Actor(gemeente=gemeente_b, systeem="test"), zoekterm=kenmerk)
    assert not ander.exists()
