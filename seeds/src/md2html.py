#!/usr/bin/env python3
"""Tiny Markdown-to-HTML converter for the seed plans (headings, paragraphs, lists, tables).
Only what the seed sources use; LibreOffice then turns the HTML into DOCX, ODT and PDF."""
import html
import sys


def convert(lines):
    out, para, items, table = [], [], [], []

    def flush():
        nonlocal para, items, table
        if para:
            out.append("<p>" + html.escape(" ".join(para)) + "</p>")
        if items:
            out.append("<ul>" + "".join("<li>" + html.escape(i) + "</li>" for i in items) + "</ul>")
        if table:
            rows = [r for r in table if not set(r.replace("|", "").strip()) <= set("-: ")]
            cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows]
            head, body = cells[0], cells[1:]
            out.append("<table border='1'><tr>" + "".join("<th>" + html.escape(c) + "</th>" for c in head) + "</tr>"
                       + "".join("<tr>" + "".join("<td>" + html.escape(c) + "</td>" for c in r) + "</tr>" for r in body)
                       + "</table>")
        para, items, table = [], [], []

    title = ""
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            flush()
            level = len(line) - len(line.lstrip("#"))
            text = line[level:].strip()
            title = title or text
            out.append(f"<h{level}>{html.escape(text)}</h{level}>")
        elif line.startswith("- "):
            if para:
                flush()
            items.append(line[2:].strip())
        elif line.startswith("|"):
            table.append(line)
        else:
            para.append(line.strip())
    flush()
    return ("<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>" + html.escape(title)
            + "</title></head><body>\n" + "\n".join(out) + "\n</body></html>\n")


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(convert(f))
