"""A newcomer never sees another person's data: every portal view and download with another
person's ids answers 404, and every page shows only the own record, never internal notes.

The portal's URL names are read from the URLconf: a new view that is in none of the lists below
fails ``test_every_portal_view_is_covered``."""

from django.urls import get_resolver, reverse

import pytest

from openinburgering.intake.models import Intakegesprek
from openinburgering.pip.models import Voortgangsgesprek
from openinburgering.portaal import selectors

from .wereld import als_inburgeraar, rijke_personen

#: Pages of the newcomer without an object in the URL: only the own data.
PAGINAS = [
    "portaal:overzicht",
    "portaal:afspraken",
    "portaal:termijnen",
    "portaal:contact",
    "portaal:brieven",
    "portaal:bericht",
]
#: Downloads by id, with the kind of the other person's object to try.
DOWNLOADS = {"portaal:agenda": "afspraken", "portaal:brief": "brieven"}
#: Signing in and out: no personal data.
OPENBAAR = {"portaal:inloggen", "portaal:digid", "portaal:digid_terug", "portaal:uitloggen"}
#: The klantregisseur's side: staff login and tenant isolation (ui/tests, this app's tests).
MEDEWERKER = {"portaal:bijlage", "portaal:afhandelen"}


def _portaal_namen():
    return {f"portaal:{p.name}" for p in get_resolver().namespace_dict["portaal"][1].url_patterns}


def test_every_portal_view_is_covered():
    gedekt = set(PAGINAS) | set(DOWNLOADS) | OPENBAAR | MEDEWERKER
    assert _portaal_namen() == gedekt


@pytest.mark.parametrize("naam", sorted(DOWNLOADS))
def test_another_persons_ids_answer_404(naam, wereld, db, client):
    ik, ander = rijke_personen()
    als_inburgeraar(client, ik)
    vreemd = {
        "afspraken": [a.uuid for a in selectors.afspraken(ander)],
        "brieven": [b.uuid for b in selectors.brieven(ander)],
    }
    # Every id of the other person, of every kind, on every download.
    # A PVT session both are invited to is shared by the group: it is the newcomer's own too.
    eigen_ids = {a.uuid for a in selectors.afspraken(ik)} | {b.uuid for b in selectors.brieven(ik)}
    ids = [
        i
        for i in vreemd["afspraken"] + vreemd["brieven"] + [ander.uuid, ander.dossier.uuid]
        if i not in eigen_ids
    ]
    assert set(vreemd[DOWNLOADS[naam]]) - eigen_ids, "the other person must have something to try"
    for uuid in ids:
        assert client.get(reverse(naam, kwargs={"uuid": uuid})).status_code == 404, uuid
    # ... while the own ones work.
    eigen = getattr(selectors, DOWNLOADS[naam])(ik)[0]
    assert client.get(reverse(naam, kwargs={"uuid": eigen.uuid})).status_code == 200


@pytest.mark.parametrize("naam", PAGINAS)
def test_every_page_shows_only_the_own_record_and_no_internal_notes(naam, wereld, db, client):
    ik, ander = rijke_personen()
    Voortgangsgesprek.objects.filter(dossier=ik.dossier).update(notities="GEHEIM-VERSLAG-X")
    Intakegesprek.objects.filter(intake__dossier=ik.dossier).update(verslag="GEHEIM-VERSLAG-Y")
    als_inburgeraar(client, ik)
    antwoord = client.get(reverse(naam))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert ander.achternaam not in inhoud
    assert ander.bsn not in inhoud and ik.bsn not in inhoud
    assert "GEHEIM-VERSLAG" not in inhoud


@pytest.mark.parametrize("naam", PAGINAS + sorted(DOWNLOADS))
def test_without_a_portal_session_nothing_is_shown(naam, wereld, db, client):
    ik, _ = rijke_personen()
    kwargs = {}
    if naam in DOWNLOADS:
        kwargs = {"uuid": getattr(selectors, DOWNLOADS[naam])(ik)[0].uuid}
    antwoord = client.get(reverse(naam, kwargs=kwargs))
    assert antwoord.status_code in (302, 403)
    assert ik.achternaam not in antwoord.content.decode()


def test_the_demo_lets_three_fictional_people_and_an_unknown_bsn_sign_in(wereld, db):
    from openinburgering.demo.digid import zaaigegevens
    from openinburgering.inburgeraars.models import Inburgeraar

    personen = zaaigegevens()
    niveaus = [p["niveau"] for p in personen]
    assert niveaus.count("midden") == 1 and len(personen) >= 3
    bekend = [selectors.inburgeraar_voor_bsn(p["bsn"]) for p in personen]
    assert bekend[-1] is None and all(isinstance(i, Inburgeraar) for i in bekend[:-1])
