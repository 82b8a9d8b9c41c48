import itertools

import pytest

from openinburgering.inburgeraars.workflow import OVERGANGEN, Eindreden, Status, controleer_overgang

TOEGESTAAN = {
    (Status.AANGEMELD, Status.INTAKE),
    (Status.AANGEMELD, Status.AFGEROND),
    (Status.INTAKE, Status.PIP_VASTGESTELD),
    (Status.INTAKE, Status.AFGEROND),
    (Status.PIP_VASTGESTELD, Status.IN_UITVOERING),
    (Status.PIP_VASTGESTELD, Status.AFGEROND),
    (Status.IN_UITVOERING, Status.AFGEROND),
}


@pytest.mark.parametrize(("van", "naar"), list(itertools.product(Status, Status)))
def test_transition_table(van, naar):
    eindreden = Eindreden.VOLDAAN if naar == Status.AFGEROND else None
    weigering = controleer_overgang(van=van, naar=naar, eindreden=eindreden)
    if (van, naar) in TOEGESTAAN:
        assert weigering is None
    else:
        assert weigering is not None
        assert weigering.reden


def test_table_matches_the_documented_pairs():
    assert {(v, n) for v, naar in OVERGANGEN.items() for n in naar} == TOEGESTAAN


@pytest.mark.parametrize("eindreden", list(Eindreden))
def test_every_end_reason_of_the_law_can_close_a_dossier(eindreden):
    assert (
        controleer_overgang(van=Status.IN_UITVOERING, naar=Status.AFGEROND, eindreden=eindreden)
        is None
    )


def test_closing_needs_a_reason_and_only_closing_takes_one():
    assert (
        "reden"
        in controleer_overgang(van=Status.INTAKE, naar=Status.AFGEROND, eindreden=None).reden
    )
    assert controleer_overgang(
        van=Status.AANGEMELD, naar=Status.INTAKE, eindreden=Eindreden.VOLDAAN
    )
    assert controleer_overgang(van=Status.INTAKE, naar=Status.AFGEROND, eindreden="onzin")


def test_refusal_names_the_possible_next_steps():
    weigering = controleer_overgang(van=Status.AANGEMELD, naar=Status.IN_UITVOERING, eindreden=None)
    assert "Brede intake" in weigering.reden
    assert (
        "afgerond"
        in controleer_overgang(van=Status.AFGEROND, naar=Status.INTAKE, eindreden=None).reden
    )
