"""The English catalogue: complete, placeholders intact, and the committed .mo matches the .po.

The .mo is committed so a fresh machine needs no gettext tools; these tests catch a .po that was
edited without `make messages` (compilemessages) and a translation that breaks a placeholder.
"""

import gettext as stdlib_gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

import pytest

LC_MESSAGES = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

# %(naam)s, %(n)d, %s, %d; "%%" is a literal percent sign and not a placeholder.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
BRACE_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text):
    text = text.strip()
    assert text.startswith('"') and text.endswith('"'), text
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), text[1:-1])


def _entries():
    """A tiny .po parser: one dict per entry with msgctxt, msgid, msgid_plural, msgstr, flags."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in PO.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            if entry is not None and "msgid" in entry:
                finish()
                entry = None
            entry = entry or {"flags": set(), "msgstr": {}}
            entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            if entry is not None and "msgid" in entry:
                finish()
                entry = None
            continue
        if line.startswith('"'):
            if field[0] == "msgstr":
                entry["msgstr"][field[1]] += _unquote(line)
            else:
                entry[field[0]] += _unquote(line)
            continue
        keyword, _, value = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and entry is not None and "msgid" in entry:
            finish()
            entry = None
        entry = entry or {"flags": set(), "msgstr": {}}
        match = re.fullmatch(r"msgstr(?:\[(\d+)\])?", keyword)
        if match:
            field = ("msgstr", int(match.group(1) or 0))
            entry["msgstr"][field[1]] = _unquote(value)
        else:
            field = (keyword, None)
            entry[keyword] = _unquote(value)
    finish()
    return [e for e in entries if e["msgid"]]  # the header has an empty msgid


ENTRIES = _entries()


def _placeholders(entry, text):
    found = []
    if "python-format" in entry["flags"]:
        found += PLACEHOLDER.findall(text.replace("%%", ""))
    if "python-brace-format" in entry["flags"]:
        found += BRACE_PLACEHOLDER.findall(text)
    return sorted(found)


def test_the_catalogue_is_parsed():
    assert len(ENTRIES) > 100
    assert any("msgid_plural" in e for e in ENTRIES)


def test_every_string_is_translated_and_nothing_is_fuzzy():
    untranslated = [e["msgid"] for e in ENTRIES if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in ENTRIES if "fuzzy" in e["flags"]]
    assert not untranslated, f"untranslated in {PO.name}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy (check and clear the flag): {fuzzy[:10]}"


def test_placeholders_match_between_dutch_and_english():
    wrong = []
    for e in ENTRIES:
        if "msgid_plural" in e:
            allowed = set(_placeholders(e, e["msgid"]) + _placeholders(e, e["msgid_plural"]))
            for vorm, tekst in e["msgstr"].items():
                if not set(_placeholders(e, tekst)) <= allowed:
                    wrong.append((e["msgid"], vorm, tekst))
            laatste = e["msgstr"][max(e["msgstr"])]
            if set(_placeholders(e, laatste)) != set(_placeholders(e, e["msgid_plural"])):
                wrong.append((e["msgid_plural"], "plural", laatste))
        elif _placeholders(e, e["msgstr"][0]) != _placeholders(e, e["msgid"]):
            wrong.append((e["msgid"], 0, e["msgstr"][0]))
    assert not wrong, f"placeholders differ: {wrong[:10]}"


def test_the_committed_mo_matches_the_po():
    """Run `make messages` (compilemessages) after editing the .po."""
    with MO.open("rb") as f:
        mo = stdlib_gettext.GNUTranslations(f)
    stale = []
    for e in ENTRIES:
        ctxt = e.get("msgctxt")
        if "msgid_plural" in e:
            for n, vorm in ((1, 0), (2, 1)):
                if ctxt is not None:
                    got = mo.npgettext(ctxt, e["msgid"], e["msgid_plural"], n)
                else:
                    got = mo.ngettext(e["msgid"], e["msgid_plural"], n)
                if got != e["msgstr"][vorm]:
                    stale.append(e["msgid"])
        else:
            got = mo.pgettext(ctxt, e["msgid"]) if ctxt is not None else mo.gettext(e["msgid"])
            if got != e["msgstr"][0]:
                stale.append(e["msgid"])
    assert not stale, f"django.mo is older than django.po; run `make messages`: {stale[:10]}"


@pytest.mark.parametrize(
    ("nederlands", "engels"),
    [
        ("Inloggen", "Log in"),
        ("Uitloggen", "Log out"),
        ("Caseload", "Caseload"),
        ("Nieuwe inburgeraar", "Add newcomer"),
        ("Verwerkingenlogboek", "Processing log"),
        ("Werklijst", "Worklist"),
        ("Klantregisseur", "Caseworker"),
        ("Brede intake", "Broad intake"),
    ],
)
def test_key_ui_strings_come_out_in_english(nederlands, engels):
    with translation.override("en"):
        assert translation.gettext(nederlands) == engels
    with translation.override("nl"):
        assert translation.gettext(nederlands) == nederlands


def test_plural_forms_are_used():
    with translation.override("en"):
        tekst = "Er is %(aantal)s fout in het formulier"
        meervoud = "Er zijn %(aantal)s fouten in het formulier"
        assert translation.ngettext(tekst, meervoud, 1) % {"aantal": 1} == (
            "There is 1 error in the form"
        )
        assert translation.ngettext(tekst, meervoud, 3) % {"aantal": 3} == (
            "There are 3 errors in the form"
        )
