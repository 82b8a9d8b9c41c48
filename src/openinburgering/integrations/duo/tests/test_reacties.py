"""Events in, in one place: ``regels.duo`` says what each event means, the apps that own a
consequence register their reaction, the integration explains the event and calls them (ADR 0050).
"""

import pytest

from openinburgering.core.keten import reacties
from openinburgering.integrations.duo import verwerking
from openinburgering.regels.codes import Gebeurtenis
from openinburgering.regels.duo import BETEKENISSEN, Domeingevolg, gevolg_van_gebeurtenis

G = Gebeurtenis


def test_every_event_id_of_duo_has_exactly_one_meaning():
    assert sorted(g.gebeurtenis for g in BETEKENISSEN) == sorted(G)


@pytest.mark.parametrize("gebeurtenis", list(G), ids=lambda g: g.value)
def test_every_consequence_for_a_domain_app_has_a_registered_reaction(gebeurtenis):
    """Derived from the registry: each ``Domeingevolg`` regels gives the event is carried out by
    a registered reaction, and no registered reaction does what regels does not say."""
    nodig = gevolg_van_gebeurtenis(gebeurtenis).domeingevolgen
    geregistreerd = {r.domeingevolg for r in reacties.reacties_voor(gebeurtenis)}
    assert geregistreerd == nodig


@pytest.mark.parametrize("gebeurtenis", list(G), ids=lambda g: g.value)
def test_the_integration_explains_every_event_duo_sends_and_keeps_the_planned_ones(gebeurtenis):
    gepland = gevolg_van_gebeurtenis(gebeurtenis).gepland
    assert (gebeurtenis in verwerking.AANPAK) is not gepland


def test_the_apps_register_their_reactions_from_ready():
    def namen(gebeurtenis):
        return [r.naam for r in reacties.reacties_voor(gebeurtenis)]

    assert namen(G.SS139) == ["openinburgering.signalen.reacties.pip_termijn_starten"]
    assert namen(G.SS129) == ["openinburgering.signalen.reacties.pip_termijn_starten"]
    assert namen(G.SS131) == ["openinburgering.intake.reacties.lbt_uitslag_overnemen"]
    assert namen(G.SS199) == ["openinburgering.traject.reacties.examenuitslagen_overnemen"]
    assert namen(G.SS122) == ["openinburgering.verhuizing.reacties.verhuizing_vastleggen"]


def _eerste(gebeurtenis):
    pass


def _tweede(gebeurtenis):
    pass


def test_more_apps_may_react_to_one_event_in_a_fixed_order(monkeypatch):
    monkeypatch.setattr(reacties, "_REACTIES", {})
    for functie, app in ((_tweede, "b"), (_eerste, "a"), (_tweede, "b")):
        reacties.registreren(
            gebeurtenissen=[G.SS199],
            domeingevolg=Domeingevolg.EXAMENUITSLAG_OVERNEMEN,
            reactie=functie,
            app=app,
        )
    eerst_b = [r.functie for r in reacties.reacties_voor(G.SS199)]
    monkeypatch.setattr(reacties, "_REACTIES", {})
    for functie, app in ((_eerste, "a"), (_tweede, "b")):
        reacties.registreren(
            gebeurtenissen=[G.SS199],
            domeingevolg=Domeingevolg.EXAMENUITSLAG_OVERNEMEN,
            reactie=functie,
            app=app,
        )
    assert eerst_b == [r.functie for r in reacties.reacties_voor(G.SS199)] == [_eerste, _tweede]
    reacties.registreren(
        gebeurtenissen=[G.SS199],
        domeingevolg=Domeingevolg.EXAMENUITSLAG_OVERNEMEN,
        reactie=_tweede,
        app="z",
        volgorde=1,
    )
    # Registering the same function again changes nothing; the order is (volgorde, app, name).
    assert [r.functie for r in reacties.reacties_voor(G.SS199)] == [_eerste, _tweede]


def test_a_reaction_to_a_consequence_regels_does_not_give_is_refused(monkeypatch):
    monkeypatch.setattr(reacties, "_REACTIES", {})
    with pytest.raises(ValueError, match="SS106 betekent volgens regels.duo geen"):
        reacties.registreren(
            gebeurtenissen=[G.SS106],
            domeingevolg=Domeingevolg.PIP_TERMIJN_STARTEN,
            reactie=_eerste,
            app="a",
        )
    assert reacties.reacties_voor(G.SS106) == ()
