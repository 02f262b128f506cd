"""The extra-support lessons are short, practical and written for a reading age of about 11."""

from __future__ import annotations

import re

import pytest

from spinewise.core.pathway import Lesson, lessons, lessons_for

ALL = [lesson for week in lessons().values() for lesson in week]
# Reading age about 11 is a US school grade of about 6 (reading age = grade + 5).
MAX_GRADE = 6.5
TOPICS = {
    "hurt_not_harm", "pacing", "facing_one_activity", "sleep", "stress_and_breathing",
    "unhelpful_thoughts", "back_to_work",
}  # fmt: skip


def syllables(word: str) -> int:
    """A rough English syllable count: groups of vowels, less a silent final e."""
    word = word.lower()
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and groups > 1:
        groups -= 1
    return max(1, groups)


def grade_level(text: str) -> float:
    """The Flesch-Kincaid grade of ``text``."""
    sentences = max(1, len(re.findall(r"[.!?]+", text)))
    words = re.findall(r"[A-Za-z']+", text)
    total = sum(syllables(word) for word in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59


def test_the_track_covers_each_topic_the_issue_names() -> None:
    assert {lesson.id for lesson in ALL} == TOPICS


@pytest.mark.parametrize("lesson", ALL, ids=[lesson.id for lesson in ALL])
def test_each_lesson_reads_at_about_age_11(lesson: Lesson) -> None:
    for text in (lesson.body, lesson.task, lesson.summary):
        assert grade_level(text) <= MAX_GRADE, (lesson.id, round(grade_level(text), 1), text)


@pytest.mark.parametrize("lesson", ALL, ids=[lesson.id for lesson in ALL])
def test_each_lesson_is_short_and_has_a_task(lesson: Lesson) -> None:
    assert len(lesson.body.split()) <= 90
    assert len(lesson.task.split()) <= 45


def test_a_grade_formula_that_could_not_fail_would_be_useless() -> None:
    hard = (
        "Psychologically informed physiotherapy incorporates cognitive-behavioural "
        "principles, facilitating graded exposure to kinesiophobia-provoking activities."
    )
    assert grade_level(hard) > MAX_GRADE


def test_only_the_high_pathway_has_lessons() -> None:
    assert [lesson.id for lesson in lessons_for("high", 1)] == ["hurt_not_harm"]
    assert lessons_for("medium", 1) == [] and lessons_for("low", 1) == []
