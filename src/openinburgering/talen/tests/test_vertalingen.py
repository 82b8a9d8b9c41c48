"""Every text of the portal is translated in every portal language (ADR 0090): the catalogues
hold exactly the msgids of the portal's files, each with a translation, none fuzzy, the same
placeholders, a review status, and a compiled .mo that says the same."""

import gettext
import re

from django.utils import translation

import pytest

from openinburgering.core.talen import VERTAALDE_CODES
from openinburgering.talen import bronnen, status
from openinburgering.talen.po import lees

PLAATSHOUDER = re.compile(r"%\((\w+)\)[sdif]|%[sdif]|\{(\w*)\}")


def _plaatshouders(tekst: str) -> list[str]:
    return sorted(m.group(0) for m in PLAATSHOUDER.finditer(tekst))


@pytest.fixture(scope="module")
def bron_msgids():
    gevonden = bronnen.msgids()
    assert gevonden, "no portal text found: is talen.bronnen.BRONNEN right?"
    return gevonden


@pytest.mark.parametrize("code", VERTAALDE_CODES)
def test_the_catalogue_holds_exactly_the_portals_texts(code, bron_msgids):
    in_po = {v.sleutel for v in status.vermeldingen(code)}
    ontbreekt = sorted(str(k) for k in set(bron_msgids) - in_po)
    over = sorted(str(k) for k in in_po - set(bron_msgids))
    assert not ontbreekt, f"{code}: not in the catalogue, run `make portaal-messages`: {ontbreekt}"
    assert not over, f"{code}: no longer used, run `make portaal-messages`: {over}"


@pytest.mark.parametrize("code", VERTAALDE_CODES)
def test_every_entry_is_translated_not_fuzzy_and_keeps_its_placeholders(code):
    fouten = []
    for v in status.vermeldingen(code):
        if not v.vertaald:
            fouten.append(f"untranslated: {v.msgid!r}")
        if "fuzzy" in v.vlaggen:
            fouten.append(f"fuzzy: {v.msgid!r}")
        for vorm in v.msgstr.values():
            bron = v.msgid_plural if v.msgid_plural and "%(" in v.msgid_plural else v.msgid
            if vorm and set(_plaatshouders(vorm)) != set(_plaatshouders(bron)):
                fouten.append(f"placeholders differ: {v.msgid!r} -> {vorm!r}")
    assert not fouten, f"{code}:\n" + "\n".join(fouten)


@pytest.mark.parametrize("code", VERTAALDE_CODES)
def test_every_entry_has_a_review_status(code):
    zonder = [
        v.msgid for v in status.vermeldingen(code) if v.nagekeken == v.machinevertaling
    ]  # neither, or both
    assert not zonder, (
        f"{code}: mark each entry '# machinevertaling' or '# nagekeken <wie>, <datum>' "
        f"(docs/portaaltalen.md): {zonder}"
    )


@pytest.mark.parametrize("code", VERTAALDE_CODES)
def test_the_compiled_catalogue_matches_the_po_file(code):
    mo = status.catalogus(code).with_suffix(".mo")
    with mo.open("rb") as f:
        gecompileerd = gettext.GNUTranslations(f)
    verschil = []
    for v in status.vermeldingen(code):
        sleutel = v.msgid if v.msgctxt is None else f"{v.msgctxt}\x04{v.msgid}"
        if v.msgid_plural is None:
            if gecompileerd._catalog.get(sleutel) != v.msgstr[0]:
                verschil.append(v.msgid)
        elif gecompileerd._catalog.get((sleutel, 0)) != v.msgstr[0]:
            verschil.append(v.msgid)
    assert not verschil, f"{code}: run `make portaal-messages` (compile): {verschil}"


def test_english_has_every_portal_text(bron_msgids):
    engels = {v.sleutel: v for v in lees(status.LOCALE / "en" / "LC_MESSAGES" / "django.po")}
    fouten = [
        str(k)
        for k in bron_msgids
        if k not in engels or not engels[k].vertaald or "fuzzy" in engels[k].vlaggen
    ]
    assert not fouten, f"en: run `make messages` and translate: {fouten}"


@pytest.mark.parametrize("code", VERTAALDE_CODES)
def test_django_shows_the_translation_at_run_time(code, bron_msgids):
    """What the page would print: never the Dutch (or Django's English) msgid itself, except
    where the translation is the same word (a name, a number)."""
    po = {v.sleutel: v for v in status.vermeldingen(code)}
    with translation.override(code):
        for ctx, msgid in bron_msgids:
            vermelding = po[(ctx, msgid)]
            if vermelding.msgid_plural:
                getoond = (
                    translation.npgettext(ctx, msgid, vermelding.msgid_plural, 1)
                    if ctx
                    else translation.ngettext(msgid, vermelding.msgid_plural, 1)
                )
                assert getoond in vermelding.msgstr.values(), (code, msgid)
                continue
            verwacht = vermelding.msgstr[0]
            getoond = (
                translation.pgettext(ctx, msgid) if ctx is not None else translation.gettext(msgid)
            )
            assert getoond == verwacht, (code, msgid)


def test_dutch_and_english_are_no_machine_translations():
    assert not status.machinevertaling("nl")
    assert not status.machinevertaling("en")
    for code in VERTAALDE_CODES:
        assert status.machinevertaling(code) is (status.niet_nagekeken(code) > 0)


def test_a_reviewed_entry_counts_as_reviewed(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ti\\n"\n\n'
        "# nagekeken Tolkencentrum Demodam, 2026-12-01\n#: portaal/x.html:1\n"
        'msgid "Afspraken"\nmsgstr "ቆጸራታት"\n\n'
        '# machinevertaling\n#, python-format\nmsgid "Op %(datum)s"\nmsgstr "ብ %(datum)s"\n\n'
        '#~ msgid "Oud"\n#~ msgstr "ኣረጊት"\n',
        encoding="utf-8",
    )
    koptekst, nagekeken, machine = lees(po)
    assert koptekst.msgid == "" and "Language: ti" in koptekst.msgstr[0]
    assert nagekeken.nagekeken and not nagekeken.machinevertaling
    assert machine.machinevertaling and not machine.nagekeken
    assert "python-format" in machine.vlaggen
    assert nagekeken.verwijzingen == ["portaal/x.html:1"]


def test_every_label_the_portal_borrows_is_a_portal_text(bron_msgids):
    from django.apps import apps

    from openinburgering.talen.geleende_teksten import VELDEN

    with translation.override("nl"):
        for app, model, veld in VELDEN:
            for _waarde, label in apps.get_model(app, model)._meta.get_field(veld).choices:
                assert (None, str(label)) in bron_msgids, (
                    f"{app}.{model}.{veld}: add {str(label)!r} to talen/geleende_teksten.py"
                )
