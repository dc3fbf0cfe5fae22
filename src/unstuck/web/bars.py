"""``{% bar %}``: the one way every page draws a :class:`~unstuck.report.bars.Bar`.

A built-in template tag (``TEMPLATES`` ``builtins`` in the settings), so no template loads it.
It builds its HTML with ``format_html`` rather than an included template: an occupation's
profile draws about seventy ratings and a hundred and fifty bars, and rendering each through the
template engine was most of the page's server time. The drawing is ``aria-hidden`` decoration;
the value beside it is text, so a screen reader reads the number::

    <span class="bar" aria-hidden="true"><span class="bar-fill" style="width: 40%"></span></span>
    <span class="bar-value">2.8 of 7</span>

The classes come from the bar's ``look`` (:data:`unstuck.report.bars.LOOKS`); a missing value
draws no fill and prints its words instead of a number.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from unstuck.report.bars import Bar

register = template.Library()


def bar_html(bar: Bar) -> SafeString:
    """The track (with its fill and mark) and the value as text."""
    fill = (
        SafeString("")
        if bar.percent is None
        else format_html('<span class="{}" style="width: {}%"></span>', bar.fill_class, bar.percent)
    )
    mark = (
        SafeString("")
        if bar.mark_percent is None
        else format_html(
            '<span class="{}" style="left: {}%"></span>', bar.mark_class, bar.mark_percent
        )
    )
    return format_html(
        '<span class="{}" aria-hidden="true">{}{}</span>\n<span class="{}">{}</span>',
        bar.track_class,
        fill,
        mark,
        bar.value_class,
        bar.text,
    )


@register.simple_tag(name="bar")
def bar_tag(bar: Bar) -> SafeString:
    return bar_html(bar)
