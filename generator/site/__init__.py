"""The static site: pages generated from the corpus at build time (an MkDocs hook)."""
