"""Data loss by name: a source named `..` (or a crafted host) never makes a crawl delete outside its folder."""
from __future__ import annotations

import subprocess
import sys

import pytest
from sites.crawling import REPO, _env

from ingest.crawl import resume
from ingest.crawl.sources import SourcesError, load_sources, source_from_urls


@pytest.mark.parametrize("name", ["..", ".", "a/b", "a\\\\b", ""])
def test_a_source_name_that_is_not_one_plain_path_component_is_refused(tmp_path, name):
    path = tmp_path / "sources.toml"
    path.write_text(f'[sources."{name}"]\nstart = ["http://127.0.0.1:9/"]\n', encoding="utf-8")
    with pytest.raises(SourcesError, match="bad source name"):
        load_sources(path)


@pytest.mark.parametrize("url, name", [("http://../", "adhoc"), ("http://news.example.org/", "news.example.org"),
                                       ("http://a%2f..%2fb/", "a_2f.._2fb")])
def test_a_url_crawl_names_its_source_after_the_host_made_safe(url, name):
    assert source_from_urls([url]).name == name


def test_ingest_crawl_of_a_source_named_dot_dot_leaves_the_state_directory_alone(tmp_path):
    state = tmp_path / "state"
    (state / "jobs").mkdir(parents=True)
    keep = state / "ledger.sqlite3"
    keep.write_bytes(b"what earlier crawls remembered")
    sources = tmp_path / "sources.toml"
    sources.write_text('[sources.".."]\nstart = ["http://127.0.0.1:9/"]\n', encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "ingest.crawl", "crawl", "..", "--sources", str(sources),
                           "--state", str(state), "--out", str(tmp_path / "feed")],
                          cwd=REPO, env=_env(), capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"ingest crawl: {sources}: sources...: bad source name '..': use letters, digits, '_', '-' and '.', "
        "not '.' or '..' alone"]
    assert keep.read_bytes() == b"what earlier crawls remembered"


def test_resume_never_deletes_outside_the_jobs_folder(tmp_path):
    jobs = tmp_path / "state" / "jobs"
    jobs.mkdir(parents=True)
    (tmp_path / "state" / "ledger.sqlite3").write_bytes(b"x")
    with pytest.raises(ValueError, match="refusing to delete"):
        resume.prepare(jobs / "..")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (jobs / "linked").symlink_to(outside)
    with pytest.raises(ValueError, match="refusing to delete"):
        resume.conclude(jobs / "linked", "finished")
    assert outside.exists() and (tmp_path / "state" / "ledger.sqlite3").exists()
    (jobs / "plain").mkdir()
    resume.conclude(jobs / "plain", "finished")
    assert not (jobs / "plain").exists()
