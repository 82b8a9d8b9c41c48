"""Command line: ``python -m openinburgering.duo_simulator [serve options]`` or
``python -m openinburgering.duo_simulator scenario [options]``.

Messages go to stderr with ``print`` (no ``logging``: DUO's paths contain BSNs).
"""

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from . import DUO_OIN_STANDAARD, REPO_ROOT
from .spec import laad_specs, standaard_specmap


def _serve_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m openinburgering.duo_simulator",
        description="DUO-simulator: speelt DUO's API's voor demo en tests. "
        "Gebruik 'scenario --help' voor het scenario.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument(
        "--db",
        default=os.environ.get(
            "DUO_SIMULATOR_DB", str(REPO_ROOT / "var" / "duo_simulator.sqlite3")
        ),
        help="SQLite-bestand met de toestand (standaard var/duo_simulator.sqlite3)",
    )
    p.add_argument(
        "--specs",
        default=None,
        help="map met DUO's OpenAPI-bestanden (standaard $DUO_SPECS_DIR of de kopie in het "
        "project: src/openinburgering/specs/duo-m2m)",
    )
    p.add_argument(
        "--gemeente-url",
        default=os.environ.get("DUO_SIMULATOR_GEMEENTE_URL", "http://127.0.0.1:8000"),
        help="basis-URL van de applicatie; notificaties gaan naar {url}/duo/v1/notificaties",
    )
    p.add_argument(
        "--duo-oin", default=os.environ.get("DUO_OIN", DUO_OIN_STANDAARD), help="DUO's OIN"
    )
    p.add_argument("--reset", action="store_true", help="begin met een lege toestand")
    p.add_argument(
        "--zaai",
        default=None,
        help="JSON-bestand met gemeenten en personen die DUO al kent (zoals POST /_sim/zaaien); "
        "ingelezen voordat de simulator verzoeken aanneemt",
    )
    p.add_argument("--stil", action="store_true", help="geen regel per verzoek op stderr")
    return p


def _stop(signum, frame):
    raise KeyboardInterrupt


def serve(argv: list[str]) -> int:
    from .app import Simulator
    from .server import maak_server

    args = _serve_parser().parse_args(argv)
    specmap = Path(args.specs) if args.specs else standaard_specmap()
    specs = laad_specs(specmap)
    if specs is None:
        print(
            f"WAARSCHUWING: map met DUO-specificaties niet gevonden ({specmap}); de simulator "
            "draait zonder validatie tegen DUO's OpenAPI-bestanden.",
            file=sys.stderr,
        )
    elif specs.ontbrekend:
        print(
            "WAARSCHUWING: geen specificatie gevonden voor " + ", ".join(specs.ontbrekend),
            file=sys.stderr,
        )
    app = Simulator(args.db, specs=specs, duo_oin=args.duo_oin, gemeente_url=args.gemeente_url)
    if args.reset:
        app.reset()
    if args.zaai:
        # Before the port opens: the gemeente's outbox must never reach a DUO that does not yet
        # know the people it reports about.
        try:
            uitkomst = app.zaaien(json.loads(Path(args.zaai).read_text(encoding="utf-8")))
        except (OSError, ValueError) as fout:
            print(f"FOUT: kan {args.zaai} niet inlezen: {fout}", file=sys.stderr)
            app.sluit()
            return 1
        print(
            f"DUO-simulator: {uitkomst['nieuw']} personen gezaaid, {uitkomst['alBekend']} waren "
            "al bekend.",
            file=sys.stderr,
        )
    try:
        server = maak_server(app, args.host, args.port, verbose=not args.stil)
    except (OSError, OverflowError, SystemExit) as fout:  # a taken port, an impossible one
        reden = "" if isinstance(fout, SystemExit) else f": {fout}"
        print(f"FOUT: kan niet luisteren op {args.host}:{args.port}{reden}", file=sys.stderr)
        app.sluit()
        return 1
    print(
        f"DUO-simulator op http://{args.host}:{server.server_port}/v1/ "
        f"(beheer: /_sim/status; database {args.db}; "
        f"specs {'uit' if specs is None else specmap})",
        file=sys.stderr,
        flush=True,
    )
    signal.signal(signal.SIGTERM, _stop)  # stop cleanly when make demo stops its processes
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        app.sluit()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "scenario":
        from .scenario import main as scenario_main

        return scenario_main(argv[1:])
    if argv and argv[0] == "serve":
        argv = argv[1:]
    return serve(argv)


if __name__ == "__main__":
    sys.exit(main())
