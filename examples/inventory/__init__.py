"""A small legacy inventory tool, written when CPython closed every file for us."""
