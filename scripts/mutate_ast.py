"""`make mutation-ast`: an independent mutation run over the triage path, with other operators.

mutmut (``make mutation``) mutates only inside functions and swaps each operator for one
neighbour. This small AST mutator checks the same modules another way:

- ``cmp``: every comparison replaced by each other one of its family
  (< <= > >= == != ; is / is not ; in / not in)
- ``const``: every number moved one step down and one step up, including the module-level
  thresholds (integers by 1; floats by 0.5, or by 0.1 below 1)
- ``cond``: every if / elif / ternary / comprehension condition forced to True and to False
- ``operand``: each operand of an ``and`` / ``or`` dropped in turn
- ``drop``: each element dropped from a module-level tuple, list, set or dict of the rules
  (the sign groups, the level order)
- ``empty``: a rule's ``return [...]`` replaced by ``return []``
- ``stmt``: each call statement, ``+=``, item assignment and ``raise`` deleted

Each mutant is loaded in a fresh forked process through an import hook (the source files are
never changed) and the tests of its module run there with ``-x``. A mutant survives when
they pass. Survivors that cannot change any outcome are listed, with the reason, in
``docs/clinical-safety/equivalent-mutants.yaml`` (``tool: ast``).

    python scripts/mutate_ast.py [--module red_flags] [--list]
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
EQUIVALENTS = ROOT / "docs/clinical-safety/equivalent-mutants.yaml"
TARGET = 0.90
TIMEOUT = 120.0

# module -> (functions in scope, None for the whole module; the tests that pin it)
SCOPE: dict[str, tuple[set[str] | None, list[str]]] = {
    "red_flags": (
        None,
        [
            "tests/core/test_red_flag_rules.py",
            "tests/core/test_triage_rules.py",
            "tests/core/test_safety_round2.py",
        ],
    ),
    "triage": (None, ["tests/core/test_triage_rules.py", "tests/core/test_red_flags.py"]),
    "levels": (None, ["tests/core/test_triage_rules.py"]),
    "stopping": (None, ["tests/core/test_triage_rules.py", "tests/core/test_questionnaire.py"]),
    "checkin": (None, ["tests/core/test_checkin_rules.py", "tests/core/test_safety_round2.py"]),
    "review": (
        {
            "is_meaningful",
            "meaningfully_worse",
            "meaningfully_better",
            "_fmt",
            "_change",
            "_mean_for",
            "_flag_names",
            "review_week",
            "RetriageRequired.__init__",
        },
        ["tests/core/test_review_verdicts.py", "tests/core/test_review.py"],
    ),
}
DROP_MODULES = {"red_flags", "levels"}

_CMP_FAMILIES: list[list[type[ast.cmpop]]] = [
    [ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq],
    [ast.Is, ast.IsNot],
    [ast.In, ast.NotIn],
]


@dataclass
class Site:
    op: str
    line: int
    function: str
    before: str
    after: str


class _Mutator(ast.NodeTransformer):
    """Walks a module; counts every mutation site, and applies the one numbered ``target``."""

    def __init__(self, module: str, target: int | None) -> None:
        self.module = module
        self.functions = SCOPE[module][0]
        self.target = target
        self.sites: list[Site] = []
        self.stack: list[str] = []
        self.in_annotation = False

    # --- scope -----------------------------------------------------------------------------
    @property
    def function(self) -> str:
        return ".".join(self.stack) or "<module>"

    def _active(self) -> bool:
        if self.functions is None:
            return True
        return any(".".join(self.stack[: i + 1]) in self.functions for i in range(len(self.stack)))

    def _site(self, op: str, node: ast.AST, before: ast.AST, after: Any) -> bool:
        """Records a site; True when it is the one to apply."""
        if not self._active():
            return False
        text = ast.unparse(after) if isinstance(after, ast.AST) else str(after)
        line = getattr(node, "lineno", 0)
        self.sites.append(Site(op, line, self.function, ast.unparse(before), text))
        return len(self.sites) - 1 == self.target

    def _scoped(self, name: str, node: ast.AST) -> ast.AST:
        self.stack.append(name)
        node = self.generic_visit(node)
        self.stack.pop()
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.AST:
        return self._scoped(node.name, node)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.AST:
        for arg in [*node.args.args, *node.args.kwonlyargs]:
            arg.annotation = None  # annotations are not logic
        node.returns = None
        node.decorator_list = [self.visit(d) for d in node.decorator_list] and node.decorator_list
        self.stack.append(node.name)
        node.body = [self.visit(stmt) for stmt in node.body]
        self.stack.pop()
        return node

    def visit_AnnAssign(self, node: ast.AnnAssign) -> ast.AST:
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        if isinstance(node.value, ast.Constant):  # docstrings
            return node
        if (
            isinstance(node.value, ast.Call)
            and self.stack
            and self._site("stmt", node, node, "pass")
        ):
            return ast.Pass()
        return self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.AST:
        if self.stack and self._site("stmt", node, node, "pass"):
            return ast.Pass()
        return self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> ast.AST:
        if self.stack and self._site("stmt", node, node, "pass"):
            return ast.Pass()
        return self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        target = node.targets[0]
        if (
            isinstance(target, ast.Subscript)
            and self.stack
            and self._site("stmt", node, node, "pass")
        ):
            return ast.Pass()
        if not self.stack and self.module in DROP_MODULES:
            self._drop_elements(node)
        return self.generic_visit(node)

    def _drop_elements(self, node: ast.Assign) -> None:
        value = node.value
        inner = value
        if isinstance(value, ast.Call) and value.args:  # frozenset({...})
            inner = value.args[0]
        if isinstance(inner, (ast.Tuple, ast.List, ast.Set)) and len(inner.elts) > 1:
            for i, element in enumerate(list(inner.elts)):
                if self._site("drop", node, element, f"without {ast.unparse(element)}"):
                    inner.elts = inner.elts[:i] + inner.elts[i + 1 :]
        elif isinstance(inner, ast.Dict) and len(inner.keys) > 1:
            for i, key in enumerate(list(inner.keys)):
                if key is not None and self._site("drop", node, key, f"without {ast.unparse(key)}"):
                    inner.keys = inner.keys[:i] + inner.keys[i + 1 :]
                    inner.values = inner.values[:i] + inner.values[i + 1 :]

    def visit_Return(self, node: ast.Return) -> ast.AST:
        value = node.value
        if (
            self.module == "red_flags"
            and len(self.stack) == 1
            and value is not None
            and not (isinstance(value, ast.List) and not value.elts)
            and self._site("empty", node, node, "return []")
        ):
            return ast.Return(value=ast.List(elts=[], ctx=ast.Load()))
        return self.generic_visit(node)

    # --- conditions ------------------------------------------------------------------------
    def _force(self, node: ast.AST, test: ast.expr) -> ast.expr:
        for value in (True, False):
            if self._site("cond", node, test, value):
                return ast.Constant(value=value)
        return test

    def visit_If(self, node: ast.If) -> ast.AST:
        node.test = self._force(node, node.test)
        return self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        node.test = self._force(node, node.test)
        return self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> ast.AST:
        node.ifs = [self._force(cond, cond) for cond in node.ifs]
        return self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        for i in range(len(node.values)):
            rest = node.values[:i] + node.values[i + 1 :]
            after = rest[0] if len(rest) == 1 else ast.BoolOp(op=node.op, values=rest)
            if self._site("operand", node, node, after):
                return after
        return self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        for i, op in enumerate(node.ops):
            family = next(f for f in _CMP_FAMILIES if type(op) in f)
            for other in family:
                if other is type(op):
                    continue
                ops = [*node.ops[:i], other(), *node.ops[i + 1 :]]
                after = ast.Compare(left=node.left, ops=ops, comparators=node.comparators)
                if self._site("cmp", node, node, after):
                    return after
        return self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return node
        step: float = 1 if isinstance(value, int) else (0.1 if abs(value) < 1 else 0.5)
        for new in (value - step, value + step):
            new = round(new, 6) if isinstance(new, float) else new
            if self._site("const", node, node, new):
                return ast.Constant(value=new)
        return node


def _source(module: str) -> str:
    return (SRC / "spinewise/core" / f"{module}.py").read_text()


def sites(module: str) -> list[Site]:
    mutator = _Mutator(module, None)
    mutator.visit(ast.parse(_source(module)))
    return mutator.sites


def mutant_source(module: str, index: int) -> str:
    tree = ast.parse(_source(module))
    mutator = _Mutator(module, index)
    tree = ast.fix_missing_locations(mutator.visit(tree))
    return ast.unparse(tree)


def _patchable(module: str, index: int) -> ast.Module:
    """The mutant as code to run inside the loaded module.

    Class statements become assignments of their methods onto the classes already loaded,
    so every object made before the mutant (enum members, the knowledge base, pydantic
    models) stays valid and only the behaviour changes.
    """
    tree = ast.parse(mutant_source(module, index))
    body: list[ast.stmt] = []
    for stmt in tree.body:
        if not isinstance(stmt, ast.ClassDef):
            body.append(stmt)
            continue
        for item in stmt.body:
            if isinstance(item, ast.FunctionDef):
                for call in ast.walk(item):  # zero-argument super() needs the class body
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Name)
                        and call.func.id == "super"
                        and not call.args
                    ):
                        call.args = [ast.Name(stmt.name), ast.Name(item.args.args[0].arg)]
                body.append(item)
                set_method = f"setattr({stmt.name}, {item.name!r}, {item.name})"
                body.extend(ast.parse(set_method).body)
    tree.body = body
    return ast.fix_missing_locations(tree)


_REBOUND = (type(_patchable), dict, list, tuple, set, frozenset)


def _apply(module: str, index: int) -> None:
    """Runs the mutant inside the loaded module and points every other module at its objects."""
    target = sys.modules[f"spinewise.core.{module}"]
    old = dict(target.__dict__)
    code = compile(_patchable(module, index), str(target.__file__), "exec")
    exec(code, target.__dict__)
    swaps = {
        id(old[name]): value
        for name, value in target.__dict__.items()
        if name in old and old[name] is not value and isinstance(old[name], _REBOUND)
    }
    for loaded in list(sys.modules.values()):
        if loaded is target or not hasattr(loaded, "__dict__"):
            continue
        name = getattr(loaded, "__name__", "") or ""
        if not (name.startswith(("spinewise", "test_", "tests")) or name == "conftest"):
            continue
        for attr, value in list(vars(loaded).items()):
            if id(value) in swaps and isinstance(value, _REBOUND):
                setattr(loaded, attr, swaps[id(value)])


class _Runner:
    """A pytest plugin: collect the module's tests once, then run them once per mutant,
    each in a forked process with the mutant applied; stop at the first failure."""

    def __init__(self, module: str, jobs: list[int], workers: int, out: Path) -> None:
        self.module, self.jobs, self.workers, self.out = module, jobs, workers, out

    def _child(self, session: Any, index: int) -> int:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            _apply(self.module, index)
        except Exception:
            return 3  # the mutant does not even load: killed
        items = session.items
        for i, item in enumerate(items):
            following = items[i + 1] if i + 1 < len(items) else None
            item.config.hook.pytest_runtest_protocol(item=item, nextitem=following)
            if session.testsfailed:
                return 1
        return 0

    def pytest_runtestloop(self, session: Any) -> bool:
        running: dict[int, tuple[int, float]] = {}
        todo = list(self.jobs)
        with self.out.open("w") as log:
            while todo or running:
                while todo and len(running) < self.workers:
                    index = todo.pop(0)
                    pid = os.fork()
                    if pid == 0:
                        code = 3
                        try:
                            code = self._child(session, index)
                        finally:
                            os._exit(code)
                    running[pid] = (index, time.monotonic())
                pid, status = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    for other, (_, started) in list(running.items()):
                        if time.monotonic() - started > TIMEOUT:
                            os.kill(other, 9)
                    time.sleep(0.01)
                    continue
                index, _ = running.pop(pid)
                code = os.waitstatus_to_exitcode(status)
                state = "survived" if code == 0 else ("timeout" if code == -9 else "killed")
                log.write(f"{index} {state}\n")
                log.flush()
        return True


@dataclass
class Result:
    module: str
    index: int
    site: Site
    status: str  # killed, survived, timeout


def _mutants(modules: list[str]) -> Iterator[tuple[str, int, Site]]:
    for module in modules:
        for index, site in enumerate(sites(module)):
            yield module, index, site


def _module_run(module: str, jobs: list[int], workers: int, out: Path) -> int:
    import pytest

    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # the rule tests need no plugin
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    args = ["-q", "-p", "no:cacheprovider", *SCOPE[module][1]]
    return int(pytest.main(args, plugins=[_Runner(module, jobs, workers, out)]))


def run(modules: list[str], workers: int = 2) -> list[Result]:
    import tempfile

    os.chdir(ROOT)
    results: list[Result] = []
    for module in modules:
        jobs = list(enumerate(sites(module)))
        out = Path(tempfile.mkstemp(prefix=f"mutate-{module}-")[1])
        pid = os.fork()  # each module's tests are collected in a process of their own
        if pid == 0:
            code = 1
            try:
                code = _module_run(module, [i for i, _ in jobs], workers, out)
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        states = dict(line.split() for line in out.read_text().splitlines())
        out.unlink()
        if len(states) != len(jobs):
            raise SystemExit(f"the run for {module} stopped early (status {status})")
        for index, site in jobs:
            result = Result(module, index, site, states[str(index)])
            results.append(result)
            if result.status == "survived":
                print(
                    f"  {module}:{site.line} {site.op} {site.function}: "
                    f"{site.before} -> {site.after}: survived",
                    flush=True,
                )
        killed = sum(r.status != "survived" for r in results if r.module == module)
        print(f"{module}: {killed}/{len(jobs)} killed", flush=True)
    return results


def _equivalent(result: Result, entries: list[dict[str, str]]) -> int | None:
    for i, entry in enumerate(entries):
        if (
            entry["function"] == result.site.function
            and str(entry["from"]).strip() == result.site.before
            and str(entry["to"]).strip() == result.site.after
            and entry.get("module", result.module) == result.module
        ):
            return i
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=sorted(SCOPE))
    parser.add_argument("--list", action="store_true", help="list the mutants, run nothing")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    modules = args.module or sorted(SCOPE)
    if args.list:
        for module, index, site in _mutants(modules):
            print(
                f"{module}#{index} {site.op} {site.function}:{site.line}: "
                f"{site.before} -> {site.after}"
            )
        return 0
    started = time.monotonic()
    results = run(modules, args.workers)
    minutes = (time.monotonic() - started) / 60
    entries = [e for e in (yaml.safe_load(EQUIVALENTS.read_text()) or []) if e.get("tool") == "ast"]
    survivors, equivalent, used = [], [], set()
    for result in results:
        if result.status != "survived":
            continue
        match = _equivalent(result, entries)
        if match is None:
            survivors.append(result)
        else:
            used.add(match)
            equivalent.append((result, entries[match]["reason"].strip()))
    killed = sum(r.status != "survived" for r in results)
    counted = len(results) - len(equivalent)
    score = killed / counted if counted else 1.0
    print()
    by_op: dict[str, list[int]] = {}
    for r in results:
        row = by_op.setdefault(r.site.op, [0, 0])
        row[0] += 1
        row[1] += r.status != "survived"
    for op, (n, k) in sorted(by_op.items()):
        print(f"  {op:8} {k}/{n} killed")
    for r in survivors:
        print(
            f"  SURVIVED {r.module}:{r.site.line} {r.site.op} {r.site.function}: "
            f"{r.site.before} -> {r.site.after}"
        )
    for r, reason in equivalent:
        print(
            f"  equivalent {r.module}:{r.site.line} {r.site.function}: "
            f"{r.site.before} -> {r.site.after} ({reason})"
        )
    stale = [e for i, e in enumerate(entries) if i not in used] if args.module is None else []
    for entry in stale:
        print(f"  STALE equivalent entry (matches no survivor): {entry}")
    print(
        f"ast mutator: {len(results)} mutants, {killed} killed, {len(equivalent)} equivalent, "
        f"{len(survivors)} surviving in {minutes:.1f} minutes"
    )
    print(f"score: {score:.1%} of non-equivalent mutants killed (target {TARGET:.0%})")
    return 0 if score >= TARGET and not stale else 1


if __name__ == "__main__":
    raise SystemExit(main())
