"""User text is data: markup of every kind typed into every kind of field comes out literally, on the page
and in the PDF, and nothing in it runs."""

from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import shot
from tests.e2e.driver import Driver
from vigil.catalog import load_catalog
from vigil.models.assessment import Answer, Person

CHECKLIST = load_catalog().latest()[0]
TYPST = '#read("/etc/passwd") *x* $y$ <z> @ref ] #panic("x") ['
HTML = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
MARKDOWN = "**bold** _it_ [link](http://example.com/x) `code` # heading :material/warning: www.example.com a@example.com"
RTL = "\u202eevil\u202c فاطمة الزهراء"
LONG = "Eine sehr lange Notiz über die Familie. " * 150


def _folded(text: str) -> str:
    return " ".join(text.split())


def test_hostile_text_is_shown_and_printed_literally(app: Page) -> None:
    dialogs: list[str] = []
    app.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    d = Driver(app, CHECKLIST)
    aid = d.begin(HTML)
    d.answer(CHECKLIST.question("description"), Answer(text=MARKDOWN + "\n" + LONG))
    d.note(CHECKLIST.question("description"), TYPST)
    d.click_keyed(f"vigil.step.{aid}.person")
    d.answer(CHECKLIST.question("person_name"), Answer(text=TYPST))
    d.click_keyed(f"vigil.step.{aid}.people")
    d.answer(CHECKLIST.question("people"), Answer(people=[
        Person(values={"name": RTL, "relation": "child", "position": "agrees"}),
        Person(values={"name": MARKDOWN, "relation": "sibling", "position": "undecided"}),
    ]))
    people_box = d.box("people")
    expect(people_box.locator("input[type='text']").first).to_have_value(RTL)
    d.dont_know(CHECKLIST.question("all_listed"))
    d.open_item(CHECKLIST.question("all_listed"), HTML, MARKDOWN)

    # the work queue: the title as the maker typed it, nothing executed (the queue shows no person's name)
    d.go_page("start")
    expect(app.get_by_text(HTML, exact=False).first).to_be_visible()
    d.go_page("results")
    expect(app.get_by_text(HTML, exact=False).first).to_be_visible()
    # shown literally (an invisible word joiner may follow "http" or "@": it keeps Streamlit from making links)
    app.wait_for_function("(m) => document.body.innerText.replaceAll('\\u2060', '').includes(m)", arg=MARKDOWN,
                          timeout=20_000)
    assert app.locator('main a[href*="example.com"], [data-testid="stSidebar"] a[href*="example.com"]').count() == 0
    assert app.evaluate("() => window.__pwned") is None
    assert not dialogs
    # Markdown in user text would become <strong>bold</strong>, <em>it</em>, <a>link</a>, <code>code</code>; a name
    # shown in bold as a whole (with its asterisks literal inside) is fine.
    interpreted = app.evaluate("""() => [...document.querySelectorAll('main strong, main em, main a, main code')]
        .map(e => e.textContent.trim()).filter(t => ['bold', 'it', 'link', 'code'].includes(t))""")
    assert interpreted == []
    shot(app, "en-13-hostile-text-results")

    # the PDF: every string literally, the long note whole
    d.click_keyed("vigil.docs.make.report")
    with app.expect_download() as dl:
        d.keyed("vigil.docs.dl.report").locator("button").click()
    pdf = Path(dl.value.path()).read_bytes()
    text = _folded(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    for literal in (TYPST, HTML, MARKDOWN, "فاطمة", "root:x:0:0"):
        if literal == "root:x:0:0":
            assert literal not in text  # /etc/passwd was never read into the document
        else:
            assert _folded(literal) in text, literal
    assert text.count("Eine sehr lange Notiz über die Familie.") >= 150
