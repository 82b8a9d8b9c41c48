"""The BRP as a port: what the domain reads of the basisregistratie personen (ADR 0062).

The BRP integration (``integrations.brp``) implements :class:`Brp` and registers it in its
``AppConfig.ready``; domain code calls :func:`brp` and gets our own data classes back, never the
client, the API's JSON or the integration's models. Whatever goes wrong talking to the BRP
arrives as one :class:`BrpFout`, whose text a caseworker can read (no BSN in it).

Without ``BRP_API_ROOT`` the port is off (:meth:`Brp.aan` is False): the product works as it
did before the link, with name, birth date and address typed in by hand (ADR 0041).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from django.db.models import Model

from openinburgering.core.keten.uitgaand import KetenNietIngericht


class BrpFout(Exception):
    """The BRP could not answer or refused; ``str()`` is plain Dutch without a BSN."""

    def __init__(self, melding: str, *, tijdelijk: bool = False):
        super().__init__(melding)
        self.melding = melding
        #: Worth trying again later (the BRP unreachable, slow or overloaded)?
        self.tijdelijk = tijdelijk


class BrpNietGevonden(BrpFout):
    """The BRP does not know this BSN."""


@dataclass(frozen=True)
class Adres:
    """The address letters go to, as the dossier holds it."""

    straat_huisnummer: str
    postcode: str
    woonplaats: str


@dataclass(frozen=True)
class BrpPersoon:
    """What the BRP said about one person, as far as the gemeente may and needs to know it."""

    voornamen: str = ""
    voorvoegsel: str = ""
    achternaam: str = ""
    geboortedatum: date | None = None
    #: A Dutch address; None for an address abroad, an unknown one or none at all.
    adres: Adres | None = None
    adres_in_onderzoek: bool = False
    adres_in_onderzoek_sinds: date | None = None
    naam_in_onderzoek: bool = False
    geboorte_in_onderzoek: bool = False
    geheimhouding: bool = False
    overleden: bool = False
    overlijdensdatum: date | None = None
    nationaliteiten: tuple[str, ...] = ()
    #: The first nationality as a country code (ISO 3166-1 alpha-2) for the person's
    #: ``nationaliteit``; "" when the integration could not map it.
    nationaliteit: str = ""
    gemeente_van_inschrijving: str = ""
    gemeente_van_inschrijving_naam: str = ""
    datum_inschrijving_in_gemeente: date | None = None

    @property
    def naam_bekend_in_brp(self) -> bool:
        return bool(self.voornamen or self.achternaam)

    @property
    def persoonsgegevens(self) -> dict[str, Any]:
        """The person's own fields (``Inburgeraar``) this answer fills; what the BRP does not
        know (a partly unknown birth date, an address abroad, a nationality the integration
        cannot map) is left out, never emptied."""
        velden: dict[str, Any] = {}
        if self.naam_bekend_in_brp:
            velden.update(
                voornamen=self.voornamen, voorvoegsel=self.voorvoegsel, achternaam=self.achternaam
            )
        if self.geboortedatum is not None:
            velden["geboortedatum"] = self.geboortedatum
        if self.nationaliteit:
            velden["nationaliteit"] = self.nationaliteit
        if self.adres is not None:
            velden.update(
                straat_huisnummer=self.adres.straat_huisnummer,
                postcode=self.adres.postcode,
                woonplaats=self.adres.woonplaats,
            )
        return velden


@dataclass(frozen=True)
class BrpStand:
    """What the BRP last said about a person (stored; no call to the BRP)."""

    opgehaald_op: datetime | None = None
    geheimhouding: bool = False
    adres_in_onderzoek: bool = False
    adres_in_onderzoek_sinds: date | None = None
    overleden: bool = False
    overlijdensdatum: date | None = None
    nationaliteiten: tuple[str, ...] = ()
    gemeente_van_inschrijving: str = ""
    gemeente_van_inschrijving_naam: str = ""
    datum_inschrijving_in_gemeente: date | None = None
    #: The last attempt failed with this (Dutch) message; empty when it succeeded.
    fout: str = ""
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


class Brp(Protocol):
    """What the BRP integration answers for the domain."""

    def aan(self) -> bool:
        """Is a BRP configured (``BRP_API_ROOT``)?"""
        ...

    def raadplegen(self, *, actor: Any, bsns: list[str], doel: str) -> dict[str, BrpPersoon]:
        """Ask the BRP now about these people for ``actor``'s gemeente (each read in the
        processing log with ``doel``, a ``logboek.Doel``); an unknown BSN is absent from the
        answer. :class:`BrpFout` when the BRP cannot answer."""
        ...

    def overnemen(self, *, actor: Any, inburgeraar: Model, persoon: BrpPersoon) -> list[str]:
        """Take an answer into the dossier of a person we know: name, birth date and address
        on the person, the markers in the stored stand; returns the fields changed. All or
        nothing (:class:`BrpFout`)."""
        ...

    def aangemeld(
        self,
        *,
        actor: Any,
        personen: list[tuple[Model, BrpPersoon]],
        fouten: list[tuple[Model, BrpFout]],
    ) -> None:
        """People just created with the BRP's answer (or whose read failed): store the markers,
        the timeline entries and work items, set-based, in the caller's transaction."""
        ...

    def bijwerken(self, *, actor: Any, inburgeraar: Model, doel: str) -> list[str]:
        """:meth:`raadplegen` and :meth:`overnemen` for a person we know; :class:`BrpFout`."""
        ...

    def mislukt(self, *, inburgeraar: Model, fout: BrpFout) -> None:
        """Remember that reading failed (a retry follows when it was temporary)."""
        ...

    def stand(self, inburgeraar: Model) -> BrpStand | None:
        """The BRP's last stored answer about this person, or None."""
        ...

    def achterstand_bijwerken(self, *, limiet: int = 50) -> int:
        """Try again the reads that failed for a temporary reason and are due."""
        ...


_brp: list[Brp] = []


def registreer(implementatie: Brp) -> None:
    """Register the implementation (the BRP integration, in ``ready``); the last one counts."""
    _brp[:] = [implementatie]


def brp() -> Brp:
    if not _brp:
        raise KetenNietIngericht(
            "No BRP port implementation: add openinburgering.integrations.brp to INSTALLED_APPS "
            "(it registers it)."
        )
    return _brp[0]


def aan() -> bool:
    """Is the BRP link there and configured? False when the app or ``BRP_API_ROOT`` is absent."""
    return bool(_brp) and _brp[0].aan()


# --- a move the BRP reports (ADR 0066) -----------------------------------------------------------


@dataclass(frozen=True)
class BrpVerhuizing:
    """The BRP registers the person in another gemeente than the dossier's: a departure."""

    #: The person (``inburgeraars.models.Inburgeraar``) and who acts (``accounts.context.Actor``).
    inburgeraar: Any
    actor: Any
    gemeentecode: str
    gemeentenaam: str = ""
    datum_inschrijving: date | None = None


_verhuizingen: list[Any] = []


def verhuizing_registreren(reactie: Any) -> None:
    """What happens when the BRP reports a move (the verhuizing app, in ``ready``); the reaction
    gets a :class:`BrpVerhuizing` and runs in the caller's transaction."""
    if reactie not in _verhuizingen:
        _verhuizingen.append(reactie)


def verhuizing_gemeld(verhuizing: BrpVerhuizing) -> None:
    """The BRP integration saw another gemeente of registration: tell who listens."""
    for reactie in _verhuizingen:
        reactie(verhuizing)
