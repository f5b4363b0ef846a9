"""The benchmark's tables in docs/performance.md: each script rewrites its own section, between the markers
`<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, so the document always shows the last full run, with when,
where and how it was measured."""

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"


def conditions(**details: object) -> str:
    """One line on how the figures were taken: when, which commit, the machine's load, and the run's own details."""
    command = ["git", "rev-parse", "--short", "HEAD"]
    commit = subprocess.run(command, cwd=DOC.parent, capture_output=True, text=True, check=False).stdout.strip()  # noqa: S603
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    parts = [f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", f"commit {commit or '?'}", f"{os.cpu_count()} cores"]
    parts += [f"load average {load}", *(f"{name.replace('_', ' ')} {value}" for name, value in details.items())]
    return "Measured " + "; ".join(parts) + "."


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def write_section(name: str, text: str) -> None:
    """Replace the section `name` of docs/performance.md with `text` (added at the end if it is not there yet)."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    document = DOC.read_text() if DOC.exists() else "# Performance\n"
    block = f"{start}\n{text.strip()}\n{end}"
    if start in document and end in document:
        before, rest = document.split(start, 1)
        document = before + block + rest.split(end, 1)[1]
    else:
        document = document.rstrip() + f"\n\n{block}\n"
    DOC.write_text(document)
    print(f"Written to {DOC.relative_to(DOC.parent.parent)} (section {name})")
