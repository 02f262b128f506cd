"""Choosing exercises: what is allowed, which member of each family, best first."""

from __future__ import annotations

import functools
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spinewise.core.exercises import (
    CONDITION_DESCRIPTIONS,
    EQUIPMENT_NAMES,
    LEVEL_ORDER,
    Exercise,
    load_exercises,
)
from spinewise.core.levels import Level
from spinewise.core.plan.basis import person_regions
from spinewise.core.plan.models import PlanBasis

_NERVE_CAUSES = frozenset({"sciatica", "herniated_disc"})
# Which kinds each phase puts first. Stretching comes last in later phases: on its own
# it did no better than control in the largest network meta-analysis (reference §6a).
_PHASE_KIND_PREFERENCE: dict[int, dict[str, int]] = {
    1: {"mobility": 0, "stretch": 1, "strength": 2},
    2: {"strength": 0, "mobility": 1, "stretch": 2},
    3: {"strength": 0, "mobility": 1, "stretch": 2},
}


def exclusion_reasons(exercise: Exercise, basis: PlanBasis) -> list[str]:
    """Why this exercise is not for this person now; empty when it is fine."""
    reasons = [
        CONDITION_DESCRIPTIONS[condition]
        for condition in exercise.contraindications
        if condition in basis.conditions
    ]
    missing = [item for item in exercise.equipment if item not in basis.equipment]
    if missing:
        things = " and ".join(EQUIPMENT_NAMES[item] for item in missing)
        reasons.append(f"Needs {things}, which is not in your equipment list.")
    if basis.level is Level.SOON and exercise.level == "hard":
        reasons.append("Hard exercises wait until a doctor or physiotherapist has seen you.")
    return reasons


def allowed(exercise: Exercise, basis: PlanBasis) -> bool:
    return bool(set(exercise.regions) & set(person_regions(basis))) and not exclusion_reasons(
        exercise, basis
    )


@functools.cache
def _library_order() -> dict[str, int]:
    return {exercise_id: index for index, exercise_id in enumerate(load_exercises())}


@functools.cache
def _family_causes() -> tuple[frozenset[str], ...]:
    """For each chain of ``_chains()``, every cause any member serves."""
    return tuple(frozenset(c for member in chain for c in member.causes) for chain in _chains())


@functools.cache
def _chains() -> tuple[tuple[Exercise, ...], ...]:
    """Families linked by easier/harder, each easiest first, in library order (static)."""
    return tuple(tuple(chain) for chain in _build_chains())


def _build_chains() -> list[list[Exercise]]:
    library = load_exercises()
    seen: set[str] = set()
    chains: list[list[Exercise]] = []
    for exercise in library.values():
        if exercise.id in seen or exercise.kind in ("aerobic", "relaxation"):
            continue
        root = exercise
        while root.easier is not None and root.easier not in seen:
            root = library[root.easier]
        chain = [root]
        while chain[-1].harder is not None:
            chain.append(library[chain[-1].harder])
        seen.update(member.id for member in chain)
        chains.append(chain)
    return chains


def _level_caps(basis: PlanBasis) -> dict[int, int]:
    """The hardest exercise level each phase may use (gentle 0, moderate 1, hard 2)."""
    caps = {1: 0, 2: 0 if basis.cautious else 1, 3: 1 if basis.cautious else 2}
    if basis.level is Level.SOON:
        caps = {phase: min(cap, 1) for phase, cap in caps.items()}
    return caps


def _variants(chain: Sequence[Exercise], basis: PlanBasis) -> dict[int, Exercise | None]:
    """The member of a family for each phase: one harder link per phase, within the cap."""
    caps = _level_caps(basis)
    usable = {e.id for e in chain if allowed(e, basis)}  # asked once per member
    picks: dict[int, Exercise | None] = {}
    pick: Exercise | None = None
    for phase in (1, 2, 3):
        cap = caps[phase]
        if pick is None:
            options = [e for e in chain if e.id in usable and LEVEL_ORDER[e.level] <= cap]
            if options:
                # Careful starts take the easiest version; others the hardest gentle one.
                pick = options[0] if basis.cautious or phase > 1 else options[-1]
        else:
            index = chain.index(pick)
            if index + 1 < len(chain):
                harder = chain[index + 1]
                if harder.id in usable and LEVEL_ORDER[harder.level] <= cap:
                    pick = harder
        picks[phase] = pick
    return picks


def _cause_fit(causes_served: Collection[str], causes: list[str]) -> tuple[int, int]:
    """How many of the person's top causes are served, and how highly they rank."""
    served = [cause for cause in causes if cause in causes_served]
    return len(served), sum(len(causes) - causes.index(cause) for cause in served)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An exercise a phase could use (the engine's own working value, never stored)."""

    exercise: Exercise
    since_phase: int  # the phase this exact exercise first appears in (for its dose step)


def ranked(basis: PlanBasis, phase: int) -> list[Candidate]:
    """This phase's exercises, best first: by the person's causes the family serves."""
    return _ranked_for(basis, phase, _families(basis))


def rankings(basis: PlanBasis) -> dict[int, list[Candidate]]:
    """``ranked`` for every phase, each family's members picked once for all three."""
    families = _families(basis)
    return {phase: _ranked_for(basis, phase, families) for phase in _PHASE_KIND_PREFERENCE}


def _families(basis: PlanBasis) -> list[_Family]:
    families = []
    for chain, family_causes in zip(_chains(), _family_causes(), strict=True):
        # Nerve glides and the like are for people whose answers point to a nerve.
        if family_causes <= _NERVE_CAUSES and not family_causes & set(basis.causes):
            continue
        picks = _variants(chain, basis)
        fit = _cause_fit(family_causes, basis.causes)
        families.append(_Family(picks, _first_phases(picks), *fit))
    return families


@dataclass(frozen=True)
class _Family:
    """A family's member for each phase, and how it fits the person's causes."""

    picks: dict[int, Exercise | None]
    # For each phase with a member: the first phase with that same member (its dose steps
    # count from there).
    since: dict[int, int]
    count: int
    weight: int


def _first_phases(picks: dict[int, Exercise | None]) -> dict[int, int]:
    first: dict[str, int] = {}
    return {
        phase: first.setdefault(pick.id, phase) for phase, pick in picks.items() if pick is not None
    }


def _ranked_for(basis: PlanBasis, phase: int, families: list[_Family]) -> list[Candidate]:
    library_order = _library_order()
    preference = _PHASE_KIND_PREFERENCE[phase]
    keyed: list[tuple[tuple[int, int, int, int], Candidate]] = []
    for family in families:
        count, weight = family.count, family.weight
        exercise = family.picks[phase]
        if exercise is None:
            continue
        since = family.since[phase]
        kind_rank = preference.get(exercise.kind, 3)
        bonus = 1 if kind_rank == 0 and count > 0 else 0
        key = (-(count + bonus), kind_rank, -weight, library_order[exercise.id])
        keyed.append((key, Candidate(exercise=exercise, since_phase=since)))
    ordered = [candidate for _, candidate in sorted(keyed, key=lambda item: item[0])]
    regions = person_regions(basis)
    if len(regions) == 1:
        return ordered
    # Both regions: alternate lower and upper so every session has some of each.
    mixed: list[Candidate] = []
    turn = 0
    while ordered:
        region = regions[turn % 2]
        index = next((i for i, c in enumerate(ordered) if region in c.exercise.regions), 0)
        mixed.append(ordered.pop(index))
        turn += 1
    return mixed


def relaxation_exercise(basis: PlanBasis) -> Exercise | None:
    """The relaxation exercise that best fits the person's causes, when they need one."""
    if not basis.relaxation:
        return None
    options = [
        exercise
        for exercise in load_exercises().values()
        if exercise.kind == "relaxation" and allowed(exercise, basis)
    ]
    if not options:
        return None
    wanted = [*basis.causes, "muscle_tension"]
    return max(options, key=lambda exercise: _cause_fit(exercise.causes, wanted))
