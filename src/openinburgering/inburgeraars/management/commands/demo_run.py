import importlib.util
import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from openinburgering.accounts.models import User
from openinburgering.accounts.rollen import Rol

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


def demo_omgeving(*, simulator_port: int) -> dict[str, str]:
    """The environment of the demo's processes."""
    return {
        **os.environ,
        "DUO_API_ROOT": f"http://127.0.0.1:{simulator_port}",
        # No technical error pages (with our URL patterns) for demo visitors: our own 404 and
        # 500 pages, as in production. Static files still work (WHITENOISE_USE_FINDERS).
        "DEBUG": "false",
        "DEMO_MODE": "true",
    }


class Command(BaseCommand):
    help = "Start de webserver, de taakverwerker en de DUO-simulator samen; Ctrl-C stopt alles."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--simulator-port", type=int, default=8001)

    def handle(self, *args, port, simulator_port, **options):
        # Ctrl-C (or a TERM) at any moment, even during start-up, stops everything we started.
        stoppen = []
        signal.signal(signal.SIGINT, lambda *_: stoppen.append(True))
        signal.signal(signal.SIGTERM, lambda *_: stoppen.append(True))
        manage = [sys.executable, os.path.abspath(sys.argv[0])]
        env = demo_omgeving(simulator_port=simulator_port)
        processen = [
            subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env),
            subprocess.Popen([*manage, "db_worker", "--interval", "1", "--no-reload"], env=env),
            # Delivers what we owe DUO (the outbox) to the simulator, with retries.
            subprocess.Popen(
                [*manage, "duo_outbox_verwerken", "--loop", "--interval", "2"], env=env
            ),
            # Processes what DUO notifies us (the inbox).
            subprocess.Popen([*manage, "duo_inbox_verwerken", "--loop"], env=env),
        ]
        simulator = importlib.util.find_spec("openinburgering.duo_simulator") is not None
        if simulator:
            processen.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "openinburgering.duo_simulator",
                        "--port",
                        str(simulator_port),
                        "--gemeente-url",
                        f"http://127.0.0.1:{port}",
                    ],
                    env=env,
                )
            )
        self.stdout.write(
            self.style.SUCCESS(f"\nOpen Inburgering draait op http://127.0.0.1:{port}/")
        )
        if simulator:
            self.stdout.write(f"De DUO-simulator draait op http://127.0.0.1:{simulator_port}/")
            self.stdout.write(
                "Laat DUO nieuwe inburgeraars melden: `make demo-scenario` in een tweede terminal."
            )
        self.stdout.write(f"\nDemo-logins (wachtwoord voor iedereen: {DEMO_WACHTWOORD}):")
        for regel in demo_logins():
            self.stdout.write(f"  {regel}")
        self.stdout.write("\nStoppen: Ctrl-C\n")
        try:
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
