"""Test data for the content models."""

import factory

from procedures.models import ListItem, Procedure, Section, ServiceLine, Status


class ServiceLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceLine
        django_get_or_create = ("slug",)

    title = "Interventional Pain Management"
    slug = "pain-management"
    status = Status.PUBLISHED
    meta_description = "Pain management."
    intro = "The goal of pain management."
    options_intro = "Options include:"
    help_heading = "How we can help"
    help_body = "We help."
    cta_heading = "Ready to speak with a Specialist?"
    cta_body = "Search for a center."


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    service_line = factory.SubFactory(ServiceLineFactory)
    title = factory.Sequence(lambda n: f"Procedure {n}")
    slug = factory.Sequence(lambda n: f"procedure-{n}")
    status = Status.PUBLISHED
    summary = "A short summary."
    meta_description = "A procedure."
    duration = "About ten minutes"


class PartFactory(factory.django.DjangoModelFactory):
    """A part of a procedure page (procedures.models.Ordered), after the parts made before it."""

    class Meta:
        abstract = True

    procedure = factory.SubFactory(ProcedureFactory)
    position = factory.Sequence(lambda n: n)


class SectionFactory(PartFactory):
    class Meta:
        model = Section

    heading = factory.Sequence(lambda n: f"Section {n}")
    anchor = factory.Sequence(lambda n: f"section-{n}")
    body = "Some text."


class ListItemFactory(PartFactory):
    class Meta:
        model = ListItem

    kind = ListItem.Kind.RISK
    text = factory.Sequence(lambda n: f"Risk {n}")
