"""Who is acting: a staff member in the UI, a system with an API token, or the system itself."""

from dataclasses import dataclass

from openinburgering.accounts.rollen import Recht, heeft_recht


@dataclass(frozen=True)
class Actor:
    gemeente: object  # gemeenten.Gemeente
    user: object | None = None  # accounts.User
    api_token: object | None = None  # gemeenten.ApiToken
    rol: str | None = None
    systeem: str = ""

    @property
    def soort(self) -> str:
        if self.user is not None:
            return "medewerker"
        if self.api_token is not None:
            return "api"
        return "systeem"

    @property
    def label(self) -> str:
        if self.user is not None:
            return self.user.username
        if self.api_token is not None:
            return f"api:{self.api_token.naam}"
        return self.systeem or "systeem"

    def mag(self, recht: Recht) -> bool:
        # API tokens act for a gemeente's own system and have the caseworker's rights.
        if self.api_token is not None:
            return recht in {
                Recht.PERSOONSGEGEVENS_LEZEN,
                Recht.INBURGERAAR_WIJZIGEN,
                Recht.DOSSIER_STATUS_WIJZIGEN,
                Recht.PIP_VASTSTELLEN,
            }
        if self.user is None:
            return True
        return heeft_recht(self.rol, recht)


def actor_uit_request(request) -> Actor:
    if getattr(request, "auth", None) is not None and hasattr(request.auth, "gemeente"):
        return Actor(gemeente=request.auth.gemeente, api_token=request.auth)
    return Actor(gemeente=request.gemeente, user=request.user, rol=request.rol)
