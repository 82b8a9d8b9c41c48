"""Texts kept as msgid and parameters render in the reader's language, and never break a page."""

from datetime import date

from django.utils import translation

import pytest

from openinburgering.core.teksten import (
    Herkenner,
    Tekst,
    Vertaald,
    keuze,
    label,
    opslaan,
    vertaal,
    weergeven,
)
from openinburgering.inburgeraars.workflow import Eindreden, Status


def _in(taal, tekst):
    with translation.override(taal):
        return str(tekst) if not isinstance(tekst, dict) else weergeven(tekst)


def test_vertaal_behaves_as_gettext_and_keeps_the_msgid():
    with translation.override("en"):
        tekst = vertaal("Reden: %(reden)s.") % {"reden": Eindreden.VOLDAAN.label}
        assert isinstance(tekst, Vertaald)
        assert tekst == "Reason: Integration obligation fulfilled."
    nederlands, json = opslaan(tekst)
    assert nederlands == "Reden: Inburgeringsplicht voldaan."
    assert _in("en", json) == "Reason: Integration obligation fulfilled."


def test_concatenation_keeps_both_parts_in_either_order():
    tekst = "DUO: " + vertaal("Brede intake gestart.") + " " + vertaal("Brede intake afgesloten.")
    assert isinstance(tekst, Vertaald)
    _nl, json = opslaan(tekst)
    assert _in("en", json) == "DUO: Broad intake started. Broad intake closed."
    assert _in("nl", json) == "DUO: Brede intake gestart. Brede intake afgesloten."


def test_what_cannot_keep_its_msgid_is_a_plain_string():
    tekst = vertaal("Brede intake gestart.")
    assert type(tekst.lower()) is str
    assert type(tekst.upper()) is str
    assert vertaal("Brede intake gestart.").__add__(3) is NotImplemented
    assert vertaal("x").__radd__(3) is NotImplemented
    assert opslaan("gewoon") == ("gewoon", None)


def test_tekst_with_labels_dates_and_parts():
    tekst = Tekst.samen(
        Tekst(
            "Status gewijzigd van ‘%(van)s’ naar ‘%(naar)s’.",
            van=Status.AANGEMELD.label,
            naar=label(Status.INTAKE.label, klein=True),
        ),
        Tekst("Intakegesprek gevoerd op %(datum)s.", datum=date(2026, 3, 1)),
    )
    assert tekst.in_taal("nl") == (
        "Status gewijzigd van ‘Aangemeld’ naar ‘brede intake’. Intakegesprek gevoerd op 01-03-2026."
    )
    assert tekst.in_taal("en").startswith("Status changed from ‘Registered’ to ‘broad intake’.")
    assert tekst == Tekst.uit_json(tekst.als_json()) and hash(tekst) == hash(tekst)
    assert "Tekst(" in repr(tekst)
    assert (tekst + "!").in_taal("nl").endswith("!") and ("¡" + tekst).in_taal("nl")[0] == "¡"


def test_keuze_takes_the_lazy_label_of_a_model_choice():
    class Nep:
        class _meta:  # noqa: N801
            @staticmethod
            def get_field(naam):
                class Veld:
                    flatchoices = list(Status.choices)

                return Veld

        status = Status.IN_UITVOERING

    assert _in("en", Tekst("%(s)s", s=keuze(Nep, "status"))) == "In progress"
    assert label("gewoon", klein=True) == "gewoon" and label("Gewoon") == "Gewoon"


@pytest.mark.parametrize(
    ("json", "verwacht"),
    [
        pytest.param({"t": "Onbekende %(x)s tekst", "p": {"y": 1}}, "Onbekende %(x)s tekst", id="param-past-niet"),
        pytest.param({"t": 5}, "", id="geen-msgid"),
        pytest.param(["lijst"], "", id="geen-dict"),
        pytest.param({"d": "geen datum"}, "geen datum", id="slechte-datum"),
        pytest.param(7, "7", id="getal"),
        pytest.param({"j": None}, "", id="lege-delen"),
    ],
)  # fmt: skip
def test_odd_stored_forms_never_raise(json, verwacht):
    assert weergeven(json) == verwacht


def test_a_translation_that_no_longer_fits_falls_back_to_dutch(monkeypatch):
    monkeypatch.setattr("openinburgering.core.teksten.gettext", lambda m: "kapot %(z)s")
    assert weergeven({"t": "Zienswijze ontvangen (%(d)s).", "p": {"d": "x"}}) == (
        "Zienswijze ontvangen (x)."
    )


def test_herkenner_maps_stored_dutch_and_english_back_to_msgids():
    herkenner = Herkenner()
    assert herkenner.herken("Brede intake gestart.") == {"t": "Brede intake gestart."}
    assert herkenner.herken("Broad intake started.") == {"t": "Brede intake gestart."}
    gevonden = herkenner.herken("Status gewijzigd van ‘Aangemeld’ naar ‘Brede intake’.")
    assert gevonden == {
        "t": "Status gewijzigd van ‘%(van)s’ naar ‘%(naar)s’.",
        "p": {"van": {"t": "Aangemeld"}, "naar": {"t": "Brede intake"}},
    }
    assert _in("en", gevonden) == "Status changed from ‘Registered’ to ‘Broad intake’."
    assert herkenner.herken("Iets wat niemand ooit schreef.") is None
    assert herkenner.herken("") is None
    assert Herkenner._patroon("%(a)s en %(a)s") is None


@pytest.mark.parametrize(
    ("json", "verwacht"),
    [
        ({"t": "PIP %(n)d vastgesteld", "p": {"n": 2}}, "PIP 2 vastgesteld"),
        ({"t": "PIP %(n)d vastgesteld", "p": {"n": "3"}}, "PIP 3 vastgesteld"),
        ({"t": "Kenmerk %(k)s", "p": {"k": "0012"}}, "Kenmerk 0012"),
    ],
)
def test_numbers_fill_d_placeholders_and_text_stays_text(json, verwacht):
    assert weergeven(json) == verwacht


def test_a_remembered_text_survives_pickle_and_copy():
    import copy
    import pickle

    tekst = vertaal("Reden: %(reden)s.") % {"reden": "x"}
    for kopie in (pickle.loads(pickle.dumps(tekst)), copy.deepcopy(tekst), copy.copy(tekst)):
        assert kopie == tekst and kopie.als_json() == tekst.als_json()
