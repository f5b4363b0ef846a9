"""The seed migration put the client's copy on the right pages, and the pages show all of it.

Three sources are compared with the rendered pages:
- the facts, lists and table rows written out below (what each page must say, page by page);
- the seed migration's own data, for the long paragraphs (so no paragraph is left unrendered);
- the client's copy, shared/seed/interventional-pain-management.txt, for the risks and the paragraphs.

Text is compared after HTML parsing, so entities (&#x27;, &amp; …) are unescaped and whitespace collapsed.
"""

import re

import pytest
from django.test.html import Element, parse_html
from django.urls import reverse
from django.utils.text import slugify

from tests.html import attr, find_all, find_one, text, texts

from .migrations import migration
from .support import normalised

pytestmark = pytest.mark.django_db

seed_migration = migration("procedures", "0002_seed_content")
copy_migration = migration("procedures", "0011_kyphoplasty_in_the_copys_words")

SLUGS = ["epidural-injections", "facet-joint-injections", "kyphoplasty"]

# What each page must show, written out from the client's copy.
EXPECTED = {
    "epidural-injections": {
        "title": "Epidural Injections",
        "key_facts": [
            ("How long it takes", "Usually takes no more than five to ten minutes"),
            ("Anesthesia", "Local anesthesia and, on occasion, with intravenous sedation"),
            ("What is injected", "A steroid medication"),
            ("Imaging guidance", "Fluoroscopy, usually with the patient lying face down"),
            ("Recovery", "A brief 15-20 minute recovery before being discharged to your home"),
        ],
        "conditions": ["Herniated or bulging discs", "Spinal stenosis", "Recurrent pain following spine surgery"],
        "risks": ["Nausea", "Itching", "Rash", "Facial flushing", "Sweating", "Steroid side effects"],
        "comparison": [],
    },
    "facet-joint-injections": {
        "title": "Facet Joint Injections",
        "key_facts": [
            # The anesthetic and the steroid are what is injected into the joint, not anesthesia for the procedure.
            ("How long it takes", "Usually takes 10-20 minutes"),
            ("What is injected", "A local anesthetic and possibly a steroid to reduce inflammation"),
            ("Imaging guidance", "Fluoroscopy is used by your physician to make sure the needle is in the joint"),
            ("Recovery", "A brief recovery before being discharged to your home"),
        ],
        # The candidate sentences stay in "Who is a good candidate?"; a whiplash injury is not a condition.
        "conditions": ["Swollen and painful facet joints due to osteoarthritis"],
        "risks": [
            "Allergic reaction to the X-ray contrast or steroid",
            "Bleeding",
            "Minor infection",
            "Discomfort at the injection site or worsening of pain symptoms",
            "Nerve or spinal cord damage",
        ],
        "comparison": [],
    },
    "kyphoplasty": {
        "title": "Kyphoplasty",
        # The copy gives no recovery time for kyphoplasty, so the page shows no "Recovery" fact.
        "key_facts": [
            ("How long it takes", "About forty-five minutes for each bone that is treated"),
            ("Anesthesia", "Usually performed using a local anesthetic"),
            ("What is injected", "A cement-like material"),
            (
                "Imaging guidance",
                "Image guidance via fluoroscopy (a type of x-ray) to allow precise placement of the tubes",
            ),
        ],
        "conditions": ["Vertebral compression fractures"],
        "risks": [
            "Bleeding",
            "Infection",
            "Allergic reactions to medicines",
            "Minor risks associated with anesthesia",
            "Cement leaks into surrounding area leading to other treatments to remove the cement",
        ],
        # Only rows that differ, every cell the copy's words; the copy names additional goals for kyphoplasty only.
        "comparison": [
            (
                "How it is done",
                "An inflatable balloon is used to create a cavity for the cement",
                "A percutaneous injection of bone cement into the vertebral body",
            ),
            (
                "Goals",
                "To treat painful compression fractures, prevent further collapse of your vertebral fracture and to "
                "restore normal spinal alignment",
                "Pain alleviation and preventing further loss of vertebral body height",
            ),
            ("Additional potential goals", "Restoring height and reducing kyphosis", "Our text does not say"),
        ],
    },
}

# Facts that belong to one page only: each must be on its page and on neither of the other two.
FACTS_OF_ONE_PAGE = [
    ("Nerve or spinal cord damage", "facet-joint-injections"),
    ("Allergic reaction to the X-ray contrast or steroid", "facet-joint-injections"),
    ("Usually takes 10-20 minutes", "facet-joint-injections"),
    ("whiplash", "facet-joint-injections"),
    ("A local anesthetic and possibly a steroid to reduce inflammation", "facet-joint-injections"),
    ("Steroid side effects", "epidural-injections"),
    ("Facial flushing", "epidural-injections"),
    ("Herniated or bulging discs", "epidural-injections"),
    ("Spinal stenosis", "epidural-injections"),
    ("A brief 15-20 minute recovery before being discharged to your home", "epidural-injections"),
    ("Cement leaks into surrounding area leading to other treatments to remove the cement", "kyphoplasty"),
    ("Restoring height and reducing kyphosis", "kyphoplasty"),
    ("About forty-five minutes for each bone that is treated", "kyphoplasty"),
    ("Vertebroplasty", "kyphoplasty"),
]


# --- Reading pages -------------------------------------------------------------------------------------------


def get_page(client, url: str) -> Element:
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return parse_html(response.content.decode())


def procedure_page(client, slug: str) -> Element:
    return get_page(client, reverse("procedures:detail", kwargs={"slug": slug}))


def main_text(page: Element) -> str:
    return text(find_one(page, "main"))


def migration_data(slug: str) -> dict:
    """The seed's data for the page, with what later migrations changed (0010: kyphoplasty's summary)."""
    data = next(data for data in seed_migration.PROCEDURES if data["slug"] == slug)
    if slug == "kyphoplasty":
        return {**data, **{field: copy for field, (_seed, copy) in copy_migration.KYPHOPLASTY.items()}}
    return data


def paragraphs(markdown_text: str) -> list[str]:
    """The paragraphs of a plain Markdown text, whitespace collapsed as the parsed page has it."""
    return [" ".join(block.split()) for block in markdown_text.split("\n\n") if block.strip()]


# --- The client's copy ---------------------------------------------------------------------------------------


RISKS_HEADING = re.compile(r"What are the risks associated with (?P<title>.+)\?")


def seed_risks(seed: str) -> dict[str, list[str]]:
    """{procedure title: its risks}: the "  •" lines of the list following each "What are the risks" heading."""
    risks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in seed.splitlines():
        heading = RISKS_HEADING.fullmatch(line.strip())
        if heading:
            current = risks.setdefault(heading["title"], [])
        elif line.startswith("  •"):
            if current is not None:
                current.append(line.removeprefix("  •").strip())
        elif line.strip() and current:  # the first paragraph after the list ends it
            current = None
    return risks


# --- The procedure pages -------------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_shows_its_title_and_summary(client, slug):
    page = procedure_page(client, slug)

    assert texts(page, "h1") == [EXPECTED[slug]["title"]]
    assert " ".join(migration_data(slug)["summary"].split()) in texts(page, "p")


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_shows_every_key_fact(client, slug):
    page = procedure_page(client, slug)

    facts_list = find_one(page, "dl", **{"class": "key-facts"})
    shown = list(zip(texts(facts_list, "dt"), texts(facts_list, "dd"), strict=True))
    assert shown == EXPECTED[slug]["key_facts"]


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_lists_every_condition(client, slug):
    page = procedure_page(client, slug)

    section = find_one(page, "section", id="conditions")
    assert texts(find_one(section, "ul"), "li") == EXPECTED[slug]["conditions"]
    data = migration_data(slug)
    shown_paragraphs = texts(section, "p")
    for paragraph in paragraphs(data["conditions_intro"]) + paragraphs(data["conditions_outro"]):
        assert paragraph in shown_paragraphs


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_lists_every_risk_with_its_text(client, slug):
    page = procedure_page(client, slug)

    section = find_one(page, "section", id="risks")
    data = migration_data(slug)
    assert texts(section, "h2") == [data["risks_heading"]]
    assert texts(find_one(section, "ul"), "li") == EXPECTED[slug]["risks"]
    shown_paragraphs = texts(section, "p")
    for paragraph in (
        paragraphs(data["risks_intro"]) + paragraphs(data["risks_lead_in"]) + paragraphs(data["risks_outro"])
    ):
        assert paragraph in shown_paragraphs


@pytest.mark.parametrize("slug", SLUGS)
def test_procedure_page_shows_every_section_paragraph(client, slug):
    page = procedure_page(client, slug)

    data = migration_data(slug)
    assert len(data["sections"]) == 3
    for heading, anchor, body in data["sections"]:
        section = find_one(page, "section", id=anchor)
        assert texts(section, "h2") == [heading]
        assert texts(section, "p") == paragraphs(body)


def test_kyphoplasty_page_shows_the_comparison_with_every_row(client):
    page = procedure_page(client, "kyphoplasty")

    section = find_one(page, "section", id="comparison")
    assert texts(section, "h2") == ["How does Kyphoplasty differ from Vertebroplasty?"]
    assert paragraphs(migration_data("kyphoplasty")["comparison_intro"])[0] in texts(section, "p")
    table = find_one(section, "table")
    assert texts(find_one(table, "thead"), "th") == ["Kyphoplasty", "Vertebroplasty"]
    rows = [(text(find_one(row, "th")), *texts(row, "td")) for row in find_all(find_one(table, "tbody"), "tr")]
    assert rows == EXPECTED["kyphoplasty"]["comparison"]


@pytest.mark.parametrize("slug", ["epidural-injections", "facet-joint-injections"])
def test_procedures_without_a_comparison_show_no_table(client, slug):
    page = procedure_page(client, slug)

    assert find_all(page, "table") == []
    assert find_all(page, "section", id="comparison") == []


def test_kyphoplasty_page_spells_fluoroscopy_correctly(client):
    page = procedure_page(client, "kyphoplasty")

    how = text(find_one(page, "section", id="how-it-is-done"))
    assert "image guidance via fluoroscopy (a type of x-ray)" in how
    assert "flouroscopy" not in main_text(page).lower()


def test_no_page_carries_the_flouroscopy_typo(client):
    urls = [reverse("home"), reverse("procedures:overview")]
    urls += [reverse("procedures:detail", kwargs={"slug": slug}) for slug in SLUGS]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert "flouroscopy" not in response.content.decode().lower(), url


@pytest.mark.parametrize(("fact", "slug"), FACTS_OF_ONE_PAGE)
def test_fact_is_on_its_own_page_only(client, fact, slug):
    assert fact in main_text(procedure_page(client, slug))
    for other in SLUGS:
        if other != slug:
            assert fact not in main_text(procedure_page(client, other)), f"{fact!r} is on the {other} page"


# --- The overview page ---------------------------------------------------------------------------------------


def test_overview_shows_the_goal_of_pain_management(client):
    page = get_page(client, reverse("procedures:overview"))

    assert texts(page, "h1") == ["Interventional Pain Management"]
    goal = paragraphs(seed_migration.OVERVIEW["intro"])
    assert goal[0].startswith("The goal of pain management is to provide relief of painful symptoms")
    for paragraph in goal:
        assert paragraph in texts(page, "p")


def test_overview_lists_the_three_procedures_as_links(client):
    page = get_page(client, reverse("procedures:overview"))

    options = find_one(page, "section", **{"aria-labelledby": "options-heading"})
    assert texts(options, "h2") == [
        "Interventional treatment options for pain management at Azura Vascular Care include:"
    ]
    links = [(attr(link, "href"), text(link)) for link in find_all(options, "a")]
    assert links == [(reverse("procedures:detail", kwargs={"slug": slug}), EXPECTED[slug]["title"]) for slug in SLUGS]


def test_overview_shows_how_we_can_help(client):
    page = get_page(client, reverse("procedures:overview"))

    section = find_one(page, "section", **{"aria-labelledby": "help-heading"})
    assert texts(section, "h2") == ["How we can help you with Interventional Pain Management"]
    help_paragraphs = paragraphs(seed_migration.OVERVIEW["help_body"])
    assert len(help_paragraphs) == 2
    assert texts(section, "p") == help_paragraphs
    assert help_paragraphs[1].startswith("At Azura, we work every day to deliver far more")


# --- Against the client's copy -------------------------------------------------------------------------------


def test_seed_file_has_a_risks_list_for_each_procedure(seed_text):
    risks = seed_risks(seed_text)

    assert sorted(risks) == sorted(EXPECTED[slug]["title"] for slug in SLUGS)
    assert all(risks.values()), risks


def test_every_risk_in_the_clients_copy_is_on_the_matching_page_in_a_list(client, seed_text):
    for title, risks in seed_risks(seed_text).items():
        page = procedure_page(client, slugify(title))
        listed = [text(item) for ul in find_all(page, "ul") for item in find_all(ul, "li")]
        for risk in risks:
            assert risk in listed, f"{risk!r} is not in a list on the {title} page"
        assert texts(find_one(find_one(page, "section", id="risks"), "ul"), "li") == risks


def test_section_paragraphs_are_the_clients_copy_of_that_procedure(seed_text):
    """Every paragraph the migration loads is the client's own words, from that procedure's part of the copy.

    Each procedure's part of the copy ends with its "What are the risks" heading and starts after the
    previous procedure's one (the copy has no heading before the kyphoplasty text).
    """
    copy = normalised(seed_text)
    start = 0
    for slug in SLUGS:
        end = copy.index(f"What are the risks associated with {EXPECTED[slug]['title']}?")
        part = copy[start:end]
        for _heading, _anchor, body in migration_data(slug)["sections"]:
            for paragraph in paragraphs(body):
                assert paragraph in part, f"not in the {slug} part of the copy: {paragraph!r}"
        start = end


def test_overview_paragraphs_are_the_clients_copy(seed_text):
    copy = normalised(seed_text)

    for field in ("intro", "help_body"):
        for paragraph in paragraphs(seed_migration.OVERVIEW[field]):
            assert paragraph in copy, paragraph
