"""The look-up limits of "Check or change my request" hold across two gunicorn servers sharing one database (and,
without Redis, one cache folder): tries counted on one host count on the other, per reference (whatever address
they come from) and per address (whatever reference they ask for)."""

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from datetime import date

import pytest

from .factories_requests import AppointmentRequestFactory
from .html import hidden_inputs
from .processes import environment, gunicorn, wait_for

pytestmark = [pytest.mark.processes, pytest.mark.django_db(transaction=True)]

LOOKUP = "/appointments/my-request/"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One browser (its cookies are shared by both hosts) at one client address (sent as X-Forwarded-For, which
    the servers trust with DJANGO_NUM_PROXIES=1, as behind a load balancer)."""

    def __init__(self, address: str):
        self.address = address
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())

    def request(self, url: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        headers = {"Referer": url, "X-Forwarded-For": self.address}
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 (loopback http)
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.headers.get("Location", ""), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", ""), error.read().decode()

    def look_up(self, host: str, reference: str, last_name: str) -> int:
        """Send the look-up to `host`; the status of the page it leads to (200: the request is open)."""
        status, _, content = self.request(f"{host}{LOOKUP}")
        assert status == 200, (status, content[:2000])
        token = hidden_inputs(content)["csrfmiddlewaretoken"]
        answers = {"reference": reference, "last_name": last_name, "date_of_birth": "03/27/1954"}
        status, location, _ = self.request(f"{host}{LOOKUP}", {**answers, "csrfmiddlewaretoken": token})
        assert status == 302, status
        return self.request(f"{host}{location}")[0]


@pytest.fixture
def hosts(tmp_path):
    env = environment(
        DJANGO_DEBUG="1",  # static files without collectstatic; nothing here depends on it
        DJANGO_NUM_PROXIES="1",
        APPOINTMENT_LOOKUP_ATTEMPTS="5",
        APPOINTMENT_LOOKUP_WINDOW_MINUTES="1440",  # one window for the whole test
        DJANGO_LOG_LEVEL="WARNING",
    )
    first, second = gunicorn(env, tmp_path / "first.log"), gunicorn(env, tmp_path / "second.log")
    with first, second:
        urls = [first.url(), second.url()]
        for url in urls:
            wait_for(lambda url=url: _answers(url), seconds=30, what=f"{url} to answer")
        yield urls


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz/", timeout=2):  # noqa: S310 (loopback)
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def test_lookup_limits_hold_across_two_hosts_per_reference_and_per_address(hosts, center):
    a, b = hosts
    patient = AppointmentRequestFactory(center=center, last_name="Quigglesworth", date_of_birth=date(1954, 3, 27))
    others = [AppointmentRequestFactory(center=center, date_of_birth=date(1954, 3, 27)) for _ in range(6)]

    # Five wrong tries at one reference, from five addresses, on both hosts: the sixth, right, is refused.
    for n in range(5):
        assert Visitor(f"203.0.113.{n + 1}").look_up((a, b)[n % 2], patient.reference, "Wrong") == 400
    assert Visitor("203.0.113.99").look_up(b, patient.reference, "Quigglesworth") == 429
    assert Visitor("203.0.113.99").look_up(a, others[0].reference, others[0].last_name) == 200  # another reference

    # Five tries from one address at five references, on both hosts: a sixth reference is refused there.
    one_address = Visitor("198.51.100.7")
    for n, other in enumerate(others[1:6]):
        assert one_address.look_up((a, b)[n % 2], other.reference, "Wrong") == 400
    assert one_address.look_up(b, others[0].reference, others[0].last_name) == 429
