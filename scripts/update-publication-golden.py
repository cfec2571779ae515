#!/usr/bin/env python3
"""Rewrites the golden publication tables (Tests/Fixtures/publication/golden/) with the
current survkit: one file per case of cases.tsv (tab-separated: name, then the survkit
arguments) and format. Run from the repository root after `swift build`, then review
the diff: the numbers in them are checked against R by PublicationTableReferenceTests
and PublicationTableCLITests."""
import subprocess

EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html", "csv": "csv", "latex": "tex"}
ALL_FORMATS = ("cox_lung", "cox_sarcoma")  # the cases written in every format; the others in Markdown

for line in open("Tests/Fixtures/publication/golden/cases.tsv", encoding="utf-8"):
    fields = line.rstrip("\n").split("\t")
    name, args = fields[0], fields[1:]
    formats = list(EXTENSIONS) if name in ALL_FORMATS else ["markdown"]
    for fmt in formats:
        extra = ["--format", fmt] + (["--table", "publication"] if fmt in ("text", "markdown") else [])
        out = subprocess.run([".build/debug/survkit"] + args + extra, capture_output=True, check=True)
        with open(f"Tests/Fixtures/publication/golden/{name}.{EXTENSIONS[fmt]}", "wb") as f:
            f.write(out.stdout)
