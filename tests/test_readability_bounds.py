"""The reading grade cannot make a process grow or a request run long: only a text's first 20,000 characters are
graded (and the edit form says so), and the memos of textstat and pyphen are emptied, however many texts an editor's
typing sends. (Before: 200 previews of 100,000 characters took a process from 135 MB to 1.3 GB.)"""

import random

import pyphen
import pytest
from textstat.backend import counts, metrics, transformations

from procedures import readability

from .factories import SectionFactory

pytestmark = pytest.mark.django_db

EASY = "The pain may go away. You can go home soon. "
HARD = (
    "Percutaneous vertebral augmentation constitutes a minimally invasive intervention facilitating "
    "stabilization of osteoporotic compression deformities. "
)


def made_up_words(count: int, seed: int) -> str:
    """Words no dictionary has, so pyphen hyphenates, and remembers, each one."""
    rng = random.Random(seed)
    words = ("".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(4)) for _ in range(count))
    return ". ".join(" ".join(chunk) for chunk in zip(*[iter(words)] * 8, strict=False)) + "."


def test_the_memos_of_textstat_and_pyphen_stay_bounded_however_many_texts_are_graded():
    for seed in range(30):  # 24,000 words no dictionary has
        readability.grade(made_up_words(800, seed))

    assert sum(len(dictionary.cache) for dictionary in pyphen.hdcache.values()) <= 20_000
    for function in (counts.count_syllables, counts.count_words, metrics.flesch_kincaid_grade):
        assert function.cache_info().currsize == 0  # no text kept from one grade to the next
    assert transformations.remove_punctuation.cache_info().currsize == 0


def test_the_grade_is_the_same_with_the_memos_emptied():
    first = readability.grade(HARD)
    readability.bound_caches()

    assert readability.grade(HARD) == first > 16
    assert readability.grade(EASY) < 4


def test_only_the_first_20000_characters_of_a_text_are_graded():
    easy = EASY * (20_000 // len(EASY) + 1)

    assert readability.grade(easy + HARD * 200) == readability.grade(easy[:20_000])  # the hard tail is not read
    assert readability.is_partial(easy + HARD)
    assert not readability.is_partial(HARD)


def test_the_edit_page_says_when_the_whole_page_grade_reads_only_its_first_characters(client, editor, kyphoplasty):
    for number in range(3):  # three long sections: 23,760 characters of prose on the page
        SectionFactory(procedure=kyphoplasty, anchor=f"long-{number}", body=EASY * 180)

    html = client.get(f"/admin/procedures/procedure/{kyphoplasty.pk}/change/").content.decode()

    assert "of its first 20,000 characters" in html
