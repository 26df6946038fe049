"""``python -m service``: the same as the ``tradecheck`` command."""

import sys

from .cli import main

sys.exit(main())
