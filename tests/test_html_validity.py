"""Every built page is valid HTML for the Nu HTML Checker (vnu-jar from package.json, run with Java).

Screen readers and browsers repair invalid markup each in their own way; valid markup is read the same
everywhere. Material's own markup is corrected in overrides/partials/ and src/guide/page/material_markup.py."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, missing_tool

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
INSTALL_HINT = "run `make test` (it installs a Java runtime and runs `npm ci`)"


def test_every_page_passes_the_nu_html_checker(site: Path) -> None:
    java = shutil.which("java")
    if not java or not VNU_JAR.is_file():
        missing_tool(f"the Nu HTML Checker needs java and {VNU_JAR.relative_to(ROOT)}: {INSTALL_HINT}")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--skip-non-html", "--errors-only", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,  # vnu exits 1 when it finds errors; the test reports them
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{message['url'].split(str(site), 1)[-1]}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]
    assert not errors, f"{len(errors)} Nu HTML Checker errors:\n" + "\n".join(errors[:50])
