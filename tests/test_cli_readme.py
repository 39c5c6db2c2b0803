"""The README's synopsis of each command lists exactly the options its parser takes (a flag
added to a command and not to the README fails here), and ``sandbox --help`` lists its exit
codes like every other command's."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import pytest

from seller_desktop import __main__ as entry
from seller_desktop import cli_aftersale, cli_labels, cli_sync
from seller_desktop.cli_exit import Exit
from seller_desktop.sandbox import cli as sandbox_cli

ROOT = Path(__file__).resolve().parents[1]
PARSERS = {
    "window": entry._app_parser,
    "sandbox": sandbox_cli._parser,
    "sync": cli_sync._parser,
    "labels": cli_labels._labels_parser,
    "picklist": cli_labels._picklist_parser,
    "aftersale": cli_aftersale._parser,
}


def _synopsis() -> dict[str, str]:
    """The README's "Command line" block: each command's text (continuation lines joined)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Command line", 1)[1].split("```bash\n", 1)[1].split("```", 1)[0]
    found: dict[str, str] = {}
    for line in block.replace("\\\n", " ").splitlines():
        words = line.split("#", 1)[0].split()
        if not words or not words[0].endswith("seller-desktop"):
            continue
        name = words[1] if len(words) > 1 and words[1] in entry.SUBCOMMANDS else "window"
        found[name] = found.get(name, "") + " " + " ".join(words[1:])
    return found


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings
            if o.startswith("--") and o != "--help"}


def test_every_command_has_a_synopsis() -> None:
    assert set(_synopsis()) == set(PARSERS) == set(entry.SUBCOMMANDS) | {"window"}


@pytest.mark.parametrize("command", sorted(PARSERS))
def test_the_readme_synopsis_lists_exactly_the_commands_options(command: str) -> None:
    parser = PARSERS[command]()
    written = _synopsis()[command]
    assert set(re.findall(r"--[a-z][a-z-]*", written)) == _options(parser), written
    for action in parser._actions:  # positionals: the actions and CASE_ID
        if action.option_strings:
            continue
        for choice in action.choices or ():
            assert re.search(rf"\b{choice}\b", written), (choice, written)
        if action.metavar:
            assert action.metavar in written, (action.metavar, written)


def test_sandbox_help_lists_its_exit_codes_which_agree_with_the_apps() -> None:
    out = subprocess.run([sys.executable, "-m", "seller_desktop", "sandbox", "--help"],
                         capture_output=True, text=True, timeout=60, cwd=ROOT, check=True).stdout
    assert "exit codes:" in out
    codes = [code for code, _ in sandbox_cli.EXIT_CODES]
    assert codes == [Exit.OK, Exit.ERROR, Exit.USAGE]
    for code, text in sandbox_cli.EXIT_CODES:
        assert f"  {code:>3}  {text}\n" in out
    assert sandbox_cli.main(["--orders", "-1"]) == Exit.USAGE
