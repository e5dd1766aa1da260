import sys

from ggsr_desktop.cli import main

sys.exit(main())
