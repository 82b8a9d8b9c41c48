"""Shared helpers for the signalen, intake and pip tests."""

from datetime import date, datetime, time

from django.utils import timezone

from openinburgering.accounts.context import Actor
from openinburgering.accounts.rollen import Rol
from openinburgering.inburgeraars.services import gebeurtenis_toevoegen

GELDIG_PIP = {
    "leerroute": "B",
    "niveau": "B1",
    "begeleiding": "Maatschappelijke begeleiding door VluchtelingenWerk, het eerste jaar.",
    "pvt_inhoud": "Workshops over Nederlandse kernwaarden",
    "pvt_intensiteit": "4 bijeenkomsten van 3 uur",
    "map_inhoud": "Oriëntatie op werk en een stage",
    "map_intensiteit": "64 uur",
    "voortgang": "Voortgangsgesprek met de klantregisseur.",
    "gesprek_frequentie_weken": 8,
    "afspraken": "U meldt het als u niet naar les kunt.",
}


def actor_voor(gemeente, user=None, rol=Rol.KLANTREGISSEUR):
    return (
        Actor(gemeente=gemeente, user=user, rol=rol)
        if user
        else Actor(gemeente=gemeente, systeem="test")
    )


def ss139(dossier, dag: date):
    return gebeurtenis_toevoegen(
        dossier=dossier,
        soort="SS139",
        omschrijving="DUO: termijn om het PIP vast te stellen is gestart.",
        bron="duo",
        tijdstip=timezone.make_aware(datetime.combine(dag, time(10, 0))),
    )


def afgesloten_intake(actor, dossier, *, haalbaar=True):
    from openinburgering.intake import services

    intake = services.intake_starten(actor=actor, dossier=dossier)
    services.intake_opslaan(
        actor=actor,
        intake=intake,
        versie=None,
        taal_en_opleiding="Arabisch; middelbare school in Aleppo (12 jaar).",
        werkervaring="Kapper, 6 jaar.",
        gezondheid="Geen bijzonderheden.",
        gezin_en_kinderopvang="Gehuwd, twee kinderen (4 en 7).",
        lbt_afgenomen_op=date(2025, 1, 20),
        lbt_behaalde_score=30 if haalbaar else 20,
        lbt_benodigde_score=28,
    )
    intake.refresh_from_db()
    return services.intake_afsluiten(actor=actor, intake=intake, versie=None)
