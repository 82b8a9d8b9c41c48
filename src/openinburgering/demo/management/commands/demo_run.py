import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol
from openinburgering.demo import brp as demo_brp
from openinburgering.demo import digid as demo_digid
from openinburgering.demo.simulator import zaaigegevens
from openinburgering.integrations.duo.models import UitgaandBericht, UitgaandStatus

from .demo_data import DEMO_WACHTWOORD


def demo_logins() -> list[str]:
    """Every demo user with their role(s), read from the database so every app's users appear."""
    regels = []
    users = User.objects.prefetch_related("lidmaatschappen__gemeente").select_related(
        "taalaanbieder__instelling"
    )
    for user in users.order_by("username"):
        rollen = [f"{Rol(lm.rol).label} ({lm.gemeente.naam})" for lm in user.lidmaatschappen.all()]
        school = getattr(user, "taalaanbieder", None)
        if school is not None:
            rollen.append(f"{_('Taalaanbieder')} ({school.instelling})")
        if rollen:
            regels.append(f"{user.username:16} {', '.join(rollen)}")
    return regels


def demo_omgeving(
    *, simulator_port: int, brp_port: int | None = None, digid_port: int = 8003
) -> dict[str, str]:
    """The environment of the demo's processes."""
    omgeving = {
        **os.environ,
        "DUO_API_ROOT": f"http://127.0.0.1:{simulator_port}",
        # No technical error pages (with our URL patterns) for demo visitors: our own 404 and
        # 500 pages, as in production. Static files still work (WHITENOISE_USE_FINDERS).
        "DEBUG": "false",
        "DEMO_MODE": "true",
        # The newcomer's portal signs in at the DigiD stand-in (ADR 0085). Explicitly: this
        # process's settings already put the default port's endpoints in os.environ.
        "DIGID_STANDIN_URL": f"http://127.0.0.1:{digid_port}",
        **{
            f"DIGID_OIDC_OP_{naam.upper()}_ENDPOINT": f"http://127.0.0.1:{digid_port}/{pad}"
            for naam, pad in (
                ("authorization", "authorize"),
                ("token", "token"),
                ("user", "userinfo"),
            )
        },
    }
    if brp_port is not None:
        # The BRP stand-in (ADR 0062): names, birth dates and addresses come from there.
        omgeving["BRP_API_ROOT"] = f"http://127.0.0.1:{brp_port}"
    return omgeving


class Command(BaseCommand):
    help = (
        "Start de webserver, de taakverwerker, de DUO-simulator en de BRP-stand-in samen; "
        "Ctrl-C stopt alles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--simulator-port", type=int, default=8001)
        parser.add_argument("--brp-port", type=int, default=8002)
        parser.add_argument("--digid-port", type=int, default=8003)

    def handle(self, *args, port, simulator_port, brp_port, digid_port, **options):
        # Ctrl-C (or a TERM) at any moment, even during start-up, stops everything we started.
        stoppen = []
        signal.signal(signal.SIGINT, lambda *_: stoppen.append(True))
        signal.signal(signal.SIGTERM, lambda *_: stoppen.append(True))
        manage = [sys.executable, os.path.abspath(sys.argv[0])]
        stand_in = importlib.util.find_spec("openinburgering.brp_simulator") is not None
        env = demo_omgeving(
            simulator_port=simulator_port,
            brp_port=brp_port if stand_in else None,
            digid_port=digid_port,
        )
        processen = []
        simulator = importlib.util.find_spec("openinburgering.duo_simulator") is not None
        bijzonder: list[tuple[str, str]] = []
        try:
            if stand_in:
                # The BRP before DUO: a person DUO announces is looked up there at once.
                proces, bijzonder = self._brp_starten(brp_port, env)
                processen.append(proces)
                self._wachten_op(
                    f"http://127.0.0.1:{brp_port}/_sim/status",
                    proces,
                    stoppen,
                    "BRP-stand-in",
                    "BRP_PORT",
                )
            processen.append(self._digid_starten(digid_port, env))
            self._wachten_op(
                f"http://127.0.0.1:{digid_port}/_standin/status",
                processen[-1],
                stoppen,
                "DigiD-stand-in",
                "DIGID_PORT",
            )
            if simulator:
                # First DUO, knowing the demo's people: the outbox must never reach a DUO that
                # would refuse every message for "persoon niet bekend".
                processen.append(self._simulator_starten(port, simulator_port, env))
                self._wachten_op_simulator(simulator_port, processen[-1], stoppen)
            processen += [
                subprocess.Popen(
                    [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env
                ),
                subprocess.Popen([*manage, "db_worker", "--interval", "1", "--no-reload"], env=env),
                # Delivers what we owe DUO (the outbox) to the simulator, with retries.
                subprocess.Popen(
                    [*manage, "duo_outbox_verwerken", "--loop", "--interval", "2"], env=env
                ),
                # Processes what DUO notifies us (the inbox).
                subprocess.Popen([*manage, "duo_inbox_verwerken", "--loop"], env=env),
                # Delivers events to the subscribers of the gemeenten (webhooks, ADR 0072).
                subprocess.Popen(
                    [*manage, "abonnementen_bezorgen", "--loop", "--interval", "2"], env=env
                ),
            ]
            self._welkom(port, simulator_port, simulator)
            if stand_in:
                self._welkom_brp(port, brp_port, bijzonder)
            self.stdout.write(
                f"Het portaal voor de inburgeraar: http://127.0.0.1:{port}/portaal/ (inloggen via "
                f"de DigiD-stand-in op poort {digid_port}; alle personen zijn verzonnen)."
            )
            while not stoppen and all(p.poll() is None for p in processen):
                time.sleep(0.5)
        finally:
            for proces in processen:
                if proces.poll() is None:
                    proces.terminate()
            for proces in processen:
                try:
                    proces.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proces.kill()

    def _simulator_starten(self, port, simulator_port, env) -> subprocess.Popen:
        zaai = Path(settings.BASE_DIR) / "var" / "duo_simulator_demo.json"
        zaai.parent.mkdir(parents=True, exist_ok=True)
        zaai.write_text(json.dumps(zaaigegevens(), ensure_ascii=False), encoding="utf-8")
        # Nothing delivered to DUO yet means fresh demo data: DUO starts over with it, so that a
        # simulator left from an earlier demo cannot refuse today's PIPs as older than its own.
        vers = not UitgaandBericht.objects.filter(status=UitgaandStatus.BEZORGD).exists()
        self.stdout.write(
            "DUO-simulator starten met de demopersonen"
            + (" (nieuwe demodata: DUO begint opnieuw)…" if vers else "…")
        )
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "openinburgering.duo_simulator",
                "--port",
                str(simulator_port),
                "--gemeente-url",
                f"http://127.0.0.1:{port}",
                "--zaai",
                str(zaai),
                *(["--reset"] if vers else []),
            ],
            env=env,
        )

    def _brp_starten(self, brp_port, env) -> tuple[subprocess.Popen, list[tuple[str, str]]]:
        gegevens, bijzonder = demo_brp.zaaigegevens()
        zaai = Path(settings.BASE_DIR) / "var" / "brp_simulator_demo.json"
        zaai.parent.mkdir(parents=True, exist_ok=True)
        zaai.write_text(json.dumps(gegevens, ensure_ascii=False), encoding="utf-8")
        self.stdout.write("BRP-stand-in starten met de demopersonen…")
        proces = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "openinburgering.brp_simulator",
                "--port",
                str(brp_port),
                "--zaai",
                str(zaai),
            ],
            env=env,
        )
        return proces, bijzonder

    def _digid_starten(self, digid_port, env) -> subprocess.Popen:
        zaai = Path(settings.BASE_DIR) / "var" / "digid_standin_demo.json"
        zaai.parent.mkdir(parents=True, exist_ok=True)
        zaai.write_text(json.dumps(demo_digid.zaaigegevens(), ensure_ascii=False), encoding="utf-8")
        self.stdout.write("DigiD-stand-in starten met de demopersonen…")
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "openinburgering.digid_standin",
                "--port",
                str(digid_port),
                "--zaai",
                str(zaai),
            ],
            env=env,
        )

    def _welkom_brp(self, port, brp_port, bijzonder) -> None:
        self.stdout.write(
            f"De BRP-stand-in draait op http://127.0.0.1:{brp_port}/personen; wie DUO meldt, "
            "krijgt daaruit naam, geboortedatum en adres."
            + ("" if brp_port == 8002 else f" Geef BRP_PORT={brp_port} ook aan make demo-scenario.")
        )
        if bijzonder:
            woorden = {
                "geheimhouding": "geheimhouding",
                "adresInOnderzoek": "adres in onderzoek",
                "overleden": "overleden",
            }
            self.stdout.write(
                "Met ‘Opnieuw ophalen uit de BRP’ op het dossier ziet u: "
                + "; ".join(f"{naam} ({woorden[soort]})" for naam, soort in bijzonder)
                + "."
            )

    def _wachten_op(self, url, proces, stoppen, naam, variabele, *, seconden=60) -> None:
        einde = time.monotonic() + seconden
        poort = url.split(":")[2].split("/")[0]
        while not stoppen and time.monotonic() < einde:
            if proces.poll() is not None:
                raise CommandError(
                    f"De {naam} stopte meteen (poort {poort} bezet? Kies een andere met "
                    f"{variabele}=…)."
                )
            try:
                with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own localhost
                    return
            except OSError:
                time.sleep(0.3)
        if not stoppen:
            raise CommandError(f"De {naam} antwoordt niet op {url}.")

    def _wachten_op_simulator(self, simulator_port, proces, stoppen, *, seconden=60) -> None:
        url = f"http://127.0.0.1:{simulator_port}/_sim/status"
        einde = time.monotonic() + seconden
        while not stoppen and time.monotonic() < einde:
            if proces.poll() is not None:
                raise CommandError(
                    f"De DUO-simulator stopte meteen (poort {simulator_port} bezet? Kies een "
                    "andere met SIMULATOR_PORT=…)."
                )
            try:
                with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own localhost
                    return
            except OSError:
                time.sleep(0.3)
        if not stoppen:
            raise CommandError(f"De DUO-simulator antwoordt niet op {url}.")

    def _welkom(self, port, simulator_port, simulator) -> None:
        self.stdout.write(
            self.style.SUCCESS(f"\nOpen Inburgering draait op http://127.0.0.1:{port}/")
        )
        if simulator:
            self.stdout.write(f"De DUO-simulator draait op http://127.0.0.1:{simulator_port}/")
            poorten = (
                ""
                if (port, simulator_port) == (8000, 8001)
                else f" PORT={port} SIMULATOR_PORT={simulator_port}"
            )
            self.stdout.write(
                "DUO kent de demopersonen; de meldingen van de gemeente (PIP's, uren) gaan nu naar "
                f"DUO: zie http://127.0.0.1:{port}/koppeling/duo/ (login beheer).\n"
                f"Laat DUO nieuwe inburgeraars melden: `make demo-scenario{poorten}` in een "
                "tweede terminal."
            )
        self.stdout.write(f"\nDemo-logins (wachtwoord voor iedereen: {DEMO_WACHTWOORD}):")
        for regel in demo_logins():
            self.stdout.write(f"  {regel}")
        self.stdout.write("\nStoppen: Ctrl-C\n")
