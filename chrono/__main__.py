"""`python -m chrono`."""

from chrono.cli import main

main()
