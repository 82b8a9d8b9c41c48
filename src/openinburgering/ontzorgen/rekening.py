"""IBAN checks with python-stdnum (ISO 13616 check digits and each country's length)."""

from stdnum import iban as stdnum_iban


def iban_geldig(waarde: str) -> bool:
    return bool(waarde) and stdnum_iban.is_valid(waarde)


def iban_compact(waarde: str) -> str:
    return stdnum_iban.compact(waarde)


def iban_leesbaar(waarde: str) -> str:
    return stdnum_iban.format(waarde)
