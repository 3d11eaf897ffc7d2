"""The per-dimension status chart (Altair) and its plain-text twin. Muted colours, no alarm red."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt

from vigil.i18n import t
from vigil.models.checklist import Checklist
from vigil.models.common import pick
from vigil.models.results import DimensionStatus, Evaluation

PALETTE: dict[DimensionStatus, str] = {
    DimensionStatus.stop: "#8d6a8f",  # muted plum
    DimensionStatus.resolve_first: "#c9a66b",  # soft ochre
    DimensionStatus.proceed_with_conditions: "#8ea8c3",  # dusty blue
    DimensionStatus.ready: "#8fb39b",  # sage
    DimensionStatus.incomplete: "#c8c5bf",  # warm grey
    DimensionStatus.not_applicable: "#e4e1dc",  # pale stone
}


TRACK = "#ece8e2"


@dataclass(frozen=True)
class DimensionRow:
    title: str
    status: DimensionStatus
    status_label: str
    answered: int
    required: int

    @property
    def share(self) -> float:
        return 1.0 if self.required == 0 else self.answered / self.required


def dimension_rows(checklist: Checklist, evaluation: Evaluation, lang: str) -> list[DimensionRow]:
    return [
        DimensionRow(
            title=pick(checklist.dimension(d.id).title, lang),
            status=d.status,
            status_label=t(lang, f"status.{d.status.value}"),
            answered=d.answered,
            required=d.required,
        )
        for d in evaluation.dimensions
    ]


def chart_height(rows: list[DimensionRow]) -> int:
    return 60 + 34 * max(len(rows), 1)


def status_chart(rows: list[DimensionRow], lang: str) -> Any:
    """One bar per dimension: its length is how much is answered, its colour the status."""
    data = [
        {"dimension": r.title, "status": r.status_label, "share": round(r.share * 100),
         "answered": f"{r.answered}/{r.required}"}
        for r in rows
    ]
    present = [s for s in PALETTE if any(r.status == s for r in rows)]
    domain = [t(lang, f"status.{s.value}") for s in present]
    colours = [PALETTE[s] for s in present]
    base = alt.Chart(alt.Data(values=data))  # type: ignore[no-untyped-call]
    y = alt.Y("dimension:N", title=None, sort=None, axis=alt.Axis(labelLimit=320),
              scale=alt.Scale(paddingInner=0.35))
    track = base.mark_bar(color=TRACK, cornerRadiusEnd=3).encode(y=y, x=alt.datum(100))
    bars = base.mark_bar(cornerRadiusEnd=3).encode(
        x=alt.X("share:Q", title=t(lang, "ui.results.chart.x"), scale=alt.Scale(domain=[0, 100])),
        y=y,
        color=alt.Color("status:N", title=t(lang, "ui.results.chart.legend"),
                        scale=alt.Scale(domain=domain, range=colours),
                        legend=alt.Legend(orient="bottom", columns=3)),
        tooltip=[alt.Tooltip("dimension:N", title=t(lang, "ui.results.chart.dimension")),
                 alt.Tooltip("status:N", title=t(lang, "ui.results.chart.legend")),
                 alt.Tooltip("answered:N", title=t(lang, "ui.results.chart.answered"))],
    )
    return alt.layer(track, bars).properties(height=chart_height(rows))
