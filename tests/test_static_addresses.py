"""A static file's address is the hashed one from the manifest, worked out once per process; a file missing from
the manifest is refused every time it is asked for, never remembered as found."""

import json

import pytest

from core.static_storage import StaticFilesStorage, UncompressedStaticFilesStorage


@pytest.fixture(params=[StaticFilesStorage, UncompressedStaticFilesStorage])
def storage(request, tmp_path):
    manifest = {"paths": {"css/site.css": "css/site.0ca49cd1e2f9.css"}, "version": "1.1", "hash": "0ca49cd1e2f9"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return request.param(location=tmp_path, base_url="/static/")


def test_a_static_address_is_the_hashed_one_every_time(storage):
    assert storage.url("css/site.css") == "/static/css/site.0ca49cd1e2f9.css"
    assert storage.url("css/site.css") == "/static/css/site.0ca49cd1e2f9.css"


def test_a_file_missing_from_the_manifest_is_refused_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
