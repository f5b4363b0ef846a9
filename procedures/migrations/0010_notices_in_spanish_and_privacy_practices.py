"""Notices in English and Spanish, and the Notice of Privacy Practices.

- Each notice's wording gets an English and a Spanish column (django-modeltranslation, procedures/translation.py),
  the history too; the text is copied into the English columns. The Spanish columns stay empty: legal text in
  Spanish comes only from the client's translators.
- "Last updated" becomes the last change of wording a save made (none yet: the drafts were loaded by a migration).
- The English draft of the HIPAA Notice of Privacy Practices (45 CFR 164.520): a plain summary of each element the
  rule asks for, with "[To be supplied: …]" wherever only the practice knows the fact, awaiting counsel's review.
"""

from django.db import migrations, models
from django.db.models import F

TBS = "[To be supplied: {}]"
WORDING = ("title", "meta_description", "body", "language_assistance")

PRIVACY_PRACTICES = f"""\
**THIS NOTICE DESCRIBES HOW MEDICAL INFORMATION ABOUT YOU MAY BE USED AND DISCLOSED AND HOW YOU CAN GET ACCESS TO \
THIS INFORMATION. PLEASE REVIEW IT CAREFULLY.**

Effective date: {TBS.format("the date this notice takes effect")}

This notice is given by {TBS.format("the practice's legal name")} and covers its centers and the physicians and \
staff who work there. {TBS.format("any other providers this notice covers jointly, if any")}

## Our duties

The law requires us to keep your health information private, to give you this notice of our legal duties and \
privacy practices, and to tell you if a breach puts your health information at risk. We must follow the notice \
that is in effect now. We can change this notice; a new notice applies to all the health information we keep. \
We will post the new notice on this page and at our centers, and you can ask us for a copy at any time.

## How we use and share your health information

- **To treat you.** For example, the physician who treats your back pain may share your X-rays with another \
doctor who cares for you.
- **To get paid.** For example, we send information about your procedure to your health plan so that it pays \
for it.
- **To run our practice.** For example, we use your information to check the quality of our care and to train \
our staff.
- **To remind you of appointments** and to tell you about treatment options that may interest you.

We can also use or share your health information without your written permission when the law allows or asks \
us to, for example:

- when a law requires it;
- for public health: to prevent disease, report adverse reactions to medicines, or report suspected abuse, \
neglect or domestic violence;
- for health oversight, such as audits and inspections;
- in a lawsuit or legal action, in answer to a court order or subpoena;
- to law enforcement, in the ways the law allows;
- to coroners, medical examiners and funeral directors, and for organ and tissue donation;
- for research that meets the law's privacy conditions;
- to prevent a serious threat to someone's health or safety;
- for workers' compensation, for military and veterans' needs, and for national security;
- to a family member, friend or caregiver involved in your care, unless you tell us not to.

{TBS.format("any state law that protects some health information more than federal law does, and how we follow it")}

## When we need your written permission

We will not use or share your health information for marketing, and we will not sell it, unless you give us \
your written permission. {TBS.format("whether we contact patients to raise funds, and how to opt out of it")} \
For any other use not described in this notice, we will ask for your written permission first. You can take \
back your permission at any time, in writing, except for what we already did while we had it.

## Your rights

You have the right to:

- **See and get a copy** of your medical and billing records, on paper or electronically. We may charge a \
reasonable, cost-based fee.
- **Ask us to correct** your records if you think they are wrong or incomplete. We may say no, and we will tell \
you why in writing.
- **Ask us to contact you in a certain way**, for example at another phone number or address. We will agree to \
reasonable requests.
- **Ask us to limit** what we use or share. We do not have to agree, except that if you pay for a service in \
full yourself, you can ask us not to share it with your health plan, and we will agree unless a law requires \
us to share it.
- **Get a list of those we shared your information with** in the six years before you ask, apart from \
treatment, payment and running our practice, and some other cases.
- **Get a paper copy of this notice** at any time, even if you agreed to receive it electronically.
- **Choose someone to act for you**, such as a health care power of attorney or a legal guardian.

To use any of these rights, contact our privacy officer (below).

## How to complain

If you believe we did not protect your privacy, you can complain to us or to the U.S. Department of Health and \
Human Services, Office for Civil Rights. We will not act against you for filing a complaint.

- Our privacy officer: {TBS.format("the privacy officer's name or title")}
- Mailing address: {TBS.format("mailing address")}
- Phone: {TBS.format("phone number")}
- Email: {TBS.format("email address")}

To complain to the Office for Civil Rights:

- online: <https://www.hhs.gov/ocr/complaints/index.html>
- by mail: U.S. Department of Health and Human Services, 200 Independence Avenue, SW, Washington, D.C. 20201
- by phone: 1-800-368-1019, 800-537-7697 (TDD)"""

PRIVACY_PRACTICES_NOTICE = {
    "kind": "privacy-practices",
    "title": "Notice of Privacy Practices",
    "meta_description": "How we may use and share your health information, your rights over it, and how to "
    "complain, as the HIPAA Privacy Rule asks.",
    "body": PRIVACY_PRACTICES,
}


def copy_into_english(apps, schema_editor):
    for name in ("notice", "historicalnotice"):
        model = apps.get_model("procedures", name)
        model.objects.update(**{f"{field}_en": F(field) for field in WORDING}, **{f"{field}_es": None for field in WORDING})


def copy_back(apps, schema_editor):
    for name in ("notice", "historicalnotice"):
        model = apps.get_model("procedures", name)
        model.objects.update(**{field: F(f"{field}_en") for field in WORDING})


def load_privacy_practices(apps, schema_editor) -> None:
    """Also called by the browser tests, whose transactional database starts empty (with the app's own models:
    there the wording goes through the English columns)."""
    Notice = apps.get_model("procedures", "Notice")
    fields = {key: value for key, value in PRIVACY_PRACTICES_NOTICE.items() if key != "kind"}
    english = {f"{key}_en": value for key, value in fields.items() if key in WORDING}
    Notice.objects.update_or_create(kind=PRIVACY_PRACTICES_NOTICE["kind"], defaults={**fields, **english})


def remove_privacy_practices(apps, schema_editor) -> None:
    apps.get_model("procedures", "Notice").objects.filter(kind=PRIVACY_PRACTICES_NOTICE["kind"]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('procedures', '0009_length_limits'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalnotice',
            name='body_en',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='body_es',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='language_assistance_en',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True, verbose_name='language assistance'),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='language_assistance_es',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True, verbose_name='language assistance'),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='last_published_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last updated'),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='meta_description_en',
            field=models.CharField(help_text='One or two sentences shown by search engines under the page title.', max_length=160, null=True),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='meta_description_es',
            field=models.CharField(help_text='One or two sentences shown by search engines under the page title.', max_length=160, null=True),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='title_en',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='historicalnotice',
            name='title_es',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='notice',
            name='body_en',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True),
        ),
        migrations.AddField(
            model_name='notice',
            name='body_es',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True),
        ),
        migrations.AddField(
            model_name='notice',
            name='language_assistance_en',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True, verbose_name='language assistance'),
        ),
        migrations.AddField(
            model_name='notice',
            name='language_assistance_es',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', null=True, verbose_name='language assistance'),
        ),
        migrations.AddField(
            model_name='notice',
            name='last_published_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last updated'),
        ),
        migrations.AddField(
            model_name='notice',
            name='meta_description_en',
            field=models.CharField(help_text='One or two sentences shown by search engines under the page title.', max_length=160, null=True),
        ),
        migrations.AddField(
            model_name='notice',
            name='meta_description_es',
            field=models.CharField(help_text='One or two sentences shown by search engines under the page title.', max_length=160, null=True),
        ),
        migrations.AddField(
            model_name='notice',
            name='title_en',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='notice',
            name='title_es',
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name='notice',
            name='translation_sources',
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AlterField(
            model_name='historicalnotice',
            name='kind',
            field=models.CharField(choices=[('nondiscrimination', 'Nondiscrimination and language assistance'), ('good-faith-estimate', 'Good Faith Estimate'), ('consumer-health-data', 'Consumer health data privacy policy'), ('privacy-practices', 'Notice of Privacy Practices (HIPAA)')], db_index=True, editable=False, max_length=30),
        ),
        migrations.AlterField(
            model_name='historicalnotice',
            name='language_assistance',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', verbose_name='language assistance'),
        ),
        migrations.AlterField(
            model_name='notice',
            name='kind',
            field=models.CharField(choices=[('nondiscrimination', 'Nondiscrimination and language assistance'), ('good-faith-estimate', 'Good Faith Estimate'), ('consumer-health-data', 'Consumer health data privacy policy'), ('privacy-practices', 'Notice of Privacy Practices (HIPAA)')], editable=False, max_length=30, unique=True),
        ),
        migrations.AlterField(
            model_name='notice',
            name='language_assistance',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', verbose_name='language assistance'),
        ),
        migrations.RunPython(copy_into_english, copy_back),
        migrations.RunPython(load_privacy_practices, remove_privacy_practices),
    ]
