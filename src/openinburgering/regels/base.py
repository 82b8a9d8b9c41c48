"""Basistypen van de regels: Regel, Schending, Uitkomst, Termijn en Resultaat.

Dit module is puur Python. Het importeert niets van Django (ook niet indirect), zodat formulieren,
API, DUO-koppeling en de termijnbewaking dezelfde regels kunnen aanroepen.

Elke regel wordt één keer gedeclareerd met :func:`definieer_regel`; die registreert de regel in de
catalogus (zie :mod:`openinburgering.regels.catalogus`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

ZEKERHEDEN = ("H", "M", "L")
_ID_PATROON = re.compile(r"^R[1-9]\d*$")

#: Alle gedeclareerde regels, op id. Vul alleen via :func:`definieer_regel`.
_REGISTER: dict[str, Regel] = {}


@dataclass(frozen=True)
class Regel:
    """Eén regel uit de wet (of uit DUO's koppelvlak), met bron en uitleg."""

    id: str
    titel: str
    titel_en: str
    bron: str
    tekst: str
    tekst_en: str
    onderwerp: str
    zekerheid: str
    aanname: str = ""
    afgewezen: str = ""
    aanname_en: str = ""
    afgewezen_en: str = ""

    @property
    def nummer(self) -> int:
        """Het getal achter de R, om numeriek te sorteren (R2 vóór R10)."""
        return int(self.id[1:])

    @property
    def geimplementeerd(self) -> bool:
        return not self.afgewezen

    def __str__(self) -> str:
        return f"{self.id} {self.titel} ({self.bron})"


def definieer_regel(
    *,
    id: str,
    titel: str,
    titel_en: str,
    bron: str,
    tekst: str,
    tekst_en: str,
    onderwerp: str,
    zekerheid: str,
    aanname: str = "",
    afgewezen: str = "",
    aanname_en: str = "",
    afgewezen_en: str = "",
) -> Regel:
    """Declareer een regel en registreer hem in de catalogus.

    Een id mag maar één keer bestaan; een fout hier is een programmeerfout (geen bedrijfsregel),
    dus dan volgt een ``ValueError``.
    """
    if not _ID_PATROON.match(id):
        raise ValueError(f"Ongeldig regel-id {id!r}; verwacht R1, R2, …")
    if id in _REGISTER:
        raise ValueError(f"Regel {id} is al gedeclareerd.")
    if zekerheid not in ZEKERHEDEN:
        raise ValueError(f"Zekerheid van {id} moet H, M of L zijn, niet {zekerheid!r}.")
    for naam, waarde in (("titel", titel), ("bron", bron), ("tekst", tekst)):
        if not waarde.strip():
            raise ValueError(f"Regel {id} heeft geen {naam}.")
    # The catalogue is read in Dutch and English; a note in one language only would leave the
    # English reader with Dutch text.
    for naam, nl, en in (("aanname", aanname, aanname_en), ("afgewezen", afgewezen, afgewezen_en)):
        if bool(nl.strip()) != bool(en.strip()):
            raise ValueError(f"Regel {id}: {naam} moet in het Nederlands én het Engels.")
    nieuwe = Regel(
        id=id,
        titel=titel,
        titel_en=titel_en,
        bron=bron,
        tekst=" ".join(tekst.split()),
        tekst_en=" ".join(tekst_en.split()),
        onderwerp=onderwerp,
        zekerheid=zekerheid,
        aanname=" ".join(aanname.split()),
        afgewezen=" ".join(afgewezen.split()),
        aanname_en=" ".join(aanname_en.split()),
        afgewezen_en=" ".join(afgewezen_en.split()),
    )
    _REGISTER[id] = nieuwe
    return nieuwe


def geregistreerde_regels() -> list[Regel]:
    """Alle tot nu toe geregistreerde regels, numeriek gesorteerd (gebruik liever de catalogus)."""
    return sorted(_REGISTER.values(), key=lambda r: r.nummer)


@dataclass(frozen=True)
class Schending:
    """Eén geschonden regel, met een melding die over dit geval gaat."""

    regel: Regel
    melding: str
    melding_en: str
    veld: str | None = None

    def __str__(self) -> str:
        return f"{self.regel.id}: {self.melding}"

    def als_dict(self) -> dict[str, str | None]:
        """Voor API-fouten (problem+json ``invalid-params``) en het logboek."""
        return {
            "regel": self.regel.id,
            "titel": self.regel.titel,
            "bron": self.regel.bron,
            "melding": self.melding,
            "melding_en": self.melding_en,
            "veld": self.veld,
        }


@dataclass(frozen=True)
class Uitkomst:
    """Uitkomst van een toets: leeg = toegestaan. Bevat álle schendingen, niet alleen de eerste."""

    schendingen: tuple[Schending, ...] = ()

    @property
    def toegestaan(self) -> bool:
        return not self.schendingen

    def __bool__(self) -> bool:
        return self.toegestaan

    def __add__(self, andere: Uitkomst) -> Uitkomst:
        if not isinstance(andere, Uitkomst):
            return NotImplemented
        return Uitkomst(self.schendingen + andere.schendingen)

    @classmethod
    def samen(cls, *uitkomsten: Uitkomst) -> Uitkomst:
        """Voeg uitkomsten samen; de volgorde van de schendingen blijft bewaard."""
        schendingen: list[Schending] = []
        for uitkomst in uitkomsten:
            schendingen.extend(uitkomst.schendingen)
        return cls(tuple(schendingen))

    @classmethod
    def fout(cls, regel: Regel, melding: str, melding_en: str, veld: str | None = None) -> Uitkomst:
        """Een uitkomst met precies één schending."""
        return cls((Schending(regel, melding, melding_en, veld),))

    @property
    def regel_ids(self) -> tuple[str, ...]:
        """De ids van de geschonden regels, zonder dubbele, in volgorde van voorkomen."""
        return tuple(dict.fromkeys(s.regel.id for s in self.schendingen))

    @property
    def meldingen(self) -> tuple[str, ...]:
        return tuple(s.melding for s in self.schendingen)

    def als_dicts(self) -> list[dict[str, str | None]]:
        return [s.als_dict() for s in self.schendingen]

    def voor_veld(self, veld: str) -> tuple[Schending, ...]:
        """De schendingen die bij één invoerveld horen (voor formulieren en API-fouten)."""
        return tuple(s for s in self.schendingen if s.veld == veld)


#: De uitkomst zonder schendingen.
TOEGESTAAN = Uitkomst()


@dataclass(frozen=True)
class Termijn:
    """Een termijn met begin en einde, en met uitleg welke regel hem bepaalt.

    ``einde_inclusief`` zegt hoe ``einde`` te lezen is: ``True`` = ``einde`` is de laatste dag
    waarop nog op tijd gehandeld kan worden; ``False`` = ``einde`` is de eerste dag ná de termijn
    (zoals DUO ``einddatum`` van de inburgeringstermijn opslaat). Gebruik :attr:`laatste_dag` en
    :attr:`einde_exclusief` om nooit te hoeven raden.
    """

    start: date
    einde: date
    einde_inclusief: bool
    regel: Regel
    uitleg: str
    uitleg_en: str
    #: Het einde vóór een verschuiving door de Algemene termijnenwet (zelfde lezing als ``einde``).
    einde_zonder_verschuiving: date | None = None

    def __post_init__(self) -> None:
        if self.laatste_dag < self.start - timedelta(days=1):
            raise ValueError("Een termijn kan niet eindigen vóór zijn start.")

    @property
    def laatste_dag(self) -> date:
        """De laatste dag die nog binnen de termijn valt."""
        return self.einde if self.einde_inclusief else self.einde - timedelta(days=1)

    @property
    def einde_exclusief(self) -> date:
        """De eerste dag na de termijn."""
        return self.einde + timedelta(days=1) if self.einde_inclusief else self.einde

    @property
    def verschoven(self) -> bool:
        """Is het einde opgeschoven door de Algemene termijnenwet?"""
        return self.einde_zonder_verschuiving not in (None, self.einde)

    def bevat(self, dag: date) -> bool:
        return self.start <= dag <= self.laatste_dag

    def verstreken(self, peildatum: date) -> bool:
        """Is de termijn op ``peildatum`` voorbij (de laatste dag is dan al geweest)?"""
        return peildatum > self.laatste_dag

    def dagen_resterend(self, peildatum: date) -> int:
        """Aantal dagen vanaf ``peildatum`` tot en met de laatste dag (negatief als verstreken)."""
        return (self.laatste_dag - peildatum).days


@dataclass(frozen=True)
class Resultaat[T]:
    """Een berekende waarde met de regel die haar bepaalt en uitleg waarom."""

    waarde: T
    regel: Regel
    uitleg: str
    uitleg_en: str


def getal_nl(getal: Decimal | float) -> str:
    """Een getal met een decimale komma (36,00), zoals Django het in het Nederlands toont."""
    return str(getal).replace(".", ",")


def datum_nl(dag: date) -> str:
    """Datum als dd-mm-jjjj, zoals in alle meldingen."""
    return dag.strftime("%d-%m-%Y")
