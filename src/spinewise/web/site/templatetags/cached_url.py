"""``{% url %}`` with each link worked out once per process (``links.link``).

Django's own tag reverses the view on every use: 30 to 60 µs each, and a signed-in page
uses it several times. Templates ``{% load cached_url %}`` and write ``{% url %}`` as Django
documents it (``as name`` included). Keyword arguments, and arguments that are not a
string, a plain integer or a day, go to Django's tag unchanged.
"""

from __future__ import annotations

from django import template
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import NoReverseMatch
from django.utils.html import conditional_escape

from spinewise.web.links import link, rememberable

register = template.Library()

_UNSET = object()


class CachedURLNode(URLNode):
    def render(self, context: template.Context) -> str:
        args = [arg.resolve(context) for arg in self.args]
        if self.kwargs or not all(rememberable(arg) for arg in args):
            return super().render(context)
        view_name = str(self.view_name.resolve(context))
        # As Django's tag: the request's own current_app, else the namespace it resolved to.
        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", _UNSET)
        if current_app is _UNSET:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        if current_app is not None and not isinstance(current_app, str):
            return super().render(context)
        try:
            found = link(view_name, *args, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            found = ""
        if self.asvar:
            context[self.asvar] = found
            return ""
        return conditional_escape(found) if context.autoescape else found


@register.tag("url")
def do_url(parser: template.base.Parser, token: template.base.Token) -> CachedURLNode:
    """``{% url 'view' arg ... %}`` or ``{% url 'view' arg ... as name %}``."""
    node = django_url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
