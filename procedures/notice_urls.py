from django.urls import path

from .notice_views import notice_page
from .notices import Notice

app_name = "notices"
urlpatterns = [
    path(
        "nondiscrimination/", notice_page, {"kind": Notice.Kind.NONDISCRIMINATION}, name=Notice.Kind.NONDISCRIMINATION
    ),
    path(
        "good-faith-estimate/",
        notice_page,
        {"kind": Notice.Kind.GOOD_FAITH_ESTIMATE},
        name=Notice.Kind.GOOD_FAITH_ESTIMATE,
    ),
]
