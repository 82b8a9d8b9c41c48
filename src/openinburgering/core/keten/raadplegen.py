"""What the domain asks DUO or reads of DUO's stored answers: the read side of the port (ADR 0049).

The DUO integration implements :class:`Raadpleging` and registers it in its ``AppConfig.ready``;
domain code calls :func:`raadpleging` and gets our own data classes back, never DUO's client or
models. Whatever goes wrong talking to DUO arrives as one :class:`KetenFout`, whose text a
caseworker can read (no BSN in it).

The inburgeringstermijn has one source (:func:`inburgeringstermijn`): DUO's opgave with its
extensions when DUO gave one, else R7/R8 from the first PIP in any gemeente; the deadline engine,
the PIP letter and the aanbod all read it from ``regels.termijnen.geldende_inburgeringstermijn``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol
from uuid import UUID

from django.db.models import Model

from openinburgering.core.keten.uitgaand import Actor, KetenNietIngericht
from openinburgering.regels.base import Termijn
from openinburgering.regels.termijnen import (
    geldende_inburgeringstermijn,
    inburgeringstermijn_van_duo,
)


class KetenFout(Exception):
    """DUO could not answer or refused the question; ``str()`` is plain Dutch without a BSN."""

    #: Worth trying again later (DUO unreachable or overloaded)?
    tijdelijk = False

    def __init__(self, melding: str, *, tijdelijk: bool = False):
        super().__init__(melding)
        self.melding = melding
        self.tijdelijk = tijdelijk


class KetenNietGevonden(KetenFout):
    """DUO has no such data for this person."""


# --- our data classes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Examenuitslag:
    onderdeel: str
    examendatum: date
    resultaat: str
    niveau: str = ""
    reden_geen_resultaat: str = ""


@dataclass(frozen=True)
class GratisPoging:
    onderdeel: str
    tegoed: int


@dataclass(frozen=True)
class Examens:
    """DUO's exam results and the free attempts left (Examen API)."""

    uitslagen: tuple[Examenuitslag, ...] = ()
    pogingen: tuple[GratisPoging, ...] = ()


@dataclass(frozen=True)
class Instelling:
    """One institution in DUO's list of recognised course providers."""

    instellingsnummer: str
    naam: str
    postcode: str
    huisnummer: int
    plaatsnaam: str
    huisnummertoevoeging: str = ""
    bow: str = ""
    brin: str = ""
    keurmerk_bow: bool = False
    keurmerk_tst: bool = False


@dataclass(frozen=True)
class DuoVerlengingsaanvraag:
    """A request to extend the term, and DUO's assessment (Verlenging API; R72)."""

    ontvangstdatum: date
    #: DUO's ``AanvraagToekenningsstatus``: Toegekend, Afgewezen or InBehandeling.
    beoordeling: str
    datum_beoordeling: date | None = None


@dataclass(frozen=True)
class DuoBoete:
    """A fine DUO imposed (Boete API; R73): whole euros, and the date of the final decision."""

    bedrag: int
    datum: date


@dataclass(frozen=True)
class DuoStand:
    """What DUO last told us about a person, as far as the domain needs it."""

    termijn_start: date | None = None
    #: Exclusive, as DUO gives it.
    termijn_einde: date | None = None
    verlengingsgrond: str = ""
    #: The PIP DUO holds (ours, or one of a previous gemeente: SS121).
    pip_dagtekening: date | None = None
    pip_leerroute: str = ""
    plicht_begindatum: date | None = None
    #: DUO's extension requests and fines as last fetched; None: never asked.
    verlengingen: tuple[DuoVerlengingsaanvraag, ...] | None = None
    boetes: tuple[DuoBoete, ...] | None = None

    @property
    def termijn(self) -> Termijn | None:
        """The term as DUO gave it (R8, or R42 when DUO extended it), or None."""
        if self.termijn_start is None or self.termijn_einde is None:
            return None
        return inburgeringstermijn_van_duo(
            self.termijn_start, self.termijn_einde, verlengingsgrond=self.verlengingsgrond
        )


@dataclass(frozen=True)
class BerichtStand:
    """An outbox message as the domain shows it: what it is and how far delivery got."""

    uuid: UUID
    soort: str
    soort_label: str
    status: str
    status_label: str
    pogingen: int = 0
    laatste_fout: str = ""
    fouten: tuple[str, ...] = ()
    inhoud: dict[str, Any] | None = field(default=None, hash=False, compare=False)


#: The outbox statuses the domain reasons about (the integration's ``UitgaandStatus`` values).
BEZORGD = "bezorgd"
PIP_REGISTREREN = "pip_registreren"


class Raadpleging(Protocol):
    """What the DUO integration answers for the domain."""

    def lbt_examennummer(self, *, gemeente: Model, actor: Actor, bsn: str) -> str:
        """Leerbaarheidstoets API ``GET /personen/{bsn}/lbt/examennummer`` now."""
        ...

    def examens(self, *, gemeente: Model, actor: Actor, bsn: str) -> Examens:
        """Examen API: the results and the free attempts left, now."""
        ...

    def instellingen(self, *, gemeente: Model) -> list[Instelling]:
        """Inburgeringsaanbod API ``GET /instellingen`` now."""
        ...

    def stand(self, inburgeraar: Model) -> DuoStand:
        """DUO's last stored answers about this person (no call to DUO)."""
        ...

    def bericht(self, *, gemeente_id: int, uuid: UUID) -> BerichtStand | None:
        """One outbox message of this gemeente, or None."""
        ...

    def berichten(
        self, *, inburgeraar_id: int, soort: str | None = None, limiet: int = 50
    ) -> list[BerichtStand]:
        """This person's latest outbox messages (of one kind, if given), newest first."""
        ...


_raadpleging: list[Raadpleging] = []


def registreer(implementatie: Raadpleging) -> None:
    """Register the implementation (the DUO integration, in ``ready``); the last one counts."""
    _raadpleging[:] = [implementatie]


def raadpleging() -> Raadpleging:
    if not _raadpleging:
        raise KetenNietIngericht(
            "No keten.raadplegen implementation: add openinburgering.integrations.duo to "
            "INSTALLED_APPS (it registers it)."
        )
    return _raadpleging[0]


def inburgeringstermijn(inburgeraar: Model, *, pip_dagtekeningen: Iterable[date]) -> Termijn | None:
    """The inburgeringstermijn that applies (one source): DUO's, with its extensions (R42),
    when DUO gave one; else R7/R8 from the first PIP, ours or a previous gemeente's (SS121)."""
    stand = raadpleging().stand(inburgeraar)
    return geldende_inburgeringstermijn(
        pip_dagtekeningen,
        duo_startdatum=stand.termijn_start,
        duo_einddatum=stand.termijn_einde,
        verlengingsgrond=stand.verlengingsgrond,
        pip_vorige_gemeente=stand.pip_dagtekening,
    )
