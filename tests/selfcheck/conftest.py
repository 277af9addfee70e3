"""The self-check's tests use the shipped content: its questions and rules are what ships."""

from __future__ import annotations

import pytest

from tests.support.apps import SHIPPED_CONTENT


@pytest.fixture
def shipped(app_factory, sqlite_url, tmp_path):
    return app_factory(
        sqlite_url, tmp_path, content=SHIPPED_CONTENT, insight={"flush_seconds": 0, "min_cell": 2}
    )


def answer_questions(client, lang="en", **answers):
    """Send the self-check's one form as a browser names its fields (``<question>.<field>``);
    ``answers`` by question id (``-`` written ``_``), each the value a browser sends."""
    data = {}
    for question, value in answers.items():
        name = question.replace("_", "-")
        data[f"{name}.option" if isinstance(value, list) else f"{name}.answer"] = value
    return client.post(f"/{lang}/self-check", data=data)
