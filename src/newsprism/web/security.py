"""Who may read and write, and how a form proves it came from this app's own page.

- A token (``--token`` / ``NEWSPRISM_TOKEN``) guards every page and endpoint but ``/healthz``,
  the login page and the static files: scripts send ``Authorization: Bearer TOKEN``; a browser
  logs in once and holds a session cookie (an HMAC of the token, HttpOnly, SameSite=Strict).
- Every write from a browser is CSRF-safe twice over: its ``Origin`` (or ``Referer``) must be this
  server, and it must carry the double-submit token (form field ``csrf`` or header
  ``X-CSRF-Token``) equal to the ``newsprism_csrf`` cookie set with the page. A request with a
  valid bearer token is a script, not a browser riding a cookie, and skips the CSRF check.
- Bound to a loopback address, the app answers only requests whose ``Host`` names loopback
  (``TrustedHostMiddleware``), so a web page cannot reach it through DNS rebinding.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request

SESSION_COOKIE = "newsprism_session"
CSRF_COOKIE = "newsprism_csrf"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
# Pages and endpoints anyone may read even when a token is set.
PUBLIC_PATHS = ("/healthz", "/login", "/style.css")
PUBLIC_PREFIXES = ("/static/",)
# Content-Security-Policy: this app's own files only; no inline script, no framing, forms post here.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def session_value(token: str) -> str:
    """The session cookie's value: proves the browser once gave the token, without holding it."""
    return hmac.new(token.encode("utf-8"), b"newsprism-session-v1", hashlib.sha256).hexdigest()


def new_csrf() -> str:
    return secrets.token_urlsafe(32)


def bearer_ok(request: Request, token: str | None) -> bool:
    """True when the request carries ``Authorization: Bearer <token>`` with the right token."""
    if token is None:
        return False
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def authorized(request: Request, token: str | None) -> bool:
    """May this request read (and, with the CSRF checks, write)? Always, when no token is set."""
    if token is None or bearer_ok(request, token):
        return True
    cookie = request.cookies.get(SESSION_COOKIE, "")
    return hmac.compare_digest(cookie.encode(), session_value(token).encode())


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def same_origin(request: Request) -> bool:
    """The request's ``Origin`` (else ``Referer``) is this server; absent both, True (the CSRF
    token still has to match)."""
    given = request.headers.get("origin") or request.headers.get("referer")
    if not given:
        return True
    if given == "null":
        return False
    parts = urlsplit(given)
    host = request.headers.get("host", "")
    return parts.scheme == request.url.scheme and parts.netloc == host


def csrf_ok(request: Request, submitted: str | None) -> bool:
    """The double-submit check: the token sent with the form equals the page's cookie."""
    cookie = request.cookies.get(CSRF_COOKIE)
    given = submitted or request.headers.get(CSRF_HEADER)
    return bool(cookie and given) and hmac.compare_digest(str(cookie).encode(), str(given).encode())


def write_refusal(request: Request, token: str | None, submitted: str | None) -> str | None:
    """Why a write must be refused (one line), or None when it may go ahead."""
    if not authorized(request, token):
        return "a token is needed: log in, or send Authorization: Bearer TOKEN"
    if bearer_ok(request, token):
        return None
    if not same_origin(request):
        return "cross-origin request refused"
    if not csrf_ok(request, submitted):
        return "missing or wrong CSRF token: reload the page and try again"
    return None
