"""`python -m generator` runs the huquq command."""

from .cli import main

main()
