"""What every page staff publish has: a status (draft or published), a medical review, a description for search
engines, and (`Revisable`) drafts of the live page; with the managers that keep draft copies out of sight."""

from typing import TYPE_CHECKING, ClassVar, Self, TypeVar

from django.db import models

from core import slugs

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User  # request.user: settings.AUTH_USER_MODEL or anonymous
    from django.db.models.fields.related_descriptors import RelatedManager

    from .events import PublishingEvent


class Status(models.TextChoices):
    DRAFT = "draft", "Draft (hidden from the public)"
    PUBLISHED = "published", "Published"


_Page = TypeVar("_Page", bound=models.Model)


class PublishableQuerySet(models.QuerySet[_Page]):
    def published(self) -> Self:
        return self.filter(status=Status.PUBLISHED)

    def withdrawn(self, slug: str) -> bool:
        """Whether `slug` is the address of a page that exists but is not published (an old link's)."""
        if not slugs.is_slug(slug, max_length=slugs.PAGE_LENGTH):
            return False  # not an address at all: nothing to look up
        return self.filter(slug=slug).exclude(status=Status.PUBLISHED).exists()

    def visible_to(self, user: "User | AnonymousUser") -> Self:
        """Everything for those who may edit these pages (so they can preview drafts); published pages for everyone
        else, other staff included (a center's staff work requests, not content)."""
        opts = self.model._meta
        if user.is_authenticated and user.is_staff and user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
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
    # "Last updated" on the page: set only when an editor publishes a change, never by a migration or a deploy.
    last_published_at = models.DateTimeField("last published", null=True, blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


_PublishableManager = models.Manager.from_queryset(PublishableQuerySet)  # named, so django-stubs can follow it


class PageManager(_PublishableManager[_Page]):
    """Pages only: the draft copy of a published page is reached through that page (`page.draft`)."""

    def get_queryset(self):  # modeltranslation's manager, first in the class it makes, returns its own queryset
        return super().get_queryset().filter(draft_of__isnull=True)


class AllPagesManager(_PublishableManager[_Page]):
    """Pages and their draft copies."""


class Revisable(Publishable):
    """A page edited through drafts once it is live (procedures/publishing.py): a draft is a row of the same
    model whose `draft_of` is the page; it is never public and its saves leave the page cache alone."""

    draft_of = models.OneToOneField(
        "self", on_delete=models.CASCADE, null=True, blank=True, editable=False, related_name="draft"
    )
    go_live_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        help_text="Leave empty to publish by hand; or the date and time this draft replaces the live page.",
    )

    objects: ClassVar[PageManager[Self]] = PageManager()  # pages only
    all_objects: ClassVar[AllPagesManager[Self]] = AllPagesManager()  # pages and draft copies
    # Each page's Meta names `objects` its default manager. Said here (and on Procedure) for mypy: modeltranslation
    # gives translated models managers of classes it makes at run time, which django-stubs cannot find.
    _default_manager: ClassVar[PageManager[Self]]

    # What every page declares or Django adds to it, for the code written for any page (publishing, comparing,
    # history): an abstract model's own fields are all django-stubs knows of it.
    title: str
    slug: str
    draft_of_id: int | None  # draft_of's column
    publishing_events: "RelatedManager[PublishingEvent]"  # PublishingEvent.procedure or .service_line
    _history_user: "User | None"  # who made a save, and why: for its history record (django-simple-history)
    _change_reason: str

    class Meta:
        abstract = True

    if TYPE_CHECKING:

        def get_absolute_url(self) -> str: ...

    @property
    def is_draft_copy(self) -> bool:
        return self.draft_of_id is not None
