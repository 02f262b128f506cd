"""The exercise library pages: filters without JavaScript, detail pages and drawings."""

from __future__ import annotations

import gzip

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


def test_list_shows_small_still_thumbnails_not_the_animations(client: Client) -> None:
    html = client.get("/exercises/").content.decode()

    for exercise_id in load_exercises():
        assert f'src="/exercises/{exercise_id}/thumbnail.svg"' in html
        assert f'src="/exercises/{exercise_id}.svg"' not in html
    # Legible on a phone: at least 96 CSS pixels wide.
    assert 'width="120" height="90"' in html


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
    # Readers who prefer reduced motion get the key poses side by side instead.
    assert (
        f'<source media="(prefers-reduced-motion: reduce)" '
        f'srcset="/exercises/{exercise.id}/key-poses.svg"'
    ) in html
    for step in exercise.steps:
        assert step.replace("'", "&#x27;") in html
    assert exercise.dosage.describe() in html
    assert "Stop if" in html
    assert 'id="sources-title"' in html
    linked = exercise.easier or exercise.harder
    assert f'href="/exercises/{linked}/"' in html


@pytest.mark.parametrize("suffix", [".svg", "/key-poses.svg", "/thumbnail.svg"])
def test_drawings_are_served_as_svg(client: Client, suffix: str) -> None:
    exercise_id = next(iter(load_exercises()))

    response = client.get(f"/exercises/{exercise_id}{suffix}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.decode().lstrip().startswith("<svg")


@pytest.mark.parametrize("suffix", [".svg", "/key-poses.svg", "/thumbnail.svg"])
def test_drawings_are_sent_compressed_to_browsers_that_accept_it(
    client: Client, suffix: str
) -> None:
    exercise_id = next(iter(load_exercises()))
    plain = client.get(f"/exercises/{exercise_id}{suffix}")

    packed = client.get(f"/exercises/{exercise_id}{suffix}", headers={"Accept-Encoding": "gzip"})

    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content)


def test_the_page_reserves_the_drawing_s_own_proportions(client: Client) -> None:
    html = client.get("/exercises/walking/").content.decode()

    # Walking is drawn upright: a taller frame than a lying exercise's.
    assert 'width="320" height="' in html
    height = int(html.split('alt="A person walks', 1)[1].split('height="', 1)[1].split('"', 1)[0])
    assert height >= 240


@pytest.mark.parametrize(
    "path",
    [
        "/exercises/no_such_exercise/",
        "/exercises/no_such.svg",
        "/exercises/no_such/key-poses.svg",
        "/exercises/no_such/thumbnail.svg",
    ],
)
def test_unknown_exercise_is_404(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404
