"""The simulator's state in SQLite (stdlib ``sqlite3``), in one file so it survives a restart.

One connection, WAL mode, and one lock: every request runs its reads and writes as a single
transaction while holding the lock, so the threaded server is safe.
"""

import json
import sqlite3
import threading
from contextlib import contextmanager, suppress
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS instellingen_sim (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS gemeenten (
    oin TEXT PRIMARY KEY, gemeentecode TEXT NOT NULL, naam TEXT
);
CREATE TABLE IF NOT EXISTS personen (bsn TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cursusinstellingen (
    instellingsnummer TEXT PRIMARY KEY, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS contactpersonen (
    id INTEGER PRIMARY KEY AUTOINCREMENT, bron TEXT NOT NULL, data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS koppelingen (
    bsn TEXT NOT NULL, bron TEXT NOT NULL, contactpersoon_id INTEGER NOT NULL,
    PRIMARY KEY (bsn, bron)
);
CREATE TABLE IF NOT EXISTS berichten (
    volgnummer INTEGER PRIMARY KEY AUTOINCREMENT,
    tijd TEXT NOT NULL, bron TEXT, bericht_id TEXT, methode TEXT NOT NULL, pad TEXT NOT NULL,
    body TEXT, status INTEGER NOT NULL, herhaling INTEGER NOT NULL DEFAULT 0,
    toegepast INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS antwoorden (
    bron TEXT NOT NULL, bericht_id TEXT NOT NULL, vingerafdruk TEXT NOT NULL,
    status INTEGER NOT NULL, body TEXT, PRIMARY KEY (bron, bericht_id)
);
CREATE TABLE IF NOT EXISTS notificaties (
    volgnummer INTEGER PRIMARY KEY AUTOINCREMENT, tijd TEXT NOT NULL, doel TEXT NOT NULL,
    bericht_id TEXT NOT NULL, bsn TEXT, gebeurtenis_id TEXT NOT NULL, body TEXT NOT NULL,
    status INTEGER, antwoord TEXT
);
CREATE TABLE IF NOT EXISTS gebeurtenissen (
    volgnummer INTEGER PRIMARY KEY AUTOINCREMENT, bsn TEXT NOT NULL, gebeurtenis_id TEXT NOT NULL,
    omschrijving TEXT NOT NULL, datum TEXT NOT NULL, tijd TEXT NOT NULL,
    genotificeerd INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS gebeurtenissen_bsn ON gebeurtenissen (bsn, volgnummer);
"""

TABELLEN = (
    "instellingen_sim",
    "gemeenten",
    "personen",
    "cursusinstellingen",
    "contactpersonen",
    "koppelingen",
    "berichten",
    "antwoorden",
    "notificaties",
    "gebeurtenissen",
)

# Recognised institutions (invented) that GET /instellingen lists after every reset.
STANDAARD_INSTELLINGEN = (
    {
        "instellingsnummer": "1000000001",
        "naam": "Taalhuis De Brug",
        "postcode": "1234AB",
        "huisnummer": 12,
        "plaatsnaam": "Demodam",
        "bow": "40001",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": False,
    },
    {
        "instellingsnummer": "1000000002",
        "naam": "ROC Zuidwaard",
        "postcode": "2345BC",
        "huisnummer": 1,
        "huisnummertoevoeging": "A",
        "plaatsnaam": "Proefwijk",
        "bow": "40002",
        "brin": "25XY",
        "indicatieBowKeurmerk": True,
        "indicatieTstKeurmerk": True,
    },
    {
        "instellingsnummer": "1000000003",
        "naam": "Schakelcollege Noord",
        "postcode": "3456CD",
        "huisnummer": 80,
        "plaatsnaam": "Demodam",
        "brin": "31ZZ",
        "indicatieBowKeurmerk": False,
        "indicatieTstKeurmerk": True,
    },
)


class Store:
    def __init__(self, pad: Path | str):
        self.pad = Path(pad)
        if str(pad) != ":memory:":
            self.pad.parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self._db = sqlite3.connect(
            str(pad), check_same_thread=False, isolation_level=None, timeout=30
        )
        self._db.row_factory = sqlite3.Row
        with self.lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
            if not self._db.execute("SELECT 1 FROM cursusinstellingen LIMIT 1").fetchone():
                with self.transactie():
                    self._standaard_vullen()

    def sluit(self):
        with self.lock:
            self._db.close()

    @contextmanager
    def transactie(self):
        """Hold the lock and run everything inside as one SQLite transaction (re-entrant)."""
        with self.lock:
            if self._db.in_transaction:
                yield self
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def sql(self, query: str, params=()):
        return self._db.execute(query, params)

    # --- reset ---------------------------------------------------------------------------
    def reset(self):
        with self.transactie():
            for tabel in TABELLEN:
                self.sql(f"DELETE FROM {tabel}")  # noqa: S608 - fixed table names
            self.sql("DELETE FROM sqlite_sequence")
            self._standaard_vullen()

    def _standaard_vullen(self):
        for instelling in STANDAARD_INSTELLINGEN:
            self.sql(
                "INSERT OR REPLACE INTO cursusinstellingen VALUES (?, ?)",
                (instelling["instellingsnummer"], json.dumps(instelling)),
            )

    # --- key/value ---------------------------------------------------------------------------
    def lees_instelling(self, sleutel: str, standaard=None):
        rij = self.sql(
            "SELECT waarde FROM instellingen_sim WHERE sleutel = ?", (sleutel,)
        ).fetchone()
        return json.loads(rij["waarde"]) if rij else standaard

    def schrijf_instelling(self, sleutel: str, waarde) -> None:
        with self.transactie():
            self.sql(
                "INSERT OR REPLACE INTO instellingen_sim VALUES (?, ?)",
                (sleutel, json.dumps(waarde)),
            )

    # --- gemeenten ---------------------------------------------------------------------------
    def gemeente_opslaan(self, oin: str, gemeentecode: str, naam: str | None = None) -> None:
        self.sql("INSERT OR REPLACE INTO gemeenten VALUES (?, ?, ?)", (oin, gemeentecode, naam))

    def gemeentecode(self, oin: str) -> str | None:
        rij = self.sql("SELECT gemeentecode FROM gemeenten WHERE oin = ?", (oin,)).fetchone()
        return rij["gemeentecode"] if rij else None

    def gemeenten(self) -> list[dict]:
        return [dict(r) for r in self.sql("SELECT * FROM gemeenten ORDER BY oin")]

    # --- personen ----------------------------------------------------------------------------
    def persoon(self, bsn: str) -> dict | None:
        rij = self.sql("SELECT data FROM personen WHERE bsn = ?", (bsn,)).fetchone()
        return json.loads(rij["data"]) if rij else None

    def persoon_opslaan(self, persoon: dict) -> None:
        self.sql(
            "INSERT OR REPLACE INTO personen VALUES (?, ?)",
            (persoon["bsn"], json.dumps(persoon, ensure_ascii=False)),
        )

    def personen(self) -> list[dict]:
        return [json.loads(r["data"]) for r in self.sql("SELECT data FROM personen ORDER BY bsn")]

    # --- cursusinstellingen ----------------------------------------------------------------
    def instelling(self, nummer: str) -> dict | None:
        rij = self.sql(
            "SELECT data FROM cursusinstellingen WHERE instellingsnummer = ?", (nummer,)
        ).fetchone()
        return json.loads(rij["data"]) if rij else None

    def instellingen(self) -> list[dict]:
        rijen = self.sql("SELECT data FROM cursusinstellingen ORDER BY instellingsnummer")
        return [json.loads(r["data"]) for r in rijen]

    def instelling_opslaan(self, instelling: dict) -> None:
        self.sql(
            "INSERT OR REPLACE INTO cursusinstellingen VALUES (?, ?)",
            (instelling["instellingsnummer"], json.dumps(instelling, ensure_ascii=False)),
        )

    # --- contactpersonen -----------------------------------------------------------------------
    def contactpersoon(self, id_: int) -> dict | None:
        rij = self.sql("SELECT * FROM contactpersonen WHERE id = ?", (id_,)).fetchone()
        if not rij:
            return None
        return {"id": rij["id"], "bron": rij["bron"], "gegevens": json.loads(rij["data"])}

    def contactpersoon_aanmaken(self, bron: str, gegevens: dict) -> int:
        cur = self.sql(
            "INSERT INTO contactpersonen (bron, data) VALUES (?, ?)",
            (bron, json.dumps(gegevens, ensure_ascii=False)),
        )
        return int(cur.lastrowid)

    def contactpersoon_wijzigen(self, id_: int, gegevens: dict) -> None:
        self.sql(
            "UPDATE contactpersonen SET data = ? WHERE id = ?",
            (json.dumps(gegevens, ensure_ascii=False), id_),
        )

    def contactpersoon_verwijderen(self, id_: int) -> None:
        self.sql("DELETE FROM koppelingen WHERE contactpersoon_id = ?", (id_,))
        self.sql("DELETE FROM contactpersonen WHERE id = ?", (id_,))

    def koppelen(self, bsn: str, bron: str, id_: int) -> None:
        self.sql("INSERT OR REPLACE INTO koppelingen VALUES (?, ?, ?)", (bsn, bron, id_))

    def ontkoppelen(self, bsn: str, bron: str, id_: int) -> bool:
        cur = self.sql(
            "DELETE FROM koppelingen WHERE bsn = ? AND bron = ? AND contactpersoon_id = ?",
            (bsn, bron, id_),
        )
        return cur.rowcount > 0

    def koppelingen_van(self, bsn: str) -> list[dict]:
        rijen = self.sql("SELECT * FROM koppelingen WHERE bsn = ? ORDER BY bron", (bsn,))
        uit = []
        for r in rijen:
            cp = self.contactpersoon(r["contactpersoon_id"])
            uit.append(
                {
                    "gemeenteOin": r["bron"],
                    "contactpersoonId": r["contactpersoon_id"],
                    "contactpersoongegevens": cp["gegevens"] if cp else None,
                }
            )
        return uit

    # --- idempotency and the message log -------------------------------------------------------
    def antwoord(self, bron: str, bericht_id: str) -> dict | None:
        rij = self.sql(
            "SELECT * FROM antwoorden WHERE bron = ? AND bericht_id = ?", (bron, bericht_id)
        ).fetchone()
        return dict(rij) if rij else None

    def antwoord_opslaan(self, bron, bericht_id, vingerafdruk, status, body) -> None:
        self.sql(
            "INSERT OR REPLACE INTO antwoorden VALUES (?, ?, ?, ?, ?)",
            (bron, bericht_id, vingerafdruk, status, body),
        )

    def bericht_vastleggen(self, **velden) -> None:
        self.sql(
            "INSERT INTO berichten (tijd, bron, bericht_id, methode, pad, body, status, herhaling,"
            " toegepast) VALUES (:tijd, :bron, :bericht_id, :methode, :pad, :body, :status,"
            " :herhaling, :toegepast)",
            velden,
        )

    def berichten(self, pad: str | None = None, bron: str | None = None, methode=None) -> list:
        query = "SELECT * FROM berichten WHERE 1=1"
        params: list = []
        if pad:
            query += " AND substr(pad, 1, ?) = ?"
            params += [len(pad), pad]
        if bron:
            query += " AND bron = ?"
            params.append(bron)
        if methode:
            query += " AND methode = ?"
            params.append(methode.upper())
        uit = []
        for r in self.sql(query + " ORDER BY volgnummer", params):
            body = r["body"]
            with suppress(ValueError):
                body = json.loads(body) if body else None
            uit.append(
                {
                    "volgnummer": r["volgnummer"],
                    "tijd": r["tijd"],
                    "bron": r["bron"],
                    "berichtId": r["bericht_id"],
                    "methode": r["methode"],
                    "pad": r["pad"],
                    "body": body,
                    "status": r["status"],
                    "herhaling": bool(r["herhaling"]),
                    "toegepast": bool(r["toegepast"]),
                }
            )
        return uit

    # --- notifications sent --------------------------------------------------------------------
    def notificatie_vastleggen(self, **velden) -> None:
        self.sql(
            "INSERT INTO notificaties (tijd, doel, bericht_id, bsn, gebeurtenis_id, body, status,"
            " antwoord) VALUES (:tijd, :doel, :bericht_id, :bsn, :gebeurtenis_id, :body, :status,"
            " :antwoord)",
            velden,
        )

    def notificaties(self, bsn: str | None = None, doel: str | None = None) -> list[dict]:
        query = "SELECT * FROM notificaties WHERE 1=1"
        params: list = []
        if bsn:
            query += " AND bsn = ?"
            params.append(bsn)
        if doel:
            query += " AND doel = ?"
            params.append(doel)
        return [
            {
                "volgnummer": r["volgnummer"],
                "tijd": r["tijd"],
                "doel": r["doel"],
                "berichtId": r["bericht_id"],
                "gebeurtenisId": r["gebeurtenis_id"],
                "body": json.loads(r["body"]),
                "status": r["status"],
                "antwoord": r["antwoord"],
            }
            for r in self.sql(query + " ORDER BY volgnummer", params)
        ]

    # --- events DUO recorded (Gebeurtenis API) -------------------------------------------------
    def gebeurtenis_vastleggen(
        self,
        *,
        bsn: str,
        gebeurtenis_id: str,
        omschrijving: str,
        datum: str,
        tijd: str,
        genotificeerd: bool,
    ) -> None:
        self.sql(
            "INSERT INTO gebeurtenissen (bsn, gebeurtenis_id, omschrijving, datum, tijd,"
            " genotificeerd) VALUES (?, ?, ?, ?, ?, ?)",
            (bsn, gebeurtenis_id, omschrijving, datum, tijd, int(genotificeerd)),
        )

    def gebeurtenissen(self, bsn: str) -> list[dict]:
        """Every event recorded for the person, oldest first."""
        return [
            {
                "volgnummer": r["volgnummer"],
                "gebeurtenisId": r["gebeurtenis_id"],
                "omschrijving": r["omschrijving"],
                "datum": r["datum"],
                "tijd": r["tijd"],
                "genotificeerd": bool(r["genotificeerd"]),
            }
            for r in self.sql(
                "SELECT * FROM gebeurtenissen WHERE bsn = ? ORDER BY volgnummer", (bsn,)
            )
        ]
