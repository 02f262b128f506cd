"""Secrets that travel in URLs never reach a log line.

Password-reset links, sign-up confirmation links and the private calendar feed carry their
key in the path; Django logs paths for 4xx and 5xx answers. The filter sits on every
handler (settings.LOGGING) and blanks those keys.
"""

from __future__ import annotations

import logging
import re

SECRET_PATHS = re.compile(
    r"(?P<keep>/accounts/password/reset/[^/\s]+/|/accounts/signup/confirm/|/programme/feed/)"
    r"(?P<secret>[^/\s.?]+)"
)


def redact(text: str) -> str:
    return SECRET_PATHS.sub(lambda m: f"{m.group('keep')}[redacted]", text)


class RedactSecretPaths(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
