"""The one settings module for the Spinewise web app, driven by environment variables.

Defaults suit a laptop: SQLite in the user's data folder, console email, no DEBUG.
``SPINEWISE_ENV=production`` turns on the HTTPS-only settings and refuses to start
without a real secret key.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from spinewise.datadir import data_dir


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or default


BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

# A typo must not quietly run a public server as development.
ENVIRONMENTS = ("development", "test", "production")
SPINEWISE_ENV = env_str("SPINEWISE_ENV", "development").lower()
if SPINEWISE_ENV not in ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"SPINEWISE_ENV must be one of {', '.join(ENVIRONMENTS)}; got {SPINEWISE_ENV!r}"
    )
PRODUCTION = SPINEWISE_ENV == "production"
DEBUG = env_bool("SPINEWISE_DEBUG", False)

# A development key is fine on a laptop; production must bring its own, as long and as
# varied as Django's deployment check asks (50+ characters, 5+ different ones).
_DEV_SECRET_KEY = "django-insecure-spinewise-development-only-key-do-not-use-in-production"
SECRET_KEY = env_str("SPINEWISE_SECRET_KEY") or _DEV_SECRET_KEY
MIN_SECRET_KEY_LENGTH, MIN_SECRET_KEY_CHARACTERS = 50, 5
if PRODUCTION and (
    SECRET_KEY.startswith("django-insecure-")
    or len(SECRET_KEY) < MIN_SECRET_KEY_LENGTH
    or len(set(SECRET_KEY)) < MIN_SECRET_KEY_CHARACTERS
):
    raise ImproperlyConfigured(
        "SPINEWISE_SECRET_KEY must be a random value of at least 50 characters when "
        "SPINEWISE_ENV=production: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

ALLOWED_HOSTS = env_list("SPINEWISE_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
if not PRODUCTION and "testserver" not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append("testserver")
CSRF_TRUSTED_ORIGINS = env_list("SPINEWISE_CSRF_TRUSTED_ORIGINS", [])

# Retention (``spinewise maintenance`` applies it; run it daily from cron or a timer).
# Answers of a not-yet-saved assessment, counted from the last answer:
SPINEWISE_ANONYMOUS_ANSWERS_HOURS = env_int("SPINEWISE_ANONYMOUS_ANSWERS_HOURS", 12)
# Sign-in records (successful and failed log-ins, with address and browser):
SPINEWISE_SIGNIN_RECORD_DAYS = env_int("SPINEWISE_SIGNIN_RECORD_DAYS", 30)

# New saved assessments, programmes and API tokens per person and hour (each kind).
SPINEWISE_WRITES_PER_HOUR = env_int("SPINEWISE_WRITES_PER_HOUR", 30)

# Emergency phone number shown on every page. 999 in the UK, 112 in the EU,
# 911 in North America.
SPINEWISE_EMERGENCY_NUMBER = env_str("SPINEWISE_EMERGENCY_NUMBER", "999")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "spinewise.web.site",
    "spinewise.web.accounts",
    "spinewise.web.assessments",
    "spinewise.web.programmes",
    "spinewise.web.journal",
    "spinewise.web.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get these headers too.
    "spinewise.web.middleware.extra_security_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "spinewise.web.content_security.CSPMiddleware",
    "spinewise.web.middleware.no_store_for_personal_data",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "spinewise.web.middleware.WriteLimitMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "spinewise.web.urls"
WSGI_APPLICATION = "spinewise.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "spinewise.web.context_processors.spinewise",
            ],
        },
    },
]

# --- Database: SQLite in the data folder, or PostgreSQL when DATABASE_URL is set ---
_database_url = env_str("DATABASE_URL")
if _database_url:
    DATABASES: dict[str, dict[str, Any]] = {
        "default": dict(
            dj_database_url.parse(
                _database_url, conn_max_age=env_int("SPINEWISE_DB_CONN_MAX_AGE", 60)
            )
        )
    }
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "spinewise.sqlite3"),
            "OPTIONS": {
                # WAL lets readers and a writer work together; FULL makes every
                # committed health record survive a power cut.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
                # Take the write lock at BEGIN so busy writers wait instead of failing.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Each thread keeps its connection: opening one (and running the PRAGMAs above)
            # cost more than the queries of a typical page.
            "CONN_MAX_AGE": env_int("SPINEWISE_DB_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caches: in each process's memory (every cached thing is keyed by a version) ---
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "spinewise-default",
    },
    # Rendered page fragments ({% cache %}). Named so the tag finds it at once: without it,
    # the tag asks for this name on every use and falls back after an exception.
    "template_fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "spinewise-fragments",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

# --- Authentication ---
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "spinewise.web.accounts.backends.ModelBackend",  # accounts.backends.BACKEND
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
if SPINEWISE_ENV == "test":
    # Tests hash thousands of passwords; Argon2's deliberate slowness buys them nothing.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:account"
LOGOUT_REDIRECT_URL = "site:landing"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2  # reset links live two hours

# How many reverse proxies (nginx ...) stand in front of the app and append the address they
# saw to X-Forwarded-For. 0: the app is reached directly and the header is ignored.
SPINEWISE_TRUSTED_PROXIES = env_int("SPINEWISE_TRUSTED_PROXIES", 0)

# Wrong passwords (see web/accounts/throttle.py): per client address, django-axes locks the
# address out after SPINEWISE_SIGNIN_IP_LIMIT failures for 15 minutes; per account, each
# attempt after the third waits twice as long as the last (up to 15 minutes), and a
# password-reset link always gets the owner in. A stranger cannot lock an owner out.
AXES_FAILURE_LIMIT = env_int("SPINEWISE_SIGNIN_IP_LIMIT", 10)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_CLIENT_IP_CALLABLE = "spinewise.web.client_ip.client_ip"
AXES_RESET_ON_SUCCESS = False  # one right password must not wipe an address's failures
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False

# --- Sessions and cookies ---
# Django's database sessions; the per-request read is one prepared statement.
SESSION_ENGINE = "spinewise.web.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SPINEWISE_SESSION_AGE", 60 * 60 * 24 * 14)
# Readable by the page's own scripts, as the API tells browser clients to send it back in
# X-CSRFToken. (An HttpOnly CSRF cookie protects nothing: a script on the page can read
# the token from any form. The session cookie stays HttpOnly.)
CSRF_COOKIE_HTTPONLY = False
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION

# --- Security headers ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SPINEWISE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SPINEWISE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SPINEWISE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SPINEWISE_HSTS_PRELOAD", False)
    if env_bool("SPINEWISE_BEHIND_HTTPS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Preloading HSTS is an operator's choice that is hard to undo, so its check is quiet.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# --- Static files: WhiteNoise; hashed and compressed in production only ---
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("SPINEWISE_STATIC_ROOT") or DATA_DIR / "static")
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Outside production WhiteNoise serves straight from the app folders: no collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_ALLOW_ALL_ORIGINS = False  # our files are for our pages only

# --- Email: printed to the console on a laptop; production sends it (SMTP by default) ---
# Reset and sign-up links are keys to an account: production refuses every backend that
# would write them where others can read them (a log, a file, memory).
EMAIL_BACKEND = env_str(
    "SPINEWISE_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
UNSAFE_EMAIL_BACKENDS = ("console", "filebased", "locmem")
if PRODUCTION and any(f".{name}." in EMAIL_BACKEND for name in UNSAFE_EMAIL_BACKENDS):
    raise ImproperlyConfigured(
        f"SPINEWISE_EMAIL_BACKEND={EMAIL_BACKEND} would put password-reset links in a log or "
        "a file; production needs a real mail backend (e.g. the SMTP default)"
    )
EMAIL_FILE_PATH = env_str("SPINEWISE_EMAIL_FILE_PATH") or str(DATA_DIR / "outbox")
EMAIL_HOST = env_str("SPINEWISE_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("SPINEWISE_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("SPINEWISE_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("SPINEWISE_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("SPINEWISE_EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("SPINEWISE_FROM_EMAIL", "Spinewise <noreply@localhost>")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("SPINEWISE_TIME_ZONE", "UTC")
# English only: the site has no translations, and Django's own en-GB messages are its
# English ones word for word. Off, Django skips the translation machinery for every
# number and date a page shows (0.1 to 0.2 ms on a programme page); the en-GB formats
# (LANGUAGE_CODE: day/month/year input, names of days and months) still apply.
USE_I18N = False
USE_TZ = True

# --- Logging: levels and paths only; never request bodies or health data ---
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "filters": {"secrets": {"()": "spinewise.web.log_filters.RedactSecretPaths"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("SPINEWISE_LOG_LEVEL", "INFO")},
    "loggers": {
        # The default handler would email request details (POST data included) to admins.
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
