"""The report's one page, laid out in points and drawn with any QPainter: a PDF page or
the clinician's screen. The same code draws both, so what is seen is what is filed.

A clinician reads it in a minute, top to bottom: who and when; the plan, how closely it
was followed and the safety settings; the pain chart; what helps, with intervals and a
reading that claims no more than they do; the weekly check and other ratings; soreness,
bruising and the patient's notes; how the figures were made, with the credits the
measures require. Everything is in the language the caller has set (`i18n.speaking`).
When the notes do not fit, the newest are shown and the rest counted: the CSV export
has them all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPicture

from selfcare.core.insights import Direction, GroupInsight, Verdict
from selfcare.core.report import Report, SessionRow
from selfcare.core.statistics import Estimate
from selfcare.records import HOME_CODE
from selfcare.ui.i18n import tr
from selfcare.ui.kind_colours import COLOURS, KINDS, OTHER, OTHER_COLOUR, SHAPES
from selfcare.ui.names import kind_name
from selfcare.ui.plan_words import template_name
from selfcare.ui.report import charts
from selfcare.ui.safety_words import profile_lines

A4 = (595.0, 842.0)  # points, as QPageSize rounds them
LETTER = (612.0, 792.0)
MARGIN = 40.0
GAP = 12.0
INK = QColor("#1a1a1a")
MUTED = QColor("#555555")
RULE = QColor("#b0b0b0")
WARN = QColor("#9a3412")
WRAP = int(Qt.TextFlag.TextWordWrap)
BOX_HEIGHT = 105.0  # the most a plan, adherence or safety box may take
MIN_CHART = 90.0  # the pain chart shrinks to make room, never below this
NOTES_AT_LEAST = 48.0  # soreness: its title, its summary and two entries
WIDE_SAFETY_HEIGHT = 50.0
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


@dataclass(frozen=True, slots=True)
class ReportContext:
    """What the page needs besides the report, already in the report's language."""

    display_name: str | None
    lang: str
    titles: Mapping[str, str]  # script id -> title
    item_names: Mapping[str, str]  # rating item -> its short name
    credits: tuple[str, ...]  # the measures shown, credited as their licences ask
    weekly_name: str | None  # the weekly check's name, when it is in the report
    generated_at: datetime
    version: str


class ReportPage:
    """Draws one report on a page of `size` points; `draw` may be called many times."""

    def __init__(self, report: Report, context: ReportContext,
                 size: tuple[float, float] = A4) -> None:
        self.report = report
        self.context = context
        self.size = size
        self.locale = QLocale(context.lang)
        self.font = QFont()
        self.hidden_notes = 0  # how many notes the last draw had no room for
        self.room_for_notes = 0.0  # points left for soreness and notes in the last draw
        self._row_tops: list[float] = []  # where each row of the last table began

    # -- the page, top to bottom --------------------------------------------------------

    def draw(self, painter: QPainter) -> None:
        """Draw in points: the caller scales the painter so one unit is 1/72 inch."""
        width, height = self.size
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(QRectF(0, 0, width, height), QColor("white"))
        self.painter = painter
        left, right = MARGIN, width - MARGIN
        footer_top = height - MARGIN - self._footer_height(right - left)
        y = self._header(left, right, MARGIN)
        y = self._plan_row(left, right, y + GAP)
        below = (self._height_of(self._what_helps, left, right)
                 + self._height_of(self._weekly_and_others, left, right) + NOTES_AT_LEAST)
        around = self._height_of(lambda lf, rt, top: self._pain_chart(lf, rt, top, 100.0),
                                 left, right) - 100.0  # its title, legend and dates
        room = footer_top - y - 5 * GAP - below - around
        chart = max(MIN_CHART, min(175.0, height * 0.2, room))
        y = self._pain_chart(left, right, y + GAP, chart_height=chart)
        y = self._what_helps(left, right, y + GAP)
        y = self._weekly_and_others(left, right, y + GAP)
        self.room_for_notes = footer_top - GAP - (y + GAP)  # < 40: the page is too full
        self._soreness_and_notes(left, right, y + GAP, footer_top - GAP)
        self._footer(left, right, footer_top)
        painter.restore()

    def _height_of(self, part: Callable[[float, float, float], float], left: float,
                   right: float) -> float:
        """How tall `part` will be, drawn on a scratch painter first."""
        painter = self.painter
        scratch = QPicture()
        self.painter = QPainter(scratch)
        try:
            return part(left, right, 0.0)
        finally:
            self.painter.end()
            self.painter = painter

    def _header(self, left: float, right: float, y: float) -> float:
        report, context = self.report, self.context
        used = self._text(QRectF(left, y, right - left, 30), tr("Self-care practice report"),
                          15, bold=True)
        who = report.patient_code if not context.display_name else tr("%1 (%2)").replace(
            "%1", report.patient_code).replace("%2", context.display_name)
        line = tr("Patient: %1 · %2 to %3 · made %4 with Selfcare %5") \
            if report.patient_code != HOME_CODE else tr("%2 to %3 · made %4 with Selfcare %5")
        line = line.replace("%1", who).replace("%2", self.day(report.first)).replace(
            "%3", self.day(report.last)).replace(
            "%4", self.moment(context.generated_at)).replace("%5", context.version)
        y += used + 2
        y += self._text(QRectF(left, y, right - left, 30), line, 9, colour=MUTED)
        y += self._text(QRectF(left, y, right - left, 30), tr(
            "What the patient reported while practising self-care at home. It is not a "
            "diagnosis and does not replace medical assessment."), 8, colour=MUTED)
        self._rule(left, right, y + 4)
        return y + 4

    def _plan_row(self, left: float, right: float, y: float) -> float:
        """Plan, adherence and safety side by side. A safety list too long for its column
        is written across the page under the row instead: it is never cut silently."""
        column = (right - left - 2 * GAP) / 3
        safety = self._safety_lines()
        wide = self._measure(column, "\n".join(safety), 8) > BOX_HEIGHT
        boxes = [(tr("Plan"), self._plan_lines()), (tr("Adherence"), self._adherence_lines()),
                 (tr("Safety settings in force"),
                  [tr("Listed below, across the page.")] if wide else safety)]
        tallest = 0.0
        for n, (title, lines) in enumerate(boxes):
            x = left + n * (column + GAP)
            used = self._text(QRectF(x, y, column, 14), title, 9, bold=True)
            text = self._fitted("\n".join(lines), column, 8, BOX_HEIGHT)
            used += 2 + self._text(QRectF(x, y + used + 2, column, BOX_HEIGHT), text, 8)
            tallest = max(tallest, used)
        y += tallest
        if wide:
            text = self._fitted(tr("Safety settings in force: %1").replace(
                "%1", " · ".join(safety)), right - left, 8, WIDE_SAFETY_HEIGHT)
            y += 4 + self._text(QRectF(left, y + 4, right - left, WIDE_SAFETY_HEIGHT), text, 8)
        return y

    def _fitted(self, text: str, width: float, size: float, height: float) -> str:
        """`text`, or as many of its words as fit in `height` followed by an ellipsis."""
        if self._measure(width, text, size) <= height:
            return text
        words = text.split(" ")
        low, high = 0, len(words)
        while low < high:  # the most words that still fit with the ellipsis
            middle = (low + high + 1) // 2
            if self._measure(width, " ".join(words[:middle]) + " \u2026", size) <= height:
                low = middle
            else:
                high = middle - 1
        return " ".join(words[:low]) + " \u2026"

    def _plan_lines(self) -> list[str]:
        content = self.report.plan
        if content is None:
            return [tr("No plan was assigned.")]
        plan = content.plan
        lines = [template_name(plan.template),
                 tr("From %1 to %2").replace("%1", self.day(plan.start)).replace(
                     "%2", self.day(plan.end)),
                 tr("Sessions: %1").replace("%1", "; ".join(
                     self.context.titles.get(s, s) for s in plan.sessions))]
        if content.reminders:
            lines.append(tr("Reminders at %1").replace("%1", ", ".join(
                moment.strftime("%H:%M") for moment in content.reminders)))
        return lines

    def _adherence_lines(self) -> list[str]:
        report = self.report
        stopped = len(report.rows) - report.completed
        lines = [tr("Sessions in this period: %1 (%2 stopped early)").replace(
            "%1", str(len(report.rows))).replace("%2", str(stopped))]
        kept = report.adherence
        if kept is None:
            return lines
        if kept.due_so_far == 0:
            lines.insert(0, tr("Nothing was due yet."))
            return lines
        share = round(100 * (kept.share or 0.0))
        lines[:0] = [
            tr("%1 of %2 practices due were done (%3 %)").replace("%1", str(kept.done))
            .replace("%2", str(kept.due_so_far)).replace("%3", str(share)),
            tr("Missed: %1").replace("%1", str(kept.missed)),
            tr("Still to come: %1").replace("%1", str(kept.remaining)),
        ]
        return lines

    def _safety_lines(self) -> list[str]:
        safety = self.report.safety
        lines = profile_lines(safety) if safety is not None else []
        if not lines:
            return [tr("None marked.")]
        return [*lines, tr("Sessions were adapted to these settings.")]

    def _pain_chart(self, left: float, right: float, y: float, chart_height: float) -> float:
        used = self._text(QRectF(left, y, right - left, 14), tr(
            "Pain before and after each session (0 = no pain, 10 = worst imaginable)"),
            9, bold=True)
        y += used + 2
        y = self._legend(left, right, y)
        area = QRectF(left + 18, y + 4, right - left - 22, chart_height - 22)
        axis = charts.TimeAxis(self.report.first, self.report.last, area.left(), area.right())
        charts.pain_scale(self.painter, area, axis, self.locale, self.font)
        if not any(r.before is not None or r.after is not None for r in self.report.rows):
            self._text(area.adjusted(10, area.height() / 2 - 10, -10, 0),
                       tr("No pain ratings in this period."), 9, colour=MUTED,
                       flags=int(Qt.AlignmentFlag.AlignHCenter))
        charts.draw_pain(self.painter, area, axis, self.report.rows)
        return area.bottom() + 14

    def _legend(self, left: float, right: float, y: float) -> float:
        """Each kind present (its shape and colour), hollow/filled, and the two lines."""
        present = [k for k in (*KINDS, OTHER)
                   if any((r.kind if r.kind in KINDS else OTHER) == k for r in self.report.rows)]
        painter = self.painter
        x = left
        for kind in present:
            name = kind_name(kind) if kind != OTHER else tr("Other")
            charts.marker(painter, QPointF(x + 3, y + 5), SHAPES[kind], 2.8,
                          QColor(COLOURS.get(kind, OTHER_COLOUR)), True)
            x += 9 + self._label_at(x + 9, y, name, INK) + 12
        entries = [(tr("hollow: before, filled: after"), None),
                   (tr("weekly mean before"), Qt.PenStyle.SolidLine),
                   (tr("weekly mean after"), Qt.PenStyle.DashLine)]
        for text, style in entries:
            width = self._advance(text) + (18 if style is not None else 0)
            if x + width > right:
                x, y = left, y + 11
            if style is not None:
                painter.setPen(QPen(charts.MEAN_BEFORE if style == Qt.PenStyle.SolidLine
                                    else charts.MEAN_AFTER, 1.1, style))
                painter.drawLine(QPointF(x, y + 5), QPointF(x + 14, y + 5))
                x += 18
            x += self._label_at(x, y, text, MUTED) + 12
        return y + 11

    def _advance(self, text: str, size: float = 7.5) -> float:
        self.painter.save()
        self._set_font(size)
        width = self.painter.fontMetrics().horizontalAdvance(text) / 4
        self.painter.restore()
        return width

    def _label_at(self, x: float, y: float, text: str, colour: QColor) -> float:
        """One line of legend text with its top at `y`; returns its width."""
        width = self._advance(text)
        self._text(QRectF(x, y + 1, width + 2, 10), text, 7.5, colour=colour)
        return width

    def _what_helps(self, left: float, right: float, y: float) -> float:
        used = self._text(QRectF(left, y, right - left, 14), tr(
            "What helps: change in pain from before to after, by kind of session"),
            9, bold=True)
        y += used + 3
        widths = [0.21, 0.15, 0.28, 0.17, 0.19]
        headers = [tr("Kind"), tr("Rated"), tr("Mean change (95 % interval)"),
                   tr("Fell 2+ points or 30 %"), tr("Reading")]
        rows = [self._helps_row(group) for group in self.report.insights.by_kind.values()]
        if not rows:
            rows = [[tr("No sessions in this period."), "", "", "", ""]]
        y = self._table(left, right, y, widths, headers, rows)
        trend = self.report.insights.trend
        y += 3 + self._text(QRectF(left, y + 3, right - left, 24), self._trend_text(
            trend.direction, trend.slope, len(trend.weeks)), 8)
        return y

    def _helps_row(self, group: GroupInsight) -> list[str]:
        name = kind_name(group.key) if group.key in KINDS else tr("Other")
        change = group.change
        shown = "" if change is None else self.estimate(change)
        dropped = "" if group.meaningful_share is None else tr("%1 of %2").replace(
            "%1", str(round(group.meaningful_share * group.rated))).replace(
            "%2", str(group.rated))
        reading = {
            Verdict.LOWER_AFTER: tr("Lower after"),
            Verdict.HIGHER_AFTER: tr("Higher after"),
            Verdict.NO_CLEAR_CHANGE: tr("No clear change"),
            Verdict.NOT_ENOUGH: tr("Too few to say"),
        }[group.verdict]
        rated = str(group.rated) + (tr(" (+%1 skipped)").replace("%1", str(group.skipped))
                                    if group.skipped else "")
        return [name, rated, shown, dropped, reading]

    def _trend_text(self, direction: Direction, slope: Estimate | None, weeks: int) -> str:
        words = {
            Direction.GOING_DOWN: tr("going down"),
            Direction.GOING_UP: tr("going up"),
            Direction.NO_CLEAR_TREND: tr("no clear trend"),
            Direction.NOT_ENOUGH: tr("too few weeks to say"),
        }[direction]
        text = tr("Pain before sessions, week by week (%1 weeks): %2.").replace(
            "%1", str(weeks)).replace("%2", words)
        if slope is not None and slope.low is not None and slope.high is not None \
                and direction is not Direction.NOT_ENOUGH:
            text += " " + tr("Slope %1 points a week (95 % interval %2 to %3).").replace(
                "%1", self.number(slope.value, 2)).replace(
                "%2", self.number(slope.low, 2)).replace("%3", self.number(slope.high, 2))
        return text

    def _weekly_and_others(self, left: float, right: float, y: float) -> float:
        half = (right - left - GAP) / 2
        name = self.context.weekly_name or tr("Weekly check")
        used = self._text(QRectF(left, y, half, 14), tr("%1: score by week (0 to 10)")
                          .replace("%1", name), 9, bold=True)
        area = QRectF(left + 18, y + used + 6, half - 22, 64)
        axis = charts.TimeAxis(self.report.first, self.report.last, area.left(), area.right())
        charts.pain_scale(self.painter, area, axis, self.locale, self.font)
        if charts.draw_weekly(self.painter, area, axis, self.report.weekly) == 0:
            self._text(area.adjusted(6, area.height() / 2 - 8, -6, 0),
                       tr("No weekly check answered in this period."), 8, colour=MUTED,
                       flags=int(Qt.AlignmentFlag.AlignHCenter))
        bottom_left = area.bottom() + 14
        x = left + half + GAP
        used = self._text(QRectF(x, y, half, 14), tr("Other ratings, 0 to 10"), 9, bold=True)
        rows = [[self.context.item_names.get(o.item, o.item),
                 self._mean_of(o.mean_before, o.before), self._mean_of(o.mean_after, o.after),
                 "" if o.change is None else self.estimate(o.change)]
                for o in self.report.others]
        if not rows:
            rows = [[tr("None asked in this period."), "", "", ""]]
        widths = [0.23, 0.17, 0.17, 0.25, 0.18]
        bottom_right = self._table(x, x + half, y + used + 3, widths,
                                   [tr("Item"), tr("Before"), tr("After"),
                                    tr("Change (95 % interval)"), tr("Before, over time")],
                                   [[*row, ""] for row in rows])
        spark_left = x + half * sum(widths[:-1])
        for other, top in zip(self.report.others, self._row_tops[1:], strict=False):
            charts.sparkline(self.painter, QRectF(spark_left, top + 1, half * widths[-1] - 6,
                                                  12), other.weekly_before,
                             self.report.first, self.report.last)
        return max(bottom_left, bottom_right)

    def _mean_of(self, mean: float | None, count: int) -> str:
        if mean is None:
            return "\u2013"
        return tr("%1 (n %2)").replace("%1", self.number(mean, 1)).replace("%2", str(count))

    def _soreness_and_notes(self, left: float, right: float, y: float, bottom: float) -> None:
        report = self.report
        used = self._text(QRectF(left, y, right - left, 14),
                          tr("Soreness, bruising and notes"), 9, bold=True)
        y += used + 2
        summary, more = self._soreness_summary()
        y += self._text(QRectF(left, y, right - left, 24), summary, 8,
                        colour=WARN if more else INK) + 2
        listed = [row for row in report.rows
                  if row.note or row.soreness in ("mild", "more")][::-1]  # newest first
        self.hidden_notes = 0
        for n, row in enumerate(listed):
            line = self._note_line(row)
            need = self._measure(right - left, line, 8)
            if y + need > bottom - 10 and n < len(listed):
                self.hidden_notes = len(listed) - n
                said = tr("%1 earlier entries are not shown here; the CSV export lists them "
                          "all.") if n else tr("%1 entries are not shown here; the CSV "
                                               "export lists them all.")
                self._text(QRectF(left, y, right - left, 12),
                           said.replace("%1", str(self.hidden_notes)), 8, colour=MUTED)
                return
            y += self._text(QRectF(left, y, right - left, need), line, 8)

    def _soreness_summary(self) -> tuple[str, int]:
        """The soreness line, and how many sessions had more than mild soreness."""
        asked = [row for row in self.report.rows if row.soreness is not None]
        mild = sum(row.soreness == "mild" for row in asked)
        more = sum(row.soreness == "more" for row in asked)
        if not asked:
            return tr("Soreness was not asked in this period."), more
        if not (mild or more):
            return tr("Asked after %1 sessions: none reported.").replace(
                "%1", str(len(asked))), more
        return tr("Asked after %1 sessions: reported after %2 (mild %3, more than mild %4).") \
            .replace("%1", str(len(asked))).replace("%2", str(mild + more)) \
            .replace("%3", str(mild)).replace("%4", str(more)), more

    def summary(self) -> str:
        """The page's main lines as plain text, for a screen reader."""
        lines = [tr("Self-care practice report"), *self._adherence_lines(),
                 *self._safety_lines()]
        for group in self.report.insights.by_kind.values():
            name, rated, change, _dropped, reading = self._helps_row(group)
            lines.append(f"{name}: {reading}. {change} ({rated})")
        trend = self.report.insights.trend
        lines.append(self._trend_text(trend.direction, trend.slope, len(trend.weeks)))
        lines.append(self._soreness_summary()[0])
        return "\n".join(lines)

    def _note_line(self, row: SessionRow) -> str:
        parts = [self.day(row.day), self.context.titles.get(row.script_id, row.script_id)]
        if row.soreness == "mild":
            parts.append(tr("mild soreness or bruising"))
        elif row.soreness == "more":
            parts.append(tr("more than mild soreness or bruising"))
        if row.note:
            parts.append(tr("note: “%1”").replace("%1", " ".join(row.note.split())))
        return " · ".join(parts)

    def _footer_text(self) -> str:
        texts = [tr(
            "How this was made: pain is the patient's own 0-10 rating just before and just "
            "after each session; a skipped rating is left out, never counted as 0. Mean "
            "changes are after minus before (negative: less pain) with 95 % t-intervals; a "
            "change is read as lower or higher only when its interval excludes zero and at "
            "least 5 sessions were rated before and after. Adherence counts the plan's slots "
            "from its start to the report's last day; a slot is kept by a session of the "
            "plan completed or carried at least halfway in it."), *self.context.credits]
        return " ".join(texts)

    def _footer_height(self, width: float) -> float:
        return self._measure(width, self._footer_text(), 6.5) + 14

    def _footer(self, left: float, right: float, y: float) -> None:
        self._rule(left, right, y)
        used = self._text(QRectF(left, y + 4, right - left, 200), self._footer_text(), 6.5,
                          colour=MUTED)
        self._text(QRectF(left, y + 6 + used, right - left, 10), tr("Page 1 of 1"), 6.5,
                   colour=MUTED, flags=int(Qt.AlignmentFlag.AlignRight))

    # -- drawing helpers ----------------------------------------------------------------

    def _table(self, left: float, right: float, y: float, widths: Sequence[float],
               headers: Sequence[str], rows: Sequence[Sequence[str]]) -> float:
        width = right - left
        self._row_tops = []
        for cells, bold in ((headers, True), *((row, False) for row in rows)):
            self._row_tops.append(y)
            x, tallest = left, 0.0
            for share, cell in zip(widths, cells, strict=True):
                tallest = max(tallest, self._text(QRectF(x, y, width * share - 4, 40), cell,
                                                  7.5, bold=bold, colour=MUTED if bold else INK))
                x += width * share
            y += tallest + 1.5
            if bold:
                self._rule(left, right, y - 0.5)
                y += 1
        return y

    def _set_font(self, size: float, bold: bool = False) -> None:
        font = QFont(self.font)
        font.setPixelSize(max(1, round(size * 4)))  # quarter points, scaled below
        font.setBold(bold)
        self.painter.setFont(font)

    def _text(self, rect: QRectF, text: str, size: float, *, bold: bool = False,
              colour: QColor = INK, flags: int = 0) -> float:
        """Draw wrapped text at the top of `rect`; returns the height it took."""
        text = text.replace(" %", "\u00a0%")  # "30 %" never breaks before its sign
        painter = self.painter
        painter.save()
        self._set_font(size, bold)
        painter.scale(0.25, 0.25)  # fonts are set in quarter points for fine sizes
        box = QRectF(rect.x() * 4, rect.y() * 4, rect.width() * 4, 100000)
        needed = painter.boundingRect(box, LEFT | WRAP | flags, text).height() / 4
        painter.setPen(colour)
        painter.drawText(box, LEFT | WRAP | flags, text)
        painter.restore()
        return needed

    def _measure(self, width: float, text: str, size: float) -> float:
        painter = self.painter
        painter.save()
        self._set_font(size)
        painter.scale(0.25, 0.25)
        needed = painter.boundingRect(QRectF(0, 0, width * 4, 100000), LEFT | WRAP,
                                      text.replace(" %", "\u00a0%")).height() / 4
        painter.restore()
        return needed

    def _rule(self, left: float, right: float, y: float) -> None:
        self.painter.setPen(QPen(RULE, 0.5))
        self.painter.drawLine(QPointF(left, y), QPointF(right, y))

    # -- numbers and dates in the report's language -------------------------------------

    def day(self, day: date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), "d MMM yyyy")

    def moment(self, at: datetime) -> str:
        local = at.astimezone()
        return self.locale.toString(QDateTime(
            QDate(local.year, local.month, local.day),
            QDateTime.fromSecsSinceEpoch(int(local.timestamp())).time()), "d MMM yyyy HH:mm")

    def number(self, value: float, decimals: int) -> str:
        return self.locale.toString(0.0 if round(value, decimals) == 0 else value, "f",
                                    decimals)

    def estimate(self, estimate: Estimate) -> str:
        if estimate.low is None or estimate.high is None:
            return self.number(estimate.value, 1)
        return tr("%1 (%2 to %3)").replace("%1", self.number(estimate.value, 1)).replace(
            "%2", self.number(estimate.low, 1)).replace("%3", self.number(estimate.high, 1))
