"""The import contracts in pyproject.toml (checked by `make lint-architectuur`) can only forbid
packages they name. A new top-level package must therefore appear in the forbidden lists of
regels, the DUO simulator and the BRP stand-in, or they could import it unnoticed."""

import tomllib
from pathlib import Path

import openinburgering

PAKKET = Path(openinburgering.__file__).parent
CONTRACTEN = {
    c["id"]: c
    for c in tomllib.loads((PAKKET.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"
    ]["importlinter"]["contracts"]
}


def _topniveau() -> set[str]:
    pakketten = {p.name for p in PAKKET.iterdir() if (p / "__init__.py").is_file()}
    modules = {p.stem for p in PAKKET.glob("*.py") if p.stem != "__init__"}
    return {f"openinburgering.{naam}" for naam in pakketten | modules}


def test_regels_and_the_simulator_forbid_every_other_top_level_package():
    alle = _topniveau()
    assert {"openinburgering.regels", "openinburgering.traject"} <= alle
    for contract_id, eigen in [
        ("regels-puur", "openinburgering.regels"),
        ("simulator-los", "openinburgering.duo_simulator"),
        ("brp-stand-in-los", "openinburgering.brp_simulator"),
        ("digid-stand-in-los", "openinburgering.digid_standin"),
    ]:
        contract = CONTRACTEN[contract_id]
        assert contract["source_modules"] == [eigen]
        verboden = set(contract["forbidden_modules"])
        assert alle - {eigen} <= verboden, contract_id
        assert "django" in verboden


def test_every_domain_app_is_in_the_layers_and_kept_from_integrations():
    lagen = [{m.strip() for m in laag.split(":")} for laag in CONTRACTEN["lagen"]["layers"]]
    domein = set(CONTRACTEN["domein-zonder-integraties"]["source_modules"])
    assert lagen[0] == {"openinburgering.demo"}
    # The edge: the DUO and BRP links, the subscriptions (events out, ADR 0072) and the
    # newcomer's portal (ADR 0086).
    assert lagen[1] == {
        "openinburgering.integrations",
        "openinburgering.abonnementen",
        "openinburgering.portaal",
    }
    assert lagen[2] == domein
    assert lagen[-1] == {"openinburgering.regels"}
