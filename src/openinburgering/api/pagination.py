"""Keyset pagination for every API list, with a ``Link`` header (RFC 8288) (ADR 0057).

The body keeps ``next``, ``previous`` and ``results``; the same two URLs go in the ``Link``
header as ``rel="next"`` and ``rel="prev"``. A page is one query without OFFSET
(``core.pagination``), so a deep page costs what page 1 costs. A view whose list joins another
table names the joined columns that equal the primary key in ``keyset_ook``, so the cursor bounds
every side of the join, and may name in ``keyset_sleutels`` the one table its page keys come from
(``core.pagination``).
"""

from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from openinburgering.core.pagination import Pagina, keyset_pagina, keyset_rijen

_NA, _VOOR = "n", "v"


class Cursor(BasePagination):
    """Newest first. ``cursor`` is opaque: clients follow ``next``/``previous`` or the links."""

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 200
    cursor_query_param = "cursor"

    def _grootte(self, request) -> int:
        try:
            gevraagd = int(request.query_params.get(self.page_size_query_param, ""))
        except ValueError:
            return self.page_size
        return max(1, min(gevraagd, self.max_page_size))

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        cursor = request.query_params.get(self.cursor_query_param, "")
        richting, waarde = cursor[:1], cursor[1:]
        argumenten = {
            "na": waarde if richting == _NA else None,
            "voor": waarde if richting == _VOOR else None,
            "grootte": self._grootte(request),
            "ook": getattr(view, "keyset_ook", ()),
            "sleutels": getattr(view, "keyset_sleutels", None),
        }
        # A view that writes its rows from values names them (``core.pagination.keyset_rijen``).
        if velden := getattr(view, "keyset_velden", ()):
            self.pagina: Pagina = keyset_rijen(queryset, velden=velden, **argumenten)
        else:
            self.pagina = keyset_pagina(queryset, **argumenten)
        return self.pagina.items

    def _url(self, richting: str, cursor: str | None) -> str | None:
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, richting + cursor)

    def get_paginated_response(self, data):
        volgende = self._url(_NA, self.pagina.volgende)
        vorige = self._url(_VOOR, self.pagina.vorige)
        paren = (("next", volgende), ("prev", vorige))
        links = [f'<{url}>; rel="{rel}"' for rel, url in paren if url]
        return Response(
            {"next": volgende, "previous": vorige, "results": data},
            headers={"Link": ", ".join(links)} if links else None,
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "example": "https://api.example.org/api/v1/inburgeraars?cursor=n1f4",
                },
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "example": "https://api.example.org/api/v1/inburgeraars?cursor=v1f3",
                },
                "results": schema,
            },
        }
