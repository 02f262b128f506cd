"""`make mutation`: mutmut over the triage path, its score, its survivors, and the report.

Runs ``mutmut run`` with the settings in ``pyproject.toml`` ([tool.mutmut]: which modules,
which tests), then reads mutmut's results, matches every surviving mutant against the
reviewed list of equivalent mutants (``docs/clinical-safety/equivalent-mutants.yaml``),
prints the score and each survivor, and writes ``docs/clinical-safety/mutation.md``.

Exit status 1 when fewer than 95% of the non-equivalent mutants are killed, or when an
entry in the equivalent list no longer matches any survivor (so the list stays honest).

    python scripts/mutation.py            # fresh run (deletes mutants/ first)
    python scripts/mutation.py --report   # only re-read the last run and rewrite the report
    python scripts/mutation.py --check    # CI: is the report current for these rules? (0/2)
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "docs/clinical-safety/mutation.md"
EQUIVALENTS = ROOT / "docs/clinical-safety/equivalent-mutants.yaml"
TARGET = 0.95
# What CI compares to decide whether the rules changed since this report was written.
WATCHED = [
    "src/spinewise/core/red_flags.py",
    "src/spinewise/core/triage.py",
    "src/spinewise/core/stopping.py",
    "src/spinewise/core/checkin.py",
    "src/spinewise/core/levels.py",
    "src/spinewise/core/review.py",
    "src/spinewise/content/red_flags.yaml",
    "tests/core/test_red_flag_rules.py",
    "tests/core/test_triage_rules.py",
    "tests/core/test_checkin_rules.py",
    "tests/core/test_review_verdicts.py",
    "docs/clinical-safety/equivalent-mutants.yaml",
]


def watched_hash() -> str:
    digest = hashlib.sha256()
    for name in WATCHED:
        digest.update(name.encode() + b"\0" + (ROOT / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@dataclass
class Mutant:
    name: str
    status: str
    function: str
    removed: list[str]
    added: list[str]

    @property
    def module(self) -> str:
        return self.name.split(".x")[0].rsplit(".", 1)[-1]


def _mutants() -> list[Mutant]:
    # mutmut's own readers, so the report sees exactly what `mutmut results` sees.
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.file_utils import walk_mutatable_files

    found = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, code in data.exit_code_by_key.items():
            status = status_by_exit_code[code]
            removed: list[str] = []
            added: list[str] = []
            if status != "killed":
                diff = get_diff_for_mutant(name, path=path).splitlines()[2:]
                removed = [line[1:].strip() for line in diff if line.startswith("-")]
                added = [line[1:].strip() for line in diff if line.startswith("+")]
            raw = name.rsplit("__mutmut_", 1)[0].rsplit(".", 1)[-1]
            # mutmut names functions x_name and methods xǁClassǁname
            function = raw[2:] if raw.startswith("x_") else raw[1:].strip("ǁ").replace("ǁ", ".")
            found.append(Mutant(name, status, function, removed, added))
    return found


def _equivalents() -> list[dict[str, str]]:
    entries: list[dict[str, str]] = yaml.safe_load(EQUIVALENTS.read_text()) or []
    return [e for e in entries if e.get("tool", "mutmut") == "mutmut"]


def _matches(entry: dict[str, str], mutant: Mutant) -> bool:
    return (
        entry["function"] == mutant.function
        and entry["from"].strip() in " ".join(mutant.removed)
        and entry["to"].strip() in " ".join(mutant.added)
    )


def run_mutmut() -> float:
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    started = time.monotonic()
    mutmut = Path(sys.executable).with_name("mutmut")
    # mutmut redraws a progress line many times a second; keep the log short.
    with (ROOT / "mutants.log").open("w") as log:
        result = subprocess.run(
            [str(mutmut), "run", "--max-children", "2"], cwd=ROOT, stdout=log, stderr=log
        )
    if result.returncode != 0:
        sys.stdout.write((ROOT / "mutants.log").read_text()[-4000:])
        raise SystemExit(f"mutmut run failed with status {result.returncode}")
    return time.monotonic() - started


def _version() -> str:
    from importlib.metadata import version

    return version("mutmut")


def report(seconds: float | None) -> int:
    mutants = _mutants()
    entries = _equivalents()
    killed = [m for m in mutants if m.status == "killed"]
    left = [m for m in mutants if m.status != "killed"]
    equivalent: list[tuple[Mutant, str]] = []
    survivors: list[Mutant] = []
    used: set[int] = set()
    for mutant in left:
        match = next((i for i, e in enumerate(entries) if _matches(e, mutant)), None)
        if match is None:
            survivors.append(mutant)
        else:
            used.add(match)
            equivalent.append((mutant, entries[match]["reason"]))
    stale = [e for i, e in enumerate(entries) if i not in used]
    counted = len(mutants) - len(equivalent)
    score = len(killed) / counted if counted else 1.0

    by_module: dict[str, list[int]] = {}
    for m in mutants:
        row = by_module.setdefault(m.module, [0, 0, 0])
        row[0] += 1
        row[1] += m.status == "killed"
        row[2] += any(m is e for e, _ in equivalent)

    def diff(m: Mutant) -> str:
        return f"`{' '.join(m.removed)}` → `{' '.join(m.added)}`"

    if seconds is not None:
        timing = f"{seconds / 60:.1f} minutes on 2 workers"
    else:  # --report: keep the last full run's figure
        last = re.search(r"- Run time: (.*)", REPORT.read_text() if REPORT.exists() else "")
        timing = last.group(1) if last else "unknown"
    lines = [
        "# Mutation testing of the triage path",
        "",
        "Written by `make mutation` (`scripts/mutation.py`); do not edit by hand. What the",
        "mutation runs are, how to read them and when CI runs them: "
        "[mutation-testing.md](mutation-testing.md).",
        "",
        f"- Tool: mutmut {_version()}, modules and tests as in `pyproject.toml` `[tool.mutmut]`",
        f"- Rules fingerprint (sha256 of the watched files): `{watched_hash()}`",
        f"- Run time: {timing}",
        f"- Mutants: {len(mutants)}; killed {len(killed)}; equivalent {len(equivalent)}; "
        f"surviving {len(survivors)}",
        f"- **Score: {score:.1%}** of the {counted} non-equivalent mutants killed "
        f"(target {TARGET:.0%})",
        "",
        "| Module | Mutants | Killed | Equivalent |",
        "|---|---|---|---|",
        *(f"| `{mod}` | {n} | {k} | {e} |" for mod, (n, k, e) in sorted(by_module.items())),
        "",
        "## Surviving mutants",
        "",
    ]
    if survivors:
        lines += [f"- `{m.name}` ({m.status}): {diff(m)}" for m in survivors]
    else:
        lines.append("None.")
    lines += [
        "",
        "## Equivalent mutants",
        "",
        "Each changes the code but cannot change any outcome; the reasons are reviewed in",
        "`docs/clinical-safety/equivalent-mutants.yaml`.",
        "",
        *(f"- `{m.name}`: {diff(m)}. {reason.strip()}" for m, reason in equivalent),
        "",
    ]
    REPORT.write_text("\n".join(lines))

    print(
        f"mutmut {_version()}: {len(mutants)} mutants, {len(killed)} killed, "
        f"{len(equivalent)} equivalent, {len(survivors)} surviving"
    )
    for m in survivors:
        print(f"  SURVIVED {m.name}: {diff(m)}")
    for entry in stale:
        print(
            f"  STALE equivalent entry (matches no survivor): {entry['function']}: "
            f"{entry['from']} -> {entry['to']}"
        )
    print(
        f"score: {score:.1%} of non-equivalent mutants killed (target {TARGET:.0%}); "
        f"report: {REPORT.relative_to(ROOT)}"
    )
    return 0 if score >= TARGET and not stale else 1


def check() -> int:
    """0 when the report was written for these very rules and met the target, else 2."""
    text = REPORT.read_text() if REPORT.exists() else ""
    fingerprint = re.search(r"sha256 of the watched files\): `(\w+)`", text)
    score = re.search(r"\*\*Score: ([\d.]+)%\*\*", text)
    if fingerprint is None or fingerprint.group(1) != watched_hash():
        print(
            "mutation: the rules, their pinning tests or the equivalent list changed since "
            "docs/clinical-safety/mutation.md was written"
        )
        return 2
    if score is None or float(score.group(1)) < TARGET * 100:
        print("mutation: the recorded score is below the target")
        return 2
    print(
        f"mutation: docs/clinical-safety/mutation.md is current ({fingerprint.group(1)}, "
        f"{score.group(1)}%); no run needed"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="only rewrite the report")
    parser.add_argument(
        "--check", action="store_true", help="exit 0 if the report is current, 2 if a run is due"
    )
    args = parser.parse_args()
    if args.check:
        return check()
    seconds = None if args.report else run_mutmut()
    return report(seconds)


if __name__ == "__main__":
    raise SystemExit(main())
