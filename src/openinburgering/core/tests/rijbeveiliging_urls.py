"""A URLconf for the row-level security tests only: pages that read every tenant table without
any filter, as a view with a forgotten tenant filter would."""

from django.http import JsonResponse
from django.urls import path

from rest_framework.response import Response
from rest_framework.views import APIView

from openinburgering.api.permissions import HeeftGemeenteToken
from openinburgering.core.rijbeveiliging import gemeente_kolommen, tenant_modellen


def gemeenten_per_tabel() -> dict[str, list[int]]:
    """For every tenant model: the gemeente ids of the rows an unfiltered query returns."""
    gezien = {}
    for model in tenant_modellen():
        ids: set[int] = set()
        for veld in gemeente_kolommen(model):
            ids |= set(model._base_manager.values_list(veld.attname, flat=True).distinct())
        gezien[model._meta.label] = sorted(i for i in ids if i is not None)
    return gezien


def ongefilterd(request):
    return JsonResponse(gemeenten_per_tabel())


class OngefilterdApi(APIView):
    permission_classes = [HeeftGemeenteToken]
    bereik = "inburgeraars"  # what a token may read here (ADR 0074)

    def get(self, request):
        return Response(gemeenten_per_tabel())


urlpatterns = [
    path("rls/ongefilterd/", ongefilterd),
    path("api/v1/rls-ongefilterd/", OngefilterdApi.as_view()),
]
