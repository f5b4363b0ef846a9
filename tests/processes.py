"""Real processes for the tests that rehearse failures: a mail server (aiosmtpd), one that accepts and never
answers, the worker (`manage.py db_worker`), gunicorn, and a private Redis. Each runs on a loopback port of its own,
for a bounded time, and is stopped by its own process id."""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from aiosmtpd.controller import Controller
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def wait_for(condition: Callable[[], bool], *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s: {what}")


class _Controller(Controller):
    """aiosmtpd's controller on a port the OS picks when it binds (port 0), learnt from the socket."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class MailServer:
    """A real SMTP server on loopback that keeps what it receives, on a port the OS picks (or `port`: the port
    of a mail server that was down and is back)."""

    def __init__(self, port: int = 0):
        self.messages: list = []
        self.controller = _Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"

    def __enter__(self) -> "MailServer":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    @property
    def port(self) -> int:
        return self.controller.port

    @property
    def recipients(self) -> list[str]:
        return sorted(rcpt for envelope in self.messages for rcpt in envelope.rcpt_tos)


class RefusingMailServer(MailServer):
    """A real SMTP server that refuses every recipient for good (550), as it would a mistyped address."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox here"


class SilentMailServer:
    """A mail server that accepts connections and never says a word (a hung server, a black-holed firewall), on a
    port the OS picks."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def __enter__(self) -> "SilentMailServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.sock.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(): close() alone leaves it listening
        self.sock.close()
        self.thread.join(5)
        for conn in self.held:
            conn.close()


def database_url() -> str:
    """The test database, for processes of their own to share it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def environment(**extra: str) -> dict:
    """Production-like settings for a child process, on the test database, mail to loopback SMTP."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_LOG_FORMAT": "text",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_USE_TLS": "0",
        "EMAIL_TIMEOUT": "2",
        "EMAIL_RETRY_FIRST_SECONDS": "1",
        "EMAIL_RETRY_MAX_SECONDS": "2",
        "REDIS_URL": "",
        "PAGE_CACHE_SECONDS": "0",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(extra)
    return env


class Process:
    """A child process in a session of its own (so a kill reaches all of it), ended at the latest on exit."""

    def __init__(self, args: list[str], env: dict, log: Path, *, cwd: Path = ROOT):
        self.args, self.env, self.log, self.cwd = args, env, log, cwd
        self.popen: subprocess.Popen | None = None

    def __enter__(self) -> "Process":
        self.output = self.log.open("wb")
        self.popen = subprocess.Popen(  # noqa: S603 (our own commands)
            self.args, cwd=self.cwd, env=self.env, stdout=self.output, stderr=subprocess.STDOUT, start_new_session=True
        )
        return self

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.popen and self.popen.poll() is None:
            os.killpg(self.popen.pid, sig)
            self.popen.wait(10)

    def pause(self, paused: bool = True) -> None:
        """Stop the process where it is (it holds its sockets and data, and answers nothing), or let it go on."""
        assert self.popen is not None
        os.killpg(self.popen.pid, signal.SIGSTOP if paused else signal.SIGCONT)

    def __exit__(self, *exc) -> None:
        if self.popen and self.popen.poll() is None:
            self.pause(paused=False)  # a paused process would not see the SIGTERM
        self.kill(signal.SIGTERM)
        self.output.close()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:]


def worker(env: dict, log: Path) -> Process:
    return Process([sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"], env, log)


class Gunicorn(Process):
    """gunicorn on a loopback port the OS picks when it binds (never one guessed beforehand, which another process
    could take first): `url` waits for the port gunicorn says it listens at."""

    def url(self, seconds: float = 30) -> str:
        found: list[str] = []

        def listening() -> bool:
            found[:] = re.findall(r"Listening at: (http://127\.0\.0\.1:\d+)", self.log.read_text(errors="replace"))
            return bool(found)

        wait_for(listening, seconds=seconds, what=f"gunicorn to listen\n{self.tail()}")
        return found[0]


def gunicorn(env: dict, log: Path, *, workers: int = 1, cwd: Path = ROOT) -> Gunicorn:
    args = [str(Path(sys.executable).parent / "gunicorn"), "-c", "python:azura_site.gunicorn"]
    args += ["--bind", "127.0.0.1:0", "--workers", str(workers), "azura_site.wsgi"]
    return Gunicorn(args, env, log, cwd=cwd)


class RedisServer(Process):
    """A Redis of a test's own, on a Unix socket in the test's folder (no port to pick)."""

    @property
    def url(self) -> str:
        return f"unix://{self.args[self.args.index('--unixsocket') + 1]}?db=0"


def redis_server(folder: Path) -> RedisServer:
    args = ["redis-server", "--port", "0", "--unixsocket", str(folder / "redis.sock")]
    args += ["--save", "", "--appendonly", "no"]
    return RedisServer(args, dict(os.environ), folder / "redis.log")


def _redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


@contextmanager
def redis_as_cache(settings, folder: Path) -> Iterator[RedisServer]:
    """The site's caches on a Redis of the test's own (which the test may stop or pause), once it answers."""
    with redis_server(folder) as redis:
        redis_cache = {
            "BACKEND": "core.cache_backends.FailSoftRedisCache",
            "LOCATION": redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        settings.CACHES = {"default": redis_cache, "rendered": redis_cache}
        wait_for(lambda: _redis_answers(redis.url), seconds=10, what="redis to start")
        yield redis
