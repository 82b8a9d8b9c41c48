"""Load for ``make bench-lijsten`` (locust, in its own process): one JSON argument, one JSON line
of results (p50/p95/p99 in ms, requests per second, errors).

``{"host", "gebruikers", "seconden", "opwarmen", "verzoeken": [{"methode", "pad", "headers",
"data"}]}`` sends the requests in turn, without waiting, from ``gebruikers`` connections.
With ``"mix"`` instead of ``"verzoeken"`` each user is a caseworker: the caseload, a dossier, a
search by BSN, and now and then a saved form (read the form, post it back).
"""

import json
import random
import re
import sys
import time

import gevent
from locust import FastHttpUser, constant, task
from locust.env import Environment

SPEC = json.loads(sys.argv[1])
VERSIE = re.compile(r'name="versie"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="versie"')


class Verzoeken(FastHttpUser):
    host = SPEC["host"]
    wait_time = constant(0)

    @task
    def verzoek(self):
        r = random.choice(SPEC.get("verzoeken") or [{}])
        self._doe(r, r.get("naam", "verzoek"))

    def _doe(self, r, naam):
        with self.client.request(
            r["methode"],
            r["pad"],
            headers=r.get("headers"),
            data=r.get("data"),
            name=naam,
            allow_redirects=False,
            catch_response=True,
        ) as antwoord:
            if antwoord.status_code >= 400 or antwoord.status_code == 0:
                antwoord.failure(f"HTTP {antwoord.status_code}")
            else:
                antwoord.success()
            return antwoord


class Medewerker(Verzoeken):
    """A caseworker: mostly lists and dossiers, a search, now and then a saved form."""

    volgnummer = 0

    def on_start(self):
        mix = SPEC["mix"]
        Medewerker.volgnummer += 1
        self.eigen = mix["formulieren"][Medewerker.volgnummer % len(mix["formulieren"])]

    @task(4)
    def lijst(self):
        self._doe(random.choice(SPEC["mix"]["lijsten"]), "lijst")

    @task(4)
    def dossier(self):
        self._doe(random.choice(SPEC["mix"]["dossiers"]), "dossier")

    @task(2)
    def zoeken(self):
        self._doe(random.choice(SPEC["mix"]["zoeken"]), "zoeken")

    @task(1)
    def formulier(self):
        lezen = self._doe({**self.eigen, "methode": "GET", "data": None}, "formulier lezen")
        treffer = VERSIE.search(lezen.text or "")
        if not treffer:
            return
        data = dict(self.eigen["data"], versie=treffer.group(1) or treffer.group(2))
        self._doe({**self.eigen, "data": data}, "formulier opslaan")


def main():
    klasse = Medewerker if "mix" in SPEC else Verzoeken
    env = Environment(user_classes=[klasse])
    runner = env.create_local_runner()
    runner.start(SPEC["gebruikers"], spawn_rate=SPEC["gebruikers"])
    gevent.sleep(SPEC.get("opwarmen", 1))
    env.stats.reset_all()
    begin = time.monotonic()
    gevent.sleep(SPEC["seconden"])
    duur = time.monotonic() - begin
    stats = env.stats
    runner.quit()

    def regel(s):
        return {
            "n": s.num_requests,
            "fouten": s.num_failures,
            "per_seconde": s.num_requests / duur,
            "p50": s.get_response_time_percentile(0.5) or 0,
            "p95": s.get_response_time_percentile(0.95) or 0,
            "p99": s.get_response_time_percentile(0.99) or 0,
        }

    uit = {"totaal": regel(stats.total)}
    uit["per_soort"] = {s.name: regel(s) for s in stats.entries.values()}
    print(json.dumps(uit))


if __name__ == "__main__":
    main()
