"""`make bench`: how fast the course builds and previews and how heavy its pages are, each beside a bare twin.

The bare twin is the same site written as plain Markdown, built by plain MkDocs + Material: what an
author would have without the course's code. Comparing against it in the same run cancels out the
machine, so the figures say what the course's own code costs. Run `python -m tests.bench --help`.
"""
