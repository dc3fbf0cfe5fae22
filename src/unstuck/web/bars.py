"""``{% bar %}``: the one way every page draws a :class:`~unstuck.report.bars.Bar`.

A built-in template tag (``TEMPLATES`` ``builtins`` in the settings), so no template loads it.
It builds its HTML with ``format_html`` rather than an included template: an occupation's
profile draws about seventy ratings and a hundred and fifty bars, and rendering each through the
template engine was most of the page's server time. The drawing is ``aria-hidden`` decoration;
the value beside it is text, so a screen reader reads the number::

    <span class="bar" aria-hidden="true"><span class="bar-fill" style="width: 40%"></span></span>
    <span class="bar-value">2.8 of 7</span>

The classes come from the bar's ``look`` (:data:`unstuck.report.bars.LOOKS`); a missing value
draws no fill and prints its words instead of a number. A capped bar (a match part) draws the
fill inside the part it can fill; the market page's bars are small SVGs.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from unstuck.report.bars import LOOKS, Bar

register = template.Library()


def bar_html(bar: Bar) -> SafeString:
    """The track (with its fill, and its mark or cap) and the value as text."""
    return format_html("{}\n{}", _drawing(bar), _value(bar))


def _drawing(bar: Bar) -> SafeString:
    if LOOKS[bar.look].svg:
        return format_html(
            '<svg class="{}" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
            'focusable="false"><rect class="track" x="0" y="0" width="100" height="10"/>'
            '<rect class="{}" x="0" y="0" width="{}" height="10"/></svg>',
            bar.track_class,
            bar.fill_class,
            0 if bar.percent is None else bar.percent,
        )
    fill = (
        SafeString("")
        if bar.percent is None
        else format_html('<span class="{}" style="width: {}%"></span>', bar.fill_class, bar.percent)
    )
    if bar.cap_percent is not None:
        fill = format_html(
            '<span class="{}" style="width: {}%">{}</span>', bar.cap_class, bar.cap_percent, fill
        )
    mark = (
        SafeString("")
        if bar.mark_percent is None
        else format_html(
            '<span class="{}" style="left: {}%"></span>', bar.mark_class, bar.mark_percent
        )
    )
    return format_html(
        '<span class="{}" aria-hidden="true">{}{}</span>', bar.track_class, fill, mark
    )


def _value(bar: Bar) -> SafeString:
    hidden = (
        format_html('<span class="visually-hidden">{}</span>', bar.hidden)
        if bar.hidden
        else SafeString("")
    )
    return format_html('<span class="{}">{}{}</span>', bar.value_class, bar.text, hidden)


@register.simple_tag(name="bar")
def bar_tag(bar: Bar) -> SafeString:
    return bar_html(bar)
