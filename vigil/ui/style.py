"""A few touches Streamlit's theme cannot express. Fixed CSS and scripts only: no user text ever goes in here.

- Contrast: Streamlit draws hints (captions) in the text colour at 60 % opacity, about 3.5:1 on the sidebar.
  ``HINT`` meets WCAG AA (4.5:1) on both backgrounds of the theme (.streamlit/config.toml); tests/ui/test_style.py
  computes the ratios and the browser tests check them with axe-core.
- Language: ``page_language`` sets the page's ``lang`` (so screen readers pronounce German as German) and puts the
  few words Streamlit writes itself (the skip link, the file uploader, the multiselect's "Select all", some
  accessible names) into the interface language. Strings come from vigil/i18n/<lang>/streamlit.json.
- Icons: Streamlit 1.67 already marks its Material icons ``aria-hidden``, so screen readers do not read "check_circle";
  the script marks any icon that lacks it (and emoji page icons) the same way, and ``accessible_names`` says in words
  what an icon shows (a step's state: "2. The person who died, complete").
"""

from __future__ import annotations

import json
import re

import streamlit as st

from vigil.i18n import DEFAULT_LANGUAGE, available_languages, strings

HINT = "#5f6265"
"""Hints and captions: 5.8:1 on the page background, 5.2:1 on the sidebar."""

CSS = f"""
<style>
.st-key-vigil_steps button {{ justify-content: flex-start; text-align: left; }}
.st-key-vigil_steps button p {{ white-space: normal; text-align: left; }}
.st-key-vigil_steps button div {{ justify-content: flex-start; }}
[data-testid="stCaptionContainer"] {{ opacity: 1; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] * {{ color: {HINT}; }}
[data-testid="stFileUploaderDropzoneInstructions"] * {{ color: {HINT}; }}
[data-testid="stWidgetLabel"] small, [data-testid="stTooltipHoverTarget"] svg {{ color: {HINT}; }}
input::placeholder, textarea::placeholder {{ color: {HINT}; opacity: 1; }}
[data-placeholder="true"][data-vigil-ph] {{ font-size: 0; }}
[data-placeholder="true"][data-vigil-ph]::after {{ content: attr(data-vigil-ph); font-size: 1rem; }}
</style>
"""

SCROLL_TOP = """
<script>
(function () {
  const main = document.querySelector('[data-testid="stMain"]') || document.querySelector('section.main');
  if (main) { main.scrollTo({top: 0}); }
  window.scrollTo({top: 0});
})();
</script>
"""

_LANGUAGE_SCRIPT = """
<script>
(function () {
  const w = window;
  w.__vigilWords = %s;
  const apply = function () {
    const cfg = w.__vigilWords;
    document.documentElement.lang = cfg.lang;
    const say = function (english) {
      for (const [pattern, target] of cfg.rules) {
        const m = english.match(new RegExp(pattern));
        if (m) { return target.replace('$1', m[1] || ''); }
      }
      return english;
    };
    const roots = document.querySelectorAll(
      '[data-testid="stSkipToContent"], [data-testid="stFileUploader"], [data-testid="stMultiSelect"], ' +
      '[data-testid="stSelectbox"], [role="listbox"], [data-testid="InputInstructions"], [data-testid="stToast"]');
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const english = node.__vigilEnglish || node.nodeValue;
        const wanted = say(english);
        if (wanted !== english) { node.__vigilEnglish = english; }
        if (node.nodeValue !== wanted) { node.nodeValue = wanted; }
      }
    }
    for (const el of document.querySelectorAll('[aria-label]')) {
      const label = el.getAttribute('aria-label');
      const english = el.dataset.vigilEnglish || label;
      const wanted = say(english);
      if (wanted !== english) { el.dataset.vigilEnglish = english; }
      if (label !== wanted) { el.setAttribute('aria-label', wanted); }
    }
    for (const [cls, name] of Object.entries(w.__vigilNames || {})) {
      const button = document.querySelector('.' + cls + ' button');
      if (button && button.getAttribute('aria-label') !== name) { button.setAttribute('aria-label', name); }
    }
    // an empty date field's letters ("dd.mm.yyyy"): shown through CSS, so React's own text stays untouched
    for (const el of document.querySelectorAll('[data-testid="stDateInput"] [role="spinbutton"][data-placeholder]')) {
      const wanted = el.getAttribute('data-placeholder') === 'true' ? say(el.textContent.trim()) : null;
      if (wanted && wanted !== el.textContent.trim()) {
        if (el.dataset.vigilPh !== wanted) { el.dataset.vigilPh = wanted; }
      } else if (el.dataset.vigilPh !== undefined && !wanted) { delete el.dataset.vigilPh; }
    }
    for (const icon of document.querySelectorAll(
        '[data-testid="stIconMaterial"]:not([aria-hidden]), [data-testid="stIconEmoji"]:not([aria-hidden])')) {
      icon.setAttribute('aria-hidden', 'true');
    }
  };
  w.__vigilApplyWords = apply;
  if (!w.__vigilWordsObserver) {
    let queued = false;
    w.__vigilWordsObserver = new MutationObserver(function () {
      if (queued) { return; }
      queued = true;
      requestAnimationFrame(function () { queued = false; w.__vigilApplyWords(); });
    });
    w.__vigilWordsObserver.observe(document.body, {subtree: true, childList: true, characterData: true,
                                                   attributes: true, attributeFilter: ['aria-label']});
  }
  apply();
})();
</script>
"""


def _rules(lang: str) -> list[tuple[str, str]]:
    """(pattern of Streamlit's English, the same in ``lang``) for every string in streamlit.json."""
    english, own = strings(DEFAULT_LANGUAGE), strings(lang)
    rules = []
    for key, source in english.items():
        if not key.startswith("st.") or own.get(key, source) == source:
            continue
        pattern = "^" + re.sub(r"\\\{\w+\\\}", "(.+?)", re.escape(source)) + "$"
        rules.append((pattern, re.sub(r"\{\w+\}", "$1", own[key])))
    return rules


def language_script(lang: str) -> str:
    """The script that sets the page language and Streamlit's own words. Only checked strings go into it."""
    lang = lang if lang in available_languages() else DEFAULT_LANGUAGE
    words = {"lang": lang, "rules": _rules(lang)}
    data = json.dumps(words, ensure_ascii=True).replace("<", "\\u003c")
    return _LANGUAGE_SCRIPT % data


def _css_class(key: str) -> str:
    """The CSS class Streamlit gives the element with this widget key."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def accessible_names(names: dict[str, str]) -> None:
    """Give buttons (by widget key) an accessible name that says what their icon shows, e.g. a step's state.

    The names are checklist and interface text, passed as JSON data (``<`` escaped), never as markup."""
    data = json.dumps({_css_class(k): v for k, v in names.items()}, ensure_ascii=True).replace("<", "\\u003c")
    st.html(f"<script>window.__vigilNames = {data}; "
            "if (window.__vigilApplyWords) { window.__vigilApplyWords(); }</script>", unsafe_allow_javascript=True)


def apply(lang: str = DEFAULT_LANGUAGE) -> None:
    st.html(CSS)
    st.html(language_script(lang), unsafe_allow_javascript=True)


def scroll_to_top(section_id: str) -> None:
    """After moving to another section, start reading at its top.

    The section id (a checklist id: lower-case letters, digits, underscores) makes each script differ from
    the previous one, so the browser runs it again; ids of any other shape are left out.
    """
    marker = section_id if re.fullmatch(r"[a-z][a-z0-9_]*", section_id) else "section"
    with st.container(key=f"vigil_scroll_{marker}", height=1, border=False):  # a new element: the script runs
        st.html(f"<!-- {marker} -->{SCROLL_TOP}", unsafe_allow_javascript=True)
