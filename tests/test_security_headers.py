"""Security headers on every kind of page, HSTS on HTTPS only, no caching of personal data, cookie flags, the admin
behind its login, the login lockout, idle sessions and password rules."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from procedures.models import Procedure

from .factories_requests import AppointmentRequestFactory, form_data
from .staff import LOGIN_URL, PASSWORD, is_refused, is_signed_in, login

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ["/", "/pain-management/kyphoplasty/", "/centers/?q=78701"]
FORM_URL = "/appointments/request/"
RECEIVED_URL = "/appointments/request/received/"
STRICT_REFERRER_POLICIES = {"same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin"}


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(username="editor", password=PASSWORD, is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _isolated(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.APPOINTMENT_MIN_FILL_SECONDS = 0


# --- Reading headers -----------------------------------------------------------------------------------------


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, "no Content-Security-Policy header"
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def permissions_policy(response) -> dict[str, str]:
    header = response.headers.get("Permissions-Policy")
    assert header, "no Permissions-Policy header"
    features = {}
    for part in header.split(","):
        name, _, allowlist = part.strip().partition("=")
        features[name] = allowlist
    return features


def cache_control(response) -> set[str]:
    return {part.strip().lower() for part in response.headers.get("Cache-Control", "").split(",") if part.strip()}


def set_cookie_line(response, name: str) -> str:
    """The Set-Cookie header for that cookie, as the WSGI handler sends it."""
    assert name in response.cookies, f"no Set-Cookie for {name}: {list(response.cookies)}"
    return response.cookies[name].output(header="").strip()


def cookie_flags(line: str) -> set[str]:
    return {part.strip().split("=")[0].lower() for part in line.split(";")[1:]}


def assert_security_headers(response) -> None:
    csp = csp_directives(response)
    assert csp.get("default-src") == ["'self'"]
    script_src = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert csp.get("object-src") == ["'none'"]
    assert csp.get("base-uri") == ["'none'"]
    assert csp.get("frame-ancestors") == ["'none'"]
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") in STRICT_REFERRER_POLICIES
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin"
    features = permissions_policy(response)
    assert features.get("geolocation") == "(self)"
    assert features.get("camera") == "()"
    assert features.get("microphone") == "()"
    assert response.headers.get("X-Frame-Options") == "DENY"


# --- Headers on every kind of page ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_sends_the_security_headers(client, center, url):
    response = client.get(url)

    assert response.status_code == 200
    assert_security_headers(response)


def test_request_form_sends_the_security_headers(client, center):
    response = client.get(FORM_URL)

    assert response.status_code == 200
    assert_security_headers(response)


def test_invalid_request_form_post_sends_the_security_headers(client, center):
    response = client.post(FORM_URL, form_data(center, first_name="", phone="not a phone"), follow=True)

    assert response.status_code == 200
    assert "Enter your first name." in response.content.decode()
    assert_security_headers(response)


def test_admin_login_sends_the_security_headers(client):
    response = client.get(LOGIN_URL)

    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize("url", ["/admin/", "/admin/appointments/center/", "/admin/procedures/procedure/"])
def test_admin_page_for_staff_sends_the_security_headers(client, staff, center, url):
    client.force_login(staff)

    response = client.get(url)

    assert response.status_code == 200
    assert_security_headers(response)


def test_not_found_page_sends_the_security_headers(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_security_headers(response)


# --- HSTS ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/", "/pain-management/kyphoplasty/", FORM_URL, LOGIN_URL])
def test_hsts_is_sent_over_https_with_subdomains_and_preload(client, settings, url):
    settings.SECURE_HSTS_SECONDS = 31536000

    response = client.get(url, secure=True)

    hsts = [part.strip() for part in response.headers.get("Strict-Transport-Security", "").split(";")]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts
    assert "preload" in hsts


@pytest.mark.parametrize("url", ["/", FORM_URL])
def test_hsts_is_not_sent_over_plain_http(client, settings, url):
    settings.SECURE_HSTS_SECONDS = 31536000

    response = client.get(url)

    assert "Strict-Transport-Security" not in response.headers


# --- Personal data is never cached ---------------------------------------------------------------------------


def test_request_form_is_not_stored_by_caches(client, center):
    assert "no-store" in cache_control(client.get(FORM_URL))


def test_invalid_request_form_post_is_not_stored_by_caches(client, center):
    response = client.post(FORM_URL, form_data(center, first_name=""))
    assert "no-store" in cache_control(response)  # the redirect back to the form
    response = client.get(response["Location"])

    assert response.status_code == 200
    assert "no-store" in cache_control(response)


def test_valid_request_form_post_is_not_stored_by_caches(client, center):
    response = client.post(FORM_URL, form_data(center))

    assert response.status_code == 302
    assert "no-store" in cache_control(response)


def test_received_page_is_not_stored_by_caches(client, center):
    client.post(FORM_URL, form_data(center))

    response = client.get(RECEIVED_URL)

    assert response.status_code == 200
    assert "We received your request" in response.content.decode()
    assert "no-store" in cache_control(response)


def test_admin_pages_with_patient_details_are_not_stored_by_caches(client, staff, center):
    appointment_request = AppointmentRequestFactory(center=center)
    client.force_login(staff)
    base = "/admin/appointments/appointmentrequest/"

    for url in [base, f"{base}{appointment_request.pk}/change/", f"{base}{appointment_request.pk}/history/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in cache_control(response), url


def test_received_page_without_a_request_is_not_stored_by_caches(client):
    response = client.get(RECEIVED_URL)

    assert response.status_code == 404
    assert "no-store" in cache_control(response)


# --- Cookies -------------------------------------------------------------------------------------------------


def test_csrf_cookie_is_httponly(client, center):
    line = set_cookie_line(client.get(FORM_URL), "csrftoken")

    assert "httponly" in cookie_flags(line)


def test_session_cookie_is_httponly(client, center):
    line = set_cookie_line(client.post(FORM_URL, form_data(center)), "sessionid")

    assert "httponly" in cookie_flags(line)


def test_csrf_cookie_is_secure_when_configured(client, settings, center):
    settings.CSRF_COOKIE_SECURE = True

    line = set_cookie_line(client.get(FORM_URL, secure=True), "csrftoken")

    assert {"secure", "httponly"} <= cookie_flags(line)


def test_session_cookie_is_secure_when_configured(client, settings, center):
    settings.SESSION_COOKIE_SECURE = True

    line = set_cookie_line(client.post(FORM_URL, form_data(center), secure=True), "sessionid")

    assert {"secure", "httponly"} <= cookie_flags(line)


def test_staff_session_cookie_is_secure_and_httponly_when_configured(client, settings, staff):
    settings.SESSION_COOKIE_SECURE = True
    client.force_login(staff)

    line = set_cookie_line(client.get("/admin/", secure=True), "sessionid")

    assert {"secure", "httponly"} <= cookie_flags(line)


# --- The admin behind its login ------------------------------------------------------------------------------


@pytest.fixture
def admin_urls(center) -> list[str]:
    procedure = Procedure.objects.get(slug="kyphoplasty")
    return [
        "/admin/",
        "/admin/appointments/center/",
        f"/admin/appointments/center/{center.pk}/change/",
        f"/admin/appointments/center/{center.pk}/history/",
        "/admin/appointments/appointmentrequest/",
        "/admin/procedures/procedure/",
        f"/admin/procedures/procedure/{procedure.pk}/change/",
        f"/admin/procedures/procedure/{procedure.pk}/history/",
        "/admin/auth/user/",
    ]


def test_anonymous_user_is_sent_to_the_login_page_from_every_admin_page(client, admin_urls):
    for url in admin_urls:
        response = client.get(url)

        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{LOGIN_URL}?next="), (url, response["Location"])


def test_anonymous_user_sees_no_admin_content(client, admin_urls, center):
    for url in admin_urls:
        response = client.get(url, follow=True)

        assert response.status_code == 200, url
        assert response.redirect_chain[-1][0].startswith(LOGIN_URL), url
        assert center.name not in response.content.decode(), url


# --- Login lockout -------------------------------------------------------------------------------------------


def test_right_password_signs_in(client, staff):
    assert is_signed_in(client, login(client, "editor", PASSWORD))


def test_five_failures_lock_the_user_name_even_for_the_right_password(client, staff):
    for _ in range(5):
        response = login(client, "editor", "wrong-password")
        assert response.status_code in (200, 429)
        assert "_auth_user_id" not in client.session

    response = login(client, "editor", PASSWORD)

    assert is_refused(response)
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock_the_user_name(client, staff):
    for _ in range(4):
        login(client, "editor", "wrong-password")

    assert is_signed_in(client, login(client, "editor", PASSWORD))


def test_lockout_of_one_user_name_does_not_lock_another_elsewhere(client, staff, django_user_model):
    django_user_model.objects.create_user(username="manager", password=PASSWORD, is_staff=True)
    for _ in range(5):
        login(client, "editor", "wrong-password")

    # From another address: the failures' own address is locked too (tests/test_throttling.py).
    assert is_signed_in(client, login(client, "manager", PASSWORD, address="198.51.100.40"))


# --- Idle sessions and passwords -----------------------------------------------------------------------------


def test_sessions_end_after_30_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 1800
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is False  # else the cookie would have no max-age


def test_staff_session_cookie_lasts_30_minutes_and_is_renewed_on_each_request(client, staff):
    client.force_login(staff)

    for _ in range(2):
        line = set_cookie_line(client.get("/admin/"), "sessionid")
        assert "max-age=1800" in [part.strip().lower() for part in line.split(";")]


@pytest.mark.parametrize("password", ["short", "password", "password1234", "123456789012345", "editor-editor"])
def test_weak_password_is_refused(django_user_model, password):
    user = django_user_model(username="editor-editor", email="editor@azura.example")

    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_long_uncommon_password_is_accepted(django_user_model):
    user = django_user_model(username="editor", email="editor@azura.example")

    validate_password("quartz-lantern-meadow-91", user)
