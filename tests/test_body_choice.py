"""The second body trafilatura computes anyway (its readability pass), kept where the body-choice
model says it is the better one: on real pages of the dev corpora, each showing one way the first
body goes wrong, and one where the readability pass is the one that goes wrong."""
from __future__ import annotations

import gzip
import threading

import pytest

import ingest
from ingest.core.body import choice, choice_weights
from ingest.core.body.port import _capture
from ingest.core.decode import decode
from ingest.core.extract import PORT, body_candidates
from ingest.core.page import parse

from helpers import ROOT

BENCH = ROOT.parent / "shared" / "bench"
AEB = BENCH / "aeb-dev" / "html"
WCXB = BENCH / "wcxb-dev" / "html"
PRESS_RELEASE = AEB / "5ae11e580afc12d3ba1a12944281e6a7a5dded5c98b4efcf24aedcb28f0d5b22.html.gz"


def cleaned(path):
    return ingest.clean(gzip.decompress(path.read_bytes()), path.as_uri(), ingest.Options(all_pages=True))


def test_trafilaturas_readability_pass_is_kept_while_it_extracts_and_only_then():
    found = body_candidates(page_at(PRESS_RELEASE))
    assert found.port_root is not None and found.port[0] == "BAAR, SWITZERLAND"
    assert getattr(_capture, "kept", None) is None  # nothing recorded outside a body's extraction


def test_each_thread_keeps_the_readability_pass_of_its_own_page():
    paths = [PRESS_RELEASE, WCXB / "0118.html.gz"]
    alone = [body_candidates(page_at(path)).port for path in paths]
    together, start = [None, None], threading.Barrier(len(paths))

    def extract(index, path):
        view = page_at(path)
        start.wait()  # both extractions run at once
        together[index] = body_candidates(view).port

    threads = [threading.Thread(target=extract, args=item) for item in enumerate(paths)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert together == alone and alone[0] != alone[1]


def page_at(path):
    return parse(decode(gzip.decompress(path.read_bytes())), path.as_uri())


def test_a_press_release_loses_the_company_boilerplate_trafilatura_kept():
    article = cleaned(PRESS_RELEASE)
    assert article.extractor == PORT
    assert "Ascom is a global solutions provider" not in article.text
    assert article.text.startswith("BAAR, SWITZERLAND")
    assert "[2] Joint Commission National Patient Safety Goal" in article.text


def test_a_guide_gets_back_the_list_trafilatura_missed():
    article = cleaned(WCXB / "0118.html.gz")  # trafilatura kept the intro and the sales pitch
    assert article.extractor == PORT
    assert "Principle Of Regularity" in article.text and "Principle Of Full Disclosure/Materiality" in article.text


@pytest.mark.parametrize("key", ["0012", "0024"])
def test_the_first_body_stays_where_the_readability_pass_lost_the_article(key):
    article = cleaned(WCXB / f"{key}.html.gz")
    assert article.extractor != PORT
    assert len(article.text) > 1000


def test_the_shipped_weights_read_the_features_the_code_computes():
    assert choice_weights.FEATURES == choice.FEATURES
    assert len(choice.choice_features(["a line of text"], ["another line"], 100)) == len(choice.FEATURES)
    assert choice_weights.TREES and 0 < choice_weights.THRESHOLD < 1
