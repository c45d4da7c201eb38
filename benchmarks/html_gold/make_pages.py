"""Render the HTML gold pages from texts.py into six different page layouts.

Run ``python3 -m benchmarks.html_gold.make_pages`` to rewrite ``pages/*.html`` and the gold
``pages/*.json`` ({title, date, body}). The layouts imitate common news-site chrome: menus,
breadcrumbs, cookie banners, share widgets, related lists, comments, newsletter boxes,
author bios and footers, with the date given in different conventions (meta tags, JSON-LD,
<time>, visible text only, day-first numbers, Russian month names) and one page in
windows-1251. The gold body is exactly the article's paragraphs (no headline, no captions).
Pages 14 and 15 are written by hand in other styles (not generated) to check that the
pruning generalises beyond these templates.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

from .texts import ARTICLES

OUT = Path(__file__).with_name("pages")
E = html.escape

COMMENTS = [
    ("steppe_wolf", "Nothing new here, the same quarrel happens every winter."),
    ("M. Green", "Good summary, but the piece ignores what ordinary people think about it."),
    ("baltic_reader", "Who pays for all this in the end? The consumers, as always."),
]
FOOTER_LINKS = ["About us", "Contact", "Advertise", "Careers", "Privacy policy", "Terms of use",
                "Cookie settings", "RSS"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
RU_MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]


def blocks(paras: list[str], *, p: str = "<p>{}</p>") -> str:
    """Article paragraphs as HTML; consecutive list items / table rows are grouped."""
    out: list[str] = []
    i = 0
    while i < len(paras):
        para = paras[i]
        if para.startswith("- "):
            items = []
            while i < len(paras) and paras[i].startswith("- "):
                items.append(f"<li>{E(paras[i][2:])}</li>")
                i += 1
            out.append("<ul>" + "".join(items) + "</ul>")
            continue
        if para.startswith("| "):
            rows = []
            while i < len(paras) and paras[i].startswith("| "):
                cells = [c.strip() for c in paras[i][2:].split("|")]
                tag = "th" if not rows else "td"
                rows.append("<tr>" + "".join(f"<{tag}>{E(c)}</{tag}>" for c in cells) + "</tr>")
                i += 1
            out.append('<table class="data">' + "".join(rows) + "</table>")
            continue
        if para.startswith("## "):
            out.append(f"<h2>{E(para[3:])}</h2>")
        else:
            out.append(p.format(E(para)))
        i += 1
    return "\n".join(out)


def gold_body(paras: list[str]) -> str:
    def plain(para: str) -> str:
        if para.startswith(("## ", "- ")):
            return para[2:].strip()
        if para.startswith("| "):
            return " ".join(c.strip() for c in para[2:].split("|"))
        return para

    return "\n\n".join(plain(x) for x in paras)


def others(a: dict, n: int = 4) -> list[str]:
    return [b["title"] for b in ARTICLES if b is not a][:n]


def long_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def later(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def slugurl(a: dict, host: str) -> str:
    return f"https://{host}/{a['date'].replace('-', '/')}/{a['slug'].replace('_', '-')}/"


# ------------------------------------------------------------------ layouts
def wordpress(a: dict) -> str:
    host = a["outlet"].lower().replace(" ", "") + ".org"
    rel = "".join(f'<li><a href="/p/{i}">{E(t)}</a></li>' for i, t in enumerate(others(a, 5)))
    comments = "".join(
        f'<li class="comment"><div class="comment-author">{E(n)} says:</div>'
        f'<div class="comment-meta">{long_date(later(a["date"], 1))} at 10:{12 + i} am</div>'
        f"<p>{E(c)}</p><a class=\"reply\">Reply</a></li>" for i, (n, c) in enumerate(COMMENTS))
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{E(a['title'])} &#8211; {E(a['outlet'])}</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="{a['date']}T09:12:00+00:00">
<meta property="article:modified_time" content="{later(a['date'], 5)}T17:40:00+00:00">
<link rel="canonical" href="{slugurl(a, host)}">
</head><body class="post-template-default single">
<header id="masthead"><div class="site-title"><a href="/">{E(a['outlet'])}</a></div>
<p class="site-description">Independent analysis since 2009</p>
<nav id="site-navigation" class="main-navigation"><ul><li><a href="/">Home</a></li>
<li><a href="/c/europe">Europe</a></li><li><a href="/c/energy">Energy</a></li>
<li><a href="/c/security">Security</a></li><li><a href="/donate">Donate</a></li></ul></nav>
</header>
<div id="content" class="site-content"><main id="main">
<article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{E(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published"
 datetime="{a['date']}T09:12:00+00:00">{long_date(a['date'])}</time><time class="updated"
 datetime="{later(a['date'], 5)}T17:40:00+00:00">{long_date(later(a['date'], 5))}</time></span>
<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/x">
{E(a['author'])}</a></span></span></div></header>
<div class="entry-content">
{blocks(a['paras'])}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul>
<li><a class="share-twitter">Twitter</a></li><li><a class="share-facebook">Facebook</a></li>
<li><a class="share-email">Email</a></li></ul></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/c/europe">Europe</a>,
 <a href="/c/energy">Energy</a></span><span class="tags-links">Tagged <a>Belarus</a>,
 <a>Russia</a>, <a>oil</a></span></footer>
</article>
<nav class="post-navigation"><div class="nav-previous"><a href="/prev">Previous post:
 {E(others(a)[0])}</a></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on
 &ldquo;{E(a['title'])}&rdquo;</h2><ol class="comment-list">{comments}</ol>
<div id="respond"><h3>Leave a Reply</h3><p>Your email address will not be published.
 Required fields are marked *</p><textarea></textarea></div></div>
</main>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">
Recent Posts</h2><ul>{rel}</ul></section><section class="widget"><h2>Archives</h2><ul>
<li><a>February 2020</a></li><li><a>January 2020</a></li><li><a>December 2019</a></li></ul>
</section></aside></div>
<footer id="colophon"><div class="site-info">&copy; {a['date'][:4]} {E(a['outlet'])}.
 Proudly powered by WordPress.</div></footer></body></html>"""


def newsportal(a: dict) -> str:
    host = "www." + a["outlet"].lower().replace(" ", "-") + ".com"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "datePublished": a["date"] + "T06:30:00Z",
          "dateModified": later(a["date"], 2) + "T08:00:00Z",
          "author": [{"@type": "Person", "name": a["author"]}],
          "publisher": {"@type": "Organization", "name": a["outlet"]},
          "mainEntityOfPage": slugurl(a, host)}
    paras = a["paras"][:]
    # an in-article teaser link and a figure, as big news sites insert them
    teaser = (f'<p class="read-more"><strong>Read more:</strong> <a href="/x">'
              f'{E(others(a)[1])}</a></p>')
    figure = ('<figure class="article-image"><img src="/img/1.jpg" alt="">'
              '<figcaption>Pipes at a pumping station. Photo: Agency archive</figcaption></figure>')
    body = blocks(paras[:2]) + teaser + figure + blocks(paras[2:])
    related = "".join(f'<li><a href="/r/{i}"><span class="kicker">Europe</span> {E(t)}</a></li>'
                      for i, t in enumerate(others(a, 4)))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{E(a['title'])} | {E(a['outlet'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{E(a['title'])}">
<meta property="og:site_name" content="{E(a['outlet'])}">
<meta property="og:url" content="{slugurl(a, host)}">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience
 and to show you personalised advertising. By continuing to browse you agree to our use of
 cookies.</p><button>Accept all</button><button>Manage preferences</button></div>
<header class="site-header"><a class="logo" href="/">{E(a['outlet'])}</a>
<nav class="menu"><a href="/world">World</a><a href="/europe">Europe</a><a href="/business">
Business</a><a href="/opinion">Opinion</a><a href="/video">Video</a><a href="/subscribe">
Subscribe</a></nav></header>
<main><div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/world">World</a> &gt;
 <a href="/europe">Europe</a></div>
<article class="article">
<h1 class="article__headline">{E(a['title'])}</h1>
<div class="article__byline">By <a rel="author">{E(a['author'])}</a>
 <span class="article__date">Published {dt.date.fromisoformat(a['date']).day}
 {MONTHS[int(a['date'][5:7]) - 1]} {a['date'][:4]}</span></div>
<div class="share-bar"><a>Share on Facebook</a><a>Share on X</a><a>Copy link</a></div>
<div class="article__body">{body}</div>
<div class="newsletter-box"><h3>Get our morning briefing</h3><p>The stories that matter,
 in your inbox every weekday at 7am.</p><input placeholder="Email address"><button>Sign up
</button></div>
</article>
<section class="related"><h2>Related stories</h2><ul>{related}</ul></section>
</main>
<aside class="most-read"><h2>Most read</h2><ol><li>{E(others(a)[2])}</li>
<li>{E(others(a)[3])}</li></ol></aside>
<footer class="site-footer"><ul>{''.join(f'<li><a>{x}</a></li>' for x in FOOTER_LINKS)}</ul>
<p>&copy; {a['date'][:4]} {E(a['outlet'])} Ltd. All rights reserved. Reproduction without
 permission is prohibited.</p></footer></body></html>"""


def legacy_table(a: dict) -> str:
    d = dt.date.fromisoformat(a["date"])
    text = "<br><br>\n".join(E(p[2:] if p.startswith(("## ", "- ")) else p)
                             for p in a["paras"] if not p.startswith("| "))
    return f"""<HTML><HEAD><TITLE>{E(a['outlet'])} :: {E(a['title'])}</TITLE>
<META http-equiv="Content-Type" content="text/html; charset=utf-8">
<META name="keywords" content="Belarus, Russia, oil, news"></HEAD>
<BODY bgcolor="#ffffff"><TABLE width="100%" border=0><TR><TD colspan=2 class="top">
<A href="/">{E(a['outlet'])}</A> | <A href="/news">News</A> | <A href="/archive">Archive</A>
 | <A href="/contacts">Contacts</A></TD></TR>
<TR><TD width="20%" valign="top" class="left"><B>Sections</B><BR><A>Politics</A><BR>
<A>Economy</A><BR><A>Society</A><BR><A>Sport</A><BR><BR><B>Poll</B><BR>Do you trust the
 official statistics?<BR><INPUT type=radio> Yes <INPUT type=radio> No</TD>
<TD valign="top" class="main"><FONT size=+2><B>{E(a['title'])}</B></FONT><BR>
<SPAN class="date">{d.day:02d}.{d.month:02d}.{d.year} 14:35</SPAN> | {E(a['author'])}<BR><BR>
{text}
<BR><BR><I>Reprinting is allowed only with an active link to {E(a['outlet'])}.</I>
<BR><BR><B>Other news:</B><BR>{'<BR>'.join(f'<A href="/n/{i}">{E(t)}</A>'
 for i, t in enumerate(others(a, 3)))}</TD></TR>
<TR><TD colspan=2 align=center><SMALL>Copyright {d.year} {E(a['outlet'])}.
 Counter: 183402</SMALL></TD></TR></TABLE></BODY></HTML>"""


def opinion(a: dict) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{E(a['outlet'])} - Commentary</title>
<meta property="og:title" content="{E(a['title'])}">
<meta name="description" content="{E(a['paras'][0][:120])}">
</head><body>
<div class="topbar"><span>Support independent analysis</span> <a href="/donate">Donate</a>
 <a href="/login">Log in</a></div>
<div class="wrapper"><div class="nav"><ul><li>Research</li><li>Commentary</li><li>Events</li>
<li>Experts</li><li>About</li></ul></div>
<div class="content"><div class="post"><div class="kicker">Commentary</div>
<h1>{E(a['title'])}</h1>
<div class="meta">{E(a['author'])} &middot; {long_date(a['date'])} &middot; 4 min read</div>
<div class="text">{blocks(a['paras'])}</div>
<div class="bio"><h4>About the author</h4><p>{E(a['author'])} is a senior fellow covering
 Eastern Europe and energy security. Views expressed are the author's own.</p></div>
<div class="tags">Topics: <a>Belarus</a> <a>Energy</a> <a>Geopolitics</a></div>
<div class="share">Share this article: <a>Twitter</a> <a>LinkedIn</a> <a>Email</a></div>
</div>
<div class="more"><h3>More commentary</h3>{''.join(f'<div class="card"><a>{E(t)}</a><p>Analysis'
 f'</p></div>' for t in others(a, 3))}</div></div></div>
<div class="footer"><p>{E(a['outlet'])} is a non-partisan institute. &copy; {a['date'][:4]}</p>
<p>Sign up for our newsletter to receive our latest analysis.</p></div></body></html>"""


def divsoup(a: dict) -> str:
    paras = "".join(
        f'<div class="Paragraph-sc-1x" data-block="text">{E(p)}</div>' if not p.startswith(
            ("## ", "- ", "| ")) else blocks([p]) for p in a["paras"])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(a['title'])} - {E(a['outlet'])}</title>
<meta itemprop="datePublished" content="{a['date']}T11:05:00+01:00">
<meta name="author" content="{E(a['author'])}">
<meta property="og:site_name" content="{E(a['outlet'])}">
</head><body><div id="__next"><div class="Layout-sc-9">
<div class="ConsentModal-sc-2" role="dialog"><div>Your privacy matters. We and our 142
 partners store and access information on your device.</div><div><button>I agree</button>
<button>More options</button></div></div>
<div class="Header-sc-3"><div class="Logo">{E(a['outlet'])}</div><div class="Nav-sc-4">
<div>Latest</div><div>Politics</div><div>Markets</div><div>Podcasts</div></div></div>
<div class="Main-sc-5"><div class="ArticleHeader-sc-6"><h1>{E(a['title'])}</h1>
<div class="Byline-sc-7">{E(a['author'])}</div><div class="Time-sc-8">
{later(a['date'], 0)} 11:05 CET</div></div>
<div class="ArticleBody-sc-10" itemprop="articleBody">{paras}</div>
<div class="Comments-sc-11"><div>24 comments</div><button>Show comments</button></div>
<div class="Recirc-sc-12"><div>Recommended for you</div>{''.join(f'<div><a>{E(t)}</a></div>'
 for t in others(a, 4))}</div></div>
<div class="Footer-sc-13"><div>&copy; {a['date'][:4]} {E(a['outlet'])} Media Group</div>
<div>{' '.join(FOOTER_LINKS)}</div></div></div></div></body></html>"""


def russian(a: dict) -> str:
    d = dt.date.fromisoformat(a["date"])
    return f"""<!DOCTYPE html><html lang="ru"><head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{E(a['title'])} — {E(a['outlet'])}</title>
<meta property="article:published_time" content="{a['date']}T12:00:00+03:00">
<meta property="og:site_name" content="{E(a['outlet'])}">
</head><body><div class="header"><a href="/">Главная</a> <a href="/politics">Политика</a>
 <a href="/economy">Экономика</a> <a href="/world">В мире</a> <a href="/video">Видео</a></div>
<div class="page"><div class="col-main"><h1>{E(a['title'])}</h1>
<div class="date">{d.day} {RU_MONTHS[d.month - 1]} {d.year}, 12:00</div>
<div class="author">Автор: {E(a['author'])}</div>
<div class="article-text">{blocks(a['paras'])}</div>
<div class="share">Поделиться: ВКонтакте Одноклассники Telegram</div>
<div class="subscribe">Подписывайтесь на наш канал в Telegram</div>
</div><div class="col-side"><h3>Читайте также</h3><ul><li>Курс рубля снова упал</li>
<li>В Минске прошла акция протеста</li><li>Прогноз погоды на выходные</li></ul></div></div>
<div class="footer">© {d.year} {E(a['outlet'])}. При перепечатке ссылка обязательна.
 18+</div></body></html>"""


LAYOUTS = {"wordpress": wordpress, "newsportal": newsportal, "legacy": legacy_table,
           "opinion": opinion, "divsoup": divsoup, "russian": russian}
ASSIGN = ["wordpress", "newsportal", "newsportal", "legacy", "opinion", "divsoup", "wordpress",
          "legacy", "opinion", "newsportal", "divsoup", "russian", "wordpress"]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for n, (a, layout) in enumerate(zip(ARTICLES, ASSIGN, strict=True), 1):
        page = LAYOUTS[layout](a)
        encoding = "cp1251" if layout == "russian" else "utf-8"
        stem = f"{n:02d}_{a['slug']}"
        (OUT / f"{stem}.html").write_bytes(page.encode(encoding))
        gold = {"layout": layout, "title": a["title"], "date": a["date"],
                "body": gold_body(a["paras"])}
        (OUT / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
    print(f"{len(ARTICLES)} pages written to {OUT}")


if __name__ == "__main__":
    main()
