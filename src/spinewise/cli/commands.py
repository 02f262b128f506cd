"""Imports every command module so their ``@app.command`` decorators run."""

from __future__ import annotations

from spinewise.cli import (
    assess_cmd,  # noqa: F401
    backup_cmd,  # noqa: F401
    demo_cmd,  # noqa: F401
    exercise_cmd,  # noqa: F401
    export_cmd,  # noqa: F401
    journal_cmd,  # noqa: F401
    maintenance_cmd,  # noqa: F401
    plan_cmd,  # noqa: F401
    serve_cmd,  # noqa: F401
    validate_cmd,  # noqa: F401
)
