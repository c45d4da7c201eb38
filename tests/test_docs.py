"""Docs are tested: every CLI command and option is documented in docs/cli.md, and the
README's quick-start commands exist in the Makefile."""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.cli.main import COMMANDS, _load_extra_commands, build_parser

ROOT = Path(__file__).resolve().parents[1]


def _subparsers() -> dict[str, object]:
    _load_extra_commands()
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "cmd")
    return dict(action.choices)  # type: ignore[arg-type]


def test_every_command_and_option_is_documented() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## `newsgraph (\w+)[^`]*`\n(.*?)(?=^## |\Z)", doc, re.M | re.S))
    for name, sub in _subparsers().items():
        assert name in sections, f"docs/cli.md has no section for `newsgraph {name}`"
        for action in sub._actions:  # type: ignore[attr-defined]
            for opt in action.option_strings:
                if opt.startswith("--") and opt != "--help":
                    assert opt in sections[name], f"`newsgraph {name} {opt}` is undocumented"
    assert set(COMMANDS) <= set(sections)


def test_readme_quick_start_targets_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w[\w-]*)", readme, re.M):
        assert re.search(rf"^{target}:", makefile, re.M), f"README runs `make {target}`"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "make test" in readme
