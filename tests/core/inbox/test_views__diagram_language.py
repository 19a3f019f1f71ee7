"""Issue 18: the flow diagram one click from the route timeline is drawn in the page's
language. Its start, end and gateway nodes had no title of their own, so viewflow named them
after their attribute ("Start", "After Approvals", "Check Stage") in every language."""

import pytest
from django.utils.functional import Promise

from core import registry

pytestmark = pytest.mark.django_db


def _diagram(client, req, language):
    client.cookies.load({"django_language": language})
    html = client.get(f"/requests/{req.pk}/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return html.split('class="svgwrap"', 1)[1].split("</svg>", 1)[0]


def test_diagram_names_every_node_in_chinese_when_the_page_is_zh_hans(client, personas,
                                                                        submit):
    req = submit()
    client.force_login(personas["east_rep1"])

    svg = _diagram(client, req, "zh-hans")

    assert "批准" in svg and "修改" in svg  # the steps
    assert "<title>提交</title>" in svg and "<title>已批准</title>" in svg  # start and end
    for english in ("Start", "After Approvals", "Rejected", "Approve", "Revise"):
        assert f">{english}<" not in svg


def test_diagram_follows_the_language_of_each_page(client, personas, submit):
    req = submit()
    client.force_login(personas["east_rep1"])

    english, chinese, again = (_diagram(client, req, lang) for lang in ("en", "zh-hans", "en"))

    assert "<title>Submitted</title>" in english and "<title>Submitted</title>" in again
    assert "<title>提交</title>" in chinese and "提交" not in again


def test_every_node_of_every_process_has_a_translatable_title():
    untitled = [(spec.kind, node.name) for spec in registry.processes()
                for node in spec.flow.instance.nodes()
                if not isinstance(node.task_title, Promise)]

    assert untitled == []
