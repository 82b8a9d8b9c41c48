import inspect

from openinburgering.inburgeraars.codelabels import LABELS
from openinburgering.regels import codes


def test_every_code_list_label_is_in_the_catalogue_list():
    ontbreekt = [
        lid.label
        for _naam, lijst in inspect.getmembers(codes, inspect.isclass)
        if issubclass(lijst, codes.Codelijst) and lijst is not codes.Codelijst
        for lid in lijst
        if lid.label not in LABELS
    ]
    assert not ontbreekt, (
        f"add these to inburgeraars/codelabels.py and run make messages: {ontbreekt}"
    )
