"""The site engine, named in this one module: ProperDocs, else MkDocs 1.6.

ProperDocs is the maintained continuation of MkDocs 1.6 by its former maintainers, with the same
plugin API (docs/ontwikkeling/beslissing-engine.md says why we build on it). Material for MkDocs
still imports ``mkdocs.*`` and, through its dependency on ``mkdocs<2``, installs MkDocs 1.6.1 beside
it. ProperDocs' ``replacement`` module makes every ``mkdocs.*`` import load ProperDocs' module (as
its own command line does), so one engine runs a build, Material's imports included.

The rest of the generator takes the engine's names from here, never from ``mkdocs`` or
``properdocs`` itself: a module that imported ``mkdocs.*`` before this one would hold MkDocs' classes
while ProperDocs builds (tests/test_engine.py keeps it so). ``GIDS_ENGINE=mkdocs`` runs MkDocs 1.6.1
instead, which is installed anyway, so the two can be compared on the same input.
"""
from __future__ import annotations

import logging
import os

if os.environ.get("GIDS_ENGINE", "properdocs") == "mkdocs":
    import mkdocs as _engine
else:
    try:
        import properdocs as _engine  # type: ignore[no-redef]
        import properdocs.replacement  # noqa: F401  (Material's and our `mkdocs.*` imports now load ProperDocs)
    except ModuleNotFoundError:  # an install without ProperDocs: MkDocs 1.6 runs the same plugin
        import mkdocs as _engine

# With ProperDocs active these are ProperDocs' modules under their MkDocs names (see above).
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.commands.serve import serve  # noqa: E402
from mkdocs.config import (  # noqa: E402
    base,
    config_options,  # noqa: E402
    load_config,
)
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, MkDocsException, PluginError  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402
from mkdocs.plugins import BasePlugin  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402
from mkdocs.utils.templates import TemplateContext  # noqa: E402

NAAM = "ProperDocs" if _engine.__name__ == "properdocs" else "MkDocs"  # as the editor reads it in a message
LOGGER = _engine.__name__  # the engine logs under its own name: 'properdocs.structure.pages', ...

__all__ = ["Abort", "BasePlugin", "BuildError", "ConfigurationError", "File", "Files", "LOGGER", "LiveReloadServer",
           "MkDocsConfig", "MkDocsException", "NAAM", "Navigation", "Page", "PluginError", "TemplateContext", "base", "build",
           "config_options", "engine_logger", "get_relative_url", "load_config", "serve"]


def engine_logger() -> logging.Logger:
    """The logger that carries the engine's messages, Material's and the plugin's.

    Material and plugins log under the legacy name 'mkdocs'; ProperDocs' command line hangs that logger
    under 'properdocs', so that its strict mode counts their warnings too. We do the same.
    """
    logger = logging.getLogger(LOGGER)
    if LOGGER != "mkdocs":
        legacy = logging.getLogger("mkdocs")
        legacy.parent = logger
        legacy.setLevel(logging.NOTSET)
        legacy.propagate = True
    return logger
