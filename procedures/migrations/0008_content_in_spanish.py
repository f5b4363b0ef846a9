"""English and Spanish columns for the content (django-modeltranslation, procedures/translation.py), then the
text as it is copied into the English columns, pages and history alike. The Spanish columns stay empty: Spanish
medical text comes only from the client."""

from django.db import migrations, models
from django.db.models import F, Value
from django.db.models.functions import Coalesce

TRANSLATED = {
    "serviceline": [
        "title",
        "meta_description",
        "intro",
        "options_intro",
        "help_heading",
        "help_body",
        "cta_heading",
        "cta_body",
    ],
    "procedure": [
        "title",
        "meta_description",
        "summary",
        "other_names",
        "duration",
        "anesthesia",
        "medication",
        "imaging_guidance",
        "recovery_time",
        "preparation",
        "aftercare",
        "results",
        "warning_signs_intro",
        "alternatives",
        "conditions_heading",
        "conditions_intro",
        "conditions_outro",
        "risks_heading",
        "risks_intro",
        "risks_lead_in",
        "risks_outro",
        "comparison_heading",
        "comparison_intro",
        "compared_with",
    ],
    "section": ["heading", "body"],
    "listitem": ["text", "detail"],
    "comparisonrow": ["aspect", "this_procedure", "other_procedure"],
}


def copy_into_english(apps, schema_editor):
    for model_name, names in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("procedures", name)
            english = {f"{field}_en": F(field) for field in names}
            spanish = {f"{field}_es": None for field in names}  # AddField filled one with an English default
            model.objects.update(**english, **spanish)


def copy_back(apps, schema_editor):
    for model_name, names in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("procedures", name)
            model.objects.update(**{field: Coalesce(F(f"{field}_en"), F(field), Value("")) for field in names})


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0007_overview_drafts_moved_addresses"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="procedure",
            options={"default_manager_name": "objects", "ordering": ["position", "title_en"]},
        ),
        migrations.AddField(
            model_name="comparisonrow",
            name="aspect_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="comparisonrow",
            name="aspect_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="comparisonrow",
            name="other_procedure_en",
            field=models.CharField(
                blank=True,
                help_text="Leave empty when the copy says nothing of the other procedure.",
                max_length=400,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="comparisonrow",
            name="other_procedure_es",
            field=models.CharField(
                blank=True,
                help_text="Leave empty when the copy says nothing of the other procedure.",
                max_length=400,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="comparisonrow",
            name="this_procedure_en",
            field=models.CharField(max_length=400, null=True),
        ),
        migrations.AddField(
            model_name="comparisonrow",
            name="this_procedure_es",
            field=models.CharField(max_length=400, null=True),
        ),
        migrations.AddField(
            model_name="comparisonrow",
            name="translation_sources",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="historicalcomparisonrow",
            name="aspect_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="historicalcomparisonrow",
            name="aspect_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="historicalcomparisonrow",
            name="other_procedure_en",
            field=models.CharField(
                blank=True,
                help_text="Leave empty when the copy says nothing of the other procedure.",
                max_length=400,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalcomparisonrow",
            name="other_procedure_es",
            field=models.CharField(
                blank=True,
                help_text="Leave empty when the copy says nothing of the other procedure.",
                max_length=400,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalcomparisonrow",
            name="this_procedure_en",
            field=models.CharField(max_length=400, null=True),
        ),
        migrations.AddField(
            model_name="historicalcomparisonrow",
            name="this_procedure_es",
            field=models.CharField(max_length=400, null=True),
        ),
        migrations.AddField(
            model_name="historicallistitem",
            name="detail_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="historicallistitem",
            name="detail_es",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="historicallistitem",
            name="text_en",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="historicallistitem",
            name="text_es",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="aftercare_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="what to expect after",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="aftercare_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="what to expect after",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="alternatives_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="alternatives_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="anesthesia_en",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="anesthesia_es",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="compared_with_en",
            field=models.CharField(
                blank=True,
                help_text="The other procedure in the comparison table, e.g. Vertebroplasty.",
                max_length=120,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="compared_with_es",
            field=models.CharField(
                blank=True,
                help_text="The other procedure in the comparison table, e.g. Vertebroplasty.",
                max_length=120,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="comparison_heading_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the comparison"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="comparison_heading_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the comparison"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="comparison_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the comparison table",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="comparison_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the comparison table",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="conditions_heading_en",
            field=models.CharField(
                default="Conditions it treats", max_length=200, null=True, verbose_name="heading of the conditions"
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="conditions_heading_es",
            field=models.CharField(
                default="Conditions it treats", max_length=200, null=True, verbose_name="heading of the conditions"
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="conditions_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the conditions",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="conditions_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the conditions",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="conditions_outro_en",
            field=models.TextField(
                blank=True,
                help_text="For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the conditions",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="conditions_outro_es",
            field=models.TextField(
                blank=True,
                help_text="For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the conditions",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="duration_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="how long it takes"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="duration_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="how long it takes"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="imaging_guidance_en",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="imaging_guidance_es",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="medication_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="what is injected"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="medication_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="what is injected"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="meta_description_en",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="meta_description_es",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="other_names_en",
            field=models.CharField(
                blank=True,
                help_text="Other names patients may know it by, separated by commas.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="other_names_es",
            field=models.CharField(
                blank=True,
                help_text="Other names patients may know it by, separated by commas.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="preparation_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="how to prepare",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="preparation_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="how to prepare",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="recovery_time_en",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="recovery_time_es",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="results_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="results_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_heading_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the risks"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_heading_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the risks"),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the risks",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the risks",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_lead_in_en",
            field=models.CharField(
                blank=True,
                help_text="The sentence right before the list.",
                max_length=300,
                null=True,
                verbose_name="sentence before the risks list",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_lead_in_es",
            field=models.CharField(
                blank=True,
                help_text="The sentence right before the list.",
                max_length=300,
                null=True,
                verbose_name="sentence before the risks list",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_outro_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the risks",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="risks_outro_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the risks",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="summary_en",
            field=models.TextField(help_text="A short summary shown in lists and at the top of the page.", null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="summary_es",
            field=models.TextField(help_text="A short summary shown in lists and at the top of the page.", null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="title_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="title_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="warning_signs_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="when to call your doctor",
            ),
        ),
        migrations.AddField(
            model_name="historicalprocedure",
            name="warning_signs_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="when to call your doctor",
            ),
        ),
        migrations.AddField(
            model_name="historicalsection",
            name="body_en",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalsection",
            name="body_es",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalsection",
            name="heading_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalsection",
            name="heading_es",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="cta_body_en",
            field=models.CharField(max_length=300, null=True, verbose_name="call to action text"),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="cta_body_es",
            field=models.CharField(max_length=300, null=True, verbose_name="call to action text"),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="cta_heading_en",
            field=models.CharField(max_length=120, null=True, verbose_name="call to action heading"),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="cta_heading_es",
            field=models.CharField(max_length=120, null=True, verbose_name="call to action heading"),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="help_body_en",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="help_body_es",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="help_heading_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="help_heading_es",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="intro_en",
            field=models.TextField(
                help_text="The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="intro_es",
            field=models.TextField(
                help_text="The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="meta_description_en",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="meta_description_es",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="options_intro_en",
            field=models.CharField(
                help_text="The sentence above the list of procedures (the list comes from the procedures).",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="options_intro_es",
            field=models.CharField(
                help_text="The sentence above the list of procedures (the list comes from the procedures).",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="title_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="historicalserviceline",
            name="title_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="listitem",
            name="detail_en",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="listitem",
            name="detail_es",
            field=models.TextField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="listitem",
            name="text_en",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="listitem",
            name="text_es",
            field=models.CharField(max_length=300, null=True),
        ),
        migrations.AddField(
            model_name="listitem",
            name="translation_sources",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="procedure",
            name="aftercare_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="what to expect after",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="aftercare_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="what to expect after",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="alternatives_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="alternatives_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="anesthesia_en",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="anesthesia_es",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="compared_with_en",
            field=models.CharField(
                blank=True,
                help_text="The other procedure in the comparison table, e.g. Vertebroplasty.",
                max_length=120,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="compared_with_es",
            field=models.CharField(
                blank=True,
                help_text="The other procedure in the comparison table, e.g. Vertebroplasty.",
                max_length=120,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="comparison_heading_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the comparison"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="comparison_heading_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the comparison"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="comparison_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the comparison table",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="comparison_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the comparison table",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="conditions_heading_en",
            field=models.CharField(
                default="Conditions it treats", max_length=200, null=True, verbose_name="heading of the conditions"
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="conditions_heading_es",
            field=models.CharField(
                default="Conditions it treats", max_length=200, null=True, verbose_name="heading of the conditions"
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="conditions_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the conditions",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="conditions_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the conditions",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="conditions_outro_en",
            field=models.TextField(
                blank=True,
                help_text="For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the conditions",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="conditions_outro_es",
            field=models.TextField(
                blank=True,
                help_text="For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the conditions",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="duration_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="how long it takes"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="duration_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="how long it takes"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="imaging_guidance_en",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="imaging_guidance_es",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="medication_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="what is injected"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="medication_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="what is injected"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="meta_description_en",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="meta_description_es",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="other_names_en",
            field=models.CharField(
                blank=True,
                help_text="Other names patients may know it by, separated by commas.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="other_names_es",
            field=models.CharField(
                blank=True,
                help_text="Other names patients may know it by, separated by commas.",
                max_length=300,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="preparation_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="how to prepare",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="preparation_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="how to prepare",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="recovery_time_en",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="recovery_time_es",
            field=models.CharField(blank=True, max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="results_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="results_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_heading_en",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the risks"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_heading_es",
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name="heading of the risks"),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the risks",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text before the risks",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_lead_in_en",
            field=models.CharField(
                blank=True,
                help_text="The sentence right before the list.",
                max_length=300,
                null=True,
                verbose_name="sentence before the risks list",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_lead_in_es",
            field=models.CharField(
                blank=True,
                help_text="The sentence right before the list.",
                max_length=300,
                null=True,
                verbose_name="sentence before the risks list",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_outro_en",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the risks",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="risks_outro_es",
            field=models.TextField(
                blank=True,
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="text after the risks",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="spanish_complete",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="procedure",
            name="spanish_outdated",
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name="procedure",
            name="summary_en",
            field=models.TextField(help_text="A short summary shown in lists and at the top of the page.", null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="summary_es",
            field=models.TextField(help_text="A short summary shown in lists and at the top of the page.", null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="title_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="title_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="procedure",
            name="translation_sources",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="procedure",
            name="warning_signs_intro_en",
            field=models.TextField(
                blank=True,
                help_text="Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="when to call your doctor",
            ),
        ),
        migrations.AddField(
            model_name="procedure",
            name="warning_signs_intro_es",
            field=models.TextField(
                blank=True,
                help_text="Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
                verbose_name="when to call your doctor",
            ),
        ),
        migrations.AddField(
            model_name="section",
            name="body_en",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="section",
            name="body_es",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="section",
            name="heading_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="section",
            name="heading_es",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="section",
            name="translation_sources",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="cta_body_en",
            field=models.CharField(max_length=300, null=True, verbose_name="call to action text"),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="cta_body_es",
            field=models.CharField(max_length=300, null=True, verbose_name="call to action text"),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="cta_heading_en",
            field=models.CharField(max_length=120, null=True, verbose_name="call to action heading"),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="cta_heading_es",
            field=models.CharField(max_length=120, null=True, verbose_name="call to action heading"),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="help_body_en",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="help_body_es",
            field=models.TextField(
                help_text="Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="help_heading_en",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="help_heading_es",
            field=models.CharField(max_length=200, null=True),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="intro_en",
            field=models.TextField(
                help_text="The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="intro_es",
            field=models.TextField(
                help_text="The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="meta_description_en",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="meta_description_es",
            field=models.CharField(
                help_text="One or two sentences shown by search engines under the page title.",
                max_length=160,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="options_intro_en",
            field=models.CharField(
                help_text="The sentence above the list of procedures (the list comes from the procedures).",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="options_intro_es",
            field=models.CharField(
                help_text="The sentence above the list of procedures (the list comes from the procedures).",
                max_length=200,
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="title_en",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="title_es",
            field=models.CharField(max_length=120, null=True),
        ),
        migrations.AddField(
            model_name="serviceline",
            name="translation_sources",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(copy_into_english, copy_back),
    ]
