from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "appointments"
    verbose_name = "Centers, physicians and appointment requests"

    def ready(self) -> None:
        from azura_site.cache import invalidate_on_change

        from .models import Center, Language, OpeningHours, Physician, Practice

        invalidate_on_change(Center, OpeningHours, Physician, Practice, Language)
