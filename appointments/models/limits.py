"""Counters of the abuse limits (appointments/ratelimit.py), in the database: no cache pressure can evict them."""

from django.db import models


class RateLimitCounter(models.Model):
    """How many attempts one identity (a hashed address, phone number, session or reference) made in one window of
    one limit. Never the identity itself: `identity` is a keyed hash."""

    scope = models.CharField(max_length=40)
    identity = models.CharField(max_length=32)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "identity", "window_start"], name="rate_limit_counter_unique")
        ]
        indexes = [models.Index(fields=["window_start"], name="rate_limit_counter_window")]

    def __str__(self) -> str:
        return f"{self.scope}: {self.count} since {self.window_start:%Y-%m-%d %H:%M}"
