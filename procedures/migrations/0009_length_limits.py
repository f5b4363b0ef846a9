"""The most characters each Markdown and prose field holds, in both languages and in the history (validators: the
edit forms refuse a longer text next to the field; procedures/markdown.py). No change to the database's columns."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('procedures', '0008_content_in_spanish'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicallistitem',
            name='detail',
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicallistitem',
            name='detail_en',
            field=models.TextField(blank=True, null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicallistitem',
            name='detail_es',
            field=models.TextField(blank=True, null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalnotice',
            name='body',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', validators=[django.core.validators.MaxLengthValidator(30000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalnotice',
            name='language_assistance',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the English sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='language assistance, in English'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='aftercare',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='what to expect after'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='aftercare_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='what to expect after'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='aftercare_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='what to expect after'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='alternatives',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='alternatives_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='alternatives_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='comparison_intro',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the comparison table'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='comparison_intro_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the comparison table'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='comparison_intro_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the comparison table'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='conditions_intro',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the conditions'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='conditions_intro_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the conditions'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='conditions_intro_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the conditions'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='conditions_outro',
            field=models.TextField(blank=True, help_text='For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the conditions'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='conditions_outro_en',
            field=models.TextField(blank=True, help_text='For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the conditions'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='conditions_outro_es',
            field=models.TextField(blank=True, help_text='For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the conditions'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='preparation',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='how to prepare'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='preparation_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='how to prepare'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='preparation_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='how to prepare'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='results',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='results_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='results_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='risks_intro',
            field=models.TextField(blank=True, help_text='Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the risks'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='risks_intro_en',
            field=models.TextField(blank=True, help_text='Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the risks'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='risks_intro_es',
            field=models.TextField(blank=True, help_text='Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the risks'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='risks_outro',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the risks'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='risks_outro_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the risks'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='risks_outro_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the risks'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='summary',
            field=models.TextField(help_text='A short summary shown in lists and at the top of the page.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='summary_en',
            field=models.TextField(help_text='A short summary shown in lists and at the top of the page.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='summary_es',
            field=models.TextField(help_text='A short summary shown in lists and at the top of the page.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='warning_signs_intro',
            field=models.TextField(blank=True, help_text='Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='when to call your doctor'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='warning_signs_intro_en',
            field=models.TextField(blank=True, help_text='Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='when to call your doctor'),
        ),
        migrations.AlterField(
            model_name='historicalprocedure',
            name='warning_signs_intro_es',
            field=models.TextField(blank=True, help_text='Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='when to call your doctor'),
        ),
        migrations.AlterField(
            model_name='historicalsection',
            name='body',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(10000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalsection',
            name='body_en',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(10000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalsection',
            name='body_es',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(10000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalserviceline',
            name='help_body',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalserviceline',
            name='help_body_en',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalserviceline',
            name='help_body_es',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalserviceline',
            name='intro',
            field=models.TextField(help_text='The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalserviceline',
            name='intro_en',
            field=models.TextField(help_text='The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicalserviceline',
            name='intro_es',
            field=models.TextField(help_text='The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='historicaltagline',
            name='text',
            field=models.TextField(blank=True, help_text="The sentence in this language, exactly as the client's translator supplied it. Leave it empty until you have it: a language without a tagline is not shown.", validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='tagline'),
        ),
        migrations.AlterField(
            model_name='listitem',
            name='detail',
            field=models.TextField(blank=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='listitem',
            name='detail_en',
            field=models.TextField(blank=True, null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='listitem',
            name='detail_es',
            field=models.TextField(blank=True, null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='notice',
            name='body',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', validators=[django.core.validators.MaxLengthValidator(30000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='notice',
            name='language_assistance',
            field=models.TextField(blank=True, help_text='Nondiscrimination notice only: the English sentence above the taglines, saying that free language help is available and how to get it. Plain text. Separate paragraphs with a blank line; “## ” starts a heading; **bold**, lists and links work. Write “[To be supplied: …]” where a fact is still missing: it shows on the page as written.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='language assistance, in English'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='aftercare',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='what to expect after'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='aftercare_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='what to expect after'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='aftercare_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='what to expect after'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='alternatives',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='alternatives_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='alternatives_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='comparison_intro',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the comparison table'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='comparison_intro_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the comparison table'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='comparison_intro_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the comparison table'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='conditions_intro',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the conditions'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='conditions_intro_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the conditions'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='conditions_intro_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the conditions'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='conditions_outro',
            field=models.TextField(blank=True, help_text='For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the conditions'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='conditions_outro_en',
            field=models.TextField(blank=True, help_text='For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the conditions'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='conditions_outro_es',
            field=models.TextField(blank=True, help_text='For example what it does not help. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the conditions'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='preparation',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='how to prepare'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='preparation_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='how to prepare'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='preparation_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='how to prepare'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='results',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='results_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='results_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='risks_intro',
            field=models.TextField(blank=True, help_text='Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the risks'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='risks_intro_en',
            field=models.TextField(blank=True, help_text='Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the risks'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='risks_intro_es',
            field=models.TextField(blank=True, help_text='Paragraphs before the sentence that leads into the list. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text before the risks'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='risks_outro',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the risks'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='risks_outro_en',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the risks'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='risks_outro_es',
            field=models.TextField(blank=True, help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='text after the risks'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='summary',
            field=models.TextField(help_text='A short summary shown in lists and at the top of the page.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='summary_en',
            field=models.TextField(help_text='A short summary shown in lists and at the top of the page.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='summary_es',
            field=models.TextField(help_text='A short summary shown in lists and at the top of the page.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='warning_signs_intro',
            field=models.TextField(blank=True, help_text='Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='when to call your doctor'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='warning_signs_intro_en',
            field=models.TextField(blank=True, help_text='Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='when to call your doctor'),
        ),
        migrations.AlterField(
            model_name='procedure',
            name='warning_signs_intro_es',
            field=models.TextField(blank=True, help_text='Text before the list of warning signs. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='when to call your doctor'),
        ),
        migrations.AlterField(
            model_name='section',
            name='body',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(10000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='section',
            name='body_en',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(10000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='section',
            name='body_es',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(10000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='serviceline',
            name='help_body',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='serviceline',
            name='help_body_en',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='serviceline',
            name='help_body_es',
            field=models.TextField(help_text='Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='serviceline',
            name='intro',
            field=models.TextField(help_text='The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='serviceline',
            name='intro_en',
            field=models.TextField(help_text='The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='serviceline',
            name='intro_es',
            field=models.TextField(help_text='The goal of the service. Plain text. Separate paragraphs with a blank line; **bold**, *italic*, lists and links work.', null=True, validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')]),
        ),
        migrations.AlterField(
            model_name='tagline',
            name='text',
            field=models.TextField(blank=True, help_text="The sentence in this language, exactly as the client's translator supplied it. Leave it empty until you have it: a language without a tagline is not shown.", validators=[django.core.validators.MaxLengthValidator(5000, message='This text has %(show_value)d characters; at most %(limit_value)d fit here. Please shorten it.')], verbose_name='tagline'),
        ),
    ]
