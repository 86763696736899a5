"""The Starlette app: pages, the JSON API, exports, ingest jobs.

Pages are server-rendered with the report's templates (the story, event and article pages are
the report's own, over a web ``base.html``) with Jinja autoescaping on; a small script in
``static/app.js`` adds progress polling and filter niceties, and every page works without it.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
from collections.abc import AsyncIterator, Callable, Mapping
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, PackageLoader
from markupsafe import Markup, escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import (FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse,
                                 Response)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import jsonviews
from ..ingest.guard import check_url
from ..errors import BadInput, FetchError
from ..report import html as report_html
from ..report.data import slug
from ..safe_text import for_html
from ..store import Store
from ..store.search import MARK_END, MARK_START
from . import security
from .jobs import Jobs
from .openapi import STORIES_LIMIT, openapi_spec
from .state import Snapshot, Stores

PAGE_SIZE = 20  # search results per page
MAX_API_LIMIT = 1000  # /api/articles?limit=: more is a dump, which the exports are for
MAX_UPLOAD_BYTES = 20_000_000  # a browser upload (all files of one form together)
MAX_UPLOAD_FILES = 50
MAX_URLS = 100  # URLs pasted in one form
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

# auto_reload off: the templates ship in the package, and checking each one's file on every render
# took a tenth of the server's time under load (bench/serve_load.py).
_ENV = report_html._ENV.overlay(loader=ChoiceLoader([PackageLoader("newsprism.web", "templates"),
                                                     PackageLoader("newsprism.report", "templates")]),
                                auto_reload=False)


# `newsprism serve --workers N`: uvicorn imports the app in each worker process from this factory,
# which reads create_app's arguments (JSON) from this variable and the token from NEWSPRISM_TOKEN.
SERVE_FACTORY = "newsprism.web.app:app_from_environment"
SERVE_OPTIONS_ENV = "NEWSPRISM_SERVE_OPTIONS"


def app_from_environment() -> Starlette:
    """The app of one ``serve --workers N`` process (see ``SERVE_FACTORY``)."""
    options = json.loads(os.environ[SERVE_OPTIONS_ENV])
    return create_app(options["db"], token=os.environ.get("NEWSPRISM_TOKEN") or None,
                      allow_private=bool(options.get("allow_private")), allowed_hosts=options.get("allowed_hosts"))


class BadRequest(Exception):
    """A query parameter that makes no sense: answered 400 with its reason."""


def create_app(store_or_path: Store | str | Path, token: str | None = None, *, allow_private: bool = False,
               allowed_hosts: list[str] | None = None, language: Any = None, analyze: bool = True,
               max_bytes: int = 10_000_000) -> Starlette:
    """The web app over a store (a path, opened per thread, or a ``Store`` object).

    ``token``: when set, every page and endpoint but ``/healthz`` needs it (bearer header or the
    login cookie). ``allow_private``: URLs pasted in the browser may point at private or loopback
    addresses (off by default: ingest's SSRF rules). ``allowed_hosts``: the ``Host`` names served
    (``newsprism serve`` passes the loopback names when bound to loopback). ``language``: the
    language layer the ingest jobs analyse with (loaded on first use if None); ``analyze``: run
    the incremental analysis after each ingest job.
    """
    stores = Stores(store_or_path)
    jobs = Jobs(stores, allow_private=allow_private, max_bytes=max_bytes, language=language, analyze=analyze)
    web = _Web(stores, jobs, token, allow_private)
    routes = [
        Route("/", web.home), Route("/index.html", web.home),
        Route("/search", web.search_page),
        Route("/stories/{key}.html", web.story_page), Route("/events/{key}.html", web.event_page),
        Route("/articles/{key}.html", web.article_page),
        Route("/add", web.add_page, methods=["GET"]), Route("/add", web.add_submit, methods=["POST"]),
        Route("/jobs/{job_id}", web.job_page),
        Route("/alerts", web.alerts_page),
        Route("/login", web.login_page, methods=["GET"]), Route("/login", web.login_submit, methods=["POST"]),
        Route("/logout", web.logout, methods=["POST"]),
        Route("/export/{kind}.{fmt}", web.export),
        Route("/healthz", web.healthz),
        Route("/style.css", web.report_css),
        Route("/api/openapi.json", web.openapi),
        Route("/api/stories", web.api_stories), Route("/api/stories/{story_id}", web.api_story),
        Route("/api/articles", web.api_articles), Route("/api/articles/{article_id}", web.api_article),
        Route("/api/quotes", web.api_quotes), Route("/api/claims", web.api_claims),
        Route("/api/alerts", web.api_alerts),
        Route("/api/ingest", web.api_ingest, methods=["POST"]), Route("/api/jobs/{job_id}", web.api_job),
        Mount("/static", app=StaticFiles(directory=str(resources.files("newsprism.web") / "static")), name="static"),
    ]
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)] if allowed_hosts else []
    middleware.append(Middleware(_Guard, web=web))
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        jobs.close()
        stores.close()

    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                    exception_handlers={BadRequest: _bad_request})
    app.state.web = web
    return app


async def _bad_request(request: Request, error: Exception) -> Response:
    if request.url.path.startswith("/api/") or request.url.path.startswith("/export/"):
        return JSONResponse({"error": str(error)}, status_code=400)
    web: _Web = request.app.state.web
    return web.render(request, "message.html", status=400, title="Bad request", message=str(error))


class _Guard:
    """Pure ASGI middleware: the token check, the CSRF cookie, and security headers on every answer."""

    def __init__(self, app, web: "_Web"):
        self.app, self.web = app, web

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        csrf = request.cookies.get(security.CSRF_COOKIE)
        fresh = None
        if not csrf or len(csrf) > 100:
            csrf = fresh = security.new_csrf()
        scope.setdefault("state", {})["csrf"] = csrf
        if not security.is_public(request.url.path) and not security.authorized(request, self.web.token):
            if request.url.path.startswith(("/api/", "/export/")) or request.method not in ("GET", "HEAD"):
                response: Response = JSONResponse({"error": "a token is needed (Authorization: Bearer TOKEN)"},
                                                  status_code=401, headers={"WWW-Authenticate": "Bearer"})
            else:
                response = RedirectResponse("/login", status_code=303)
            await response(scope, receive, _with_headers(send, fresh, request))
            return
        await self.app(scope, receive, _with_headers(send, fresh, request))


def _with_headers(send, fresh_csrf: str | None, request: Request):
    secure = "; Secure" if request.url.scheme == "https" else ""

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            extra = {b"content-security-policy": security.CSP.encode(), b"x-content-type-options": b"nosniff",
                     b"referrer-policy": b"same-origin", b"x-frame-options": b"DENY"}
            headers += [(k, v) for k, v in extra.items() if k not in names]
            if fresh_csrf:
                headers.append((b"set-cookie", f"{security.CSRF_COOKIE}={fresh_csrf}; Path=/; HttpOnly; "
                                               f"SameSite=Strict{secure}".encode()))
            message = {**message, "headers": headers}
        await send(message)

    return wrapped


class _Web:
    def __init__(self, stores: Stores, jobs: Jobs, token: str | None, allow_private: bool):
        self.stores, self.jobs, self.token, self.allow_private = stores, jobs, token, allow_private

    # --- rendering -------------------------------------------------------------------------------
    def render(self, request: Request, template: str, *, status: int = 200, root: str = ".",
               snap: Snapshot | None = None, **context) -> HTMLResponse:
        snap = snap or self.stores.snapshot()
        common = report_html.common_context(snap.index)
        page = _ENV.get_template(template).render(
            **{**common, "root": root, **context, "csrf": request.scope.get("state", {}).get("csrf", ""),
               "token_required": self.token is not None, "path": request.url.path,
               "nav_stories": len(snap.stories), "nav_articles": len(snap.articles)})
        return HTMLResponse(for_html(page), status_code=status)

    def not_found(self, request: Request, what: str) -> HTMLResponse:
        return self.render(request, "message.html", status=404, title="Not found", message=f"No {what} here.",
                           root="..")

    # --- pages -----------------------------------------------------------------------------------
    def home(self, request: Request) -> Response:
        snap = self.stores.snapshot()
        return self._cached_page(request, snap, lambda: self._home(request, snap))

    def _home(self, request: Request, snap: Snapshot) -> HTMLResponse:
        order = request.query_params.get("sort", "coverage")
        stories = list(snap.stories)
        if order == "recent":
            stories.sort(key=lambda s: (s.end or s.start or "", len(s.articles)), reverse=True)
        else:
            order = "coverage"
            stories.sort(key=lambda s: (s.independent_sources, len(s.articles), s.end or ""), reverse=True)
        return self.render(request, "home.html", snap=snap, stories=stories, order=order, recent=snap.recent,
                           summaries=snap.data.summaries, outlets=snap.outlets)

    def _cached_page(self, request: Request, snap: Snapshot, make: Callable[[], HTMLResponse]) -> Response:
        """A page that depends on the snapshot and the URL alone, rendered once per snapshot (with
        a token set, the page's logout form carries the CSRF cookie, which joins the key)."""
        key = f"{request.url.path}?{request.url.query}"
        if self.token is not None:
            key += "#" + request.scope.get("state", {}).get("csrf", "")
        return HTMLResponse(snap.cached(key, lambda: bytes(make().body)))

    def search_page(self, request: Request) -> Response:
        snap = self.stores.snapshot()
        params = _search_params(request)
        page = _int(request.query_params.get("page"), 1, 1, 10_000)
        hits = self._search(snap, params, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
        more = len(hits) > PAGE_SIZE
        rows = [{"article": h.article, "snippet": _marked(h.snippet),
                 "story": snap.index.story_of_article.get(h.article.id),
                 "flags": sorted(snap.flags_of.get(h.article.id, ()))} for h in hits[:PAGE_SIZE]]
        query = {k: v for k, v in params.items() if v}
        options = {name: _selected(_filter_options(snap, name), params[name]) for name in _FILTER_OPTIONS}
        return self.render(request, "search.html", snap=snap, params=params, rows=rows, page=page, more=more,
                           options=options, query=query, export_query=_query_string(query))

    def story_page(self, request: Request) -> Response:
        snap = self.stores.snapshot()
        story = snap.story_by_slug.get(request.path_params["key"])
        if story is None:
            return self.not_found(request, "story")
        return self._cached_page(request, snap, lambda: self.render(
            request, "story.html", snap=snap, **self._story_pages(snap, story)[0]))

    def event_page(self, request: Request) -> Response:
        snap = self.stores.snapshot()
        found = snap.event_by_slug.get(request.path_params["key"])
        if found is None:
            return self.not_found(request, "event")
        story, event_id = found
        _, events = self._story_pages(snap, story)
        page = next((e for e in events if e["event"].id == event_id), None)
        if page is None:
            return self.not_found(request, "event")
        return self._cached_page(request, snap, lambda: self.render(request, "event.html", snap=snap, **page))

    def article_page(self, request: Request) -> Response:
        snap = self.stores.snapshot()
        article = snap.article_by_slug.get(request.path_params["key"])
        if article is None:
            return self.not_found(request, "article")
        return self._cached_page(request, snap, lambda: self.render(
            request, "article.html", snap=snap,
            **report_html.article_context(snap.index, article, snap.checks.get(article.id))))

    def _story_pages(self, snap: Snapshot, story) -> tuple[dict, list[dict]]:
        if story.id not in snap.pages:
            snap.pages[story.id] = report_html.story_context(snap.index, story, snap.groups, snap.relations)
        return snap.pages[story.id]

    def add_page(self, request: Request) -> Response:
        return self.render(request, "add.html", allow_private=self.allow_private, max_mb=MAX_UPLOAD_BYTES // 1_000_000)

    async def add_submit(self, request: Request) -> Response:
        wants_json = "application/json" in request.headers.get("accept", "")
        if int(request.headers.get("content-length") or 0) > MAX_UPLOAD_BYTES + 100_000:
            return self._refuse(request, wants_json, 413, f"too large: at most {MAX_UPLOAD_BYTES // 1_000_000} MB")
        async with request.form(max_files=MAX_UPLOAD_FILES, max_fields=20) as form:
            field = form.get(security.CSRF_FIELD)
            refusal = security.write_refusal(request, self.token, field if isinstance(field, str) else None)
            if refusal:
                return self._refuse(request, wants_json, 403, refusal)
            text = form.get("urls")
            urls = _urls(text if isinstance(text, str) else "")
            problems = await run_in_threadpool(self._url_problems, urls)  # resolving names blocks
            uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
            if problems:
                return self._refuse(request, wants_json, 400, "; ".join(problems))
            if not urls and not uploads:
                return self._refuse(request, wants_json, 400, "nothing to add: paste a URL or choose a file")
            folder, names = await _save_uploads(uploads) if uploads else (None, [])
        if folder is None and uploads:
            return self._refuse(request, wants_json, 413, f"too large: at most {MAX_UPLOAD_BYTES // 1_000_000} MB")
        inputs = urls + ([str(folder / n) for n in names] if folder else [])
        job = self.jobs.start(inputs, urls + names, cleanup=folder)
        if wants_json:
            return JSONResponse({**job.to_json(), "status_url": f"/api/jobs/{job.id}", "page": f"/jobs/{job.id}"},
                                status_code=202)
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    def _refuse(self, request: Request, wants_json: bool, status: int, reason: str) -> Response:
        if wants_json:
            return JSONResponse({"error": reason}, status_code=status)
        return self.render(request, "add.html", status=status, error=reason, allow_private=self.allow_private,
                           max_mb=MAX_UPLOAD_BYTES // 1_000_000)

    def _url_problems(self, urls: list[str]) -> list[str]:
        return [p for p in (self._url_problem(u) for u in urls) if p]

    def _url_problem(self, url: str) -> str | None:
        """Ingest's SSRF rules, applied before the job starts (the fetcher applies them again to
        every redirect and to the address it connects to)."""
        if not url.lower().startswith(("http://", "https://")):
            return f"{url}: only http(s) URLs can be added from the browser"
        try:
            check_url(url, allow_private=self.allow_private)
        except (BadInput, FetchError) as error:
            return f"{url}: {error.reason}"
        except (ValueError, UnicodeError, OSError) as error:
            return f"{url}: {' '.join(str(error).split()) or type(error).__name__}"
        return None

    def job_page(self, request: Request) -> Response:
        job = self.jobs.get(request.path_params["job_id"])
        if job is None:
            return self.not_found(request, "job")
        snap = self.stores.snapshot()
        added = [snap.index.articles[a] for a in job.ingested if a in snap.index.articles]
        return self.render(request, "job.html", snap=snap, job=job.to_json(), added=added, root="..",
                           story_of=snap.index.story_of_article)

    def alerts_page(self, request: Request) -> Response:
        alerts = jsonviews.alerts_json(self.stores.reader())
        return self.render(request, "alerts.html", alerts=list(reversed(alerts or [])), available=alerts is not None)

    def login_page(self, request: Request) -> Response:
        return self.render(request, "login.html", snap=None if self.token else None)

    async def login_submit(self, request: Request) -> Response:
        async with request.form(max_files=0, max_fields=5) as form:
            given, field = form.get("token"), form.get(security.CSRF_FIELD)
        if not security.same_origin(request) or not security.csrf_ok(request, field if isinstance(field, str) else None):
            return self.render(request, "login.html", status=403, error="reload the page and try again")
        if self.token is None:
            return RedirectResponse("/", status_code=303)
        if not isinstance(given, str) or not _equal(given, self.token):
            return self.render(request, "login.html", status=403, error="wrong token")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(security.SESSION_COOKIE, security.session_value(self.token), httponly=True,
                            samesite="strict", secure=request.url.scheme == "https")
        return response

    async def logout(self, request: Request) -> Response:
        async with request.form(max_files=0, max_fields=5) as form:
            field = form.get(security.CSRF_FIELD)
        refusal = security.write_refusal(request, self.token, field if isinstance(field, str) else None)
        if refusal:
            return PlainTextResponse(refusal, status_code=403)
        response = RedirectResponse("/login" if self.token else "/", status_code=303)
        response.delete_cookie(security.SESSION_COOKIE)
        return response

    def report_css(self, request: Request) -> Response:
        return FileResponse(str(resources.files("newsprism.report") / "static" / "style.css"), media_type="text/css")

    # --- exports ---------------------------------------------------------------------------------
    def export(self, request: Request) -> Response:
        kind, fmt = request.path_params["kind"], request.path_params["fmt"]
        if kind not in ("articles", "quotes", "claims") or fmt not in ("csv", "json"):
            return JSONResponse({"error": "exports: articles, quotes or claims, as .csv or .json"}, status_code=404)
        corpus = self.stores.reader()
        rows: Any
        try:
            if kind == "articles":
                snap = self.stores.snapshot()
                rows = jsonviews.article_rows(h.article for h in self._search(
                    snap, _search_params(request), limit=10**9, offset=0, snippets=False))
            elif kind == "quotes":
                rows = jsonviews.quotes_json(corpus, request.query_params.get("story") or None)
            else:
                rows = jsonviews.claims_json(corpus, request.query_params.get("event") or None)
        except KeyError as error:
            return JSONResponse({"error": f"unknown story or event {error.args[0]!r}"}, status_code=404)
        disposition = {"Content-Disposition": f'attachment; filename="newsprism-{kind}.{fmt}"'}
        if fmt == "json":
            return Response(jsonviews.dumps(rows) + "\n", media_type="application/json", headers=disposition)
        return Response(_csv(rows, _CSV_COLUMNS[kind]), media_type="text/csv; charset=utf-8", headers=disposition)

    # --- API ---------------------------------------------------------------------------------------
    def healthz(self, request: Request) -> Response:
        try:
            count = self.stores.reader().store.count()
        except Exception as error:  # noqa: BLE001 - any failure to read is "unhealthy", said in one line
            return JSONResponse({"ok": False, "error": " ".join(str(error).split())}, status_code=503)
        return JSONResponse({"ok": True, "articles": count})

    def openapi(self, request: Request) -> Response:
        return JSONResponse(openapi_spec())

    def api_stories(self, request: Request) -> Response:
        """``stories --json --limit N --offset M`` as of the snapshot the pages show (decoding and
        encoding every story on each call was half the server's time under load, bench/RESULTS.md),
        a page of ``STORIES_LIMIT`` by default; ``X-Total-Count`` says how many there are."""
        limit = _int(request.query_params.get("limit"), STORIES_LIMIT, 1, MAX_API_LIMIT)
        offset = _int(request.query_params.get("offset"), 0, 0, 10**9)
        snap = self.stores.snapshot()
        key = "/api/stories" if (limit, offset) == (STORIES_LIMIT, 0) else f"/api/stories?{limit}&{offset}"
        body = snap.cached(key, lambda: _json_text(
            [jsonviews.story_json(s) for s in snap.stories[offset:offset + limit]]).encode())
        return Response(body, media_type="application/json", headers={"X-Total-Count": str(len(snap.stories))})

    def api_story(self, request: Request) -> Response:
        corpus = self.stores.reader()
        story = corpus.story(request.path_params["story_id"])
        if story is None:
            return JSONResponse({"error": f"no story with id {request.path_params['story_id']!r}"}, status_code=404)
        return _json(jsonviews.story_detail_json(corpus, story))

    def api_articles(self, request: Request) -> Response:
        """No query: every article (``articles --json``, oldest first; ``all=true`` also lists pages
        flagged as no article), filtered. With ``q``: best matches first (``search --json``)."""
        params = _search_params(request)
        limit = _int(request.query_params.get("limit"), None, 1, MAX_API_LIMIT)
        offset = _int(request.query_params.get("offset"), 0, 0, 10**9)
        snap = self.stores.snapshot()
        if params["q"].split():
            hits = self._search(snap, params, limit=limit or 20, offset=offset, snippets=False)
            return _json(jsonviews.article_rows(h.article for h in hits))
        show_all = request.query_params.get("all", "false").lower() in ("1", "true", "yes")
        keep = self._filter(snap, params)
        rows = [a for a in self.stores.reader().articles()
                if (show_all or a.is_article) and (keep is None or keep(a))]
        rows = rows[offset:offset + limit] if limit else rows[offset:]
        return _json(jsonviews.article_rows(rows))

    def api_article(self, request: Request) -> Response:
        corpus = self.stores.reader()
        article = corpus.article(request.path_params["article_id"])
        if article is None:
            return JSONResponse({"error": f"no article with id {request.path_params['article_id']!r}"},
                                status_code=404)
        return _json(jsonviews.show_json(corpus, article))

    def api_quotes(self, request: Request) -> Response:
        return self._scoped(lambda c, wanted: jsonviews.quotes_json(c, wanted), "story", request)

    def api_claims(self, request: Request) -> Response:
        return self._scoped(lambda c, wanted: jsonviews.claims_json(c, wanted), "event", request)

    def _scoped(self, fetch: Callable[[Any, str | None], Any], kind: str, request: Request) -> Response:
        wanted = request.query_params.get(kind) or None
        try:
            return _json(fetch(self.stores.reader(), wanted))
        except KeyError:
            return JSONResponse({"error": f"no {kind} with id {wanted!r}"}, status_code=404)

    def api_alerts(self, request: Request) -> Response:
        since = request.query_params.get("since") or None
        limit = _int(request.query_params.get("limit"), jsonviews.ALERTS_LIMIT, 1, MAX_API_LIMIT)
        return _json(jsonviews.alerts_json(self.stores.reader(), since, limit) or [])

    async def api_ingest(self, request: Request) -> Response:
        refusal = security.write_refusal(request, self.token, None)
        if refusal:
            return JSONResponse({"error": refusal},
                                status_code=403 if security.authorized(request, self.token) else 401)
        try:
            body = json.loads(await request.body() or b"{}")
        except (ValueError, UnicodeError):
            return JSONResponse({"error": "the body must be JSON: {\"urls\": [...]}"}, status_code=400)
        urls = body.get("urls") if isinstance(body, dict) else None
        if not isinstance(urls, list) or not urls or not all(isinstance(u, str) for u in urls) or len(urls) > MAX_URLS:
            return JSONResponse({"error": f"urls: a list of 1 to {MAX_URLS} http(s) URLs"}, status_code=400)
        problems = await run_in_threadpool(self._url_problems, [u.strip() for u in urls])
        if problems:
            return JSONResponse({"error": "; ".join(problems)}, status_code=400)
        job = self.jobs.start([u.strip() for u in urls], [u.strip() for u in urls])
        return JSONResponse({**job.to_json(), "status_url": f"/api/jobs/{job.id}"}, status_code=202)

    def api_job(self, request: Request) -> Response:
        job = self.jobs.get(request.path_params["job_id"])
        if job is None:
            return JSONResponse({"error": "no such job"}, status_code=404)
        return JSONResponse(job.to_json())

    # --- search ------------------------------------------------------------------------------------
    def _search(self, snap: Snapshot, params: Mapping[str, str], *, limit: int, offset: int, snippets: bool = True):
        ids = self._ids(snap, params)
        return self.stores.reader().store.search_hits(
            params["q"], outlets=[params["outlet"]] if params["outlet"] else (), since=params["since"] or None,
            until=params["until"] or None, languages=[params["language"]] if params["language"] else (),
            article_ids=ids, limit=limit, offset=offset, snippets=snippets)

    def _ids(self, snap: Snapshot, params: Mapping[str, str]) -> list[str] | None:
        """The article ids the story and flag filters leave (None: no such filter)."""
        ids: set[str] | None = None
        if params["story"]:
            story = next((s for s in snap.stories if s.id == params["story"] or slug(s.id) == params["story"]), None)
            ids = set(story.articles) if story else set()
        if params["flag"]:
            flagged = set(snap.with_flag(params["flag"]))
            ids = flagged if ids is None else ids & flagged
        return None if ids is None else sorted(ids)

    def _filter(self, snap: Snapshot, params: Mapping[str, str]):
        """The same filters as ``_search``, as a test on one article (for the unranked listing)."""
        if not any(params[k] for k in ("outlet", "since", "until", "language", "story", "flag")):
            return None
        ids = self._ids(snap, params)
        allowed = None if ids is None else set(ids)

        def keep(a) -> bool:
            day = (a.published or "")[:10]
            return ((not params["outlet"] or a.outlet == params["outlet"])
                    and (not params["language"] or a.language == params["language"])
                    and (not params["since"] or (bool(day) and day >= params["since"]))
                    and (not params["until"] or (bool(day) and day <= params["until"]))
                    and (allowed is None or a.id in allowed))
        return keep


# --- helpers ----------------------------------------------------------------------------------------
_CSV_COLUMNS = {
    "articles": ["id", "published", "outlet", "headline", "byline", "dateline", "wire", "language", "url", "flags"],
    "quotes": ["id", "speaker", "text", "kind", "event", "independent_sources", "flags", "variants"],
    "claims": ["id", "event", "text", "status", "independent_sources", "carried_by", "contradicted_by"],
}


def _csv(rows: list[dict], columns: list[str]) -> str:
    """One row per record; nested values (variants, citations) as compact JSON in their cell. A cell
    starting with = + - @ gets a leading apostrophe so a spreadsheet never runs it as a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        cells = []
        for name in columns:
            value = row.get(name)
            text = "" if value is None else value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            cells.append("'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text)
        writer.writerow(cells)
    return buffer.getvalue()


def _json(value: object) -> Response:
    return Response(_json_text(value), media_type="application/json")


def _json_text(value: object) -> str:
    return json.dumps(jsonviews.to_json(value), ensure_ascii=False)


# The search form's <option> lists, rendered once per snapshot (``_filter_options``): with 500
# stories, rendering them on every search page was a third of the page's CPU (bench/serve_handlers.py).
_FILTER_OPTIONS = {
    "outlet": _ENV.from_string('{% for name, n in snap.outlets %}<option value="{{ name }}">{{ name }} ({{ n }})'
                               '</option>{% endfor %}'),
    "story": _ENV.from_string('{% for s in snap.stories %}<option value="{{ s.id }}">{{ s.title|truncate(60) }}'
                              '</option>{% endfor %}'),
    "language": _ENV.from_string('{% for x in snap.languages %}<option value="{{ x }}">{{ x }}</option>{% endfor %}'),
    "flag": _ENV.from_string('{% for x in snap.flags %}<option value="{{ x }}">{{ x }}</option>{% endfor %}'),
}


def _filter_options(snap: Snapshot, name: str) -> str:
    """The options of one filter of the search form, none selected (kept with the snapshot)."""
    return snap.cached(f"#options/{name}", lambda: _FILTER_OPTIONS[name].render(snap=snap).encode()).decode()


def _selected(options: str, value: str) -> Markup:
    """``options`` with the one whose value is ``value`` selected (values are escaped the same way)."""
    if value:
        chosen = f'<option value="{escape(value)}">'
        options = options.replace(chosen, chosen[:-1] + " selected>", 1)
    return Markup(options)


def _marked(snippet: str) -> Markup:
    """A search snippet as HTML: the text escaped, then only our own match marks made ``<mark>``."""
    return Markup(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def _search_params(request: Request) -> dict[str, str]:
    q = request.query_params
    params = {name: (q.get(name) or "").strip() for name in ("q", "outlet", "since", "until", "language", "story", "flag")}
    for name in ("since", "until"):
        if params[name]:
            if not _DATE.fullmatch(params[name]):
                raise BadRequest(f"{name}: a date as YYYY-MM-DD")
            try:
                date.fromisoformat(params[name])
            except ValueError:
                raise BadRequest(f"{name}: no such date {params[name]!r}") from None
    if len(params["q"]) > 1000:
        raise BadRequest("q: at most 1000 characters")
    return params


def _int(value: str | None, default, low: int, high: int):
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadRequest(f"not a whole number: {value[:40]!r}") from None
    if not low <= number <= high:
        raise BadRequest(f"{number} is out of range ({low} to {high})")
    return number


def _query_string(query: Mapping[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(query)


def _urls(text: str) -> list[str]:
    urls = list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))
    if len(urls) > MAX_URLS:
        raise BadRequest(f"at most {MAX_URLS} URLs at once")
    return urls


async def _save_uploads(uploads: list[UploadFile]) -> tuple[Path | None, list[str]]:
    """Save uploaded files under a new temporary folder with safe names; (None, []) when they
    add up to more than ``MAX_UPLOAD_BYTES``."""
    folder = Path(tempfile.mkdtemp(prefix="newsprism-upload-"))
    names: list[str] = []
    total = 0
    for n, upload in enumerate(uploads):
        base = _SAFE_NAME.sub("_", Path(upload.filename or "upload").name).strip("._") or "upload"
        name = f"{n:03d}-{base[:100]}"
        with open(folder / name, "wb") as out:
            while chunk := await upload.read(1 << 16):
                total += len(chunk)
                if total > MAX_UPLOAD_BYTES:
                    import shutil

                    shutil.rmtree(folder, ignore_errors=True)
                    return None, []
                out.write(chunk)
        names.append(name)
    return folder, names


def _equal(a: str, b: str) -> bool:
    import hmac

    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))
