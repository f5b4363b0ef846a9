from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = "Procedure pages"

    def ready(self) -> None:
        from azura_site.cache import invalidate_on_change

        from .models import ComparisonRow, ListItem, Notice, Procedure, Section, ServiceLine, Tagline

        invalidate_on_change(ServiceLine, Procedure, Section, ListItem, ComparisonRow, Notice, Tagline)
