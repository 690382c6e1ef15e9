"""One document per page, as browsers build it.

libxml2 reads a page that holds a second `<html>` (two documents saved end to end, a template
that prints its layout twice) as sibling trees, and every stage that starts from the root sees
only the first: the article can stand in the second. A browser keeps one document and puts what
follows into its body (the HTML standard's "in body" insertion mode), so the later documents'
head and body children are moved, in order, to the end of the first one's body. (The emptied
<html> elements stay as siblings: lxml cannot detach a node beside the root.)
"""
from __future__ import annotations

_SECTIONS = ("head", "body")


def fold_documents(root) -> int:
    """Move the content of every later top-level document into `root`'s body; return how many."""
    later = [el for el in root.itersiblings() if isinstance(el.tag, str)]
    if not later:
        return 0
    body = root.find("body")
    if body is None:
        body = root.makeelement("body")
        root.append(body)
    for document in later:
        for part in list(document):
            if part.tag in _SECTIONS:
                _append_text(body, part.text)
                children = list(part)
            else:
                children = [part]  # content straight under <html>
            for child in children:
                body.append(child)  # moves it, with its tail
    return len(later)


def _append_text(body, text: str | None) -> None:
    if not text or not text.strip():
        return
    last = body[-1] if len(body) else None
    if last is None:
        body.text = (body.text or "") + text
    else:
        last.tail = (last.tail or "") + text
