"""An answered issue form as GitHub renders it, read back into answers; and values written as safe YAML.

GitHub renders a form's answers as Markdown: a ``### Label`` heading per question, the answer under it,
``_No response_`` for an empty one and ``- [X] ...`` for a ticked box. The answers are untrusted: they are
only ever text here. The proposer fills in every answer anyway, so a heading typed inside an answer gains
nothing; what matters is that no answer can become YAML structure, a template or a path.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

from .formulieren import Question

NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^### (.+?)\s*$")
TICKED = re.compile(r"^\s*- \[[xX]\] ")


def read_answers(body: str, questions: Sequence[Question]) -> dict[str, str] | None:
    """The answer to each question by id ('' when empty), or None when the body is not this form.

    The headings are looked for in the form's order, each after the previous one.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts: list[int] = []
    at = 0
    for q in questions:
        found = next((i for i in range(at, len(lines)) if (m := HEADING.match(lines[i])) and m[1] == q.label), None)
        if found is None:
            return None
        starts.append(found)
        at = found + 1
    answers = {}
    for n, q in enumerate(questions):
        end = starts[n + 1] if n + 1 < len(questions) else len(lines)
        text = "\n".join(lines[starts[n] + 1:end]).strip("\n")
        answers[q.id] = "" if text.strip() in ("", NO_RESPONSE) else text.strip()
    return answers


def ticked(answer: str) -> bool:
    return any(TICKED.match(line) for line in answer.split("\n"))


def one_line(text: str) -> str:
    """A one-line field's answer: every run of white space, line breaks included, as one space."""
    return " ".join(text.split())


def lines_of(text: str) -> list[str]:
    """A list answered one per line, with list marks ('- ', '* ') taken off."""
    return [one_line(re.sub(r"^\s*[-*•]\s+", "", line)) for line in text.split("\n") if line.strip(" -*•\t")]


def yaml_value(value: Any) -> str:
    """A value as one line of YAML: every string double-quoted by PyYAML's emitter, which escapes line breaks,
    quotes, backslashes and control characters, so the value reads back as the same text and nothing else."""
    text = yaml.safe_dump(value, default_style='"', default_flow_style=True, allow_unicode=True, sort_keys=False,
                          width=float("inf"))
    text = text.removesuffix("\n").removesuffix("\n...").strip()
    assert "\n" not in text and yaml.safe_load(text) == value  # a guarantee, not a hope: stop before writing otherwise
    return text
