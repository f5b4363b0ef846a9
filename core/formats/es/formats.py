"""Spanish as written for patients in the United States: Django's Mexican formats (a decimal point, "2.4 mi", and
a thousands comma, as on every US document these patients read) with the 12-hour clock ("5:00 p.m."), which US
Spanish speakers use. Dates are written out the Spanish way ("12 de abril de 1957")."""

from django.conf.locale.es_MX.formats import *  # noqa: F403

TIME_FORMAT = "g:i a"
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i a"
SHORT_DATETIME_FORMAT = "d/m/Y g:i a"
