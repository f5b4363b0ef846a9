"""Kept rendered output has one home (core/rendered.py): every content model makes it stale when saved unless it is
on the short list of models no public page shows, and holes are filled in one pass, so a visitor who types a hole's
name sees text, never the page poured into a link."""

import pytest
from django.apps import apps
from django.db.models.signals import post_delete, post_save

from appointments.models import Language
from core import rendered
from core.rendered import Stencil

from .factories_appointments import PLACES, CenterFactory

pytestmark = pytest.mark.django_db


def _listens(signal, model) -> bool:
    return any(receiver is rendered.content_changed for receiver in signal._live_receivers(model)[0])


def test_every_model_of_the_content_apps_makes_kept_output_stale_unless_no_public_page_shows_it():
    models = [model for label in rendered.CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    silent = [
        model._meta.label
        for model in models
        if not (_listens(post_save, model) and _listens(post_delete, model))
        and model._meta.label not in rendered.NOT_CONTENT
        and not model.__name__.startswith("Historical")
    ]
    assert silent == [], "shown on public pages? bump the generation, or add it to rendered.NOT_CONTENT"
    labels = {model._meta.label for model in models}
    assert labels >= rendered.NOT_CONTENT  # the deny-list names models that exist


def test_a_model_added_to_a_content_app_bumps_without_being_registered():
    """Opt-out: Language was never named anywhere for invalidation, yet a save makes kept output stale."""
    before = rendered.generation()
    Language.objects.create(name="Tagalog")
    assert rendered.generation() > before


def test_a_request_row_does_not_make_kept_output_stale(center):
    from .factories_requests import AppointmentRequestFactory

    before = rendered.generation()
    AppointmentRequestFactory(center=center)
    assert rendered.generation() == before


def test_a_lost_generation_starts_again_above_any_number_an_entry_carries():
    for _ in range(50):
        rendered.content_changed()  # saves in a quick succession
    old = rendered.generation()
    rendered._shared().delete(rendered.GENERATION_KEY)
    assert rendered.generation() > old


# --- Holes ---------------------------------------------------------------------------------------------------------


def test_a_value_that_spells_a_hole_is_joined_as_it_is_and_never_filled_again():
    stencil = Stencil.render(["title", "content"], lambda holes: f"<h1>{holes['title']}</h1>{holes['content']}")
    assert stencil is not None
    spelled = "azurahole" + "title"
    page = stencil.fill(title=f"78701 {spelled} {{content}}", content="<p>results</p>")
    assert page == f"<h1>78701 {spelled} {{content}}</h1><p>results</p>"


def test_a_hole_missing_or_repeated_means_no_stencil():
    assert Stencil.render(["a", "b"], lambda holes: f"{holes['a']}") is None
    assert Stencil.render(["a"], lambda holes: f"{holes['a']}{holes['a']}") is None
    optional = Stencil.render(["a", "b"], lambda holes: f"[{holes['a']}]", optional=("b",))
    assert optional is not None
    assert optional.fill(a="x", b="y") == "[x]"


@pytest.mark.parametrize("spelled", ["azuraHoleContent3f9a1c", "azurahole", "{{ frame.content }}"])
def test_a_search_that_spells_a_hole_s_name_renders_the_results_once(client, spelled):
    """The bug of `?q=78701+azuraHoleContent3f9a1c`: the results block was rendered again inside the language
    switch's link, breaking the page (duplicate ids), and the broken page was kept."""
    CenterFactory(name="Azura Congress Avenue", place=PLACES["78701"])
    plain = client.get("/centers/", {"q": "78701"}).content.decode()
    for _ in range(2):  # rendered, then served from what was kept
        page = client.get("/centers/", {"q": f"78701 {spelled}"}).content.decode()
        assert page.count('id="main"') == 1
        assert page.count("Azura Congress Avenue") == plain.count("Azura Congress Avenue")
        assert page.count('class="language-switch"') == 1
