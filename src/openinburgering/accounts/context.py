"""Who is acting: a staff member in the UI, a system with an API token, or the system itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from openinburgering.accounts.bereiken import rechten_voor
from openinburgering.accounts.rollen import Recht, heeft_recht

if TYPE_CHECKING:
    # Only for the annotations: gemeenten imports accounts at run time, not the other way round.
    from openinburgering.accounts.models import User
    from openinburgering.gemeenten.models import ApiToken, Gemeente


@dataclass(frozen=True)
class Actor:
    gemeente: Gemeente
    user: User | None = None
    api_token: ApiToken | None = None
    rol: str | None = None
    systeem: str = ""
    #: A regional team's combined list: the gemeenten it spans (the user's memberships with
    #: the right to read them, ``gemeenten.toegang.regio``). Empty: the active gemeente only.
    regio: tuple[Gemeente, ...] = ()
    #: The newcomer themself, signed in with DigiD on their own portal (ADR 0086): the part of
    #: the portal they read ("pip", "brief", ...). They have no rights of staff.
    portaal: str = ""

    @property
    def tenants(self) -> tuple[Gemeente, ...]:
        """The gemeenten a list of this actor spans: the region, or the active gemeente."""
        return self.regio or (self.gemeente,)

    @property
    def soort(self) -> str:
        if self.portaal:
            return "inburgeraar"
        if self.user is not None:
            return "medewerker"
        if self.api_token is not None:
            return "api"
        return "systeem"

    @property
    def label(self) -> str:
        if self.portaal:
            return f"inburgeraar:portaal/{self.portaal}"
        if self.user is not None:
            return self.user.username
        if self.api_token is not None:
            return f"api:{self.api_token.naam}"
        return self.systeem or "systeem"

    def mag(self, recht: Recht) -> bool:
        # An API token acts for a gemeente's own system with the rights its scopes give
        # (accounts.bereiken, ADR 0074). Deciding on a fine is a teamleider's four-eyes step and
        # stays with a person (ADR 0076): no scope gives it.
        if self.portaal:
            return False
        if self.api_token is not None:
            return recht in rechten_voor(self.api_token.bereiken)
        if self.user is None:
            return True
        return heeft_recht(self.rol, recht)


def actor_uit_request(request) -> Actor:
    if getattr(request, "auth", None) is not None and hasattr(request.auth, "gemeente"):
        return Actor(gemeente=request.auth.gemeente, api_token=request.auth)
    return Actor(gemeente=request.gemeente, user=request.user, rol=request.rol)
