"""All settings are defined here; dev, test, ci and production only set environment defaults."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

import dj_database_url
import structlog

from .env import env
from .logs import zonder_invoer

SRC_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SRC_DIR.parent.parent

# --- core ---------------------------------------------------------------------------------
SECRET_KEY = env(
    "SECRET_KEY",
    help_text="Django's geheime sleutel; ook de bron van de sleutels voor BSN-versleuteling "
    "als die niet apart zijn gezet.",
    group="Algemeen",
    secret=True,
)
DEBUG = env("DEBUG", False, cast=bool, help_text="Foutdetails tonen; nooit in productie.")
PRODUCTIE = env(
    "PRODUCTIE",
    False,
    cast=bool,
    help_text="Productie: starten lukt alleen met eigen sleutels (`SECRET_KEY`, "
    "`BSN_ENCRYPTION_KEY`, `BSN_HASH_KEY`) en notificaties van DUO vragen mutual TLS. "
    "`openinburgering.conf.production` zet dit aan.",
)
ALLOWED_HOSTS = env(
    "ALLOWED_HOSTS",
    ["localhost", "127.0.0.1"],
    cast=list,
    help_text="Komma-gescheiden hostnamen waarop de applicatie antwoordt.",
)
CSRF_TRUSTED_ORIGINS = env(
    "CSRF_TRUSTED_ORIGINS", [], cast=list, help_text="Komma-gescheiden origins voor CSRF."
)
DATABASE_URL = env(
    "DATABASE_URL",
    "",
    help_text="Database-URL, bijvoorbeeld `postgres://user:pw@host:5432/naam`. "
    "Zonder waarde: SQLite in `var/openinburgering.sqlite3` (nul installatie, voor demo en tests).",
    group="Database",
)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{BASE_DIR / 'var' / 'openinburgering.sqlite3'}",
        conn_max_age=env(
            "DB_CONN_MAX_AGE",
            60,
            cast=int,
            help_text="Seconden dat een verbinding open blijft.",
            group="Database",
        ),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Zero set-up: the SQLite file lives in var/, made on first use.
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DB_PREPARED_STATEMENTS = env(
    "DB_PREPARED_STATEMENTS",
    True,
    cast=bool,
    help_text="PostgreSQL plant de vaste leesopdrachten van elk verzoek één keer per verbinding "
    "(prepared statements). Zet op `false` achter een connection pooler in transaction mode "
    "die ze niet kan bewaren (PgBouncer vóór 1.21 of zonder `max_prepared_statements`).",
    group="Database",
)
DATABASE_REPLICA_URL = env(
    "DATABASE_REPLICA_URL",
    "",
    help_text="Database-URL van een leesreplica (streaming replication) van dezelfde PostgreSQL. "
    "Met een waarde lezen de lijsten en de werklijst daarvan; schrijven gaat altijd naar "
    "`DATABASE_URL`. Zie docs/schaal.md.",
    group="Database",
)
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    # Tests see one database: the replica alias is the default one there.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["openinburgering.core.replica.ReplicaRouter"] if DATABASE_REPLICA_URL else []
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_htmx",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "openinburgering.core",
    "openinburgering.ui",
    "openinburgering.accounts",
    "openinburgering.gemeenten",
    "openinburgering.logboek",
    "openinburgering.inburgeraars",
    "openinburgering.besluiten",
    "openinburgering.taalaanbieders",
    "openinburgering.intake",
    "openinburgering.pip",
    "openinburgering.signalen",
    "openinburgering.integrations.duo",
    "openinburgering.integrations.brp",
    "openinburgering.abonnementen",
    "openinburgering.begeleiding",
    "openinburgering.traject",
    "openinburgering.handhaving",
    "openinburgering.brieven",
    "openinburgering.verhuizing",
    "openinburgering.cijfers",
    "openinburgering.cbs",
    "openinburgering.financien",
    "openinburgering.kennisbank",
    "openinburgering.ontzorgen",
    "openinburgering.talen",
    "openinburgering.api",
    "openinburgering.portaal",
]

MIDDLEWARE = [
    # Outermost, so every response gets the headers: static files, redirects and error pages too.
    "openinburgering.core.middleware.BeveiligingsHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Early, so that the redirects and refusals of the middleware below carry them as well.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "openinburgering.ui.middleware.NederlandsEerstMiddleware",
    # Portal pages in one of its eight languages instead (ADR 0089).
    "openinburgering.talen.middleware.PortaalTaalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp's OTPMiddleware, without a query for the device on every request (ADR 0061).
    "openinburgering.accounts.middleware.TweedeFactorMiddleware",
    "openinburgering.accounts.middleware.SessionTimeoutMiddleware",
    "openinburgering.accounts.middleware.RequireSecondFactorMiddleware",
    "openinburgering.gemeenten.middleware.ActieveGemeenteMiddleware",
    # The database's own tenant check (row-level security, PostgreSQL only; ADR 0056).
    "openinburgering.core.rijbeveiliging.RijbeveiligingMiddleware",
    # The processing log of a request's reads, in one INSERT before it answers (ADR 0057); inside
    # the tenant check, so that insert runs under it too.
    "openinburgering.logboek.middleware.VerwerkingenPerVerzoekMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "openinburgering.api.middleware.ApiVersionMiddleware",
    "openinburgering.ui.middleware.StuurtekenMiddleware",
]

ROOT_URLCONF = "openinburgering.urls"
WSGI_APPLICATION = "openinburgering.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "openinburgering.ui.context_processors.ui",
                "openinburgering.portaal.context_processors.portaal",
            ],
        },
    }
]
# Inputs, selects and textareas written out in Python, the same markup (ADR 0061).
FORM_RENDERER = "openinburgering.core.formrenderer.PythonWidgetRenderer"

# --- people and sign-in -------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "ui:start"
LOGOUT_REDIRECT_URL = "accounts:login"
# Django's ModelBackend, with the user of a request read without the ORM's overhead (ADR 0061).
AUTHENTICATION_BACKENDS = ["openinburgering.accounts.backends.WachtwoordBackend"]
# Django's database sessions, read the same way (ADR 0061).
SESSION_ENGINE = "openinburgering.accounts.sessie"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Idle timeout: SessionTimeoutMiddleware ends a session after this many idle seconds; the
# session row expires as long after its last save.
SESSION_COOKIE_AGE = env(
    "SESSION_IDLE_TIMEOUT_SECONDS",
    15 * 60,
    cast=int,
    help_text="Na zoveel seconden zonder activiteit wordt een sessie beëindigd.",
    group="Inloggen",
)
# A session is saved only when something in it changed: the last activity is written at most
# once a minute (SessionTimeoutMiddleware), so most requests write nothing (ADR 0061). The cookie
# lives until the browser closes, so it needs no renewal either.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_ABSOLUTE_TIMEOUT = timedelta(
    seconds=env(
        "SESSION_ABSOLUTE_TIMEOUT_SECONDS",
        12 * 3600,
        cast=int,
        help_text="Maximale duur van een sessie, ook bij activiteit.",
        group="Inloggen",
    )
)
# Failed sign-ins slow down per IP address and per account instead of locking the account; the
# numbers are constants in ``accounts/afremmen.py`` (ADR 0054).
INLOGGEN_IP_HEADER = env(
    "INLOGGEN_IP_HEADER",
    "REMOTE_ADDR",
    help_text="META-naam waarin het IP-adres van de bezoeker staat, voor het afremmen van "
    "mislukte inlogpogingen per adres. Achter een reverse proxy de header die de proxy zet "
    "(bijvoorbeeld `HTTP_X_REAL_IP`); de proxy moet een meegestuurde header overschrijven.",
    group="Inloggen",
)
TWO_FACTOR_REQUIRED = env(
    "TWO_FACTOR_REQUIRED",
    True,
    cast=bool,
    help_text="Tweede factor (TOTP) verplicht voor medewerkers. Alleen de demo zet dit uit, "
    "en toont dan een banner.",
    group="Inloggen",
)
OTP_TOTP_ISSUER = "Open Inburgering"
TWEEDE_FACTOR_UITNODIGING_GELDIG = timedelta(
    hours=env(
        "TWEEDE_FACTOR_UITNODIGING_UREN",
        72,
        cast=int,
        help_text="Uren dat een uitnodiging om de tweede factor in te stellen geldig is. Een "
        "uitnodiging werkt één keer.",
        group="Inloggen",
    )
)

OIDC_ENABLED = env(
    "OIDC_ENABLED",
    False,
    cast=bool,
    help_text="Inloggen via de identity provider van de gemeente (OpenID Connect).",
    group="OIDC",
)
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", "", help_text="Client-id bij de IdP.", group="OIDC")
OIDC_RP_CLIENT_SECRET = env(
    "OIDC_RP_CLIENT_SECRET", "", help_text="Client-secret bij de IdP.", group="OIDC", secret=True
)
OIDC_RP_SIGN_ALGO = env(
    "OIDC_RP_SIGN_ALGO", "RS256", help_text="Ondertekeningsalgoritme.", group="OIDC"
)
OIDC_OP_AUTHORIZATION_ENDPOINT = env(
    "OIDC_OP_AUTHORIZATION_ENDPOINT", "", help_text="Autorisatie-endpoint.", group="OIDC"
)
OIDC_OP_TOKEN_ENDPOINT = env(
    "OIDC_OP_TOKEN_ENDPOINT", "", help_text="Token-endpoint.", group="OIDC"
)
OIDC_OP_USER_ENDPOINT = env(
    "OIDC_OP_USER_ENDPOINT", "", help_text="Userinfo-endpoint.", group="OIDC"
)
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", "", help_text="JWKS-endpoint.", group="OIDC")
OIDC_RP_SCOPES = "openid email profile"
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("openinburgering.accounts.oidc.GemeenteOIDCBackend")

# --- DigiD for the newcomer's portal (ADR 0085) --------------------------------------------
# The gemeente's OIDC broker for DigiD (or DigiD's own OIDC); the portal's client is
# mozilla-django-oidc, configured apart from the staff IdP above. `make demo` and the tests use
# the local stand-in (openinburgering.digid_standin), which speaks the same protocol.
DIGID_OIDC_RP_CLIENT_ID = env(
    "DIGID_OIDC_RP_CLIENT_ID",
    "",
    help_text="Client-id van het portaal bij de DigiD-makelaar.",
    group="DigiD (portaal)",
)
DIGID_OIDC_RP_CLIENT_SECRET = env(
    "DIGID_OIDC_RP_CLIENT_SECRET",
    "",
    help_text="Client-secret van het portaal bij de DigiD-makelaar.",
    group="DigiD (portaal)",
    secret=True,
)
DIGID_OIDC_RP_SIGN_ALGO = env(
    "DIGID_OIDC_RP_SIGN_ALGO",
    "RS256",
    help_text="Ondertekening van het ID-token: `RS256` (sleutels uit "
    "`DIGID_OIDC_OP_JWKS_ENDPOINT`) of `HS256` (met het client-secret; alleen de stand-in).",
    group="DigiD (portaal)",
)
DIGID_OIDC_OP_AUTHORIZATION_ENDPOINT = env(
    "DIGID_OIDC_OP_AUTHORIZATION_ENDPOINT",
    "",
    help_text="Autorisatie-endpoint van de DigiD-makelaar; leeg: het portaal zegt dat inloggen "
    "met DigiD hier nog niet kan.",
    group="DigiD (portaal)",
)
DIGID_OIDC_OP_TOKEN_ENDPOINT = env(
    "DIGID_OIDC_OP_TOKEN_ENDPOINT",
    "",
    help_text="Token-endpoint van de DigiD-makelaar.",
    group="DigiD (portaal)",
)
DIGID_OIDC_OP_USER_ENDPOINT = env(
    "DIGID_OIDC_OP_USER_ENDPOINT",
    "",
    help_text="Userinfo-endpoint van de DigiD-makelaar.",
    group="DigiD (portaal)",
)
DIGID_OIDC_OP_JWKS_ENDPOINT = env(
    "DIGID_OIDC_OP_JWKS_ENDPOINT",
    "",
    help_text="JWKS-endpoint van de DigiD-makelaar (bij RS256).",
    group="DigiD (portaal)",
)
DIGID_OIDC_RP_SCOPES = env(
    "DIGID_OIDC_RP_SCOPES",
    "openid",
    help_text="Scopes die het portaal vraagt.",
    group="DigiD (portaal)",
)
DIGID_OIDC_USE_PKCE = True
DIGID_OIDC_TIMEOUT = 10
DIGID_BSN_CLAIM = env(
    "DIGID_BSN_CLAIM",
    "bsn",
    help_text="Claim in het ID-token met het BSN (bij veel makelaars `bsn`, soms `sub`).",
    group="DigiD (portaal)",
)
DIGID_NIVEAU_CLAIM = env(
    "DIGID_NIVEAU_CLAIM",
    "acr",
    help_text="Claim met het DigiD-betrouwbaarheidsniveau (een SAML-URN of een naam).",
    group="DigiD (portaal)",
)
DIGID_MINIMAAL_NIVEAU = env(
    "DIGID_MINIMAAL_NIVEAU",
    "substantieel",
    help_text="Laagste DigiD-niveau voor het portaal (R95): `substantieel` of `hoog`; lager "
    "instellen kan niet.",
    group="DigiD (portaal)",
)
DIGID_OIDC_AUTH_REQUEST_EXTRA_PARAMS = {
    "acr_values": "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
    if DIGID_MINIMAAL_NIVEAU != "hoog"
    else "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"
}
DIGID_STANDIN = env(
    "DIGID_STANDIN",
    False,
    cast=bool,
    help_text="Alleen demo en tests: de DigiD-knop gaat naar de lokale stand-in (een verzonnen "
    "DigiD); het portaal toont dan een banner.",
    group="DigiD (portaal)",
)

# --- privacy ------------------------------------------------------------------------------
BSN_ENCRYPTION_KEY = env(
    "BSN_ENCRYPTION_KEY",
    "",
    secret=True,
    group="Privacy",
    help_text="Fernet-sleutel (base64, 32 bytes) voor het versleutelen van BSN's. Zonder waarde "
    "afgeleid van SECRET_KEY; zet hem apart in productie zodat SECRET_KEY kan roteren.",
)
BSN_HASH_KEY = env(
    "BSN_HASH_KEY",
    "",
    secret=True,
    group="Privacy",
    help_text="Sleutel voor de gesleutelde hash waarmee op BSN gezocht wordt en voor pseudoniemen "
    "in het verwerkingenlogboek. Zonder waarde afgeleid van SECRET_KEY.",
)
if PRODUCTIE:
    # Fail at start, not at the first BSN: a key derived from SECRET_KEY would make every stored
    # BSN unreadable the day SECRET_KEY rotates.
    _ontbrekend = [
        naam
        for naam, waarde in (
            ("SECRET_KEY", SECRET_KEY),
            ("BSN_ENCRYPTION_KEY", BSN_ENCRYPTION_KEY),
            ("BSN_HASH_KEY", BSN_HASH_KEY),
        )
        if not waarde
    ]
    if _ontbrekend:
        raise ImproperlyConfigured(
            f"Production needs these environment variables: {', '.join(_ontbrekend)} "
            "(see docs/env.md)."
        )
    if SECRET_KEY.startswith(("dev-only-", "test-only-")):
        raise ImproperlyConfigured("Production needs its own SECRET_KEY, not the dev/test one.")
    from cryptography.fernet import Fernet

    try:
        Fernet(BSN_ENCRYPTION_KEY.encode())
    except ValueError:
        raise ImproperlyConfigured(
            "BSN_ENCRYPTION_KEY is not a Fernet key (32 bytes, url-safe base64)."
        ) from None

# --- DUO ----------------------------------------------------------------------------------
DUO_API_ROOT = env(
    "DUO_API_ROOT",
    "http://127.0.0.1:8001",
    group="DUO",
    help_text="Basis-URL van DUO zonder versiesegment; de client voegt `/v1/…` toe.",
)
DUO_OIN = env(
    "DUO_OIN",
    "00000001800866472000",
    group="DUO",
    help_text="OIN van DUO; verwacht in de header `bron` van notificaties.",
)
DUO_CLIENT_CERT = env(
    "DUO_CLIENT_CERT", "", group="DUO", help_text="Pad naar het PKIoverheid-clientcertificaat."
)
DUO_CLIENT_KEY = env(
    "DUO_CLIENT_KEY", "", group="DUO", help_text="Pad naar de sleutel van het clientcertificaat."
)
DUO_CA_BUNDLE = env("DUO_CA_BUNDLE", "", group="DUO", help_text="Pad naar de CA-bundel voor DUO.")
DUO_CONNECT_TIMEOUT = env(
    "DUO_CONNECT_TIMEOUT",
    5.0,
    cast=float,
    group="DUO",
    help_text="Seconden om een verbinding met DUO op te zetten.",
)
DUO_READ_TIMEOUT = env(
    "DUO_READ_TIMEOUT",
    30.0,
    cast=float,
    group="DUO",
    help_text="Seconden wachten op een antwoord van DUO.",
)
DUO_MTLS_REQUIRED = env(
    "DUO_MTLS_REQUIRED",
    False,
    cast=bool,
    group="DUO",
    help_text="Notificaties alleen aannemen met een door de reverse proxy geverifieerd "
    "clientcertificaat (mutual TLS, PKIoverheid); zie ADR 0008. Staat in productie standaard "
    "aan; uitzetten kan alleen expliciet en geeft bij elke start een waarschuwing (ADR 0054).",
)
DUO_MTLS_SUBJECT_HEADER = env(
    "DUO_MTLS_SUBJECT_HEADER",
    "HTTP_X_SSL_CLIENT_S_DN",
    group="DUO",
    help_text="META-naam van de header waarin de reverse proxy het subject van het geverifieerde "
    "clientcertificaat zet (`X-SSL-Client-S-DN` wordt `HTTP_X_SSL_CLIENT_S_DN`). Het subject moet "
    "het OIN van DUO bevatten. De proxy moet deze header uit inkomende verzoeken verwijderen.",
)
DUO_NOTIFICATIES_DIRECT = env(
    "DUO_NOTIFICATIES_DIRECT",
    False,
    cast=bool,
    group="DUO",
    help_text="Verwerk een notificatie van DUO meteen na opslaan via de taakwachtrij, in plaats "
    "van door `duo_inbox_verwerken` (alleen voor tests en een opstelling met één proces).",
)
DUO_OUTBOX_MAX_BACKOFF_SECONDS = env(
    "DUO_OUTBOX_MAX_BACKOFF_SECONDS",
    300,
    cast=int,
    group="DUO",
    help_text="Langste wachttijd tussen twee pogingen om een bericht aan DUO te bezorgen "
    "(exponentieel oplopend, met jitter).",
)
DUO_OUTBOX_OPGEVEN_NA_DAGEN = env(
    "DUO_OUTBOX_OPGEVEN_NA_DAGEN",
    7,
    cast=int,
    group="DUO",
    help_text="Na zoveel dagen zonder bezorging gaat een bericht naar de lijst 'niet bezorgd', "
    "waar een beheerder het opnieuw kan aanbieden.",
)
DUO_SIM_PERSONENLIJST = env(
    "DUO_SIM_PERSONENLIJST",
    False,
    cast=bool,
    group="DUO",
    help_text="Alleen demo en tests: de afstemming vraagt de DUO-simulator (`/_sim/personen`) "
    "welke personen DUO bij de gemeente kent. DUO zelf heeft zo'n lijst niet.",
)

# --- abonnementen (webhooks, ADR 0072) ------------------------------------------------------
ABONNEMENTEN_BASIS_URL = env(
    "ABONNEMENTEN_BASIS_URL",
    "http://127.0.0.1:8000",
    group="Abonnementen",
    help_text="Het adres waarop andere systemen deze installatie bereiken (zonder / aan het "
    "eind); de URL's van API-resources in gebeurtenissen beginnen ermee.",
)
ABONNEMENTEN_HTTPS_VERPLICHT = env(
    "ABONNEMENTEN_HTTPS_VERPLICHT",
    PRODUCTIE,
    cast=bool,
    group="Abonnementen",
    help_text="Een callback-URL moet met https:// beginnen. Standaard aan in productie.",
)
ABONNEMENTEN_SLEUTEL = env(
    "ABONNEMENTEN_SLEUTEL",
    "",
    secret=True,
    group="Abonnementen",
    help_text="Fernet-sleutel (base64, 32 bytes) waarmee de geheimen van abonnementen versleuteld "
    "worden opgeslagen. Zonder waarde afgeleid van SECRET_KEY.",
)
ABONNEMENTEN_MAX_BACKOFF_SECONDS = env(
    "ABONNEMENTEN_MAX_BACKOFF_SECONDS",
    300,
    cast=int,
    group="Abonnementen",
    help_text="Langste wachttijd tussen twee pogingen om een gebeurtenis te bezorgen "
    "(exponentieel oplopend, met jitter).",
)
ABONNEMENTEN_OPGEVEN_NA_DAGEN = env(
    "ABONNEMENTEN_OPGEVEN_NA_DAGEN",
    3,
    cast=int,
    group="Abonnementen",
    help_text="Na zoveel dagen mislukte pogingen wordt een bezorging opgegeven; de beheerder "
    "kan haar opnieuw versturen. Latere gebeurtenissen van hetzelfde dossier wachten erachter.",
)
ABONNEMENTEN_CONNECT_TIMEOUT = env(
    "ABONNEMENTEN_CONNECT_TIMEOUT",
    5.0,
    cast=float,
    group="Abonnementen",
    help_text="Seconden om verbinding te maken met een abonnee.",
)
ABONNEMENTEN_READ_TIMEOUT = env(
    "ABONNEMENTEN_READ_TIMEOUT",
    10.0,
    cast=float,
    group="Abonnementen",
    help_text="Seconden wachten op het antwoord van een abonnee.",
)

# --- BRP ----------------------------------------------------------------------------------
BRP_API_ROOT = env(
    "BRP_API_ROOT",
    "",
    group="BRP",
    help_text="Basis-URL van de BRP API Personen (Haal Centraal, versie 2); de client post naar "
    "`BRP_API_ROOT` + `/personen`, bijvoorbeeld `https://brp.gemeente.nl/haalcentraal/api/brp`. "
    "Leeg: geen koppeling met de BRP, naam, geboortedatum en adres worden met de hand "
    "ingevoerd (ADR 0041, 0062).",
)
BRP_API_KEY = env(
    "BRP_API_KEY",
    "",
    group="BRP",
    help_text="API-sleutel voor de BRP API, meegestuurd in de header `X-API-KEY` (alleen als "
    "gezet).",
)
BRP_DOELBINDING = env(
    "BRP_DOELBINDING",
    "",
    group="BRP",
    help_text="Doelbinding voor een BRP-gateway die protocolleert, meegestuurd in de header "
    "`x-doelbinding` (alleen als gezet), bijvoorbeeld de code van de RvIG-autorisatie voor de "
    "Wet inburgering. De waarde geeft de leverancier van de gateway of de BRP-voorziening.",
)
BRP_VERWERKING = env(
    "BRP_VERWERKING",
    "",
    group="BRP",
    help_text="Verwerking voor een BRP-gateway die protocolleert, meegestuurd in de header "
    "`x-verwerking` (alleen als gezet), bijvoorbeeld `Inburgering@Regie Wet inburgering 2021`.",
)
BRP_ORIGIN_OIN = env(
    "BRP_ORIGIN_OIN",
    "",
    group="BRP",
    help_text="OIN van de vragende organisatie voor een BRP-gateway die dat vraagt, meegestuurd "
    "in de header `x-origin-oin` (alleen als gezet). Leeg bij één gemeente per installatie die "
    "de gateway al aan het certificaat herkent.",
)
BRP_CLIENT_CERT = env(
    "BRP_CLIENT_CERT",
    "",
    group="BRP",
    help_text="Pad naar het PKIoverheid-clientcertificaat voor de BRP API (mutual TLS), als de "
    "aanbieder dat vraagt.",
)
BRP_CLIENT_KEY = env(
    "BRP_CLIENT_KEY", "", group="BRP", help_text="Pad naar de sleutel van het clientcertificaat."
)
BRP_CA_BUNDLE = env(
    "BRP_CA_BUNDLE", "", group="BRP", help_text="Pad naar de CA-bundel voor de BRP API."
)
BRP_CONNECT_TIMEOUT = env(
    "BRP_CONNECT_TIMEOUT",
    5.0,
    cast=float,
    group="BRP",
    help_text="Seconden om een verbinding met de BRP API op te zetten.",
)
BRP_READ_TIMEOUT = env(
    "BRP_READ_TIMEOUT",
    10.0,
    cast=float,
    group="BRP",
    help_text="Seconden wachten op een antwoord van de BRP API.",
)
BRP_POGINGEN = env(
    "BRP_POGINGEN",
    3,
    cast=int,
    group="BRP",
    help_text="Zo vaak probeert de client een vraag aan de BRP bij een storing (5xx, time-out, "
    "geen verbinding), met een oplopende wachttijd ertussen.",
)
BRP_PAUZE_NA_STORING = env(
    "BRP_PAUZE_NA_STORING",
    60.0,
    cast=float,
    group="BRP",
    help_text="Seconden dat de verwerking van DUO's meldingen de BRP overslaat nadat die niet "
    "antwoordde: nieuwe personen komen dan zonder BRP-gegevens binnen en worden later opnieuw "
    "opgevraagd, zodat een hangende BRP de inbox niet ophoudt.",
)
BRP_BACKOFF_SECONDS = env(
    "BRP_BACKOFF_SECONDS",
    0.5,
    cast=float,
    group="BRP",
    help_text="Wachttijd voor de tweede poging; elke volgende poging wacht twee keer zo lang.",
)

# --- API ----------------------------------------------------------------------------------
API_VERSION = "1.1.0"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "openinburgering.api.authentication.GemeenteTokenAuthentication"
    ],
    # The scope check (ADR 0074): also for a view that forgets its permission_classes.
    "DEFAULT_PERMISSION_CLASSES": ["openinburgering.api.permissions.HeeftBereik"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "openinburgering.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "openinburgering.api.problems.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "openinburgering.api.pagination.Cursor",
    "PAGE_SIZE": 50,
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Open Inburgering API",
    "DESCRIPTION": "API voor de regie op de Wet inburgering 2021.",
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name per choice set that several resources share (issue 18, ADR 0076).
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "openinburgering.inburgeraars.workflow.Status",
        "BeoordelingEnum": "openinburgering.pip.models.Beoordeling",
        "StapStatusEnum": "openinburgering.begeleiding.models.StapStatus",
        "AanwezigheidEnum": "openinburgering.traject.models.Aanwezigheid",
        "LeerrouteEnum": "openinburgering.taalaanbieders.codes.LEERROUTES",
        "NiveauEnum": "openinburgering.taalaanbieders.codes.NIVEAUS",
    },
}

# --- background work ----------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- i18n ---------------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- static -------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "private"

# --- security -----------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
X_FRAME_OPTIONS = "DENY"
# A failed CSRF check (a form left open too long) gets our own page, not Django's technical one.
CSRF_FAILURE_VIEW = "openinburgering.ui.fouten.csrf_mislukt"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env(
    "SECURE_SSL_REDIRECT",
    False,
    cast=bool,
    help_text="Stuur HTTP door naar HTTPS.",
    group="Beveiliging",
)
SESSION_COOKIE_SECURE = env(
    "SESSION_COOKIE_SECURE",
    False,
    cast=bool,
    help_text="Sessiecookie alleen over HTTPS.",
    group="Beveiliging",
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env(
    "SECURE_HSTS_SECONDS", 0, cast=int, help_text="HSTS-duur in seconden.", group="Beveiliging"
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DEMO_MODE = env(
    "DEMO_MODE",
    False,
    cast=bool,
    help_text="Demomodus: toont een banner en staat inloggen zonder tweede factor toe.",
)
# The demo runs without DEBUG (demo_run), so its visitors see our own error pages and never
# Django's technical ones. Without DEBUG, runserver serves no static files: WhiteNoise serves
# them straight from the apps instead, so the demo needs no collectstatic and no manifest.
WHITENOISE_USE_FINDERS = DEBUG or DEMO_MODE
if DEMO_MODE:
    # The demo (make demo: demo_data, demo_run) is an app of its own at the top of the house. It
    # moves the clock with time-machine, a test tool, so only a demo installs it (ADR 0053).
    INSTALLED_APPS.append("openinburgering.demo")
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# --- logging: structlog, never personal data ----------------------------------------------
LOG_LEVEL = env("LOG_LEVEL", "INFO", help_text="Logniveau.", group="Logging")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": structlog.stdlib.ProcessorFormatter,
            # Exceptions without their messages, security messages without the request data:
            # a log line never quotes what a client sent (conf/logs.py).
            "processors": [
                zonder_invoer,
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.JSONRenderer(),
            ],
            "foreign_pre_chain": [
                structlog.stdlib.add_log_level,
                structlog.processors.TimeStamper(fmt="iso"),
            ],
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own default gives "django" a plain-text console handler in DEBUG; with it,
        # every line (task worker, migrations) came out twice: as text and as JSON.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Django's request logger puts the full path in the message; our URLs carry no BSN,
        # but query strings could, so we keep it at WARNING and log requests ourselves.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # urllib3 logs request lines, and DUO's URLs carry a BSN: never below WARNING.
        "urllib3": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
if DEMO_MODE:
    LOGGING["filters"] = {"zonder_taakregels": {"()": "openinburgering.conf.logs.ZonderTaakregels"}}
    LOGGING["handlers"]["console"]["filters"] = ["zonder_taakregels"]
structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso"),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
