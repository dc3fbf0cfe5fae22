"""Tags for the profile's long lists: ``{% rating_items %}``, ``{% score_items %}``.

Simple tags that build their HTML with ``format_html`` rather than included templates: a profile
draws about seventy ratings and a hundred and fifty bars, and rendering each through the
template engine was most of the page's server time (a rating list: 5.5 ms as a template).
Every bar is drawn by :func:`unstuck.web.bars.bar_html`, as on every page: decoration beside
its value printed as text.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from unstuck.web.bars import bar_html
from unstuck.web.occupations.present import RatingRow, ScoreRow

register = template.Library()


def _hint(row: RatingRow) -> SafeString:
    if not row.hint or row.hint_level is None:
        return SafeString("")
    return format_html(
        '<p class="anchor-hint">At level {}, for example: {}</p>',
        f"{row.hint_level:.0f}",
        row.hint,
    )


@register.simple_tag
def rating_items(rows: Iterable[RatingRow]) -> SafeString:
    """``<li>`` items: name, importance and level bars, and a level anchor as a hint."""
    return format_html_join(
        "\n",
        '<li class="rating"><p class="rating-name">{}</p><dl class="measures">'
        '<div class="measure"><dt>Importance</dt><dd>{}</dd></div>'
        '<div class="measure"><dt>Level</dt><dd>{}</dd></div></dl>{}</li>',
        ((r.name, bar_html(r.importance), bar_html(r.level), _hint(r)) for r in rows),
    )


@register.simple_tag
def score_items(rows: Iterable[ScoreRow]) -> SafeString:
    """``<li>`` items: a name and one bar."""
    return format_html_join(
        "\n",
        '<li class="score"><span class="score-name">{}</span> {}</li>',
        ((r.name, bar_html(r.bar)) for r in rows),
    )
