import random
from datetime import date

from openinburgering.accounts.context import Actor
from openinburgering.demo.personen import genereer_bsn
from openinburgering.inburgeraars import services
from openinburgering.inburgeraars.codes import Doelgroep

_rng = random.Random(20220101)


def nieuw_bsn() -> str:
    return genereer_bsn(_rng)


def maak_inburgeraar(gemeente, **velden):
    """Create a fictional person through the service, as the application would."""
    bsn = velden.pop("bsn", None) or nieuw_bsn()
    standaard = {
        "voornamen": "Testa",
        "achternaam": "Voorbeeld",
        "geboortedatum": date(1990, 5, 17),
        "straat_huisnummer": "Proefstraat 7",
        "postcode": "9999 ZZ",
        "woonplaats": "Proefdorp",
        "doelgroep": Doelgroep.ASIELSTATUSHOUDER,
    }
    standaard.update(velden)
    return services.inburgeraar_aanmaken(
        actor=Actor(gemeente=gemeente, systeem="test"), bsn=bsn, **standaard
    )
