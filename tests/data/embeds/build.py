"""Build the labelled embed pages from posts.toml and articles.toml.

    .venv/bin/python tests/data/embeds/build.py

Every post is put in one markup form (each language meets every form), a few posts per page,
inside one of the English articles and a site template around it. Writes pages/*.html and
labels.json (what `clean` should find on each page). Deterministic: same inputs, same files.
"""
from __future__ import annotations

import hashlib
import html
import json
import tomllib
from itertools import count
from pathlib import Path

import forms
import templates

HERE = Path(__file__).resolve().parent
POSTS_PER_PAGE = 4
LANGUAGES = ["fr", "de", "es", "it", "pt", "nl", "en"]

# The order a platform's posts cycle through its markup forms.
FORM_CYCLES = {
    "tweet": ["widget", "widget", "wordpress", "amp", "flattened_html", "flattened_text",
              "bare_blockquote", "widget", "iframe", "link", "wordpress_url"],
    "instagram": ["instagram_captioned", "instagram_wordpress", "instagram_captioned", "instagram_iframe",
                  "instagram_captioned", "instagram_amp", "instagram_wordpress"],
    "facebook": ["facebook_post", "facebook_post", "facebook_iframe", "facebook_video", "facebook_post",
                 "facebook_video", "facebook_iframe"],
    "tiktok": ["tiktok_quote", "tiktok_quote", "tiktok_iframe", "tiktok_quote", "tiktok_quote",
               "tiktok_wordpress", "tiktok_quote"],
    "youtube": ["youtube_iframe", "youtube_wordpress", "youtube_lite", "youtube_untitled", "youtube_amp",
                "youtube_iframe", "youtube_link"],
    "telegram": ["telegram_script", "telegram_iframe", "telegram_script", "telegram_link"],
}


def main() -> None:
    posts = tomllib.loads((HERE / "posts.toml").read_text("utf-8"))["posts"]
    articles = {a["id"]: a for a in tomllib.loads((HERE / "articles.toml").read_text("utf-8"))["articles"]}
    _assign_forms(posts)
    pages_dir = HERE / "pages"
    pages_dir.mkdir(exist_ok=True)
    for old in pages_dir.glob("*.html"):
        old.unlink()
    labels = []
    number = count(1)
    for article_id, article in articles.items():
        for group in _page_groups([p for p in posts if p["article"] == article_id]):
            name = f"{next(number):03d}_{article_id}.html"
            page, label = _page(name, article, group)
            (pages_dir / name).write_text(page, "utf-8")
            labels.append(label)
    (HERE / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(labels)} pages, {sum(len(l['embeds']) for l in labels)} embeds")


def _assign_forms(posts: list[dict]) -> None:
    """Each platform's posts cycle through its forms, counted per language so all meet all."""
    seen: dict[tuple[str, str | None], int] = {}
    for post in posts:
        platform, language = post["platform"], post.get("lang")
        n = seen.get((platform, language), 0)
        seen[(platform, language)] = n + 1
        # Platforms with one or two posts a language start each language at another form.
        shift = LANGUAGES.index(language) if platform != "tweet" and language in LANGUAGES else 0
        cycle = FORM_CYCLES[platform]
        post["form"] = cycle[(n + shift) % len(cycle)]
        post["status_id"] = _status_id(post["id"])


def _page_groups(posts: list[dict]) -> list[list[dict]]:
    """AMP forms only on AMP pages; the rest a few to a page, in file order."""
    amp = [p for p in posts if p["form"] in forms.AMP_FORMS]
    other = [p for p in posts if p["form"] not in forms.AMP_FORMS]
    groups = []
    for part in (other, amp):
        groups += [part[i:i + POSTS_PER_PAGE] for i in range(0, len(part), POSTS_PER_PAGE)]
    return groups


def _page(name: str, article: dict, posts: list[dict]) -> tuple[str, dict]:
    paragraphs = article["paragraphs"]
    slots = _slots(len(paragraphs), len(posts), variant=int(name[:3]))
    amp = any(p["form"] in forms.AMP_FORMS for p in posts)
    blocks: list[str] = []
    for i, paragraph in enumerate(paragraphs + [None]):
        for post, slot in zip(posts, slots):
            if slot == i:
                blocks.append(forms.render(post))
        if paragraph is not None:
            blocks.append(_paragraph(article, i, paragraph))
    template = "amp" if amp else ("wordpress" if int(name[:3]) % 2 else "newsroom")
    page = templates.render(template, article, "\n".join(blocks), name)
    label = {
        "page": name,
        "article": article["id"],
        "template": template,
        "text": "\n".join(paragraphs),
        "passages": article.get("passages", []),
        "embeds": [forms.expected(post, slot) for post, slot in zip(posts, slots)],
    }
    return page, label


def _paragraph(article: dict, i: int, text: str) -> str:
    inline = article.get("inline_post_link")
    body = html.escape(text, quote=False)
    if inline and inline["paragraph"] == i:
        words = html.escape(inline["words"], quote=False)
        body = body.replace(words, f'<a href="{inline["url"]}">{words}</a>')
    return f"<p>{body}</p>"


def _slots(paragraphs: int, posts: int, variant: int) -> list[int]:
    """Before which paragraph each post goes: spread out, sometimes two in a row or one at the end."""
    slots = [1 + (k * (paragraphs - 1)) // max(posts, 1) for k in range(posts)]
    if variant % 3 == 0 and posts > 1:
        slots[-1] = slots[-2]  # two posts in a row
    elif variant % 3 == 1 and posts > 1:
        slots[-1] = paragraphs  # a post after the last paragraph
    return slots


def _status_id(post_id: str) -> str:
    return "18" + str(int(hashlib.sha256(post_id.encode()).hexdigest(), 16))[:17]


if __name__ == "__main__":
    main()
