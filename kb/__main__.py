"""The ``kb`` command (and ``python -m kb``).

``kb serve`` goes straight to the server (:func:`api.server.main`) with the garbage collector
paused while it loads: the server never needs the CLI framework, and the collector's passes over
the many long-lived objects that loading creates are wasted work. Together about 5% of the
server's cold start. Every other command is the typer CLI of :mod:`kb.cli`.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    if sys.argv[1:2] == ["serve"]:
        gc.disable()  # api.server.preload freezes what was loaded and turns the collector back on
        from api.server import main as serve

        sys.exit(serve(sys.argv[2:]))
    from kb.cli import main as cli

    cli()


if __name__ == "__main__":
    main()
