"""A small reader of gettext .po files: enough for the review status and the completeness
check of the portal catalogues, without a dependency (the .po files are committed text)."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Vermelding:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    vlaggen: set[str] = field(default_factory=set)
    #: Translator comments ("# ..."), where the review status is kept (ADR 0090).
    commentaar: list[str] = field(default_factory=list)
    verwijzingen: list[str] = field(default_factory=list)

    @property
    def sleutel(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def vertaald(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    @property
    def nagekeken(self) -> bool:
        return any(c.lower().startswith("nagekeken") for c in self.commentaar)

    @property
    def machinevertaling(self) -> bool:
        return any(c.lower().startswith("machinevertaling") for c in self.commentaar)


def _tekst(regel: str) -> str:
    return ast.literal_eval(regel.strip())


def lees(pad: Path) -> list[Vermelding]:
    """The entries of ``pad``, the header (msgid "") included as the first; obsolete ones (#~)
    are left out."""
    return lees_tekst(pad.read_text(encoding="utf-8"), naam=str(pad))


def lees_tekst(tekst: str, *, naam: str = "<po>") -> list[Vermelding]:
    vermeldingen: list[Vermelding] = []
    huidig = Vermelding()
    veld: tuple[str, int] | None = None
    begonnen = False

    def afsluiten() -> None:
        nonlocal huidig, veld, begonnen
        if begonnen:
            vermeldingen.append(huidig)
        huidig, veld, begonnen = Vermelding(), None, False

    for ruw in tekst.splitlines():
        regel = ruw.strip()
        if not regel:
            afsluiten()
            continue
        if regel.startswith("#~"):
            continue
        if regel.startswith("#"):
            if begonnen and veld is not None:
                afsluiten()
            if regel.startswith("#,"):
                huidig.vlaggen |= {v.strip() for v in regel[2:].split(",") if v.strip()}
            elif regel.startswith("#:"):
                huidig.verwijzingen += regel[2:].split()
            elif regel.startswith("# ") or regel == "#":
                huidig.commentaar.append(regel[1:].strip())
            continue
        if regel.startswith('"'):
            if veld is None:
                raise ValueError(f"{naam}: tekst zonder veld: {regel!r}")
            naam, index = veld
            if naam == "msgstr":
                huidig.msgstr[index] += _tekst(regel)
            else:
                setattr(huidig, naam, (getattr(huidig, naam) or "") + _tekst(regel))
            continue
        sleutelwoord, _spatie, waarde = regel.partition(" ")
        begonnen = True
        if sleutelwoord.startswith("msgstr["):
            veld = ("msgstr", int(sleutelwoord[7:-1]))
            huidig.msgstr[veld[1]] = _tekst(waarde)
        elif sleutelwoord == "msgstr":
            veld = ("msgstr", 0)
            huidig.msgstr[0] = _tekst(waarde)
        elif sleutelwoord in ("msgid", "msgctxt", "msgid_plural"):
            veld = (sleutelwoord, 0)
            setattr(huidig, sleutelwoord, _tekst(waarde))
        else:
            raise ValueError(f"{naam}: onbekende regel: {regel!r}")
    afsluiten()
    return vermeldingen
