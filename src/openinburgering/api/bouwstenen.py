"""What every resource of the public API is built from (ADR 0076).

The two first resources (inburgeraars, PIPs) set the pattern; the resources of issue 18 take it
from here instead of copying it: problem+json responses with rule ids, ``If-Match`` against the
``versie`` a client read (an ``ETag`` on every read of one object), cursor pages with a ``Link``
header, ``fields`` to ask for part of each object, and one processing-log record per person a
request shows or changes.

Each view names its area in ``bereik`` ("traject", "handhaving", "taalaanbieders", "logboek");
the token's scopes are checked against it (``<bereik>:lezen`` for safe methods,
``<bereik>:schrijven`` otherwise).
"""

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from openinburgering.accounts.context import Actor, actor_uit_request
from openinburgering.core.exceptions import Conflict, Geweigerd, RegelsGeschonden
from openinburgering.logboek.models import Activiteit
from openinburgering.logboek.services import verwerkingen_vastleggen

from .pagination import Cursor
from .permissions import HeeftGemeenteToken
from .problems import PROBLEM_SCHEMA, regels_probleem

PROBLEM = "application/problem+json"
FOUTEN = {
    (400, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Ongeldige invoer"),
    (401, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Niet geauthenticeerd"),
    (403, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Buiten het bereik van het token"),
    (404, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Niet gevonden"),
}
REGELS = {
    (400, PROBLEM): OpenApiResponse(
        PROBLEM_SCHEMA,
        description="Ongeldige invoer of een geschonden regel: `invalidParams[].code` is het "
        "regel-id (bijvoorbeeld R41), `reason` de uitleg met het artikel.",
    )
}
CONFLICT = {(409, PROBLEM): OpenApiResponse(PROBLEM_SCHEMA, description="Tussentijds gewijzigd")}
IF_MATCH = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description=gettext_lazy(
        'De `versie` die u las, als `"3"`; bij een tussentijdse wijziging volgt 409.'
    ),
)
IF_MATCH_INHOUD = OpenApiParameter(
    "If-Match",
    location=OpenApiParameter.HEADER,
    required=False,
    description=gettext_lazy(
        "De `ETag` die u bij het lezen kreeg; bij een tussentijdse wijziging volgt 409."
    ),
)
FIELDS = OpenApiParameter(
    "fields",
    str,
    description=gettext_lazy(
        "Alleen deze velden in het antwoord, met komma's gescheiden (bijvoorbeeld "
        "`uuid,status`); een onbekend veld geeft 400."
    ),
)
LIJST = [
    OpenApiParameter(
        "cursor",
        str,
        description=gettext_lazy("De cursor uit `next` of `previous` (of de `Link`-header)."),
    ),
    OpenApiParameter(
        "pageSize",
        int,
        description=gettext_lazy("Aantal per pagina (standaard 50, hoogstens 200)."),
    ),
    OpenApiParameter(
        "Link",
        location=OpenApiParameter.HEADER,
        response=[200],
        description=gettext_lazy(
            'De volgende en vorige pagina (RFC 8288), als `<url>; rel="next"`.'
        ),
    ),
    FIELDS,
]


def versie_uit_if_match(request) -> int | None:
    waarde = request.headers.get("If-Match")
    if not waarde:
        return None
    try:
        return int(waarde.strip().removeprefix("W/").strip('"'))
    except ValueError:
        raise ValidationError(
            {
                "If-Match": [
                    _('Gebruik de versie als getal tussen aanhalingstekens, bijvoorbeeld "3".')
                ]
            }
        ) from None


def etag(obj) -> dict[str, str]:
    return {"ETag": f'"{obj.versie}"'}


def inhoud_etag(data) -> dict[str, str]:
    """The ``ETag`` of a resource without a ``versie`` column (a checklist, a contact): a digest
    of the whole representation a client reads, so that any change by anyone changes it."""
    tekst = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return {"ETag": f'"{hashlib.sha256(tekst.encode()).hexdigest()[:32]}"'}


def inhoud_controleren(request, data) -> None:
    """``If-Match`` against :func:`inhoud_etag` of the current state: a client that read an
    older state gets the same 409 as a stale ``versie``. Call it inside the write's
    transaction, after locking the row the write changes."""
    waarde = request.headers.get("If-Match")
    if waarde and waarde.strip().removeprefix("W/") != inhoud_etag(data)["ETag"]:
        raise Conflict()


def log(actor: Actor, activiteit: str, pseudoniemen: Iterable[str]) -> None:
    """One record per person. Outside a transaction the records join the request's one insert
    (``logboek``, ADR 0057)."""
    pseudoniemen = list(pseudoniemen)
    if pseudoniemen:
        verwerkingen_vastleggen(actor=actor, activiteit=activiteit, pseudoniemen=pseudoniemen)


def _gevraagde_velden(request) -> list[str] | None:
    waarde = request.query_params.get("fields")
    if waarde is None or not waarde.strip():
        return None
    return [v.strip() for v in waarde.split(",") if v.strip()]


@functools.cache
def serializer_veldnamen(klasse) -> tuple[str, ...]:
    """A serializer class's field names, once per class: instantiating a serializer deep-copies
    every declared field, a third of a millisecond on each request that only wants the names."""
    return tuple(klasse().fields.keys())


def velden_controleren(request, beschikbaar: Iterable[str]) -> list[str] | None:
    """The fields asked for in ``fields`` (None: all); an unknown one is a 400."""
    gevraagd = _gevraagde_velden(request)
    if gevraagd is None:
        return None
    beschikbaar = list(beschikbaar)
    onbekend = [v for v in gevraagd if v not in set(beschikbaar)]
    if onbekend:
        raise ValidationError(
            {
                "fields": [
                    _("Onbekend veld: %(velden)s. Kies uit: %(keuze)s.")
                    % {"velden": ", ".join(onbekend), "keuze": ", ".join(beschikbaar)}
                ]
            }
        )
    return gevraagd


def velden_kiezen(request, data, beschikbaar: Iterable[str]):
    """Only the fields the client asked for in ``fields`` (one object or a list of them)."""
    gevraagd = velden_controleren(request, beschikbaar)
    if gevraagd is None:
        return data
    if isinstance(data, list):
        return [{k: rij[k] for k in gevraagd} for rij in data]
    return {k: data[k] for k in gevraagd}


class Schema(AutoSchema):
    """An answer may hold only the fields a client asked for (``fields``): no field of an
    answer is required in the document."""

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "response":
            schema.pop("required", None)
        return schema

    def get_override_parameters(self):
        # A list's ``filters`` document themselves, with their values as an enum.
        parameters = list(super().get_override_parameters())
        if self.method == "GET":
            for naam, (_veld, waarden) in getattr(self.view, "filters", {}).items():
                parameters.append(
                    OpenApiParameter(
                        naam,
                        str,
                        enum=list(waarden),
                        description=_("Filter op %(naam)s") % {"naam": naam},
                    )
                )
        return parameters


class Bron(generics.GenericAPIView):
    """The base of every view of issue 18's resources.

    ``veldnamen`` maps a service's field names (the model's) to the API's, for the names in
    ``invalidParams``.
    """

    permission_classes = [HeeftGemeenteToken]
    schema = Schema()
    # OPTIONS is not part of the API (DRF's metadata would read an object outside the selectors).
    metadata_class = None
    pagination_class = None
    bereik = ""
    veldnamen: Mapping[str, str] = {}

    @property
    def actor(self) -> Actor:
        return actor_uit_request(self.request)

    def handle_exception(self, exc):
        if isinstance(exc, RegelsGeschonden):
            return regels_probleem(exc, self.veldnamen)
        if isinstance(exc, Geweigerd) and exc.veld:
            exc = Geweigerd(exc.message, veld=self.veldnamen.get(exc.veld, exc.veld))
        elif isinstance(exc, DjangoValidationError) and hasattr(exc, "error_dict"):
            exc = DjangoValidationError(
                {self.veldnamen.get(k, k): v for k, v in exc.error_dict.items()}
            )
        return super().handle_exception(exc)

    def invoer_lezen(self, klasse) -> dict:
        """The request body, validated by ``klasse`` (a 400 with every error otherwise)."""
        invoer = klasse(data=self.request.data)
        invoer.is_valid(raise_exception=True)
        return dict(invoer.validated_data)

    def huidige_inhoud(self, obj, *, serializer=None):
        """The representation :func:`inhoud_controleren` compares with (before ``fields``)."""
        klasse = serializer or self.get_serializer_class()
        return klasse(obj, context=self.get_serializer_context()).data

    def params_lezen(self, klasse) -> dict:
        """The query parameters, validated by ``klasse`` (a list's filters)."""
        params = klasse(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return dict(params.validated_data)

    def antwoord(
        self, obj, *, serializer=None, status=200, headers=None, met_inhoud_etag=False
    ) -> Response:
        klasse = serializer or self.get_serializer_class()
        data = klasse(obj, context=self.get_serializer_context()).data
        if met_inhoud_etag:
            # Over the whole representation, whatever ``fields`` a client asked for.
            headers = {**(headers or {}), **inhoud_etag(data)}
        data = velden_kiezen(self.request, data, serializer_veldnamen(klasse))
        return Response(data, status=status, headers=headers)


class Lijst(Bron):
    """A cursor-paged list: ``rijen()`` gives the queryset (tenant-filtered by a selector),
    ``pseudoniemen(rij)`` the persons a row shows, logged as one "lijst" record each."""

    pagination_class = Cursor
    #: Equality filters on a GET: query parameter -> (model field, the values it can have). A
    #: value outside them is a 400, not an empty page: a typo should not look like "nothing".
    filters: Mapping[str, tuple[str, Iterable[str]]] = {}

    def rijen(self):
        raise NotImplementedError

    def get_queryset(self):
        return self.gefilterd(self.rijen())

    def gefilterd(self, qs):
        for naam, (veld, waarden) in self.filters.items():
            waarde = self.request.query_params.get(naam, "")
            if not waarde:
                continue
            if waarde not in set(waarden):
                raise ValidationError(
                    {naam: [_("Kies uit: %(keuze)s.") % {"keuze": ", ".join(waarden)}]}
                )
            qs = qs.filter(**{veld: waarde})
        return qs

    def pseudoniemen(self, rij) -> Iterable[str]:
        return ()

    def gelezen(self, pagina) -> Iterable[str]:
        return [p for rij in pagina for p in self.pseudoniemen(rij)]

    def lijst(self) -> Response:
        pagina = self.paginate_queryset(self.get_queryset())
        log(self.actor, Activiteit.LIJST, self.gelezen(pagina))
        klasse = self.get_serializer_class()
        data = klasse(pagina, many=True, context=self.get_serializer_context()).data
        data = velden_kiezen(self.request, data, serializer_veldnamen(klasse))
        return self.get_paginated_response(data)


# No docstring: drf-spectacular prints a view's docstring as the description of an operation
# without one.
# ``fields`` for the views that predate ``Bron`` (inburgeraars, PIP, intake, werklijst, DUO,
# tijdlijn), with Bron's behaviour: an unknown field is a 400 before the view does anything, and
# every 2xx JSON answer (one object, a list, or a cursor page's ``results``) holds only the
# fields asked for. ``velden_serializers`` names per method the serializer whose fields an
# answer has; a method not named there ignores ``fields``.
class Velden:
    velden_serializers: Mapping[str, Any] = {}

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        self._velden = None
        klasse = self.velden_serializers.get(request.method)
        if klasse is not None:
            self._velden = velden_controleren(request, serializer_veldnamen(klasse))

    def finalize_response(self, request, response, *args, **kwargs):
        gevraagd = getattr(self, "_velden", None)
        if gevraagd and 200 <= response.status_code < 300 and isinstance(response, Response):
            data = response.data
            if isinstance(data, dict) and set(data) == {"next", "previous", "results"}:
                data["results"] = [{k: rij[k] for k in gevraagd} for rij in data["results"]]
            elif isinstance(data, list):
                response.data = [{k: rij[k] for k in gevraagd} for rij in data]
            elif isinstance(data, dict):
                response.data = {k: data[k] for k in gevraagd}
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
