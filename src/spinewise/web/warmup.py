"""Everything a request would otherwise load on first use, loaded once before serving.

``spinewise serve`` calls ``warm`` in gunicorn's master process before the workers are
forked, so every worker starts with the knowledge base validated, the guides rendered
and the templates compiled. Without it each worker paid for that on its first requests,
in the middle of a load, and those requests (with the ones queued behind them) waited
seconds: the landing page's tail.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template import engines
from django.template.exceptions import TemplateDoesNotExist, TemplateSyntaxError
from django.urls import get_resolver


def _template_names() -> list[str]:
    engine: dict[str, Any] = settings.TEMPLATES[0]
    folders = [Path(str(folder)) for folder in engine["DIRS"]]
    web = Path(__file__).parent
    folders += [path for path in web.glob("*/templates") if path.is_dir()]
    return sorted(
        {str(path.relative_to(folder)) for folder in folders for path in folder.rglob("*.html")}
    )


def warm() -> None:
    """Loads the content, renders the guides and compiles every template (idempotent)."""
    from spinewise.core.content_loader import content_version
    from spinewise.core.education import habit_tips, programme_text, readings
    from spinewise.core.exercises import load_exercises
    from spinewise.core.knowledge import knowledge
    from spinewise.core.questionnaire import questionnaire
    from spinewise.web.site.guides import load_guides

    knowledge()
    readings()
    habit_tips()
    programme_text()
    questionnaire()
    content_version()
    load_exercises()
    load_guides()
    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    engine = engines["django"]
    for name in _template_names():
        try:
            engine.get_template(name)
        except (TemplateDoesNotExist, TemplateSyntaxError):  # pragma: no cover - not ours
            continue


def prepare_to_fork() -> None:
    """``warm``, then what the master process does before gunicorn forks the workers.

    No database connection may be shared across the fork. And everything loaded so far
    lives as long as the server, so it is moved out of the garbage collector's reach
    (``gc.freeze``): a full collection walked it all, about 35 ms with the knowledge base
    loaded, a pause every request queued behind it shared; and a collector that never
    touches those objects leaves their memory shared with the workers, not copied.
    """
    from django.db import connections

    warm()
    connections.close_all()
    gc.collect()
    gc.freeze()
