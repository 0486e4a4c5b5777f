"""English that must not reach an editor: the words of argparse's, MkDocs' and livereload's own messages."""
from __future__ import annotations

import re

# Words of those messages that Dutch text, paths and URLs of the project do not hold.
_WORDS = re.compile(r"\b(?:the|with|error|errors|warning|warnings|during|until|resolved|happened|stuck|Aborted|"
                    r"Traceback|Building|Serving|Watching|changes|Detected|Reloading|browsers|connected|Documentation|"
                    r"seconds|Shutting|Cleaning|directory|usage|positional|arguments|options|show|message|exit|"
                    r"required|invalid|choice|choose|unrecognized|expected|following)\b", re.IGNORECASE)


def english(text: str) -> list[str]:
    """The English words in ``text`` (empty when it is all Dutch)."""
    return _WORDS.findall(text)
