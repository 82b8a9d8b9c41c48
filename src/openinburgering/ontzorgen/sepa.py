"""The payment file: a SEPA credit transfer (pain.001.001.03) made with ``sepaxml`` and checked
against the ISO 20022 schema carried in ``schema/`` (ADR 0080)."""

import functools
from pathlib import Path

from lxml import etree
from sepaxml import SepaTransfer

SCHEMA = Path(__file__).parent / "schema" / "pain.001.001.03.xsd"


class BestandOngeldig(Exception):
    pass


@functools.cache
def _schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def valideer(xml: str | bytes) -> None:
    """Raise :class:`BestandOngeldig` unless ``xml`` is a valid pain.001.001.03 document."""
    document = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
    schema = _schema()
    if not schema.validate(document):
        raise BestandOngeldig(str(schema.error_log.last_error))


def omschrijving(betaling) -> str:
    """The remittance line the payee sees: their own reference and the period, no name."""
    last = betaling.vaste_last
    return f"{last.contractreferentie} {betaling.periode:%m-%Y}"[:140]


def pain001(*, run, beleid, betalingen) -> str:
    """The run's file, validated; none for a run without payments (SEPA asks at least one)."""
    if not betalingen:
        return ""
    config = {
        "name": beleid.rekeninghouder,
        "IBAN": beleid.iban,
        "BIC": beleid.bic or "NOTPROVIDED",
        "batch": True,
        "currency": "EUR",
    }
    if not beleid.bic:
        config.pop("BIC")
    bestand = SepaTransfer(config, schema="pain.001.001.03", clean=True)
    for betaling in betalingen:
        last = betaling.vaste_last
        bestand.add_payment(
            {
                "name": last.begunstigde,
                "IBAN": last.iban,
                "amount": betaling.bedrag_centen,
                "execution_date": run.uitvoerdatum,
                "description": omschrijving(betaling),
                "endtoend_id": betaling.end_to_end_id,
            }
        )
    xml = bestand.export(validate=False).decode()
    valideer(xml)
    return xml
