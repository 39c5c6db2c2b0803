"""The frozen program's entry point: the same ``seller-desktop`` command as the wheel's script."""

import multiprocessing
import sys

from seller_desktop.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless off Windows; needed if a child process is spawned there
    sys.exit(main())
