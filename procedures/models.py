"""The content patients read: the service line overview and its procedures."""

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

MARKDOWN_HELP = "Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work."


class Status(models.TextChoices):
    DRAFT = "draft", "Draft (hidden from the public)"
    PUBLISHED = "published", "Published"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def visible_to(self, user):
        """Everything for staff (so they can preview drafts); published pages for everyone else."""
        if user.is_authenticated and user.is_staff:
            return self
        return self.published()


class Publishable(models.Model):
    """Fields shared by every page staff can publish, review and describe for search engines."""

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    meta_description = models.CharField(
        max_length=160, help_text="One or two sentences shown by search engines under the page title."
    )
    reviewed_by = models.CharField(
        "medically reviewed by", max_length=120, blank=True, help_text="Name and credentials, e.g. “Jane Doe, MD”."
    )
    reviewed_on = models.DateField("medically reviewed on", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class ServiceLine(Publishable):
    """A service line such as Interventional Pain Management: its overview page."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    intro = models.TextField(help_text=f"The goal of the service. {MARKDOWN_HELP}")
    options_intro = models.CharField(
        max_length=200, help_text="The sentence above the list of procedures (the list comes from the procedures)."
    )
    help_heading = models.CharField(max_length=200)
    help_body = models.TextField(help_text=MARKDOWN_HELP)
    cta_heading = models.CharField("call to action heading", max_length=120)
    cta_body = models.CharField("call to action text", max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("procedures:overview")


class Procedure(Publishable):
    """One procedure page: summary, sections, key facts, conditions, risks and an optional comparison."""

    service_line = models.ForeignKey(ServiceLine, on_delete=models.PROTECT, related_name="procedures")
    title = models.CharField(max_length=120)
    slug = models.SlugField(unique=True, help_text="The last part of the page address. Changing it breaks links.")
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in lists; lower comes first.")
    summary = models.TextField(help_text="A short summary shown in lists and at the top of the page.")

    duration = models.CharField("how long it takes", max_length=200, blank=True)
    anesthesia = models.CharField(max_length=200, blank=True)
    imaging_guidance = models.CharField(max_length=200, blank=True)
    recovery_time = models.CharField(max_length=200, blank=True)

    conditions_heading = models.CharField(max_length=200, default="Conditions it treats")
    conditions_intro = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    conditions_outro = models.TextField(
        blank=True, help_text=f"Text after the list, e.g. what it does not help. {MARKDOWN_HELP}"
    )

    risks_heading = models.CharField(max_length=200, blank=True)
    risks_intro = models.TextField(blank=True, help_text=f"Text before the lead-in. {MARKDOWN_HELP}")
    risks_lead_in = models.CharField(max_length=300, blank=True, help_text="The sentence right before the list.")
    risks_outro = models.TextField(blank=True, help_text=f"Text after the list. {MARKDOWN_HELP}")

    comparison_heading = models.CharField(max_length=200, blank=True)
    comparison_intro = models.TextField(blank=True, help_text=MARKDOWN_HELP)
    compared_with = models.CharField(
        max_length=120, blank=True, help_text="The other procedure in the comparison table, e.g. Vertebroplasty."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("procedures:detail", kwargs={"slug": self.slug})

    @property
    def key_facts(self) -> list[tuple[str, str]]:
        facts = [
            ("How long it takes", self.duration),
            ("Anesthesia", self.anesthesia),
            ("Imaging guidance", self.imaging_guidance),
            ("Recovery", self.recovery_time),
        ]
        return [(label, value) for label, value in facts if value]

    # The lists below read prefetched rows (see ProcedureDetailView): no query per item.
    @property
    def conditions(self) -> list["ListItem"]:
        return [item for item in self.list_items.all() if item.kind == ListItem.Kind.CONDITION]

    @property
    def risks(self) -> list["ListItem"]:
        return [item for item in self.list_items.all() if item.kind == ListItem.Kind.RISK]

    def contents(self) -> list[tuple[str, str]]:
        """The “On this page” list: (anchor, heading) for each part the page shows."""
        entries = [(section.anchor, section.heading) for section in self.sections.all()]
        if self.conditions:
            entries.append(("conditions", self.conditions_heading))
        if self.risks or self.risks_intro:
            entries.append(("risks", self.risks_heading or "Risks and side effects"))
        if self.comparison_rows.all():
            entries.append(("comparison", self.comparison_heading or f"{self.title} and {self.compared_with}"))
        return entries


class Ordered(models.Model):
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]


class Section(Ordered):
    """A prose section of a procedure page, e.g. “How it is done”."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=200)
    anchor = models.SlugField(help_text="The #part of the link to this section, e.g. how-it-is-done.")
    body = models.TextField(help_text=MARKDOWN_HELP)

    history = HistoricalRecords()

    class Meta(Ordered.Meta):
        constraints = [models.UniqueConstraint(fields=["procedure", "anchor"], name="unique_section_anchor")]

    def __str__(self) -> str:
        return self.heading


class ListItem(Ordered):
    """One item of a procedure's list of conditions it treats, or of its risks and side effects."""

    class Kind(models.TextChoices):
        CONDITION = "condition", "Condition it treats"
        RISK = "risk", "Risk or side effect"

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="list_items")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.CharField(max_length=300)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.text


class ComparisonRow(Ordered):
    """A row of the table comparing a procedure with another one (kyphoplasty vs vertebroplasty)."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="comparison_rows")
    aspect = models.CharField(max_length=120)
    this_procedure = models.CharField(max_length=400)
    other_procedure = models.CharField(max_length=400)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return self.aspect
