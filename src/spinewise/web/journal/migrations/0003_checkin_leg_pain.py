from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("journal", "0002_psfs_updated")]

    operations = [
        migrations.AddField(
            model_name="checkin",
            name="leg_pain",
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
    ]
