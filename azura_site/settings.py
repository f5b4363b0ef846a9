"""Settings for the Azura pain-management site.

Everything comes from the environment, with safe local defaults; README lists every variable.
With DEBUG off the site refuses to start on the development secret key.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105 (refused when DEBUG is off)


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be 0 or 1, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = envbool("DJANGO_DEBUG", True)
SECRET_KEY = env("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: DEBUG is off and the development key is not safe.")

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS")
# Public URL of the site, used in emails and canonical links when there is no request.
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "whitenoise.runserver_nostatic",
    # Before the admin (its docs ask): it adds each translated field's English and Spanish columns when apps load.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "axes",
    "django_tasks",
    # Before django_tasks_db: its `db_worker` command is core's, which also starts the worker's heartbeat.
    "core",
    "django_tasks_db",
    "procedures",
    "appointments",
]

MIDDLEWARE = [
    "core.logs.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The security headers, above every middleware that may answer by itself (the 400 for a NUL byte, a static
    # file, an error page), so that every response carries them.
    "csp.middleware.CSPMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.RejectNullBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzip-compressed (a 22 KB form arrives as 5 KB on a phone); after whitenoise, which serves static files
    # already compressed. Django's compression pads each response against BREACH, and CSRF tokens are masked.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session, before CommonMiddleware (whose slash redirect must see the /es/ prefix resolved): the
    # language is the URL's (/es/... is Spanish), never a cookie or Accept-Language: an unprefixed page is English.
    # Django's LocaleMiddleware, without the Vary: Accept-Language that would not be true here.
    "core.middleware.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "core.insights.InsightMiddleware",  # above the page cache: pages it serves are counted too (core/insights.py)
    # Anonymous visitors' pages from the page cache: below the conditional GET (304s), the language and the session;
    # a cached page skips the middleware below and the URL resolver (core/pagecache.py).
    "core.pagecache.PageCacheMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "azura_site.urls"
WSGI_APPLICATION = "azura_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

# Database: SQLite file for the quick start, PostgreSQL (psycopg 3) when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the worker write to one file: wait for each other's short transactions rather than fail,
    # and let pages be read while the worker writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
    # Tests run real worker and server processes, which must share the test database: a file, not memory (one per
    # test run, so that two runs in one checkout never share it).
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches (docs/decisions/0002-rendered-output.md). `default` is shared by every process: the content generation,
# sessions. `rendered` keeps rendered output, each key naming the generation it was rendered at
# (core/rendered.py). Without REDIS_URL, `default` is a folder of files every process of this install shares, and
# `rendered` each process's memory: correct across processes with nothing to run. With REDIS_URL (production, and
# several hosts), both are Redis. An unreachable Redis degrades the site (no page cache, a rate limit that lets
# requests through) and never breaks a page: core.cache_backends answers as a cache miss within the short
# timeouts below, and logs a warning.
REDIS_URL = env("REDIS_URL")
CACHE_KEY_PREFIX = env("CACHE_KEY_PREFIX", "azura")
if REDIS_URL:
    REDIS_CACHE = {
        "BACKEND": "core.cache_backends.FailSoftRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {"default": REDIS_CACHE, "rendered": REDIS_CACHE}
else:
    CACHES = {
        "default": {
            "BACKEND": "core.cache_backends.SharedFileCache",
            "LOCATION": env("CACHE_DIR", str(BASE_DIR / ".cache" / "shared")),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        "rendered": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rendered",
            "OPTIONS": {"MAX_ENTRIES": 1_000},
        },
    }
# The release: the deploy's identifier (a git commit), in every key of rendered output, so identical code on several
# hosts shares entries and a new release never serves the old one's. Unset, a digest of the code's contents.
RELEASE = env("RELEASE")

# The ZIP code index (appointments/zip_index.py): one read-only file per host, shared by every process, built by
# `manage.py build_zip_index` or by the first process that needs it. A directory the app may write to.
ZIP_INDEX_DIR = Path(env("ZIP_INDEX_DIR", str(BASE_DIR / ".cache")))

# Rendered public pages are kept this long in the cache, or until staff save any content (0: no page cache).
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", 600)

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Staff login: locked for 15 minutes after 5 failures for one account, from any addresses (guessing one
# password from many places), or from one address, for any accounts (trying many names from one place).
# Attempts are kept in the database, so the lockout holds across processes and hosts. An IPv6 client is
# its /64 (core.clients).
# The database handler, named rather than left to axes' default: no cache pressure (an LRU Redis full of pages) can
# evict a lockout.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# A successful sign-in does not wipe the failures: axes would wipe those of its address too, so one valid
# account would let anyone go on guessing other accounts' passwords from that address.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"
AXES_VERBOSE = False
# Sign-in and lockout records are kept this long, then deleted by the worker's daily clean-up (core/housekeeping.py).
SIGN_IN_RECORDS_DAYS = envint("SIGN_IN_RECORDS_DAYS", 90)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at the addresses of today, Spanish under /es/ (azura_site/urls.py); the interface's Spanish lives in
# locale/es/LC_MESSAGES/django.po (README: Translation). Staff screens stay English.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Spanish for US patients: a decimal point and the 12-hour clock (core/formats/es/formats.py).
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = env("DJANGO_TIME_ZONE", "America/New_York")
USE_I18N = True

# Procedure content in English and Spanish (django-modeltranslation, procedures/translation.py): each translated
# field gets `<name>_en` and `<name>_es` columns. The Spanish is the client's; a page shows it only when complete
# (procedures/translation_state.py), so no per-field mix of languages reaches a patient.
MODELTRANSLATION_LANGUAGES = ("en", "es")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"  # web addresses come from the English title
CONTENT_LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
# Labels in words in the admin, e.g. "Title (Spanish)".
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = lambda verbose_name, lang: (  # noqa: E731
    f"{verbose_name} ({CONTENT_LANGUAGE_NAMES[lang]})"
)
USE_TZ = True

# Static files: hashed, compressed (brotli and gzip) and cached for a year by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# static/ is ours; assets/ is built at set-up from npm packages (see package.json) and never committed.
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "assets"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.static_storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / env("DJANGO_MEDIA_DIR", "media")
# Staff-uploaded files (physician photos). Django serves them only when asked (make run, make dev).
SERVE_MEDIA = envbool("DJANGO_SERVE_MEDIA", DEBUG)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: console in development, files in .outbox/ under make run, SMTP by settings, locmem in tests (the test runner).
EMAIL_BACKEND = env(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = BASE_DIR / env("EMAIL_FILE_PATH", ".outbox")  # the file backend's folder (make run)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Azura Vascular Care <no-reply@azura.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. HTTPS is on by default when DEBUG is off; DJANGO_SECURE_SSL_REDIRECT=0 serves plain HTTP
# (loopback, or behind a proxy that terminates TLS and sets X-Forwarded-Proto).
SECURE_SSL_REDIRECT = envbool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_COOKIES = envbool("DJANGO_SECURE_COOKIES", SECURE_SSL_REDIRECT)
if envbool("DJANGO_TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG and not SECURE_SSL_REDIRECT:
    # The operator chose plain HTTP on purpose; the check for it would only repeat that choice.
    SILENCED_SYSTEM_CHECKS = ["security.W008"]
SECURE_HSTS_SECONDS = 31536000 if not DEBUG else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# In the database only: a sign-out deletes the row, and no cache that missed the delete can bring it back. Django's
# store, except that a database that does not answer empties the session for that request instead of a 500.
SESSION_ENGINE = "core.sessions"
# Sessions end after 30 minutes without a request (staff in the admin; patients keep only their confirmation).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Content-Security-Policy (django-csp): nothing from other hosts, no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}

# Logs: JSON lines on stdout (DJANGO_LOG_FORMAT=text for plain lines), one per request, no personal data.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env("DJANGO_LOG_FORMAT", "json"),
        }
    },
    "root": {"handlers": ["stdout"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Our request line replaces these: theirs carry the query string.
        "django.server": {"level": "ERROR"},
        "django.request": {"level": "ERROR"},
        "gunicorn.access": {"level": "WARNING"},
    },
}

# The task queue (Django's tasks API through the django-tasks backport) lives in the database: a request's emails
# are queued in the transaction that stores the request, and `manage.py db_worker` sends them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A message that cannot go is tried again after 30 s, then after twice as long each time (at most an hour
# apart), for EMAIL_RETRY_HOURS; then it is marked failed, and staff see it on the request.
EMAIL_RETRY_FIRST_SECONDS = envint("EMAIL_RETRY_FIRST_SECONDS", 30)
EMAIL_RETRY_MAX_SECONDS = envint("EMAIL_RETRY_MAX_SECONDS", 3600)
EMAIL_RETRY_HOURS = envint("EMAIL_RETRY_HOURS", 26)
# /healthz/ says "degraded" when the oldest email waiting in the queue is older than this (no worker running?).
HEALTH_EMAIL_QUEUE_MAX_SECONDS = envint("HEALTH_EMAIL_QUEUE_MAX_SECONDS", 900)
# ... and when the worker's last heartbeat (a beat a minute while one takes tasks: core/housekeeping.py) is older
# than this, or there has been none.
HEALTH_WORKER_MAX_SECONDS = envint("HEALTH_WORKER_MAX_SECONDS", 300)

# Appointment requests.
PRIVACY_NOTICE_VERSION = "2026-12-07"  # the date of the notice's last change of wording
# Days a request is kept after its last activity (any status), and days without activity before an open
# request is closed as "no response" (purge_appointment_requests, daily).
APPOINTMENT_RETENTION_DAYS = envint("APPOINTMENT_RETENTION_DAYS", 365)
APPOINTMENT_STALE_DAYS = envint("APPOINTMENT_STALE_DAYS", 90)
# A procedure page's medical review is overdue this many months after its date (content health, daily email).
MEDICAL_REVIEW_MONTHS = envint("MEDICAL_REVIEW_MONTHS", 12)
# Spam protection of the public form: minimum seconds to fill it, and submissions per client per hour.
# A faster submission is not spam by itself (browsers autofill); staff see the signal. The form's start stamp is
# bound to the browser session and valid this long.
APPOINTMENT_MIN_FILL_SECONDS = envint("APPOINTMENT_MIN_FILL_SECONDS", 3)
APPOINTMENT_FORM_MAX_AGE_HOURS = envint("APPOINTMENT_FORM_MAX_AGE_HOURS", 12)
# New requests stored (appointments/ratelimit.py, counted in the database): per address, generous (a care home, a
# carrier's shared address), per phone number and per browser session.
APPOINTMENT_RATE_LIMIT_PER_HOUR = envint("APPOINTMENT_RATE_LIMIT_PER_HOUR", 60)
APPOINTMENT_RATE_LIMIT_PER_PHONE_PER_DAY = envint("APPOINTMENT_RATE_LIMIT_PER_PHONE_PER_DAY", 5)
APPOINTMENT_RATE_LIMIT_PER_SESSION_PER_HOUR = envint("APPOINTMENT_RATE_LIMIT_PER_SESSION_PER_HOUR", 10)
# A send from the browser session that sent a request, this long after, updates that request (a correction).
APPOINTMENT_CORRECTION_HOURS = envint("APPOINTMENT_CORRECTION_HOURS", 24)
# The patient's reminder of a booked visit goes this many days before it, through the worker (0: no reminders).
APPOINTMENT_REMINDER_DAYS = envint("APPOINTMENT_REMINDER_DAYS", 2)
# "Check or change my request": look-ups allowed per reference and per client address in the window.
APPOINTMENT_LOOKUP_ATTEMPTS = envint("APPOINTMENT_LOOKUP_ATTEMPTS", 5)
APPOINTMENT_LOOKUP_WINDOW_MINUTES = envint("APPOINTMENT_LOOKUP_WINDOW_MINUTES", 15)
# Insight (core/insights.py): aggregate counters per day, never a visit or an identifier; 0 counts nothing. The
# counters are deleted after INSIGHT_RETENTION_MONTHS by purge_appointment_requests (daily).
INSIGHT_COUNTING = envbool("INSIGHT_COUNTING", True)
INSIGHT_RETENTION_MONTHS = envint("INSIGHT_RETENTION_MONTHS", 25)
# How many reverse proxies we trust to append the client's address to X-Forwarded-For (0: use REMOTE_ADDR).
# Too high, and a client picks its own address by sending X-Forwarded-For (both throttles bypassed); too low
# (0 behind a proxy), and every client is the proxy: one client's failures lock out everyone. README.
NUM_PROXIES = envint("DJANGO_NUM_PROXIES", 0)
