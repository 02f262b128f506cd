"""Django's ``manage.py`` for Spinewise: ``python -m spinewise.web.manage <command>``.

The same commands run as ``spinewise manage <command>``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spinewise.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(list(argv) if argv is not None else sys.argv)


if __name__ == "__main__":
    main()
