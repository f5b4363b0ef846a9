"""Plain language, measured where editors write: the Flesch-Kincaid grade (textstat) of each prose field and of
the whole page on the edit page and in the list, with the target and the hardest sentences."""

import pytest

from procedures import readability
from procedures.models import Procedure

from .html import find_all, find_one, parse, text

pytestmark = pytest.mark.django_db

ADMIN = "/admin/procedures/procedure"
HARD = (
    "Percutaneous vertebral augmentation constitutes a minimally invasive intervention facilitating "
    "stabilization of osteoporotic compression deformities."
)


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_superuser("editor", password="a-long-password-1")
    client.force_login(user)
    return user


def test_grade_of_plain_words_is_low_and_of_long_medical_words_is_high():
    assert readability.grade("The pain may go away. You can go home soon.") < 4
    assert readability.grade(HARD) > 16
    assert readability.grade("**   **") is None


def test_reading_grade_shows_on_the_edit_page_with_the_target_and_each_field(client, editor):
    page = Procedure.objects.get(slug="kyphoplasty")
    shown = parse(client.get(f"{ADMIN}/{page.pk}/change/"))

    box = next(el for el in find_all(shown, "div") if "readability" in (dict(el.attributes).get("class") or ""))
    words = text(box)
    page_grade = readability.grade(readability.page_text(page))
    assert f"Whole page: {page_grade} (target: grade 8 or lower" in words
    assert f"Summary: grade {readability.grade(page.summary)}" in words
    assert "Section “How it is done”: grade" in words
    assert "Hardest sentences:" in words


def test_the_hardest_sentences_are_pointed_out_hardest_first():
    hardest = readability.hardest_sentences(f"You can go home soon. {HARD} The pain may go away.")
    assert [g.label for g in hardest] == [HARD]


def test_reading_grade_is_a_column_of_the_procedure_list(client, editor):
    table = find_one(parse(client.get(f"{ADMIN}/")), "table", id="result_list")
    headers = [text(th) for th in find_all(find_one(table, "thead"), "th")]
    assert "Reading grade" in headers
    kyphoplasty = Procedure.objects.get(slug="kyphoplasty")
    assert str(readability.grade(readability.page_text(kyphoplasty))) in text(find_one(table, "tbody"))


def test_live_grade_and_preview_answer_staff_as_they_type_and_nobody_else(client, editor):
    response = client.post(f"{ADMIN}/text/", {"text": HARD})
    assert response.status_code == 200
    data = response.json()
    assert data["grade"] == readability.grade(HARD)
    assert data["target"] == 8
    assert data["hardest"][0]["sentence"] == HARD
    preview = client.post(f"{ADMIN}/text/", {"text": "**Bold** <script>alert(1)</script>"}).json()["html"]
    assert preview.startswith("<p><strong>Bold</strong>")
    assert "<script" not in preview

    client.logout()
    assert client.post(f"{ADMIN}/text/", {"text": HARD}).status_code == 302  # to the sign-in page
