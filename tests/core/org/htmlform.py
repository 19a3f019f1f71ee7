"""Read a rendered admin page's form the way a browser would submit it, so a test can POST it."""

import re
from html.parser import HTMLParser

# What a browser keeps of a value it cannot read (HTML's value sanitization algorithm): a date
# input holding `2026/12/04` submits an empty string.
_MACHINE = {
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "datetime-local": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"),
    "number": re.compile(r"^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$"),
}


class _FormParser(HTMLParser):
    def __init__(self, action: str | None = None):
        super().__init__()
        self._action = action
        self._in_form = action is None
        self.data: dict[str, list[str]] = {}
        self._select: str | None = None
        self._select_multiple = False
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._option_value: str | None = None
        self._option_selected = False
        self._option_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self._action is not None:
            self._in_form = (a.get("action") or "").endswith(self._action)
        if not self._in_form:
            return
        name = a.get("name")
        if tag == "input" and name and "disabled" not in a:
            kind = (a.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            default = "on" if kind in {"checkbox", "radio"} else ""
            value = a.get("value") or default
            if kind in _MACHINE and not _MACHINE[kind].match(value):
                value = ""
            self.data.setdefault(name, []).append(value)
        elif tag == "select" and name and "disabled" not in a:
            self._select, self._select_multiple, self._options = name, "multiple" in a, []
        elif tag == "option" and self._select is not None:
            self._option_value = a.get("value")
            self._option_selected = "selected" in a
            self._option_text = []
        elif tag == "textarea" and name and "disabled" not in a:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)
        if self._option_value is None and self._select is not None:
            self._option_text.append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self._action is not None:
            self._in_form = False
        if tag == "option" and self._select is not None:
            value = self._option_value
            if value is None:
                value = "".join(self._option_text).strip()
            self._options.append((value, self._option_selected))
            self._option_value = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._options if selected]
            if not chosen and not self._select_multiple and self._options:
                chosen = [self._options[0][0]]  # a browser submits the first option
            if chosen:
                self.data.setdefault(self._select, []).extend(chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.data.setdefault(self._textarea, []).append("".join(self._text).lstrip("\n"))
            self._textarea = None


def form_fields(html: str, action: str | None = None) -> dict[str, list[str]]:
    """Every successful control of the page's forms (or of the forms whose action ends with
    `action`): name -> the values a browser submits."""
    parser = _FormParser(action)
    parser.feed(html)
    return parser.data


def post_data(fields: dict[str, list[str]]) -> dict[str, str | list[str]]:
    """The shape Django's test client posts: one value as a string, several as a list."""
    return {k: v[0] if len(v) == 1 else v for k, v in fields.items()}
