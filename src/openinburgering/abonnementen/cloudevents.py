"""A fact as a CloudEvent 1.0 in the NL GOV profile, structured mode, JSON (ADR 0072).

- ``id``: a fresh UUID per event (the receiver dedups on ``source`` + ``id``);
- ``source``: ``urn:nld:oin:<the gemeente's OIN>:systeem:openinburgering`` (the profile's URN
  form: who produced it, which system);
- ``type``: reverse DNS, ``nl.openinburgering.<kind>`` (``nl.openinburgering.pip.vastgesteld``);
- ``subject``: the UUID of the object the event is about (never a BSN or a name);
- ``time``: when it happened (RFC 3339, UTC);
- ``datacontenttype``: ``application/json``;
- ``dataref``: the API resource of the subject, where the API has one;
- ``data``: only UUIDs and URLs of API resources (data minimisation): the subscriber reads the
  rest through the API, with a token whose scopes decide what it may see.
"""

from __future__ import annotations

import json
from datetime import UTC
from uuid import UUID

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from openinburgering.core.publicatie import Feit

SPECVERSION = "1.0"
TYPE_VOORVOEGSEL = "nl.openinburgering."
MEDIA_TYPE = "application/cloudevents+json; charset=utf-8"

#: The API's resource for a kind of object, by URL name (``api:<naam>-detail`` with ``uuid``).
#: Objects whose resource the API does not (yet) have are sent by UUID alone.
RESOURCE_NAMEN = {
    "inburgeraar": "inburgeraar-detail",
    "pip": "pip-detail",
    "intake": "intake-detail",
    "urenregel": "urenregel-detail",
    "urenregistratie": "urenregistratie-detail",
    "handhavingszaak": "handhavingszaak-detail",
    "boete": "handhavingsstap-detail",
    "duoBericht": "duo-bericht-detail",
}


def bron(oin: str) -> str:
    return f"urn:nld:oin:{oin}:systeem:openinburgering"


def resource_url(soort: str, uuid: UUID) -> str | None:
    naam = RESOURCE_NAMEN.get(soort)
    if naam is None:
        return None
    try:
        pad = reverse(f"api:{naam}", kwargs={"uuid": uuid})
    except NoReverseMatch:
        return None
    return settings.ABONNEMENTEN_BASIS_URL.rstrip("/") + pad


def _object(soort: str, uuid: UUID) -> dict:
    waarde = {"uuid": str(uuid)}
    if url := resource_url(soort, uuid):
        waarde["url"] = url
    return waarde


def cloudevent(feit: Feit, *, id: UUID, oin: str) -> dict:
    data: dict[str, dict] = {}
    if feit.dossier is not None:
        data["dossier"] = {"uuid": str(feit.dossier)}
    if feit.inburgeraar is not None:
        data["inburgeraar"] = _object("inburgeraar", feit.inburgeraar)
    dataref = None
    for soort, uuid in feit.objecten.items():
        data[soort] = _object(soort, uuid)
        if uuid == feit.onderwerp:
            dataref = data[soort].get("url")
    event = {
        "specversion": SPECVERSION,
        "id": str(id),
        "source": bron(oin),
        "type": TYPE_VOORVOEGSEL + str(feit.soort),
        "subject": str(feit.onderwerp),
        "time": feit.tijdstip.astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "datacontenttype": "application/json",
        "data": data,
    }
    if dataref:
        event["dataref"] = dataref
    return event


def als_json(event: dict) -> str:
    """The body as sent: compact, keys in a fixed order, UTF-8."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))
