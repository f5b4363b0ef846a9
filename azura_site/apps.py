from django.apps import AppConfig


class AzuraSiteConfig(AppConfig):
    name = "azura_site"
    verbose_name = "Site"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .cache import invalidate_on_change
        from .models import SiteContact, forget_site_contact

        invalidate_on_change(SiteContact)  # every cached page shows the number: they all go stale
        post_save.connect(forget_site_contact, sender=SiteContact, dispatch_uid="site-contact:save")
        post_delete.connect(forget_site_contact, sender=SiteContact, dispatch_uid="site-contact:delete")
