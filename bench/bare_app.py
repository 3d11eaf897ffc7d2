"""A plain Streamlit script with the questionnaire's widgets and no logic: the yardstick for the ratios.

It draws what ``bench/fixture.py`` wrote into the JSON file named by ``VIGIL_BENCH_SPEC``: the sidebar
(language, break button, a status block that echoes the current section's radio values), the step list,
and every question of one section with the same elements the real page draws (box, label, help, widget,
"don't know", open item, "why we ask" and "note and evidence" expanders, the people register). No
evaluation, no session, no store: only Streamlit.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import streamlit as st

SECTION = "bare.section"


@st.cache_data
def _spec(path: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def _go(index: int) -> None:
    st.session_state[SECTION] = index


def _widget(q: dict[str, Any]) -> None:
    key, kind, label = f"q.{q['key']}", q["kind"], q["label"]
    if kind in ("single_choice", "yes_no"):
        st.radio(label, q["options"], key=key, index=None, label_visibility="collapsed",
                 horizontal=kind == "yes_no")
    elif kind == "multi_choice":
        st.multiselect(label, q["options"], key=key, label_visibility="collapsed")
    elif kind == "short_text":
        st.text_input(label, key=key, label_visibility="collapsed", max_chars=2_000)
    elif kind == "long_text":
        st.text_area(label, key=key, label_visibility="collapsed", max_chars=50_000)
    elif kind == "number":
        st.number_input(label, key=key, label_visibility="collapsed", value=None, step=1.0, format="%g")
    elif kind == "date":
        st.date_input(label, key=key, label_visibility="collapsed", value=None, format="YYYY-MM-DD")
    elif kind == "people":
        for n, person in enumerate(q["people"], start=1):
            with st.container(border=True, key=f"pc.{q['key']}.{n}"):
                st.caption(f"Person {n}")
                cols = st.columns(min(len(q["fields"]), 3) or 1)
                for i, (f, value) in enumerate(zip(q["fields"], person.values(), strict=False)):
                    k = f"p.{q['key']}.{n}.{i}"
                    with cols[i % len(cols)]:
                        if f["kind"] == "single_choice":
                            st.selectbox(f["label"], f["options"], key=k)
                        elif f["kind"] == "date":
                            st.date_input(f["label"], key=k, value=dt.date(1950, 1, 1), format="YYYY-MM-DD")
                        elif f["kind"] == "long_text":
                            st.text_area(f["label"], key=k, value=value or "", max_chars=2_000, height=80)
                        else:
                            st.text_input(f["label"], key=k, value=value or "", max_chars=2_000)
                st.button("Remove", key=f"prm.{q['key']}.{n}", icon=":material/person_remove:")
        st.button("Add a person", key=f"padd.{q['key']}", icon=":material/person_add:")


def _question(q: dict[str, Any]) -> None:
    with st.container(border=True, key=f"box.{q['key']}"):
        st.markdown(f"**{q['label']}**")
        st.caption(q["help"])
        _widget(q)
        if q["dont_know_box"]:
            st.checkbox("I don't know yet", key=f"dk.{q['key']}")
        if q["open_item"]:
            with st.container(border=True, key=f"oi.{q['key']}"):
                st.caption("Who finds out what, by when")
                c1, c2 = st.columns(2)
                c1.text_input("What", key=f"oi.{q['key']}.what")
                c2.text_input("Who", key=f"oi.{q['key']}.who")
                c3, c4 = st.columns(2)
                c3.date_input("Due", key=f"oi.{q['key']}.due", value=None)
                c4.checkbox("Done", key=f"oi.{q['key']}.done")
        with st.expander("Why we ask"):
            st.markdown("**Rationale**")
            st.write(q["rationale"])
            if q["sources"]:
                st.markdown("**Sources**")
                for src in q["sources"]:
                    st.text(src)
            for ex in q["examples"]:
                st.markdown(f"**Example: {ex['title']}**")
                if ex["describes_death"]:
                    st.caption("This example describes a death.")
                    if not st.toggle("Show the example", key=f"ex.{q['key']}.{ex['id']}"):
                        continue
                st.write(ex["summary"])
        with st.expander("Note and evidence"):
            st.text_area("Note", key=f"note.{q['key']}", value=q["note"], max_chars=50_000, height=90)
            st.caption("Evidence: a file's name and fingerprint are kept, not the file.")
            st.file_uploader("Add evidence", key=f"ev.{q['key']}")


def main() -> None:
    st.set_page_config(page_title="Bare", layout="wide")
    spec = _spec(os.environ["VIGIL_BENCH_SPEC"])
    sections = spec["sections"]
    index = int(st.session_state.get(SECTION, spec["start"]))
    section = sections[index]
    radios = [f"q.{q['key']}" for q in section["questions"] if q["kind"] in ("single_choice", "yes_no")]
    with st.sidebar:
        st.radio("Language", ["English", "Deutsch"], key="lang", horizontal=True)
        st.button("Take a break", key="break", icon=":material/coffee:", width="stretch")
        st.caption("You can stop at any time and come back later.")
        st.divider()
        st.subheader("Where you stand")
        st.caption("Birthday greeting for Anna")
        st.markdown("**Echo**")
        st.caption(" · ".join(str(st.session_state.get(k)) for k in radios))
        st.progress(0.5, text="Answered")
        st.markdown("\n".join(f"- {f}" for f in spec["findings"]))
        st.caption("Saved.")
    st.title(spec["title"])
    st.caption("Birthday greeting for Anna")
    with st.expander("About this assessment"):
        c1, c2 = st.columns(2)
        c1.text_input("Title", key="meta.title", max_chars=200)
        c2.text_input("Made by", key="meta.assessor", max_chars=200)
        st.caption("Both appear on the documents.")
    steps, main_col = st.columns([1, 3], gap="large")
    with steps, st.container(key="steps"):
        st.markdown("**Steps**")
        for n, s in enumerate(sections):
            st.button(f"{n + 1}. {s['title']}", key=f"step.{s['id']}", icon=":material/pending:",
                      type="primary" if n == index else "tertiary", width="stretch", on_click=_go, args=(n,))
        st.caption("Legend")
    with main_col:
        st.caption(f"Step {index + 1} of {len(sections)}")
        st.header(section["title"])
        if section["intro"]:
            st.write(section["intro"])
        for q in section["questions"]:
            _question(q)
        with st.container(horizontal=True, horizontal_alignment="distribute", key="nav"):
            if index > 0:
                st.button("Back", key="back", icon=":material/arrow_back:", on_click=_go, args=(index - 1,))
            else:
                st.space("small")
            if index + 1 < len(sections):
                st.button("Next", key="next", type="primary", icon=":material/arrow_forward:",
                          on_click=_go, args=(index + 1,))
        st.caption(spec["notice"])


main()
