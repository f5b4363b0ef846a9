"""The content patients read: the service line overview and its procedures (what every page has, its status and
drafts: pages.py)."""

from typing import TYPE_CHECKING, ClassVar, Self

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext as _

from core import slugs
from core.models import OldAddress

from .markdown import PROSE_MAX_LENGTH, SECTION_MAX_LENGTH, length_limit
from .pages import PageManager, Revisable, Status  # noqa: F401 (Status: imported from here too)
from .translation_sources import Translatable

if TYPE_CHECKING:
    from django.contrib.auth.models import User

MARKDOWN_HELP = "Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work."
PROSE = length_limit(PROSE_MAX_LENGTH)  # every prose field but a section's body (procedures/markdown.py)


class ServiceLine(Translatable, Revisable):
    """A service line such as Interventional Pain Management: its overview page."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=slugs.PAGE_LENGTH, unique=True)
    intro = models.TextField(help_text=f"The goal of the service. {MARKDOWN_HELP}", validators=PROSE)
    options_intro = models.CharField(
        max_length=200, help_text="The sentence above the list of procedures (the list comes from the procedures)."
    )
    help_heading = models.CharField(max_length=200)
    help_body = models.TextField(help_text=MARKDOWN_HELP, validators=PROSE)
    cta_heading = models.CharField("call to action heading", max_length=120)
    cta_body = models.CharField("call to action text", max_length=300)

    # history: procedures/translation.py registers it once the Spanish fields exist, so it keeps them too.

    class Meta:
        ordering = ["title"]
        default_manager_name = "objects"

    def __str__(self) -> str:
        return f"{self.title} (draft)" if self.draft_of_id else self.title

    def get_absolute_url(self) -> str:
        return reverse("procedures:overview")


class Procedure(Translatable, Revisable):
    """One procedure page: summary, sections, key facts, conditions, risks and an optional comparison.

    Editing a published page works on a draft copy (`draft_of` points at the page), so the page stays as it is
    until the draft is published (procedures/publishing.py).
    """

    # As on Revisable (django-stubs reads a model's own declaration for the managers of relations to it).
    _default_manager: ClassVar[PageManager[Self]]

    service_line = models.ForeignKey(ServiceLine, on_delete=models.PROTECT, related_name="procedures")
    title = models.CharField(max_length=120)
    slug = models.SlugField(
        "web address",
        max_length=slugs.PAGE_LENGTH,
        unique=True,
        help_text="The last part of the page address. When a page moves, its old address leads to the new one.",
    )
    position = models.PositiveSmallIntegerField("order", default=0, help_text="Order in lists; lower comes first.")
    summary = models.TextField(help_text="A short summary shown in lists and at the top of the page.", validators=PROSE)
    other_names = models.CharField(
        max_length=300, blank=True, help_text="Other names patients may know it by, separated by commas."
    )

    duration = models.CharField("how long it takes", max_length=200, blank=True)
    anesthesia = models.CharField(max_length=200, blank=True)
    medication = models.CharField("what is injected", max_length=200, blank=True)
    imaging_guidance = models.CharField(max_length=200, blank=True)
    recovery_time = models.CharField(max_length=200, blank=True)

    # Optional parts, written by the client; each is hidden on the page while empty.
    preparation = models.TextField("how to prepare", blank=True, help_text=MARKDOWN_HELP, validators=PROSE)
    aftercare = models.TextField("what to expect after", blank=True, help_text=MARKDOWN_HELP, validators=PROSE)
    results = models.TextField(blank=True, help_text=MARKDOWN_HELP, validators=PROSE)
    warning_signs_intro = models.TextField(
        "when to call your doctor",
        blank=True,
        help_text=f"Text before the list of warning signs. {MARKDOWN_HELP}",
        validators=PROSE,
    )
    alternatives = models.TextField(blank=True, help_text=MARKDOWN_HELP, validators=PROSE)

    conditions_heading = models.CharField("heading of the conditions", max_length=200, default="Conditions it treats")
    conditions_intro = models.TextField(
        "text before the conditions", blank=True, help_text=MARKDOWN_HELP, validators=PROSE
    )
    conditions_outro = models.TextField(
        "text after the conditions",
        blank=True,
        help_text=f"For example what it does not help. {MARKDOWN_HELP}",
        validators=PROSE,
    )

    risks_heading = models.CharField("heading of the risks", max_length=200, blank=True)
    risks_intro = models.TextField(
        "text before the risks",
        blank=True,
        help_text=f"Paragraphs before the sentence that leads into the list. {MARKDOWN_HELP}",
        validators=PROSE,
    )
    risks_lead_in = models.CharField(
        "sentence before the risks list", max_length=300, blank=True, help_text="The sentence right before the list."
    )
    risks_outro = models.TextField("text after the risks", blank=True, help_text=MARKDOWN_HELP, validators=PROSE)

    comparison_heading = models.CharField("heading of the comparison", max_length=200, blank=True)
    comparison_intro = models.TextField(
        "text before the comparison table", blank=True, help_text=MARKDOWN_HELP, validators=PROSE
    )
    compared_with = models.CharField(
        max_length=120, blank=True, help_text="The other procedure in the comparison table, e.g. Vertebroplasty."
    )

    # A draft's own `slug` is an internal placeholder (slugs are unique); the address it gives the page is here.
    new_slug = models.SlugField(
        "web address",
        max_length=slugs.PAGE_LENGTH,
        blank=True,
        help_text=(
            "The last part of the page address. If you change it, publishing moves the page: its old address "
            "then sends visitors and search engines to the new one."
        ),
    )

    # Whether every English text of the page and its parts has its Spanish, and whether an English text changed
    # after its Spanish was written: kept by procedures/translation_state.py so a page view reads no parts.
    spanish_complete = models.BooleanField(default=False, editable=False)
    spanish_outdated = models.BooleanField(default=False, editable=False)

    # history: registered in procedures/translation.py (after the Spanish fields exist).

    class Meta:
        ordering = ["position", "title_en"]  # `title` itself is the active language's (procedures/translation.py)
        default_manager_name = "objects"

    def __str__(self) -> str:
        return f"{self.title} (draft)" if self.draft_of_id else self.title

    def get_absolute_url(self) -> str:
        return reverse("procedures:detail", kwargs={"slug": self.slug})

    @property
    def key_facts(self) -> list[tuple[str, str]]:
        facts = [
            (_("How long it takes"), self.duration),
            (_("Anesthesia"), self.anesthesia),
            (_("What is injected"), self.medication),
            (_("Imaging guidance"), self.imaging_guidance),
            (_("Recovery"), self.recovery_time),
        ]
        return [(label, value) for label, value in facts if value]

    @property
    def other_names_list(self) -> list[str]:
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    def optional_parts(self) -> list[tuple[str, str, str]]:
        """(anchor, heading, Markdown) of each optional prose part that has text, in page order."""
        parts = [
            ("preparation", _("How to prepare"), self.preparation),
            ("after", _("What to expect after"), self.aftercare),
            ("results", _("Results"), self.results),
        ]
        return [part for part in parts if part[2].strip()]

    # The lists below read prefetched rows (procedures/rendering.py): no query per item.
    @property
    def conditions(self) -> list["ListItem"]:
        return [item for item in self.list_items.all() if item.kind == ListItem.Kind.CONDITION]

    @property
    def risks(self) -> list["ListItem"]:
        return [item for item in self.list_items.all() if item.kind == ListItem.Kind.RISK]

    @property
    def warning_signs(self) -> list["ListItem"]:
        return [item for item in self.list_items.all() if item.kind == ListItem.Kind.WARNING_SIGN]

    @property
    def questions(self) -> list["ListItem"]:
        return [item for item in self.list_items.all() if item.kind == ListItem.Kind.QUESTION]

    @property
    def references(self) -> list["ListItem"]:
        return [item for item in self.list_items.all() if item.kind == ListItem.Kind.REFERENCE]

    def contents(self) -> list[tuple[str, str]]:
        """The “On this page” list: (anchor, heading) for each part the page shows."""
        entries = [(section.anchor, section.heading) for section in self.sections.all()]
        if self.conditions:
            entries.append(("conditions", self.conditions_heading))
        if self.risks or self.risks_intro:
            entries.append(("risks", self.risks_heading or _("Risks and side effects")))
        entries += [(anchor, heading) for anchor, heading, _text in self.optional_parts()]
        if self.warning_signs or self.warning_signs_intro.strip():
            entries.append(("when-to-call", _("When to call your doctor")))
        if self.alternatives.strip():
            entries.append(("alternatives", _("Alternatives")))
        if self.comparison_rows.all():
            entries.append(
                (
                    "comparison",
                    self.comparison_heading
                    or _("%(title)s and %(other)s") % {"title": self.title, "other": self.compared_with},
                )
            )
        if self.questions:
            entries.append(("questions", _("Frequently asked questions")))
        if self.references:
            entries.append(("references", _("References")))
        return entries


class Ordered(Translatable):
    """A part of a procedure page, in its order on the page."""

    position = models.PositiveSmallIntegerField("order", default=0)
    # Declared by each part (Section, ListItem, ComparisonRow), or set on it: see Revisable.
    procedure_id: int  # the column of each part's `procedure`
    _history_user: "User | None"

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    @property
    def is_draft_copy(self) -> bool:
        """Part of a draft copy, so on no public page yet (the page cache keeps its pages)."""
        procedure = self._state.fields_cache.get("procedure")
        if procedure is not None:
            return procedure.is_draft_copy
        return Procedure.all_objects.filter(pk=self.procedure_id, draft_of__isnull=False).exists()


class Section(Ordered):
    """A prose section of a procedure page, e.g. “How it is done”."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=200)
    anchor = models.SlugField("link name", help_text="The #part of the link to this section, e.g. how-it-is-done.")
    body = models.TextField(help_text=MARKDOWN_HELP, validators=length_limit(SECTION_MAX_LENGTH))

    class Meta(Ordered.Meta):
        constraints = [models.UniqueConstraint(fields=["procedure", "anchor"], name="unique_section_anchor")]

    def __str__(self) -> str:
        return self.heading


class ListItem(Ordered):
    """One item of a procedure's lists: conditions, risks, warning signs, questions and references."""

    class Kind(models.TextChoices):
        CONDITION = "condition", "Condition it treats"
        RISK = "risk", "Risk or side effect"
        WARNING_SIGN = "warning", "Warning sign: when to call your doctor"
        QUESTION = "question", "Frequently asked question"
        REFERENCE = "reference", "Reference"

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="list_items")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.CharField(max_length=300)
    # Questions and references only (one table keeps the page at four queries): the answer or the publisher,
    # and for a reference its link and date.
    detail = models.TextField(blank=True, validators=PROSE)
    link = models.URLField(blank=True)
    dated = models.DateField("date", null=True, blank=True)

    def __str__(self) -> str:
        return self.text


class ComparisonRow(Ordered):
    """A row of the table comparing a procedure with another one (kyphoplasty vs vertebroplasty)."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="comparison_rows")
    aspect = models.CharField(max_length=120)
    this_procedure = models.CharField(max_length=400)
    other_procedure = models.CharField(
        max_length=400, blank=True, help_text="Leave empty when the copy says nothing of the other procedure."
    )

    def __str__(self) -> str:
        return self.aspect


class PreviousAddress(OldAddress):
    """An address a procedure page had before it moved (core.models.OldAddress; what an old address answers:
    procedures/addresses.py)."""

    page_field = "procedure"

    slug = models.SlugField("old web address", max_length=slugs.PAGE_LENGTH, unique=True)
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="previous_addresses")


# The notices the law asks the site to carry and who published what live in their own modules; imported here so
# Django registers them.
from .events import PublishingEvent  # noqa: E402, F401
from .notices import Notice, Tagline  # noqa: E402, F401
