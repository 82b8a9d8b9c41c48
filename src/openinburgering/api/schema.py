"""The OpenAPI document's view of scopes (ADR 0074): every operation names the scope it needs
(``x-bereik`` and a line in its description) and documents the 403 a token without it gets."""

from django.utils.translation import gettext_lazy as _

from drf_spectacular.openapi import AutoSchema as _AutoSchema
from drf_spectacular.utils import OpenApiParameter

from .permissions import vereist_bereik
from .problems import PROBLEM_SCHEMA

PROBLEM = "application/problem+json"


class AutoSchema(_AutoSchema):
    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        nodig = vereist_bereik(self.view, self.method)
        if nodig is None:
            return operation
        operation["x-bereik"] = nodig
        regel = _("Bereik: `%(bereik)s`.") % {"bereik": nodig}
        beschrijving = operation.get("description", "")
        operation["description"] = f"{beschrijving}\n\n{regel}" if beschrijving else regel
        operation.setdefault("responses", {}).setdefault(
            "403",
            {
                "content": {PROBLEM: {"schema": PROBLEM_SCHEMA}},
                "description": _("Het token heeft het bereik `%(bereik)s` niet.")
                % {"bereik": nodig},
            },
        )
        return operation


#: The parameters of every paged list (cursor pagination with a ``Link`` header, ADR 0057).
PAGINA = [
    OpenApiParameter(
        "cursor", str, description=_("De cursor uit `next` of `previous` (of de `Link`-header).")
    ),
    OpenApiParameter(
        "pageSize", int, description=_("Aantal per pagina (standaard 50, hoogstens 200).")
    ),
    OpenApiParameter(
        "Link",
        location=OpenApiParameter.HEADER,
        response=[200],
        description=_('De volgende en vorige pagina (RFC 8288), als `<url>; rel="next"`.'),
    ),
]
