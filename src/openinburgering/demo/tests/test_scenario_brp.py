"""``make demo-scenario`` puts each new person in the BRP stand-in before DUO announces them, so
the gemeente reads their name, birth date and address from the BRP (ADR 0062)."""

from openinburgering.brp_simulator.app import BrpStandIn
from openinburgering.brp_simulator.server import AchtergrondServer as BrpServer
from openinburgering.brp_simulator.spec import laad_spec
from openinburgering.duo_simulator.app import Simulator
from openinburgering.duo_simulator.scenario import main as scenario_main
from openinburgering.duo_simulator.server import AchtergrondServer as DuoServer
from openinburgering.duo_simulator.spec import laad_specs, standaard_specmap

GEMEENTE_OIN = "00000001234567890001"


def test_the_scenario_seeds_the_brp_stand_in(tmp_path, capsys):
    duo = Simulator(tmp_path / "duo.sqlite3", specs=laad_specs(standaard_specmap()))
    duo_server = DuoServer(duo).start()
    brp = BrpStandIn(spec=laad_spec())
    brp_server = BrpServer(brp).start()
    try:
        code = scenario_main(
            ["--gemeente-oin", GEMEENTE_OIN, "--gemeentecode", "9001", "--gemeentenaam",
             "Demodam", "--gemeente-url", "http://127.0.0.1:9", "--simulator-url",
             duo_server.url, "--brp-url", brp_server.url, "--aantal", "3", "--seed", "5"]
        )  # fmt: skip
        assert code == 0
        personen = {p["bsn"]: p for p in brp._personen.values()}
        assert len(personen) == 3
        for persoon in personen.values():
            assert persoon["adres"]["woonplaats"] == "Demodam"
            assert persoon["gemeenteVanInschrijving"] == {"code": "9001", "omschrijving": "Demodam"}
        assert sum(1 for p in personen.values() if p.get("adresInOnderzoek")) == 1
        uit = capsys.readouterr().out
        assert "naam, geboortedatum en adres uit de BRP" in uit
        for persoon in personen.values():
            assert f"in de BRP: {persoon['voornamen']} {persoon['geslachtsnaam']}" in uit
    finally:
        brp_server.stop()
        duo_server.stop()
        duo.sluit()
