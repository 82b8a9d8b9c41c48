"""What can go wrong talking to DUO, as exceptions whose text a caseworker can read.

No message here ever contains a BSN: DUO's own ``fouttekst`` passes :func:`zonder_bsn` first, and
lower-level exceptions (whose text includes DUO's URL, and so a BSN) are never chained.
"""

import re

from django.utils.translation import gettext as _

from stdnum.nl import bsn as stdnum_bsn

_NEGEN_CIJFERS = re.compile(r"(?<!\d)(\d{9})(?!\d)")


def zonder_bsn(tekst: str) -> str:
    """Mask every 11-proef-valid BSN in a text from DUO (keep the last four digits)."""

    def maskeer(match):
        cijfers = match.group(1)
        return "•••••" + cijfers[-4:] if stdnum_bsn.is_valid(cijfers) else cijfers

    return _NEGEN_CIJFERS.sub(maskeer, tekst)


class DuoFout(Exception):
    """Base class; ``str(fout)`` is a plain Dutch explanation without personal data."""

    #: Worth trying again later (DUO unreachable or overloaded)?
    tijdelijk = False

    def __init__(self, melding: str, *, status: int | None = None):
        super().__init__(melding)
        self.melding = melding
        self.status = status


class DuoNietBereikbaar(DuoFout):
    """No connection, a timeout, or DUO answered 408/429/5xx: try again later."""

    tijdelijk = True


class DuoNietGevonden(DuoFout):
    """DUO answered 404: it has no such data for this person."""


class DuoOngeldigAntwoord(DuoFout):
    """DUO's answer did not have the shape of its own spec."""


class DuoAfwijzing(DuoFout):
    """DUO refused the request (400/401/403/…) and said why in its ``fouttekst`` list."""

    def __init__(self, *, status: int, meldingen: tuple[str, ...]):
        self.meldingen = tuple(zonder_bsn(m) for m in meldingen if m)
        if self.meldingen:
            melding = _("DUO wees het bericht af: %(fouten)s") % {
                "fouten": "; ".join(self.meldingen)
            }
        elif status == 401:
            melding = _("DUO herkent de afzender niet (controleer het certificaat).")
        elif status == 403:
            melding = _("DUO weigert dit verzoek voor deze gemeente.")
        else:
            melding = _("DUO vond het verzoek ongeldig (status %(status)s).") % {"status": status}
        super().__init__(melding, status=status)


class DuoNietRelevant(DuoFout):
    """R47: we may not ask DUO about this person; nothing was sent."""

    def __init__(self, melding: str, *, regel: str = "R47"):
        super().__init__(melding)
        self.regel = regel
