"""Commands for maintainers (new, import, fmt) are not built yet; see the issues."""

COMMANDS: list = []
