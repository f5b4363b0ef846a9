"""The English drafts of the three notices, awaiting the client's legal review.

Plain summaries of what each rule asks a notice to say, with "[To be supplied: …]" where only the client knows the
fact. Counsel signs off the wording; the client's translators supply the taglines (none are shipped here).
"""

from django.db import migrations

TBS = "[To be supplied: {}]"

NONDISCRIMINATION_ASSISTANCE = f"""\
Free language help is available. If you speak a language other than English, you can get a qualified \
interpreter and written information in your language, at no cost to you. To ask for it, call \
{TBS.format("the phone number for language help")} (TTY: {TBS.format("TTY number")}), or tell us on the \
appointment request form which language you prefer and whether you need an interpreter."""

NONDISCRIMINATION = f"""\
## We do not discriminate

{TBS.format("the practice's legal name")} follows federal civil rights laws. We do not discriminate against \
anyone, exclude anyone or treat anyone differently because of race, color, national origin, sex, age or \
disability.

## Free language help

If English is not your main language, we offer free language help, such as:

- qualified interpreters
- information written in other languages

## Free aids and services for people with disabilities

We offer free aids and services so that you can communicate with us well, such as:

- qualified sign language interpreters
- written information in other formats, such as large print, audio and accessible electronic formats

We also make reasonable changes to our policies and practices when a person with a disability needs them.

## How to get this help

Call {TBS.format("phone number")} (TTY: {TBS.format("TTY number")}), or tell us on the appointment request \
form which language you prefer and whether you need an interpreter. The help is free.

## If you believe we discriminated against you

If you believe that we did not provide these services, or discriminated against you in another way on the basis \
of race, color, national origin, sex, age or disability, you can file a grievance with our Section 1557 \
Coordinator:

- Name and title: {TBS.format("the Section 1557 Coordinator's name and title")}
- Mailing address: {TBS.format("mailing address")}
- Phone: {TBS.format("phone number")} (TTY: {TBS.format("TTY number")})
- Email: {TBS.format("email address")}

You can file a grievance in person, by mail, by phone or by email. If you need help filing a grievance, the \
Section 1557 Coordinator can help you. {TBS.format("how our grievance procedure works and how long it takes, or a link to it")}

## How to complain to the U.S. Department of Health and Human Services

You can also file a civil rights complaint with the U.S. Department of Health and Human Services, Office for \
Civil Rights:

- online, through the Office for Civil Rights Complaint Portal: \
<https://ocrportal.hhs.gov/ocr/portal/lobby.jsf>
- by mail: U.S. Department of Health and Human Services, 200 Independence Avenue, SW, Room 509F, HHH Building, \
Washington, D.C. 20201
- by phone: 1-800-368-1019, 800-537-7697 (TDD)

Complaint forms are at <https://www.hhs.gov/ocr/complaints/index.html>.

## Where to find this notice

This notice is linked at the bottom of every page of this website. {TBS.format("where else this notice is posted, for example in each center's waiting area")}"""

GOOD_FAITH_ESTIMATE = f"""\
## You have the right to a Good Faith Estimate

Under a federal law, the No Surprises Act, health care providers must give patients who do not have insurance, \
or who are not using insurance, an estimate of the expected charges for medical items and services. This is \
called a Good Faith Estimate.

- You have the right to a Good Faith Estimate of the total expected cost of any items or services that are not \
for an emergency. This includes related costs, such as medical tests, prescription drugs, equipment and hospital \
fees.
- We must give you the Good Faith Estimate in writing at least 1 business day before your service or item. You \
can also ask us, and any other provider you choose, for a Good Faith Estimate before you schedule a service.
- If you get a bill that is at least $400 more than your Good Faith Estimate, you can dispute the bill.
- Keep a copy or a picture of your Good Faith Estimate.

## How to ask us for one

If you will pay for your care yourself, choose “I will pay myself (self-pay)” on the appointment request form, \
or call {TBS.format("the phone number for cost estimates")}. {TBS.format("who prepares our estimates and how long it takes")}

## More information

For questions or more information about your right to a Good Faith Estimate, visit \
<https://www.cms.gov/nosurprises> or call {TBS.format("the federal help desk number the client's counsel confirms")}."""

CONSUMER_HEALTH_DATA = f"""\
This policy explains how we handle consumer health data, as Washington State's My Health My Data Act asks. It \
covers everyone who uses this website.

### The consumer health data we collect, and why

When you request an appointment, we collect: the procedure and physician you choose, a short reason for your \
visit if you give one, whether you have been to us before, how you plan to pay, your preferred language and \
whether you need an interpreter. We use it only to arrange your appointment: the center you chose calls you back.

### Where it comes from

From you, or from the family member or caregiver who fills in the form for you. This website uses no analytics, \
advertising or tracking, and collects nothing about you from other sources.

### Whom we share it with

The staff of the center you chose, and the few staff allowed to help every center. \
{TBS.format("the categories of third parties and the affiliates that receive consumer health data, such as the companies that host this website and send its email")} We do not sell consumer health data.

### Your rights

You can ask us to confirm whether we hold your consumer health data and to let you see it, to delete it, to \
withdraw your consent, and for a list of the third parties and affiliates we shared it with. To ask, contact \
{TBS.format("email address and phone number for privacy requests")}. {TBS.format("how long we take to answer, how to appeal our answer, and how to contact the Washington State Attorney General")}"""

NOTICES = [
    {
        "kind": "nondiscrimination",
        "title": "Nondiscrimination and language assistance",
        "meta_description": "We do not discriminate. Free language help and free aids for people with "
        "disabilities, and how to file a complaint.",
        "language_assistance": NONDISCRIMINATION_ASSISTANCE,
        "body": NONDISCRIMINATION,
    },
    {
        "kind": "good-faith-estimate",
        "title": "Good Faith Estimate",
        "meta_description": "If you do not have insurance or will not use it, you have the right to a Good Faith "
        "Estimate of your expected charges.",
        "body": GOOD_FAITH_ESTIMATE,
    },
    {
        "kind": "consumer-health-data",
        "title": "Consumer health data privacy policy",
        "meta_description": "How we collect, use and share consumer health data, and your rights under "
        "Washington's My Health My Data Act.",
        "body": CONSUMER_HEALTH_DATA,
    },
]


def load_notices(apps, schema_editor) -> None:
    """Also called by the browser tests, whose transactional database starts empty."""
    Notice = apps.get_model("procedures", "Notice")
    for fields in NOTICES:
        Notice.objects.update_or_create(kind=fields["kind"], defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("procedures", "0005_notices")]

    operations = [migrations.RunPython(load_notices, migrations.RunPython.noop)]
