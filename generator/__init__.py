"""Everything made from the corpus: site pages, memos, notices and the command line."""
