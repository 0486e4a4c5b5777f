"""``python -m generator.cli``: the ``gids`` command."""
import sys

from .main import main

sys.exit(main())
