"""Find a physician: search by name, filters, accepting new patients per center, pagination, bad input,
physician pages and their schema.org description."""

import html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from procedures.models import Procedure

from .factories import ProcedureFactory
from .factories_appointments import PLACES, CenterFactory, LanguageFactory, PhysicianFactory, PracticeFactory
from .html import attr, attrs, find_all, find_one, jsonld_of_type, parse, selected_value
from .locator import field_error, jsonld
from .locator import result_names as listed
from .support import not_said

pytestmark = pytest.mark.django_db

DIRECTORY = "/physicians/"
SITE_URL = "https://azura.example"


def directory(client, **params):
    response = client.get(DIRECTORY, params)
    return response, response.content.decode()


@pytest.fixture
def staff():
    """Three physicians at two centers, with different procedures and languages."""
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    epidural = Procedure.objects.get(slug="epidural-injections")
    spanish, vietnamese = LanguageFactory(name="Spanish"), LanguageFactory(name="Vietnamese")
    austin = CenterFactory(name="Austin Center", place=PLACES["78701"])
    houston = CenterFactory(name="Houston Center", place=PLACES["77002"])
    vasquez = PhysicianFactory(first_name="Elena", last_name="Vasquez", procedures=[kyphoplasty], languages=[spanish])
    okafor = PhysicianFactory(first_name="Samuel", last_name="Okafor", credentials="DO", procedures=[epidural])
    raman = PhysicianFactory(
        first_name="Priya", last_name="Raman", procedures=[kyphoplasty, epidural], languages=[vietnamese, spanish]
    )
    PracticeFactory(physician=vasquez, center=austin, accepting_new_patients=True)
    PracticeFactory(physician=vasquez, center=houston, accepting_new_patients=False)
    PracticeFactory(physician=okafor, center=houston, accepting_new_patients=True)
    PracticeFactory(physician=raman, center=austin, accepting_new_patients=False)
    return {"austin": austin, "houston": houston, "vasquez": vasquez, "okafor": okafor, "raman": raman}


VASQUEZ, OKAFOR, RAMAN = "Dr. Elena Vasquez, MD", "Dr. Samuel Okafor, DO", "Dr. Priya Raman, MD"


# --- Listing and search by name ---------------------------------------------------------------------------------


def test_directory_lists_active_physicians_by_last_name(client, staff):
    PhysicianFactory(first_name="Hidden", last_name="Aardvark", is_active=False)
    response, page = directory(client)
    assert response.status_code == 200
    assert listed(page) == [OKAFOR, RAMAN, VASQUEZ]
    assert "3 physicians" in page
    assert "Aardvark" not in page


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Elena", [VASQUEZ]),
        ("vasquez", [VASQUEZ]),
        ("OKAFOR", [OKAFOR]),
        ("Dr. Raman", [RAMAN]),
        ("Dr Raman", [RAMAN]),
        ("dr. priya raman", [RAMAN]),
        ("Raman, MD", [RAMAN]),
        ("Priya Raman", [RAMAN]),
        ("  Samuel   Okafor  ", [OKAFOR]),
        ("Vasq", [VASQUEZ]),
        ("Elena Okafor", []),
        ("Nobody", []),
    ],
)
def test_search_by_name(client, staff, q, expected):
    response, page = directory(client, q=q)
    assert response.status_code == 200
    assert listed(page) == expected


def test_no_match_says_so(client, staff):
    _, page = directory(client, q="Nobody")
    assert "0 physicians" in page
    assert "No physician matches" in page


# --- Filters ----------------------------------------------------------------------------------------------------


def test_filter_by_procedure(client, staff):
    assert listed(directory(client, procedure="kyphoplasty")[1]) == [RAMAN, VASQUEZ]
    assert listed(directory(client, procedure="epidural-injections")[1]) == [OKAFOR, RAMAN]
    assert listed(directory(client, procedure="facet-joint-injections")[1]) == []


def test_filter_by_center(client, staff):
    assert listed(directory(client, center=staff["austin"].slug)[1]) == [RAMAN, VASQUEZ]
    assert listed(directory(client, center=staff["houston"].slug)[1]) == [OKAFOR, VASQUEZ]


def test_filter_by_language(client, staff):
    assert listed(directory(client, language="Spanish")[1]) == [RAMAN, VASQUEZ]
    assert listed(directory(client, language="Vietnamese")[1]) == [RAMAN]


def test_accepting_new_patients_anywhere(client, staff):
    assert listed(directory(client, accepting="1")[1]) == [OKAFOR, VASQUEZ]
    assert listed(directory(client, accepting="on")[1]) == [OKAFOR, VASQUEZ]


def test_accepting_new_patients_is_per_center(client, staff):
    # Dr. Vasquez accepts new patients in Austin but not in Houston.
    houston, austin = staff["houston"].slug, staff["austin"].slug
    assert listed(directory(client, center=houston, accepting="1")[1]) == [OKAFOR]
    assert listed(directory(client, center=austin, accepting="1")[1]) == [VASQUEZ]
    assert listed(directory(client, center=houston)[1]) == [OKAFOR, VASQUEZ]


def test_accepting_only_at_an_inactive_center_does_not_count(client, staff):
    closed = CenterFactory(name="Closed Center", is_active=False)
    PracticeFactory(physician=staff["raman"], center=closed, accepting_new_patients=True)
    _, page = directory(client, accepting="1")
    assert listed(page) == [OKAFOR, VASQUEZ]
    assert "Closed Center" not in page


def test_filters_combine(client, staff):
    assert listed(directory(client, procedure="kyphoplasty", language="Spanish", accepting="1")[1]) == [VASQUEZ]
    assert listed(directory(client, q="Raman", center=staff["houston"].slug)[1]) == []


def test_listing_says_whether_accepting_at_each_center(client, staff):
    _, page = directory(client, q="Raman")
    assert "Austin Center (not accepting new patients)" in page
    _, page = directory(client, q="Vasquez")
    assert "Austin Center (accepting new patients); Houston Center (not accepting new patients)" in page


def test_filter_keeps_the_choices_in_the_form(client, staff):
    _, page = directory(client, q="Raman", procedure="kyphoplasty", language="Spanish", accepting="1")
    assert 'name="q" value="Raman"' in page
    form = parse(page)
    assert selected_value(form, "procedure") == "kyphoplasty"
    assert selected_value(form, "language") == "Spanish"
    assert "checked" in attrs(find_one(form, "input", name="accepting"))


# --- Bad filter values ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"center": "no-such-center"},
        {"language": "Klingon"},
        {"center": "\x00"},
        {"language": "\x00"},
        {"q": "x" * 81},
        {"q": "Raman\x00"},
    ],
)
def test_unknown_filter_value_is_400_with_a_message(client, staff, params):
    response, page = directory(client, **params)
    assert response.status_code == 400
    (field,) = params
    assert field_error(page, field)
    assert "<title>Error:" in page
    assert listed(page) == []


def test_inactive_center_is_not_a_filter_choice(client, staff):
    closed = CenterFactory(name="Closed Center", is_active=False)
    response, page = directory(client, center=closed.slug)
    assert response.status_code == 400
    assert "Closed Center" not in page


def test_draft_procedure_is_not_a_filter_choice(client, staff):
    ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft")
    response, page = directory(client, procedure="secret-draft")
    assert response.status_code == 200  # a link to a procedure we do not list: every procedure, with a note
    assert "The procedure in this link is not one we list" in page
    assert "Secret Draft Procedure" not in page


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    q=st.text(max_size=100),
    procedure=st.one_of(st.text(max_size=40), st.just("kyphoplasty")),
    center=st.text(max_size=40),
    language=st.one_of(st.text(max_size=40), st.just("Spanish")),
    accepting=st.text(max_size=5),
    page_number=st.text(max_size=10),
)
def test_arbitrary_filters_never_give_a_server_error(
    client, staff, q, procedure, center, language, accepting, page_number
):
    params = {"q": q, "procedure": procedure, "center": center, "language": language, "accepting": accepting}
    response = client.get(DIRECTORY, {**params, "page": page_number})
    assert response.status_code in {200, 400}


# --- Pagination -------------------------------------------------------------------------------------------------


@pytest.fixture
def twenty_five_physicians():
    center = CenterFactory(name="Big Center")
    for n in range(25):
        PracticeFactory(center=center, physician=PhysicianFactory(first_name="Pat", last_name=f"Doctor{n:02d}"))
    return center


def test_pagination_shows_the_rest_on_page_two(client, twenty_five_physicians):
    _, first = directory(client)
    assert len(listed(first)) == 20
    assert "25 physicians" in first
    assert "Page 1 of 2" in first
    assert 'href="?page=2"' in first
    response, second = directory(client, page="2")
    assert response.status_code == 200
    assert len(listed(second)) == 5
    assert listed(second)[-1] == "Dr. Pat Doctor24, MD"
    assert set(listed(first)).isdisjoint(listed(second))


def test_pagination_keeps_the_filters(client, twenty_five_physicians):
    center = twenty_five_physicians
    _, page = directory(client, q="Pat", center=center.slug, accepting="1")
    hrefs = {attr(a, "href") or "" for a in find_all(parse(page), "a")}
    (link,) = {href[1:] for href in hrefs if href.startswith("?") and href.endswith("page=2")}
    assert link == f"q=Pat&center={center.slug}&accepting=1&page=2"
    response = client.get(DIRECTORY + "?" + link)
    assert response.status_code == 200
    assert len(listed(response.content.decode())) == 5


@pytest.mark.parametrize("page_number", ["999", "abc", "0", "-1", "2.5", "", "1e3", "\x00"])
def test_page_out_of_range_or_not_a_number_is_not_an_error(client, twenty_five_physicians, page_number):
    response, html_page = directory(client, page=page_number)
    assert response.status_code == 200
    assert len(listed(html_page)) in (5, 20)


# --- Query counts -----------------------------------------------------------------------------------------------


def add_physicians(count: int, center, procedures, languages) -> None:
    for _ in range(count):
        physician = PhysicianFactory(procedures=procedures, languages=languages)
        PracticeFactory(physician=physician, center=center)
        PracticeFactory(physician=physician, center=CenterFactory())


@pytest.mark.parametrize("query", ["", "?accepting=1", "?procedure=kyphoplasty&language=Spanish", "?page=2"])
def test_directory_uses_the_same_queries_for_3_or_30_physicians(client, django_assert_max_num_queries, query):
    procedures = list(Procedure.objects.all())
    languages = [LanguageFactory(name="Spanish"), LanguageFactory(name="French")]
    center = CenterFactory()
    add_physicians(3, center, procedures, languages)
    # Count, page, three prefetches, the three lists of choices in the form, one lookup per filter, and the site's
    # settings for the layout (drawn afresh after a content change).
    with django_assert_max_num_queries(11) as few:
        assert client.get(DIRECTORY + query).status_code == 200
    add_physicians(27, center, procedures, languages)
    with django_assert_max_num_queries(11) as many:
        page = client.get(DIRECTORY + query).content.decode()
    assert len(listed(page)) == (10 if "page=2" in query else 20)
    assert len(few) == len(many)


# --- Physician page ---------------------------------------------------------------------------------------------


def test_physician_page_shows_profile_procedures_languages_and_centers(client, staff):
    response = client.get(staff["vasquez"].get_absolute_url())
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert not_said(
        page, "<h1>Dr. Elena Vasquez, MD</h1>", 'href="/pain-management/kyphoplasty/">Kyphoplasty</a>', "Spanish",
        "<li>Pain Medicine</li>", "<li>MD, Example University</li>", "Treats back and neck pain.",
        "Austin Center", "Houston Center", "Accepting new patients here", "Not accepting new patients here",
    ) == []  # fmt: skip
    austin, houston = staff["austin"], staff["houston"]
    physician = staff["vasquez"]
    assert f'href="/appointments/request/?center={austin.slug}&physician={physician.slug}"' in page
    assert f'href="/appointments/request/?center={houston.slug}&physician={physician.slug}"' in page
    assert f'<a href="tel:{austin.phone}">(512) 555-0142</a>' in page  # stored E.164, shown the US way


def test_physician_page_lists_only_active_centers(client, staff):
    closed = CenterFactory(name="Closed For Good Center", is_active=False)
    PracticeFactory(physician=staff["okafor"], center=closed)
    page = client.get(staff["okafor"].get_absolute_url()).content.decode()
    assert "Houston Center" in page
    assert "Closed For Good Center" not in page
    (data,) = jsonld(page)
    assert [location["name"] for location in data["location"]] == ["Houston Center"]


def test_physician_only_at_inactive_centers_has_no_center_listed(client):
    physician = PhysicianFactory(first_name="Lone", last_name="Ranger")
    PracticeFactory(physician=physician, center=CenterFactory(name="Closed For Good Center", is_active=False))
    page = html.unescape(client.get(physician.get_absolute_url()).content.decode())
    assert "Closed For Good Center" not in page
    assert "Call us to find out where Dr. Lone Ranger, MD practices" in page


def test_inactive_physician_page_is_404(client):
    physician = PhysicianFactory(is_active=False)
    assert client.get(physician.get_absolute_url()).status_code == 404


def test_inactive_physician_is_not_listed_on_the_center_page(client, staff):
    staff["raman"].is_active = False
    staff["raman"].save()
    page = client.get(staff["austin"].get_absolute_url()).content.decode()
    assert "Raman" not in page
    assert "Vasquez" in page


def test_physician_page_does_not_list_draft_procedures(client, staff):
    staff["raman"].procedures.add(ProcedureFactory(title="Secret Draft Procedure", slug="secret-draft", status="draft"))
    page = client.get(staff["raman"].get_absolute_url()).content.decode()
    assert "Secret Draft Procedure" not in page


def test_physician_page_json_ld_is_a_physician(client, staff, settings):
    settings.SITE_URL = SITE_URL
    physician = staff["raman"]
    page = client.get(physician.get_absolute_url()).content.decode()
    data = jsonld_of_type(page, "Physician")
    assert data["name"] == "Dr. Priya Raman, MD"
    assert data["url"] == f"{SITE_URL}/physicians/{physician.slug}/"
    assert sorted(data["knowsLanguage"]) == ["Spanish", "Vietnamese"]
    assert {service["name"] for service in data["availableService"]} == {"Kyphoplasty", "Epidural Injections"}
    (location,) = data["location"]
    assert location["@type"] == "MedicalClinic"
    assert location["name"] == "Austin Center"
    assert location["address"]["postalCode"] == "78701"
    assert location["address"]["addressRegion"] == "TX"


def test_directory_links_each_physician_to_their_page(client, staff):
    _, page = directory(client)
    for physician in staff["vasquez"], staff["okafor"], staff["raman"]:
        assert f'href="{physician.get_absolute_url()}"' in page


def test_procedure_page_links_to_the_filtered_directory(client):
    page = client.get("/pain-management/kyphoplasty/").content.decode()
    assert 'href="/physicians/?procedure=kyphoplasty"' in page
