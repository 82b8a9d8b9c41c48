import pytest

from openinburgering.regels.digid import R95, niveau_uit_claim, niveau_voldoende


@pytest.mark.parametrize(
    ("gekregen", "vereist", "verwacht"),
    [
        ("substantieel", "substantieel", True),
        ("hoog", "substantieel", True),
        ("urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", "substantieel", True),
        ("urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract", "substantieel", False),
        ("basis", "substantieel", False),
        ("Midden", "substantieel", False),
        # A setting below Substantieel cannot lower the floor.
        ("midden", "basis", False),
        ("substantieel", "hoog", False),
        ("hoog", "hoog", True),
        ("", "substantieel", False),
        ("iets-anders", "substantieel", False),
    ],
)
def test_R95_niveau(gekregen, vereist, verwacht):
    uitkomst = niveau_voldoende(gekregen, vereist)
    assert uitkomst.waarde is verwacht
    assert uitkomst.regel is R95
    assert uitkomst.uitleg and uitkomst.uitleg_en


def test_R95_uitleg_noemt_het_nodige_niveau():
    assert "Substantieel" in niveau_voldoende("midden").uitleg
    assert "Onbekend" in niveau_voldoende("").uitleg
    assert niveau_uit_claim(" Hoog ") == "hoog"
    assert niveau_uit_claim("x") == ""
