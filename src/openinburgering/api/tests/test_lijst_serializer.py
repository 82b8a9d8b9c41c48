"""The API list's hand-written rows equal what DRF's serializer writes (ADR 0061)."""

from datetime import date

from openinburgering.inburgeraars.api.serializers import (
    InburgeraarLijstSerializer,
    InburgeraarSerializer,
)
from openinburgering.inburgeraars.models import Dossier, Inburgeraar
from openinburgering.inburgeraars.tests.factories import maak_inburgeraar


def test_elke_rij_gelijk_aan_de_serializer(gemeente_a):
    volledig = maak_inburgeraar(
        gemeente_a,
        vnummer="1234567890",
        voorvoegsel="van",
        nationaliteit="SY",
        verblijfsdoel="asiel_bepaalde_tijd",
        datum_bekendmaking_ind=date(2026, 1, 2),
        talen="Arabisch",
        telefoon="0612345678",
        email="iemand@example.org",
    )
    Dossier.objects.filter(inburgeraar=volledig).update(
        status="afgerond", eindreden="verhuisd", afgerond_op=date(2026, 11, 30)
    )
    # A person DUO announced: no name, birth date or address yet.
    leeg = maak_inburgeraar(
        gemeente_a, voornamen="", achternaam="", geboortedatum=None, straat_huisnummer=""
    )
    zonder_dossier = maak_inburgeraar(gemeente_a)
    Dossier.objects.filter(inburgeraar=zonder_dossier).delete()
    personen = list(
        Inburgeraar.objects.filter(pk__in=[volledig.pk, leeg.pk, zonder_dossier.pk])
        .select_related("dossier")
        .order_by("pk")
    )
    verwacht = InburgeraarSerializer(personen, many=True).data
    assert InburgeraarLijstSerializer(personen, many=True).data == verwacht
    assert verwacht[0]["dossier"]["afgerondOp"] == "2026-11-30"
    assert verwacht[0]["nationaliteit"] == "SY"
    assert verwacht[2]["dossier"] is None
    assert list(InburgeraarLijstSerializer(personen[0]).data) == list(verwacht[0])


def test_detail_gelijk_aan_de_serializer(gemeente_a):
    from rest_framework import serializers

    from openinburgering.inburgeraars.api.serializers import InburgeraarDetailSerializer

    persoon = maak_inburgeraar(gemeente_a, nationaliteit="ER", vnummer="0123456789")
    persoon = Inburgeraar.objects.select_related("dossier").get(pk=persoon.pk)
    serializer = InburgeraarDetailSerializer(persoon)
    verwacht = serializers.ModelSerializer.to_representation(serializer, persoon)
    assert serializer.data == verwacht
    assert list(serializer.data) == list(verwacht)
    assert verwacht["bsn"] == persoon.bsn
