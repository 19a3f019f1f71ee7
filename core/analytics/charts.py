"""The analytics charts as server-rendered SVG: no package, no script, nothing from another
origin (the CSP allows none), and the same figures as the tables beside them. Each chart has a
<title> and <desc> and every bar its own <title> (a tooltip and what a screen reader reads);
the table under it carries the numbers."""

from __future__ import annotations

import zlib

from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

# colours that stay apart for the common colour-vision deficiencies (Okabe-Ito)
APPROVED, REJECTED, RETURNED, OTHER = "#009E73", "#D55E00", "#E69F00", "#999999"
WAITING, WORKED = "#56B4E9", "#0072B2"
WIDTH, BAR_AREA_TOP, ROW = 640, 12, 26


def _nice_max(value: float) -> float:
    """The axis' end: 1, 2 or 5 times a power of ten at or above `value`."""
    if value <= 0:
        return 1
    power = 1.0
    while power * 10 <= value:
        power *= 10
    while power > value:
        power /= 10
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 or value == int(value) else f"{value:,.1f}"


def _svg(title: str, desc: str, height: int, body: SafeString) -> SafeString:
    return format_html(
        '<svg class="an-chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-t {}-d" '
        'xmlns="http://www.w3.org/2000/svg" font-size="11"><title id="{}-t">{}</title>'
        '<desc id="{}-d">{}</desc>{}</svg>',
        WIDTH, height, *(_id(title),) * 2, _id(title), title, _id(title), desc, body)


def _id(title: str) -> str:
    return f"c{zlib.crc32(title.encode()):08x}"


def _join(parts: list[SafeString]) -> SafeString:
    """Parts already built by format_html, joined (still escaped once, not twice)."""
    return format_html_join("", "{}", ((part,) for part in parts))


def _f(value: float) -> str:
    return f"{value:.1f}"


def _legend(items: list[tuple[str, str]], y: int) -> SafeString:
    parts, x = [], 8
    for colour, label in items:
        parts.append(format_html('<rect x="{}" y="{}" width="10" height="10" fill="{}"/>'
                                 '<text x="{}" y="{}" fill="currentColor">{}</text>',
                                 x, y, colour, x + 14, y + 9, label))
        x += 24 + 7 * len(label) + (7 * sum(ord(c) > 0x2E80 for c in label))
    return _join(parts)


def throughput(rows: list[dict]) -> SafeString | None:
    """Decisions per week, stacked: approvals, rejections, returns, other (passed on)."""
    if not rows:
        return None
    top = _nice_max(max(r["decided"] for r in rows))
    left, bottom, plot_h = 44, 22, 180
    height = BAR_AREA_TOP + plot_h + bottom + 24
    slot = (WIDTH - left - 8) / len(rows)
    bar = max(2.0, min(36.0, slot * 0.7))
    parts = []
    for tick in (0, top / 2, top):
        y = BAR_AREA_TOP + plot_h - plot_h * tick / top
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#ccc"/>'
            '<text x="{}" y="{}" text-anchor="end" fill="currentColor">{}</text>',
            left, WIDTH - 8, _f(y), _f(y), left - 4, _f(y + 4), _fmt(tick)))
    every = max(1, round(len(rows) / 8))  # at most ~8 week labels
    for n, r in enumerate(rows):
        x = left + slot * n + (slot - bar) / 2
        y = BAR_AREA_TOP + plot_h
        other = r["decided"] - r["approved"] - r["rejected"] - r["returned"]
        week = date_format(r["week"], "m-d")
        for value, colour, label in ((r["approved"], APPROVED, _("Approvals")),
                                     (r["rejected"], REJECTED, _("Rejections")),
                                     (r["returned"], RETURNED, _("Returns")),
                                     (other, OTHER, _("Other"))):
            if value <= 0:
                continue
            h = plot_h * value / top
            y -= h
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                '<title>{} {}: {}</title></rect>',
                _f(x), _f(y), _f(bar), _f(h), colour, week, label, value))
        if n % every == 0:
            parts.append(format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="currentColor">{}</text>',
                _f(x + bar / 2), BAR_AREA_TOP + plot_h + 14, week))
    parts.append(_legend([(APPROVED, _("Approvals")), (REJECTED, _("Rejections")),
                          (RETURNED, _("Returns")), (OTHER, _("Other"))], height - 14))
    total = sum(r["decided"] for r in rows)
    desc = _("%(n)s decisions in %(weeks)s weeks; the table below has each week's numbers.") % {
        "n": total, "weeks": len(rows)}
    return _svg(_("Decisions per week"), desc, height, _join(parts))


def waiting_worked(rows: list[dict]) -> SafeString | None:
    """Per step, the median waiting time and the median worked time, side by side."""
    rows = [r for r in rows if r["wait_median"] is not None or r["work_median"] is not None][:15]
    longest = max((max(r["wait_median"] or 0, r["work_median"] or 0) for r in rows), default=0)
    if longest <= 0:  # every step decided at once: bars of nothing only look broken
        return None
    top = _nice_max(longest)
    label_w, right = 190, 60
    plot_w = WIDTH - label_w - right
    height = BAR_AREA_TOP + ROW * len(rows) + 40
    parts = []
    for n, r in enumerate(rows):
        y = BAR_AREA_TOP + ROW * n
        name = f"{r['process']} · {r['label']}"
        short = name if len(name) <= 26 else name[:25] + "…"
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="end" fill="currentColor">{}<title>{}</title></text>',
            label_w - 6, y + 14, short, name))
        for k, (value, colour, what) in enumerate((
                (r["wait_median"], WAITING, _("Waiting, median")),
                (r["work_median"], WORKED, _("Worked, median")))):
            w = plot_w * max(value or 0, 0) / top
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="10" fill="{}"><title>{}: {} h'
                '</title></rect><text x="{}" y="{}" fill="currentColor">{}</text>',
                label_w, y + 2 + 11 * k, _f(max(w, 0.5)), colour, what,
                "—" if value is None else value, _f(label_w + max(w, 0.5) + 4), y + 11 + 11 * k,
                "—" if value is None else _fmt(value)))
    parts.append(_legend([(WAITING, _("Waiting, median (hours)")),
                          (WORKED, _("Worked, median (hours)"))], height - 16))
    desc = _("Median hours waiting for a person and being worked, for %(n)s steps; the table "
             "below has the numbers.") % {"n": len(rows)}
    return _svg(_("Waiting and worked time per step"), desc, height,
                _join(parts))


def for_page(figures: dict) -> dict[str, SafeString | None]:
    """The chart shown above each table (by table code)."""
    return {"throughput": throughput(figures["throughput"]),
            "waiting_worked": waiting_worked(figures["waiting_worked"])}


__all__ = ["for_page", "throughput", "waiting_worked"]
