"""Fictional BSNs: 11-proef-valid numbers in the 9999xxxxx range that RvIG uses for test persons."""

import random

GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_geldig_bsn(waarde: str) -> bool:
    """The 11-proef: sum of digit x weight (9..2, -1) is divisible by 11 and not 0."""
    if len(waarde) != 9 or not waarde.isdigit():
        return False
    totaal = sum(int(c) * g for c, g in zip(waarde, GEWICHTEN, strict=True))
    return totaal % 11 == 0 and totaal != 0


def genereer_bsn(rng: random.Random | None = None) -> str:
    """A new 11-proef-valid BSN starting with 9999 (test range)."""
    rng = rng or random.Random()
    while True:
        basis = "9999" + "".join(str(rng.randint(0, 9)) for _ in range(4))
        som = sum(int(c) * g for c, g in zip(basis, GEWICHTEN[:8], strict=True))
        controle = som % 11
        if controle < 10:
            kandidaat = basis + str(controle)
            if is_geldig_bsn(kandidaat):
                return kandidaat
