"""``spinewise validate``: the triage's safety figures on the clinical vignettes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from spinewise.core.validation import Case

CASE_FILES = ("public.yaml", "round2.yaml", "round3.yaml", "heldout.yaml")
# Alternatives for cases whose file must stay a verbatim copy (public.yaml).
EXTRA_ALTERNATIVES = "public_alternatives.yaml"


def load_cases(folder: Path) -> tuple[list[Case], list[str]]:
    """Every case in the folder's case files, each with its intake from ``<id>.json``."""
    import yaml

    from spinewise.core.validation import Case

    cases, sources = [], []
    extra_path = folder / EXTRA_ALTERNATIVES
    extra = yaml.safe_load(extra_path.read_text(encoding="utf-8")) if extra_path.is_file() else {}
    for name in CASE_FILES:
        path = folder / name
        if not path.is_file():
            continue
        sources.append(f"{folder.name}/{name}")
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            data: dict[str, Any] = dict(entry)
            intake_path = folder / f"{data['id']}.json"
            data["intake"] = json.loads(intake_path.read_text(encoding="utf-8"))
            data.pop("rationale", None)
            data["alternatives"] = [*data.get("alternatives", []), *extra.get(data["id"], [])]
            data["source"] = name
            cases.append(Case.model_validate(data))
    return cases, sources


def validate_command(
    cases_dir: Annotated[
        Path,
        typer.Option(
            "--cases",
            help="Folder with public.yaml / round2.yaml and one <id>.json intake per case.",
            file_okay=False,
        ),
    ] = Path("tests/vignettes"),
    write: Annotated[
        Path | None,
        typer.Option("--write", help="Also write the report as Markdown to this file."),
    ] = None,
) -> None:
    """Run every clinical vignette through the triage and print the safety figures.

    Exit status: 0 when the release gate passes (every emergency caught, no under-triage,
    no unsafe alternative answer, at most 2% of self-care cases sent to the emergency
    number), 1 when it fails, 2 when a case file is invalid.
    """
    import yaml
    from pydantic import ValidationError
    from rich.console import Console
    from rich.table import Table

    from spinewise.core.intake import IntakeError
    from spinewise.core.validation import markdown, passes, summary_lines, validate_cases

    console = Console()
    try:
        cases, sources = load_cases(cases_dir)
        report = validate_cases(cases)
    except (OSError, KeyError, ValidationError, IntakeError, yaml.YAMLError) as error:
        console.print(f"[red]Invalid case files in {cases_dir}:[/] {error}")
        raise typer.Exit(2) from error
    if not cases:
        console.print(f"[red]No cases found in {cases_dir}.[/]")
        raise typer.Exit(2)
    table = Table(title=f"Triage validation: {len(cases)} vignettes")
    for column in ("Measure", "Value", "Target"):
        table.add_column(column)
    for row in summary_lines(report):
        table.add_row(*row)
    console.print(table)
    for outcome in report.outcomes:
        if not outcome.accepted:
            kind = "UNDER-TRIAGE" if outcome.under_triaged else "over-triage"
            console.print(
                f"{kind}: {outcome.id} expected {outcome.expected.value}, got {outcome.got.value}"
            )
    for alt in report.unsafe_alternatives:
        console.print(f"UNSAFE ALTERNATIVE: {alt.case_id}: {alt.note} -> {alt.got.value}")
    if write is not None:
        write.write_text(markdown(report, sources), encoding="utf-8")
        console.print(f"Report written to {write}")
    ok = passes(report)
    console.print("[bold green]PASS[/]" if ok else "[bold red]FAIL[/]")
    raise typer.Exit(0 if ok else 1)
