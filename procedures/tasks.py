"""Where the worker found the task that publishes a draft at its time before it moved beside the code it runs
(procedures/publishing.py). django-tasks stores each queued task's dotted path in its row, so drafts scheduled
before the move name procedures.tasks.publish_scheduled_draft: this name keeps them publishing. New rows name
procedures.publishing."""

from .publishing import publish_scheduled_draft

__all__ = ["publish_scheduled_draft"]
