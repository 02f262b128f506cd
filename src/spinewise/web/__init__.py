"""The Spinewise Django project: settings, URLs and the web apps."""
