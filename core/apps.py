from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What both content apps use: rendered output and its invalidation, site settings, logs, clients, tasks."""

    name = "core"
    verbose_name = "Site"

    def ready(self) -> None:
        from . import insights, rendered

        rendered.invalidate_on_content_change()
        insights.connect()
