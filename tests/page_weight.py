"""Page weight in a real browser: what Chromium fetched to show a page, and the limits a page must keep to."""

import gzip
from dataclasses import dataclass, field

PROCEDURE_PATH = "/pain-management/kyphoplasty/"
MAX_PROCEDURE_REQUESTS = 8
MAX_OTHER_PAGE_REQUESTS = 10
MAX_COMPRESSED_BYTES = 60 * 1024


@dataclass
class Load:
    """Everything the browser fetched to show one page."""

    requests: list = field(default_factory=list)
    responses: list = field(default_factory=list)

    @property
    def urls(self) -> list[str]:
        return [request.url for request in self.requests]

    def compressed_bytes(self) -> dict[str, int]:
        """Each response body gzip-compressed as a server would (level 6): the live server sends them raw."""
        sizes = {}
        for response in self.responses:
            if 300 <= response.status < 400:
                continue  # a redirect has no body to read
            sizes[response.url] = len(gzip.compress(response.body(), compresslevel=6))
        return sizes


def load(page, url: str) -> Load:
    loaded = Load()

    def on_request(request):
        loaded.requests.append(request)

    def on_response(response):
        loaded.responses.append(response)

    page.on("request", on_request)
    page.on("response", on_response)
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None, f"{url} gave no response"
        assert response.ok, f"{url} answered {response.status}"
        page.wait_for_load_state("networkidle")
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("response", on_response)
    return loaded


def describe(loaded: Load) -> str:
    return "\n".join(f"{request.resource_type}: {request.url}" for request in loaded.requests)
