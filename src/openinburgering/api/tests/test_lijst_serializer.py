"""The API list's hand-written rows equal what DRF's serializer writes (ADR 0061)."""

from datetime import date

from openinburgering.core.pagination import keyset_rijen
from openinburgering.inburgeraars.api.serializers import (
    ALS_DICT_VELDEN,
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
    # The list reads its page as rows of values (``core.pagination.keyset_rijen``): the same
    # answer, the person without a dossier included.
    rijen = keyset_rijen(
        Inburgeraar.objects.filter(pk__in=[p.pk for p in personen]),
        velden=(*ALS_DICT_VELDEN, "pseudoniem"),
    ).items
    assert [r.pk for r in rijen] == [p.pk for p in reversed(personen)]
    assert rijen[0].dossier is None
    assert InburgeraarLijstSerializer(rijen[::-1], many=True).data == verwacht


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


def test_rijen_terugbladeren_en_geneste_waarden(gemeente_a):
    """Paging back with rows gives the same pages as with persons; a path through two
    relations (the klantregisseur's name) is a nested row, ``None`` where there is none."""
    from openinburgering.core.pagination import keyset_pagina

    personen = [maak_inburgeraar(gemeente_a, achternaam=f"Rij{n}") for n in range(7)]
    qs = Inburgeraar.objects.filter(pk__in=[p.pk for p in personen])
    velden = ("achternaam", "dossier__status", "dossier__klantregisseur__last_name")
    eerste = keyset_rijen(qs, velden=velden, grootte=3)
    tweede = keyset_rijen(qs, velden=velden, grootte=3, na=eerste.volgende)
    terug = keyset_rijen(qs, velden=velden, grootte=3, voor=tweede.vorige)
    assert [r.pk for r in terug.items] == [r.pk for r in eerste.items]
    modellen = keyset_pagina(qs, grootte=3, na=eerste.volgende)
    assert [r.pk for r in tweede.items] == [p.pk for p in modellen.items]
    assert (tweede.volgende, tweede.vorige) == (modellen.volgende, modellen.vorige)
    assert tweede.items[0].achternaam == modellen.items[0].achternaam
    assert tweede.items[0].dossier.status == "aangemeld"
    assert tweede.items[0].dossier.klantregisseur is None
