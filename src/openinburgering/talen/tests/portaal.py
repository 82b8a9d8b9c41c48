"""A newcomer with a full dossier for the language tests of the portal's pages, and a portal
session for them (the session the DigiD sign-in makes; the sign-in itself is the portal's test)."""

from __future__ import annotations

import random
from datetime import time, timedelta
from decimal import Decimal

from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command
from django.utils import timezone

import time_machine

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.demo.management.commands.demo_data import Verloop
from openinburgering.inburgeraars import services
from openinburgering.inburgeraars.codes import Doelgroep, GedetailleerdeDoelgroep, Verblijfsdoel
from openinburgering.inburgeraars.models import Inburgeraar
from openinburgering.inburgeraars.tests.factories import nieuw_bsn
from openinburgering.inburgeraars.workflow import Status
from openinburgering.portaal import sessie
from openinburgering.traject import map as map_diensten
from openinburgering.traject import pvt

#: Every page of the portal a signed-in newcomer sees (url name, path).
PAGINAS = [
    ("overzicht", "/portaal/"),
    ("afspraken", "/portaal/afspraken/"),
    ("termijnen", "/portaal/termijnen/"),
    ("brieven", "/portaal/brieven/"),
    ("contact", "/portaal/contact/"),
    ("bericht", "/portaal/bericht/"),
]
#: And without a session.
OPENBARE_PAGINAS = [("inloggen", "/portaal/inloggen/")]


def rijk_dossier(gemeente, klantregisseur) -> Inburgeraar:
    """A newcomer some 250 days in: intake, a PIP, progress talks, school, PVT and MAP."""
    rng = random.Random(20)
    vandaag = timezone.localdate()
    actor = Actor(gemeente=gemeente, user=klantregisseur, rol=Rol.KLANTREGISSEUR)
    verloop = Verloop(rng=rng, vandaag=vandaag, time_machine=time_machine, medewerker=actor)
    aangemeld = vandaag - timedelta(days=250)
    inburgeraar = verloop.aanmelden(
        aangemeld_op=aangemeld,
        bsn=nieuw_bsn(),
        voornamen="Selam",
        achternaam="Proefhuis",
        geboortedatum=aangemeld - timedelta(days=30 * 365),
        doelgroep=Doelgroep.ASIELSTATUSHOUDER,
        gedetailleerde_doelgroep=GedetailleerdeDoelgroep.ASIELSTATUSHOUDER,
        verblijfsdoel=Verblijfsdoel.ASIEL_BEPAALDE_TIJD,
        nationaliteit="ER",
        talen="Tigrinya, Arabisch",
        straat_huisnummer="Voorbeeldstraat 12",
        postcode="9001 AB",
        woonplaats="Demodam",
        datum_bekendmaking_ind=aangemeld - timedelta(days=20),
    )
    with verloop.op(aangemeld):
        services.klantregisseur_toewijzen(
            actor=Actor(gemeente=gemeente, user=klantregisseur, rol=Rol.TEAMLEIDER),
            dossier=inburgeraar.dossier,
            klantregisseur=klantregisseur,
        )
    verloop.doorlopen(inburgeraar, Status.IN_UITVOERING)
    dossier = inburgeraar.dossier
    groep = pvt.groep_aanmaken(
        actor=actor,
        naam="PVT Amstelwaard",
        locatie="Bibliotheek Centrum, zaal 2",
        taal="Nederlands",
        tolk="Tigrinya",
        capaciteit=12,
        begeleider="Sanne de Vries",
    )
    for dagen, onderwerp in [(-14, "Vrijheid en gelijkwaardigheid"), (9, "Meedoen in Nederland")]:
        pvt.bijeenkomst_toevoegen(
            actor=actor,
            groep=groep,
            datum=vandaag + timedelta(days=dagen),
            begintijd=time(9, 30),
            eindtijd=time(12),
            onderwerp=onderwerp,
        )
    pvt.deelnemers_uitnodigen(actor=actor, groep=groep, dossiers=[dossier])
    map_diensten.activiteit_toevoegen(
        actor=actor,
        dossier=dossier,
        soort="workshop",
        omschrijving="Workshop beroepsoriëntatie",
        datum=vandaag - timedelta(days=3),
        uren=Decimal(3),
    )
    call_command("taalaanbieders_demo", gemeente=gemeente.code, stdout=_Stil())
    inburgeraar.refresh_from_db()
    return inburgeraar


class _Stil:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def sessie_voor(inburgeraar: Inburgeraar, *, sinds: timedelta = timedelta()) -> str:
    """A portal session as DigiD's return makes it; ``sinds`` back-dates it (an expired one)."""
    moment = (timezone.now() - sinds).isoformat()
    winkel = SessionStore()
    winkel[sessie.SLEUTEL] = {
        "inburgeraar": inburgeraar.pk,
        "niveau": "substantieel",
        "login": moment,
        "laatst": moment,
    }
    winkel.create()
    return winkel.session_key
