import pytest

from openinburgering.regels.digid import R95, niveau_uit_claim, niveau_voldoende


@pytest.mark.parametrize(
    ("gekregen", "vereist", "verwacht"),
    [
        pytest.param("substantieel", "substantieel", True, id="R95-1"),
        pytest.param("hoog", "substantieel", True, id="R95-2"),
        pytest.param(
            "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard", "substantieel", True, id="R95-3"
        ),
        pytest.param(
            "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
            "substantieel",
            False,
            id="R95-4",
        ),
        pytest.param("basis", "substantieel", False, id="R95-5"),
        pytest.param("Midden", "substantieel", False, id="R95-6"),
        pytest.param("midden", "basis", False, id="R95-7"),
        pytest.param("substantieel", "hoog", False, id="R95-8"),
        pytest.param("hoog", "hoog", True, id="R95-9"),
        pytest.param("", "substantieel", False, id="R95-10"),
        pytest.param("iets-anders", "substantieel", False, id="R95-11"),
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
