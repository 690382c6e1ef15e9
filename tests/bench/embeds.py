"""Embeds and language, measured: `make bench-embeds`.

On the labelled pages of tests/data/embeds: posts found, posts split out of the body, fields
read right, language accuracy per language and per form, passages, body F1. On the dev pages
of ../shared/bench/aeb-dev: the language stage's share of clean()'s time.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
LABELLED = ROOT / "tests" / "data" / "embeds"
AEB = ROOT.parent / "shared" / "bench" / "aeb-dev"
sys.path.insert(0, str(ROOT.parent / "shared" / "bench"))

import ingest  # noqa: E402
from ingest.core import clean as core  # noqa: E402  (the flow module)

FIELDS = ("kind", "url", "author", "handle", "published", "text", "position")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--no-timing", action="store_true", help="skip the aeb-dev timing")
    parser.add_argument("--lingua", action="store_true",
                        help="also measure lingua-language-detector on the posts (if installed)")
    args = parser.parse_args()
    labelled(args.details)
    if args.lingua:
        lingua_comparison()
    if not args.no_timing:
        language_share()
    return 0


def labelled(details: bool) -> None:
    from shingles import score, shingles

    labels = json.loads((LABELLED / "labels.json").read_text("utf-8"))
    tally = Tally()
    pairs = []
    for label in labels:
        page = (LABELLED / "pages" / label["page"]).read_bytes()
        article = ingest.clean(page, f"https://news.example.org/{label['page']}")
        if not isinstance(article, ingest.Article):
            print(f"{label['page']}: rejected: {article}")
            continue
        pairs.append((label["text"], article.text))
        tally.page(label, article, shingles)
    f1 = score(pairs)
    tally.report(details)
    print(f"body F1 {f1['f1']:.3f} (P {f1['precision']:.3f}, R {f1['recall']:.3f}) over {len(pairs)} pages")


class Tally:
    def __init__(self):
        self.posts = self.found = self.with_text = self.split = 0
        self.fields = defaultdict(lambda: [0, 0])
        self.by_language = defaultdict(lambda: [0, 0])
        self.by_form = defaultdict(lambda: [0, 0])
        self.extra = 0
        self.passages = [0, 0, 0]  # right, expected, reported
        self.misses: list[str] = []

    def page(self, label, article, shingles) -> None:
        got = list(article.embeds)
        body = shingles(article.text)
        own = shingles(label["text"])
        for want in label["embeds"]:
            self.posts += 1
            match = _match(want, got)
            if match is None:
                self.misses.append(f"{label['page']} {want['id']} {want['form']}: not found")
            else:
                got.remove(match)
                self.found += 1
                self._fields(label, want, match)
            if want["text"]:
                self.with_text += 1
                left = (shingles(want["text"]) & body) - own
                if left:
                    self.misses.append(f"{label['page']} {want['id']} {want['form']}: left in body: "
                                       f"{' '.join(next(iter(left)))!r}")
                else:
                    self.split += 1
                self._language(label, want, match)
        self.extra += len(got)
        for extra in got:
            self.misses.append(f"{label['page']}: unexpected embed {extra.kind} {extra.url} {extra.text!r:.60}")
        want_passages = {(p["paragraph"], p["language"]) for p in label["passages"]}
        got_passages = {(p.paragraph, p.language) for p in article.passages}
        self.passages[0] += len(want_passages & got_passages)
        self.passages[1] += len(want_passages)
        self.passages[2] += len(got_passages)

    def _fields(self, label, want, got) -> None:
        for name in FIELDS:
            expected, actual = want[name], getattr(got, name)
            if name == "text":
                expected, actual = _norm(expected), _norm(actual)
            ok = expected == actual
            self.fields[name][0] += ok
            self.fields[name][1] += 1
            if not ok:
                self.misses.append(f"{label['page']} {want['id']} {want['form']}: {name} {actual!r:.80} "
                                   f"!= {expected!r:.80}")

    def _language(self, label, want, got) -> None:
        ok = got is not None and got.language == want["language"]
        for table, key in ((self.by_language, want["language"]), (self.by_form, want["form"])):
            table[key][0] += ok
            table[key][1] += 1
        if not ok:
            self.misses.append(f"{label['page']} {want['id']} {want['form']}: language "
                               f"{got.language if got else None} != {want['language']} ({want['text']!r:.70})")

    def report(self, details: bool) -> None:
        print(f"posts found      {self.found}/{self.posts} = {_pct(self.found, self.posts)}"
              f"  (unexpected extra embeds: {self.extra})")
        print(f"posts split out  {self.split}/{self.with_text} = {_pct(self.split, self.with_text)}"
              "  (posts with text; none of their text left in the body)")
        print("fields read right: " + ", ".join(f"{k} {_pct(*v)}" for k, v in self.fields.items()))
        right = sum(v[0] for v in self.by_language.values())
        total = sum(v[1] for v in self.by_language.values())
        print(f"language         {right}/{total} = {_pct(right, total)}")
        print("  per language:  " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(self.by_language.items())))
        print("  per form:      " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(self.by_form.items())))
        r, e, g = self.passages
        print(f"passages         {r} right of {e} expected, {g} reported")
        if details:
            for miss in self.misses:
                print("  miss:", miss)


def _match(want, got):
    for embed in got:
        if embed.kind == want["kind"] and want["url"] and embed.url == want["url"]:
            return embed
    for embed in got:
        if embed.kind == want["kind"] and want["text"] and _norm(embed.text) == _norm(want["text"]):
            return embed
    return None


def _norm(text):
    return " ".join(text.split()) if text else text


def _pct(a, b):
    return f"{100 * a / b:.1f}%" if b else "n/a"


def lingua_comparison() -> None:
    """Post language by langdetect (as shipped) and by lingua, on every labelled post's text,
    whole and cut short (real posts are often a few words), hints ignored."""
    import resource
    import tomllib

    from ingest.core.language import letter_count, post_language, words_of

    try:
        from lingua import IsoCode639_1, LanguageDetectorBuilder
    except ImportError:
        print("lingua: not installed (pip install lingua-language-detector to measure it)")
        return
    posts = [p for p in tomllib.loads((LABELLED / "posts.toml").read_text("utf-8"))["posts"] if p.get("text")]
    sets = {"7 languages of the set": "en fr de es it pt nl",
            "22 European and major languages": "en fr de es it pt nl pl ro ca sv da nb fi cs hu el tr ru uk ar id"}
    for name, codes in sets.items():
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        detector = LanguageDetectorBuilder.from_iso_codes_639_1(
            *[IsoCode639_1.from_str(c) for c in codes.split()]).with_preloaded_language_models().build()
        load = time.perf_counter() - start
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024

        def lingua(text):
            found = detector.detect_language_of(words_of(text))
            return found.iso_code_639_1.name.lower() if found else None

        def hybrid(text):  # lingua as a second opinion for short posts only
            return lingua(text) if letter_count(words_of(text)) < 120 else post_language(text)

        print(f"lingua, {name}: load {load:.1f} s, resident memory +{grown:.0f} MB")
        for label, detect in (("langdetect", post_language), ("lingua", lingua), ("langdetect+lingua<120", hybrid)):
            cells = []
            for cut in (None, 80, 50, 30):
                right = sum(detect(p["text"][:cut]) == p["lang"] for p in posts)
                cells.append(f"{'whole' if cut is None else f'first {cut}'} {100 * right / len(posts):.1f}%")
            print(f"  {label:22} " + ", ".join(cells) + f" of {len(posts)} posts")


def language_share() -> None:
    """Time clean() on the dev pages, and within it the language stage (detect_languages)."""
    pages = sorted((AEB / "html").glob("*.html.gz"))
    if not pages:
        print(f"aeb-dev not found at {AEB}: no timing")
        return
    spent = [0.0]
    original = core.detect_languages

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    data = [gzip.decompress(p.read_bytes()) for p in pages]
    for html in data[:5]:  # warm: profiles and models load once per process
        ingest.clean(html, "https://example.org/")
    core.detect_languages = timed
    try:
        start = time.perf_counter()
        for page, html in zip(pages, data):
            ingest.clean(html, page.resolve().as_uri())
        total = time.perf_counter() - start
    finally:
        core.detect_languages = original
    print(f"aeb-dev: clean() {1000 * total / len(pages):.1f} ms a page, language stage "
          f"{1000 * spent[0] / len(pages):.1f} ms = {100 * spent[0] / total:.1f}% of clean() over {len(pages)} pages")


if __name__ == "__main__":
    sys.exit(main())
