"""Prepares a fresh database for scripts/schemathesis.sh.

Prints an API token, a day with a check-in and a week with a rating, on one line.

A person with a saved assessment, a programme and a few check-ins, so that reads have
something to find. The token's id is far from the small ids fuzzing tries first, so
DELETE /tokens/{token_id} does not revoke the token the run itself uses.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from spinewise.cli.django_setup import setup_django

setup_django(migrate=True)

from django.contrib.auth.models import User  # noqa: E402

from spinewise.core.intake import parse_intake  # noqa: E402
from spinewise.core.plan import Preferences  # noqa: E402
from spinewise.web.api.models import ApiToken, hash_token, new_raw_token  # noqa: E402
from spinewise.web.assessments.services import save_assessment  # noqa: E402
from spinewise.web.journal import services  # noqa: E402
from spinewise.web.programmes.services import create_programme  # noqa: E402

P01 = Path(__file__).parents[1] / "tests" / "vignettes" / "P01.json"

user = User.objects.create_user("fuzz@example.com", "fuzz@example.com")
saved = save_assessment(user, parse_intake(json.loads(P01.read_text())))
today = services.today_for(user)
create_programme(user, saved, Preferences(timezone="UTC"), today - timedelta(days=10))
for offset in range(5):
    services.record_checkin(user, {"day": today - timedelta(days=offset), "pain": 3})
week = services.week_start_of(today)
services.save_psfs(user, week, [{"name": "Sitting", "score": 4}])
raw = new_raw_token()
ApiToken.objects.create(id=987_654_321, user=user, name="schemathesis", token_hash=hash_token(raw))
print(raw, today.isoformat(), week.isoformat())
