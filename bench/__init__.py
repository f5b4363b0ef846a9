"""The benchmark: `python bench/run.py` serves the site with gunicorn and measures it with wrk."""
