from django.urls import path

from .notice_views import notice_page
from .notices import Notice

app_name = "notices"
# Each notice's address is its kind: /nondiscrimination/, /good-faith-estimate/, /privacy-practices/ (the consumer
# health data policy is a section of /privacy/).
urlpatterns = [
    path(f"{kind}/", notice_page, {"kind": kind}, name=kind)
    for kind in (Notice.Kind.NONDISCRIMINATION, Notice.Kind.GOOD_FAITH_ESTIMATE, Notice.Kind.PRIVACY_PRACTICES)
]
