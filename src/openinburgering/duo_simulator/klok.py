"""The simulator's clock: real time, a fixed "today", or a scaled clock (persisted in the store)."""

import time
from datetime import date, datetime, timedelta

from .store import Store


class Klok:
    def __init__(self, store: Store):
        self.store = store

    def stand(self) -> dict:
        instelling = self.store.lees_instelling("klok") or {}
        nu = self.nu()
        return {
            "vandaag": nu.date().isoformat(),
            "nu": nu.isoformat(timespec="seconds"),
            "vast": instelling.get("vandaag"),
            "factor": instelling.get("factor"),
        }

    def instellen(self, vandaag: date | None, factor: float | None = None) -> None:
        if vandaag is None:
            self.store.schrijf_instelling("klok", {})
        else:
            self.store.schrijf_instelling(
                "klok",
                {"vandaag": vandaag.isoformat(), "factor": factor, "ingesteldOp": time.time()},
            )

    def nu(self) -> datetime:
        echt = datetime.now().astimezone()
        instelling = self.store.lees_instelling("klok") or {}
        if not instelling.get("vandaag"):
            return echt
        basis = date.fromisoformat(instelling["vandaag"])
        factor = instelling.get("factor")
        if factor:
            begin = datetime.combine(basis, datetime.min.time(), tzinfo=echt.tzinfo)
            verstreken = (time.time() - instelling["ingesteldOp"]) * float(factor)
            return begin + timedelta(seconds=verstreken)
        return datetime.combine(basis, echt.timetz())

    def vandaag(self) -> date:
        return self.nu().date()
