"""CLI start-up: ``spinewise --help`` and ``assess --json`` against Python importing its CLI
libraries (``python -c "import pydantic, typer"``), measured in turn in the same run."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.common import VIGNETTES, Budget, Section, median, ms, spinewise_command

ROUNDS = 15  # each command runs this many times, interleaved with the others
MAX_RATIO = 2.0
# For reference, not a budget: the least a Typer command that validates one pydantic
# model costs (Typer builds its options with pydantic, which then loads fully).
MINIMAL_TYPER_APP = """
from pathlib import Path
import typer
from pydantic import BaseModel

class Answer(BaseModel):
    path: str

app = typer.Typer()

@app.command()
def main(answers: Path, as_json: bool = typer.Option(False, "--json")) -> None:
    print(Answer(path=str(answers)).model_dump_json())

app()
"""


def _timed(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - began


def run() -> Section:
    section = Section("CLI start-up")
    answers = str(VIGNETTES / "P01.json")
    commands = {
        'baseline: `python -c "import pydantic, typer"`': [
            sys.executable,
            "-c",
            "import pydantic, typer",
        ],
        "reference: a one-command Typer app validating one pydantic model": [
            sys.executable,
            "-c",
            MINIMAL_TYPER_APP,
            answers,
            "--json",
        ],
        "`spinewise --help`": [*spinewise_command(), "--help"],
        "`spinewise assess --answers P01.json --json`": [
            *spinewise_command(),
            "assess",
            "--answers",
            answers,
            "--json",
        ],
    }
    for command in commands.values():  # warm the file cache once
        _timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(ROUNDS):
        for name, command in commands.items():
            times[name].append(_timed(command))
    baseline_name = next(iter(commands))
    baseline = median(times[baseline_name])
    section.lines += [
        f"Wall time of a whole process, {ROUNDS} runs of each, taken in turn so that all see "
        "the same machine load; medians. Bytecode is compiled at `make setup` "
        "(`uv sync --compile-bytecode`, `compileall src`), as an installed package would be.",
        "",
        "| Command | p50 | min | x baseline |",
        "|---|---|---|---|",
    ]
    for name, values in times.items():
        section.lines.append(
            f"| {name} | {ms(median(values))} | {ms(min(values))} | "
            f"{median(values) / baseline:.2f} |"
        )
    for name in list(commands)[2:]:
        ratio = median(times[name]) / baseline
        section.budgets.append(
            Budget(
                f"{name} within {MAX_RATIO:g}x of {baseline_name.split(': ')[1]}",
                ratio <= MAX_RATIO,
                f"{ratio:.2f}x: {ms(median(times[name]))} vs {ms(baseline)}",
            )
        )
    return section


if __name__ == "__main__":  # quick look: python -m bench.cli_startup
    result = run()
    print("\n".join(result.lines))
    for budget in result.budgets:
        print(budget.line())
