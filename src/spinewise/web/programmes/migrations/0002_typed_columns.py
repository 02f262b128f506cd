"""Typed columns copied from each stored programme, so reads need no JSON, and a revision."""

from datetime import date
from typing import Any

from django.db import migrations, models


def fill(apps: Any, schema_editor: Any) -> None:
    SavedProgramme = apps.get_model("programmes", "SavedProgramme")
    for saved in SavedProgramme.objects.all().iterator():
        data, prefs = saved.data, saved.prefs
        saved.end = date.fromisoformat(data["end"])
        saved.weeks = len(data["weeks"])
        saved.level = data["level"]
        saved.region = data.get("region") or ""
        saved.minutes_per_day = data["minutes_per_day"]
        saved.timezone = prefs.get("timezone", "Europe/London")
        saved.save(
            update_fields=["end", "weeks", "level", "region", "minutes_per_day", "timezone"]
        )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="savedprogramme",
            name="end",
            field=models.DateField(default=date(2000, 1, 1)),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="savedprogramme",
            name="weeks",
            field=models.PositiveSmallIntegerField(default=6),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="savedprogramme",
            name="level",
            field=models.CharField(default="self_care", max_length=16),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="savedprogramme",
            name="region",
            field=models.CharField(blank=True, default="", max_length=8),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="savedprogramme",
            name="minutes_per_day",
            field=models.PositiveSmallIntegerField(default=15),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="savedprogramme",
            name="timezone",
            field=models.CharField(default="Europe/London", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="savedprogramme",
            name="revision",
            field=models.PositiveIntegerField(default=1),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
