"""The OpenAPI 3.1 description of ``/api/`` (served at ``/api/openapi.json``), written by hand.

Each response schema is the shape the matching CLI ``--json`` prints (``newsprism.jsonviews``
builds both); finding records (quotes, claims) are described by their main fields and may carry
more.
"""
from __future__ import annotations

from typing import Any

from .. import __version__

_STR = {"type": "string"}
_NSTR = {"type": ["string", "null"]}
_DATE_PARAM = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

ARTICLE_ROW = {
    "type": "object", "required": ["id"],
    "properties": {"id": _STR, "url": _NSTR, "outlet": _NSTR, "headline": _NSTR, "byline": _NSTR,
                   "published": _NSTR, "dateline": _NSTR, "wire": _NSTR, "language": _NSTR,
                   "flags": {"type": "array", "items": _STR}},
}
EVENT = {
    "type": "object", "required": ["id", "title", "articles"],
    "properties": {"id": _STR, "title": _STR, "start": _NSTR, "end": _NSTR,
                   "articles": {"type": "array", "items": {
                       "type": "object", "properties": {"id": _STR, "role": _STR,
                                                        "flags": {"type": "array", "items": _STR}}}}},
}
STORY = {
    "type": "object", "required": ["id", "title", "articles", "events"],
    "properties": {"id": _STR, "title": _STR, "articles": {"type": "array", "items": _STR},
                   "outlets": {"type": "array", "items": _STR}, "independent_sources": {"type": "integer"},
                   "start": _NSTR, "end": _NSTR, "events": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}},
}
STORY_DETAIL = {"allOf": [{"$ref": "#/components/schemas/Story"}, {
    "type": "object", "properties": {
        "provenance_groups": {"type": "array", "items": {"type": "object", "properties": {
            "origin": _STR, "members": {"type": "array", "items": {"type": "object"}}}}},
        "summary": {"type": ["object", "null"]},
        "event_summaries": {"type": "object"}}}]}
ARTICLE = {"allOf": [{"$ref": "#/components/schemas/ArticleRow"}, {
    "type": "object", "properties": {
        "canonical_url": _NSTR, "source": _STR, "text": _STR, "removed": {"type": "array", "items": _STR},
        "removed_detail": {"type": "array", "items": {"type": "object"}}, "captions": {"type": "array", "items": _STR},
        "blocks": {"type": "array", "items": {"type": "object"}}, "provenance": {"type": "object"},
        "headline_check": _NSTR, "headline_check_detail": {"type": ["object", "null"]},
        "headline_vs_event": {"type": ["object", "null"]}}}]}
QUOTE = {"type": "object", "required": ["id"], "properties": {
    "id": _STR, "speaker": _NSTR, "text": _STR, "kind": _STR, "event": _NSTR,
    "independent_sources": {"type": "integer"}, "flags": {"type": "array", "items": _STR},
    "variants": {"type": "array", "items": {"type": "object", "properties": {
        "article": _STR, "text": _STR, "start": {"type": "integer"}, "end": {"type": "integer"}}}}}}
CLAIM = {"type": "object", "required": ["id"], "properties": {
    "id": _STR, "event": _NSTR, "text": _STR, "status": _STR, "independent_sources": {"type": "integer"},
    "carried_by": {"type": "array", "items": {"type": "object"}},
    "contradicted_by": {"type": "array", "items": {"type": "object"}}}}
ALERT = {"type": "object", "properties": {"key": _STR, "kind": _STR, "message": _STR, "raised_at": _STR,
                                          "story": _NSTR, "event": _NSTR, "articles": {"type": "array"}}}
JOB = {"type": "object", "required": ["id", "state"], "properties": {
    "id": _STR, "state": {"enum": ["queued", "ingesting", "analyzing", "done", "failed"]}, "stage": _STR,
    "done": {"type": "integer"}, "total": {"type": ["integer", "null"]},
    "ingested": {"type": "array", "items": _STR}, "duplicates": {"type": "array", "items": _STR},
    "failed": {"type": "array", "items": {"type": "object"}}, "error": _NSTR}}
ERROR = {"type": "object", "required": ["error"], "properties": {"error": _STR}}


def _ok(schema: dict, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _error(description: str) -> dict:
    return _ok({"$ref": "#/components/schemas/Error"}, description)


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


# /api/stories answers this many unless asked (?limit=, ?offset=): the whole list of 500 stories
# was 537 KB, the slowest answer under load (bench/serve_load.py, bench/RESULTS.md).
STORIES_LIMIT = 100


def _query(name: str, schema: dict, description: str) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


_FILTERS = [
    _query("q", {"type": "string", "maxLength": 1000}, "Words to find in headlines and bodies (never query syntax)."),
    _query("outlet", _STR, "Only this outlet (exact name)."),
    _query("since", _DATE_PARAM, "Published on or after this date."),
    _query("until", _DATE_PARAM, "Published on or before this date."),
    _query("language", _STR, "Only this language code."),
    _query("story", _STR, "Only the articles of this story (full id)."),
    _query("flag", _STR, "Only articles with this flag (short, not-english, not-article, ...)."),
]


def openapi_spec() -> dict[str, Any]:
    bad = {"400": _error("A parameter that makes no sense (its reason)."),
           "401": _error("A token is set and the request did not carry it.")}
    return {
        "openapi": "3.1.0",
        "info": {"title": "newsprism", "version": __version__,
                 "description": "One news story through every outlet that covered it. Each response is the JSON "
                                "the matching `newsprism ... --json` command prints. When the server has a token, "
                                "send `Authorization: Bearer TOKEN`."},
        "components": {
            "schemas": {"ArticleRow": ARTICLE_ROW, "Article": ARTICLE, "Event": EVENT, "Story": STORY,
                        "StoryDetail": STORY_DETAIL, "Quote": QUOTE, "Claim": CLAIM, "Alert": ALERT, "Job": JOB,
                        "Error": ERROR},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{}, {"bearer": []}],
        "paths": {
            "/api/stories": {"get": {
                "summary": "Stories, biggest and most recent first (`newsprism stories --json --limit N --offset M`); "
                           "the header X-Total-Count says how many there are in all.",
                "operationId": "listStories",
                "parameters": [_query("limit", {"type": "integer", "minimum": 1, "maximum": 1000},
                                      f"At most this many ({STORIES_LIMIT} unless given)."),
                               _query("offset", {"type": "integer", "minimum": 0}, "Skip this many.")],
                "responses": {"200": _ok({"type": "array", "items": _ref("Story")}, "The stories."), **bad}}},
            "/api/stories/{story_id}": {"get": {
                "summary": "One story with provenance groups and summaries (`newsprism story ID --json`).",
                "operationId": "getStory",
                "parameters": [{"name": "story_id", "in": "path", "required": True, "schema": _STR,
                                "description": "Story id or a unique prefix."}],
                "responses": {"200": _ok(_ref("StoryDetail"), "The story."), "404": _error("No such story."), **bad}}},
            "/api/articles": {"get": {
                "summary": "Articles: with `q`, best matches first (`newsprism search Q --json`); without, every "
                           "article oldest first (`newsprism articles --json`). Filters apply to both.",
                "operationId": "listArticles",
                "parameters": [*_FILTERS,
                               _query("limit", {"type": "integer", "minimum": 1, "maximum": 1000},
                                      "At most this many (20 with q, all without)."),
                               _query("offset", {"type": "integer", "minimum": 0}, "Skip this many."),
                               _query("all", {"type": "boolean"}, "Without q: also pages flagged as no article.")],
                "responses": {"200": _ok({"type": "array", "items": _ref("ArticleRow")}, "The articles."), **bad}}},
            "/api/articles/{article_id}": {"get": {
                "summary": "One article in full (`newsprism show ID --json`).", "operationId": "getArticle",
                "parameters": [{"name": "article_id", "in": "path", "required": True, "schema": _STR}],
                "responses": {"200": _ok(_ref("Article"), "The article."), "404": _error("No such article."), **bad}}},
            "/api/quotes": {"get": {
                "summary": "Quotes aligned across outlets (`newsprism quotes [STORY] --json`).",
                "operationId": "listQuotes", "parameters": [_query("story", _STR, "Story id or unique prefix.")],
                "responses": {"200": _ok({"type": "array", "items": _ref("Quote")}, "The quotes."),
                              "404": _error("No such story."), **bad}}},
            "/api/claims": {"get": {
                "summary": "Claims aligned across outlets (`newsprism claims [EVENT] --json`).",
                "operationId": "listClaims", "parameters": [_query("event", _STR, "Event id or unique prefix.")],
                "responses": {"200": _ok({"type": "array", "items": _ref("Claim")}, "The claims."),
                              "404": _error("No such event."), **bad}}},
            "/api/alerts": {"get": {
                "summary": "Alerts raised by `newsprism watch`, oldest first (`newsprism alerts --json`).",
                "operationId": "listAlerts",
                "parameters": [_query("since", {"type": "string", "maxLength": 64}, "Only alerts raised after this ISO 8601 time."),
                               _query("limit", {"type": "integer", "minimum": 1, "maximum": 1000},
                                      "At most this many, the latest (50).")],
                "responses": {"200": _ok({"type": "array", "items": _ref("Alert")}, "The alerts."), **bad}}},
            "/api/ingest": {"post": {
                "summary": "Ingest URLs (articles or feeds) in the background, then analyse. Needs the token when "
                           "one is set; a browser also needs the CSRF token (header X-CSRF-Token).",
                "operationId": "ingest",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {
                    "type": "object", "required": ["urls"],
                    "properties": {"urls": {"type": "array", "items": _STR, "minItems": 1, "maxItems": 100}}}}}},
                "responses": {"202": _ok(_ref("Job"), "The job, started."), "403": _error("Refused (CSRF)."),
                              **bad}}},
            "/api/jobs/{job_id}": {"get": {
                "summary": "An ingest job's progress.", "operationId": "getJob",
                "parameters": [{"name": "job_id", "in": "path", "required": True, "schema": _STR}],
                "responses": {"200": _ok(_ref("Job"), "The job."), "404": _error("No such job."), **bad}}},
            "/healthz": {"get": {
                "summary": "200 when the store answers, 503 when it does not.", "operationId": "health",
                "security": [{}],
                "responses": {"200": _ok({"type": "object", "properties": {"ok": {"type": "boolean"},
                                                                           "articles": {"type": "integer"}}},
                                         "The store answers."),
                              "503": _ok({"type": "object"}, "The store does not answer.")}}},
        },
    }
