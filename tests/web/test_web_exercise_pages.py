"""The exercise library pages: filters without JavaScript, detail pages and drawings."""

from __future__ import annotations

import pytest
from django.test import Client

from spinewise.core.exercises import exercises_for, load_exercises

pytestmark = pytest.mark.django_db


def _listed_ids(html: str) -> set[str]:
    return {
        exercise_id
        for exercise_id in load_exercises()
        if f'href="/exercises/{exercise_id}/"' in html
    }


def test_list_shows_every_exercise(client: Client) -> None:
    html = client.get("/exercises/").content.decode()

    assert _listed_ids(html) == set(load_exercises())


@pytest.mark.parametrize(
    ("query", "region", "cause"),
    [
        ("region=upper", "upper", None),
        ("region=lower", "lower", None),
        ("cause=sciatica", None, "sciatica"),
        ("region=upper&cause=poor_posture", "upper", "poor_posture"),
    ],
)
def test_filters_work_with_plain_get_parameters(
    client: Client, query: str, region: str | None, cause: str | None
) -> None:
    html = client.get(f"/exercises/?{query}").content.decode()

    expected = {exercise.id for exercise in exercises_for(region=region, cause=cause)}
    assert expected
    assert _listed_ids(html) == expected
    assert "Clear filters" in html


def test_unknown_filter_values_show_everything(client: Client) -> None:
    response = client.get("/exercises/?region=sideways&cause=<script>")

    assert response.status_code == 200
    assert _listed_ids(response.content.decode()) == set(load_exercises())
    assert "<script>" not in response.content.decode()


def test_detail_page_shows_everything_needed_to_do_the_exercise(client: Client) -> None:
    exercise = next(e for e in load_exercises().values() if e.easier or e.harder)

    html = client.get(f"/exercises/{exercise.id}/").content.decode()

    assert f'src="/exercises/{exercise.id}.svg"' in html
    assert 'alt="' in html and exercise.alt[:30].replace("'", "&#x27;") in html
    for step in exercise.steps:
        assert step.replace("'", "&#x27;") in html
    assert exercise.dosage.describe() in html
    assert "Stop if" in html
    assert 'id="sources-title"' in html
    linked = exercise.easier or exercise.harder
    assert f'href="/exercises/{linked}/"' in html


def test_drawing_is_served_as_svg(client: Client) -> None:
    exercise_id = next(iter(load_exercises()))

    response = client.get(f"/exercises/{exercise_id}.svg")

    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith("<svg")


@pytest.mark.parametrize("path", ["/exercises/no_such_exercise/", "/exercises/no_such.svg"])
def test_unknown_exercise_is_404(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404
