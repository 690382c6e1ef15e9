"""The two dev corpora of ../shared/bench as one list of pages, for the quality bench and `make train`."""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench"


@dataclass(frozen=True)
class BenchPage:
    corpus: str  # "aeb" or "wcxb"
    id: str
    path: Path
    url: str  # the page's original address: its domain groups cross-validation folds
    page_type: str
    truth: str | None  # the true body

    @property
    def site(self) -> str:
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")

    @property
    def file_url(self) -> str:
        return self.path.resolve().as_uri()

    def html(self) -> bytes:
        return gzip.decompress(self.path.read_bytes())


def load(bench: Path = BENCH) -> list[BenchPage]:
    aeb = json.loads((bench / "aeb-dev" / "ground-truth.json").read_text(encoding="utf-8"))
    wcxb = json.loads((bench / "wcxb-dev" / "truth.json").read_text(encoding="utf-8"))
    pages = [BenchPage("aeb", k, bench / "aeb-dev" / "html" / f"{k}.html.gz", v["url"], "article", v["articleBody"])
             for k, v in aeb.items()]
    pages += [BenchPage("wcxb", k, bench / "wcxb-dev" / "html" / f"{k}.html.gz", v["url"], v["page_type"], v["body"])
              for k, v in wcxb.items()]
    return pages
