"""``{% bar value %}``: a level bar beside its value in text.

A simple tag rather than an included template: profiles draw around a hundred bars, and an
``{% include %}`` per bar was most of the page's server time.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from unstuck.web.occupations.present import Bar

register = template.Library()


@register.simple_tag
def bar(value: Bar) -> SafeString:
    if value.percent is None:
        return format_html(
            '<span class="bar bar-missing" aria-hidden="true"></span>'
            '<span class="bar-value missing">{}</span>',
            value.text,
        )
    return format_html(
        '<span class="bar" aria-hidden="true"><span class="bar-fill" style="width: {}%">'
        '</span></span><span class="bar-value">{}</span>',
        value.percent,
        value.text,
    )
