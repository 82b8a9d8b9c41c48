"""Command line: ``python -m openinburgering.brp_simulator [--port 8002] [--zaai personen.json]``.

Messages go to stderr with ``print`` (no ``logging``: request bodies hold BSNs).
"""

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from .app import BrpStandIn
from .server import maak_server
from .spec import laad_spec, standaard_spec


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m openinburgering.brp_simulator",
        description="BRP-stand-in: speelt de BRP API Personen (RaadpleegMetBurgerservicenummer) "
        "voor demo en tests, met verzonnen personen.",
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8002)
    p.add_argument(
        "--spec",
        default=None,
        help="de OpenAPI-specificatie (standaard $BRP_SPEC of de kopie in het project: "
        "src/openinburgering/specs/brp/brp-api-personen-2.7.0.yaml)",
    )
    p.add_argument(
        "--api-key",
        default=os.environ.get("BRP_SIMULATOR_API_KEY", ""),
        help="verlang deze waarde in de header X-API-KEY (standaard: geen sleutel nodig)",
    )
    p.add_argument(
        "--zaai",
        default=None,
        help='JSON-bestand met personen ({"personen": [...]}, zoals POST /_sim/zaaien); '
        "ingelezen voordat de stand-in verzoeken aanneemt",
    )
    p.add_argument("--stil", action="store_true", help="geen regel per verzoek op stderr")
    return p


def _stop(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    pad = Path(args.spec) if args.spec else standaard_spec()
    spec = laad_spec(pad)
    if spec is None:
        print(
            f"WAARSCHUWING: BRP-specificatie niet gevonden ({pad}); de stand-in draait zonder "
            "validatie tegen de specificatie.",
            file=sys.stderr,
        )
    app = BrpStandIn(spec=spec, api_key=args.api_key)
    if args.zaai:
        try:
            uitkomst = app.zaaien(json.loads(Path(args.zaai).read_text(encoding="utf-8")))
        except (OSError, ValueError) as fout:
            print(f"FOUT: kan {args.zaai} niet inlezen: {fout}", file=sys.stderr)
            return 1
        print(f"BRP-stand-in: {uitkomst['nieuw']} personen gezaaid.", file=sys.stderr)
    try:
        server = maak_server(app, args.host, args.port, verbose=not args.stil)
    except (OSError, OverflowError) as fout:
        print(f"FOUT: kan niet luisteren op {args.host}:{args.port}: {fout}", file=sys.stderr)
        return 1
    print(
        f"BRP-stand-in op http://{args.host}:{server.server_port}/personen "
        f"(beheer: /_sim/status; specificatie {'uit' if spec is None else spec.versie})",
        file=sys.stderr,
        flush=True,
    )
    signal.signal(signal.SIGTERM, _stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        app.sluit()
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
