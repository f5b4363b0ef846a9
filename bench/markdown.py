"""Markdown under hostile input: each pathological input through the editor's live preview and the page renderer,
at 100,000 characters (past every field's limit: refused, or shown as plain paragraphs) and at 30,000 (the most a
field holds: rendered), with the time each took; then one process's memory after many large previews.

    .venv/bin/python bench/markdown.py [--runs 3] [--previews 200]

QUALITY.md: 100,000 characters of "[" or "<a " in any text field render or are refused within a second. Each row is
the best of --runs, in CPU time of the thread (what other work on a shared machine takes from the wall clock does not
count; the wall time is shown beside it); the script exits 1 if any row reaches BOUND_MS. No database is used: the
preview is procedures/editor_preview.py, which the admin's view answers with, and the page's renderer is
procedures/markdown.py, which the templates' filter caches. Old figures (Python-Markdown, before this script):
8,000 "[" took 9 s; 100,000 ran past 60 s; 200 previews grew a process from 135 MB to 1.3 GB.
"""

import argparse
import logging
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

BOUND_MS = 1000
LONG = 100_000
# (name, repeated unit): the reviewers' three, the old renderer's quadratic and recursive ones, and those that
# markdown-it's and cmark's issue trackers list as once quadratic.
INPUTS = [
    ("[", "["),
    ("[a](", "[a]("),
    ("<a ", "<a "),
    ("![", "!["),
    ("nested *", "*"),
    ("nested _", "_"),
    ("backticks", "`"),
    ("`a", "`a"),
    ("> quotes", "> "),
    ("- list markers", "- "),
    ("1. list markers", "1. "),
    ("**a", "**a"),
    ("**_* ", "**_* "),
    ("[](((", "[]((("),
    ("a <![CDATA[", "a <![CDATA["),
    ("list items, indented", "- a\n  "),
    ("setext underlines", "a\n=\n"),
    ("<ul><li> raw HTML", "<ul><li>"),
    ("<div> raw HTML", "<div>"),
    ("\\`` escapes", "\\``"),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per row; the best is kept (default 3)")
    parser.add_argument("--previews", type=int, default=200, help="large previews for the memory figure (200)")
    return parser.parse_args()


def repeated(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def timed(function, runs: int) -> tuple[float, float, str]:
    """(best CPU ms, best wall ms, outcome) of `runs` calls."""
    cpu = wall = float("inf")
    outcome = ""
    for _ in range(runs):
        started_cpu, started_wall = time.thread_time(), time.perf_counter()
        outcome = function()
        cpu = min(cpu, (time.thread_time() - started_cpu) * 1000)
        wall = min(wall, (time.perf_counter() - started_wall) * 1000)
    return cpu, wall, outcome


def rows(runs: int):
    from procedures import editor_preview, markdown

    def preview(text: str):
        status, answer = editor_preview.field_preview(text)
        return "rendered" if status == 200 else f"refused: {answer['error'][:38]}…"

    def page(text: str):
        try:
            markdown.to_html(text)
        except markdown.RenderRefused:
            markdown.render(text)  # what the page shows instead, timed with the refusal
            return "plain paragraphs"
        return "rendered"

    # A process's first grade loads the pronouncing dictionary (cmudict, about 0.8 s, once): as a worker does.
    editor_preview.field_preview("The pain may go away. You can go home soon.")
    for name, unit in INPUTS:
        for length in (LONG, markdown.RENDER_MAX_LENGTH):
            text = repeated(unit, length)
            for path, call in (("preview", preview), ("page", page)):
                yield (name, path, length, *timed(lambda call=call, text=text: call(text), runs))


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as status:
        kilobytes = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    return kilobytes / 1024


def made_up_text(rng: random.Random, length: int) -> str:
    """Prose of words no dictionary has (each one new to the hyphenation memo), in sentences."""
    words = []
    while sum(len(word) + 1 for word in words) < length:
        word = "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 5)))
        words.append(word.capitalize() if not words or words[-1].endswith(".") else word)
        if rng.random() < 0.1:
            words[-1] += "."
    return " ".join(words)[:length]


def memory(previews: int) -> tuple[float, float, int, dict[int, int]]:
    """RSS before and after `previews` previews of the longest text a field holds, pyphen's memo, answers."""
    import pyphen

    from procedures import editor_preview, markdown

    rng = random.Random(2026)
    before = rss_mb()
    answers: dict[int, int] = {}
    for _ in range(previews):
        status, _answer = editor_preview.field_preview(made_up_text(rng, markdown.RENDER_MAX_LENGTH))
        answers[status] = answers.get(status, 0) + 1
    kept = sum(len(dictionary.cache) for dictionary in pyphen.hdcache.values())
    return before, rss_mb(), kept, answers


def main() -> int:
    args = parse_args()
    import django

    django.setup()
    logging.disable(logging.WARNING)  # "Markdown shown as plain text", logged at each refusal, is in the table
    print(f"{'input':24} {'path':8} {'length':>8} {'cpu ms':>8} {'wall ms':>8}  outcome")
    slowest = 0.0
    table = []
    for name, path, length, cpu, wall, outcome in rows(args.runs):
        slowest = max(slowest, cpu)
        flag = "  OVER THE BOUND" if cpu >= BOUND_MS else ""
        print(f"{name:24} {path:8} {length:>8,} {cpu:>8.0f} {wall:>8.0f}  {outcome}{flag}", flush=True)
        table.append([f"`{name}`", path, f"{length:,}", f"{cpu:.0f}", f"{wall:.0f}", outcome + flag])
    summary = f"Slowest: {slowest:.0f} ms of CPU (bound: {BOUND_MS} ms)."
    print(f"\n{summary}")
    if args.previews:
        before, after, kept, answers = memory(args.previews)
        summary += (
            f" Memory: {args.previews} previews of 30,000 characters of made-up words: RSS {before:.0f} MB -> "
            f"{after:.0f} MB; pyphen keeps {kept:,} words; answers {answers}."
        )
        print(summary)
    import report

    header = ["input", "path", "characters", "CPU ms", "wall ms", "outcome"]
    how = report.conditions(runs=f"best of {args.runs}")
    report.write_section("markdown", f"{how} {summary}\n\n{report.table(header, table)}")
    return 1 if slowest >= BOUND_MS else 0


if __name__ == "__main__":
    sys.exit(main())
