"""The two writes without a ``versie`` column — the begeleiding checklist and the gemeente's own
contact at a school — take ``If-Match`` against an ``ETag`` over what a client read: a write
on an older state is a 409 problem and changes nothing (ADR 0092)."""

from openinburgering.begeleiding.models import Stap, Voortgang
from openinburgering.taalaanbieders.models import Instelling, InstellingContact

from .werk import VANDAAG, persoon_met_werk


def test_de_checklist_met_if_match(gemeente_a, api_client):
    persoon, _werk = persoon_met_werk(gemeente_a)
    api = api_client(gemeente_a)
    url = f"/api/v1/inburgeraars/{persoon.uuid}/begeleiding"
    stappen = list(Stap.objects.filter(gemeente=gemeente_a, actief=True)[:2])

    def invoer(stap, door):
        rij = {"stap": str(stap.uuid), "status": "afgerond", "datum": str(VANDAAG)}
        return {"stappen": [{**rij, "geholpenDoor": door}]}

    gelezen = api.get(url)
    etag = gelezen["ETag"]
    assert etag.startswith('"') and api.get(f"{url}?fields=klaar")["ETag"] == etag
    # Someone else records a step in between.
    eerste = api.put(url, invoer(stappen[0], "A"), format="json")
    assert eerste.status_code == 200, eerste.content
    voor = list(Voortgang.objects.values_list("stap_id", "geholpen_door"))
    oud = api.put(url, invoer(stappen[1], "B"), format="json", HTTP_IF_MATCH=etag)
    assert oud.status_code == 409
    assert oud["Content-Type"] == "application/problem+json"
    assert list(Voortgang.objects.values_list("stap_id", "geholpen_door")) == voor
    # With the current ETag it is saved, and the answer carries the next one.
    nieuw = api.put(url, invoer(stappen[1], "B"), format="json", HTTP_IF_MATCH=api.get(url)["ETag"])
    assert nieuw.status_code == 200 and nieuw["ETag"] != etag
    assert nieuw["ETag"] == api.get(url)["ETag"]


def test_het_contact_bij_een_school_met_if_match(gemeente_a, api_client):
    _persoon, werk = persoon_met_werk(gemeente_a)
    api = api_client(gemeente_a)
    instelling = Instelling.objects.get(uuid=werk["instellingen"][0])
    url = f"/api/v1/instellingen/{instelling.uuid}/contact"
    gelezen = api.get(url)
    assert gelezen.status_code == 200
    etag = gelezen["ETag"]
    contact = {"contactpersoon": "Eerste", "email": "eerste@example.org", "telefoon": ""}
    assert api.put(url, contact, format="json", HTTP_IF_MATCH=etag).status_code == 200
    ander = {"contactpersoon": "Tweede", "email": "tweede@example.org", "telefoon": ""}
    assert api.put(url, ander, format="json", HTTP_IF_MATCH=etag).status_code == 409
    assert InstellingContact.objects.get(gemeente=gemeente_a).contactpersoon == "Eerste"
    assert api.put(url, ander, format="json", HTTP_IF_MATCH=api.get(url)["ETag"]).status_code == 200
    # Without If-Match a write still goes through, as before (the header is optional).
    assert api.put(url, contact, format="json").status_code == 200
