"""``{% exercise_picture %}``: an exercise's animated drawing, with its key poses side by side
in its place when the reader prefers reduced motion."""

from __future__ import annotations

from typing import Any

from django import template

from spinewise.web.site import library

register = template.Library()


@register.inclusion_tag("site/_exercise_picture.html")
def exercise_picture(
    exercise_id: str, alt: str, width: int = 320, css_class: str = "", lazy: bool = False
) -> dict[str, Any]:
    animation = library.drawing_size(exercise_id, "animation", width)
    key_poses = library.drawing_size(exercise_id, "key-poses", width)
    return {
        "urls": library.drawing_urls(exercise_id),
        "alt": alt,
        "css_class": css_class,
        "lazy": lazy,
        "width": animation[0],
        "height": animation[1],
        "key_width": key_poses[0],
        "key_height": key_poses[1],
    }
