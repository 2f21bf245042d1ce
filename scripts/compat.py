"""`make compat`: build the site with Zensical and print what works there and what does not. Never fails.

Zensical (pinned in the Makefile, installed into .venv-compat/ so .venv is untouched) reads mkdocs.yml and
runs Python-Markdown extensions and superfences formatters, but no MkDocs plugin: neither ours
(scripts/rnnnotes/plugin.py) nor mkdocs-static-i18n. This builds a copy of the project in a temporary
folder (Zensical wants docs/ inside the project and writes its own cache there), once as it is and, if
that stops, once more without the template overrides and not strict, and counts in the pages: languages, math, fences,
figures and search. ARCHITECTURE.md's "Exit plan" records the result.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL = ROOT / ".venv-compat" / "bin" / "zensical"


def _project(folder: Path, overrides: bool) -> Path:
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, folder / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "base_path: [snippets]", f"base_path: [{ROOT / 'snippets'}]"
    )
    config = config.replace(
        "jieba_dict_user: scripts/", f"jieba_dict_user: {ROOT / 'scripts'}/"
    )
    config = re.sub(r"^watch:\n(  - .*\n)+", "", config, flags=re.MULTILINE)
    if not overrides:
        config = re.sub(r"^  custom_dir: .*\n", "", config, flags=re.MULTILINE)
        config = config.replace(
            "strict: true", "strict: false"
        )  # see how far it gets
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def _build(overrides: bool) -> tuple[Path, subprocess.CompletedProcess, float]:
    folder = Path(tempfile.mkdtemp(prefix="rnn-notes-zensical-"))
    config = _project(folder, overrides)
    start = time.monotonic()
    result = subprocess.run(
        [str(ZENSICAL), "build", "-f", str(config)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    return folder / "site", result, time.monotonic() - start


def _last_error(result: subprocess.CompletedProcess) -> str:
    lines = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "Error" in line
    ]
    return (
        re.sub(r"\x1b\[[0-9;]*m", "", lines[-1]).strip()[:160] if lines else ""
    )


def _report(site: Path) -> list[tuple[str, str, str]]:
    pages = sorted(site.glob("**/index.html"))
    texts = {
        page: page.read_text(encoding="utf-8", errors="replace")
        for page in pages
    }
    langs: dict[str, int] = {}
    for text in texts.values():
        match = re.search(r'<html lang="([^"]+)"', text)
        langs[match[1] if match else "?"] = (
            langs.get(match[1] if match else "?", 0) + 1
        )
    zh_pages = len(list((ROOT / "docs").glob("*.zh.md")))
    tex = sum(
        len(re.findall(r'class="arithmatex"[^>]*>\s*\\[(\[]', text))
        for text in texts.values()
    )
    font = any(site.glob("**/assets/fonts/math.woff2"))
    mathml = sum(text.count("<math") for text in texts.values())
    fences = sum(
        text.count('class="language-python') for text in texts.values()
    )
    outputs = sum(text.count("exec-output") for text in texts.values())
    figures = {
        src
        for text in texts.values()
        for src in re.findall(r'src="([^"]*figures/[^"#]+\.svg)', text)
    }
    missing = [
        src
        for src in figures
        if not list(site.glob("**/figures/" + src.rsplit("/", 1)[1]))
    ]
    index = next(
        (
            p
            for p in (
                site / "search.json",
                site / "search" / "search_index.json",
            )
            if p.is_file()
        ),
        None,
    )
    rows = [
        (
            "pages",
            "yes" if pages else "no",
            f"{len(pages)} built for {2 * zh_pages} page files; URLs name.zh/ and name.en/, not /name/ and /en/name/",
        ),
        (
            "languages",
            "yes" if len(langs) > 1 else "no",
            f"html lang: {langs} (no mkdocs-static-i18n: one language's theme for all, no switcher)",
        ),
        (
            "math",
            "yes" if mathml else "no",
            f"{mathml} MathML, {tex} equations left as TeX; math font {'cut' if font else 'missing'}"
            " (the page extension renders; the plugin cuts the font)",
        ),
        (
            "fences",
            "yes" if outputs else "no",
            f"{fences} python blocks shown, {outputs} outputs (the snippet runner starts in the plugin)",
        ),
        (
            "figures",
            "yes" if figures and not missing else "no",
            f"{len(figures)} referenced, {len(missing)} missing (drawn by the plugin's on_files)",
        ),
        (
            "search",
            "yes" if index else "no",
            f"{index.relative_to(site) if index else 'no index'}; one index for both languages"
            if index
            else "no index",
        ),
    ]
    return rows


def main() -> int:
    if not ZENSICAL.is_file():
        print(f"Zensical is not installed at {ZENSICAL}: run `make compat`")
        return 0
    version = subprocess.run(
        [str(ZENSICAL), "--version"], capture_output=True, text=True
    ).stdout.strip()
    print(
        f"Zensical {version.split()[-1]}, building a copy of the project (mkdocs.yml as it is)"
    )
    for overrides in (True, False):
        site, result, seconds = _build(overrides)
        label = "with overrides/" if overrides else "without overrides/"
        status = (
            "built"
            if result.returncode == 0
            else f"stopped: {_last_error(result)}"
        )
        print(f"\n{label}: {status} ({seconds:.0f} s wall)")
        if site.is_dir():
            width = max(len(name) for name, _, _ in _report(site))
            for name, works, detail in _report(site):
                print(f"  {name:<{width}}  {works:<3}  {detail}")
        shutil.rmtree(site.parent, ignore_errors=True)
        if result.returncode == 0:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
