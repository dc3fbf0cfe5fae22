from __future__ import annotations

from unstuck.cli import main

if __name__ == "__main__":
    main()
