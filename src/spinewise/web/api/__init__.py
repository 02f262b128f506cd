"""The JSON API (django-ninja): validates, calls core and the apps' services, serialises."""
