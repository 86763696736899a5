"""``newsprism serve``: the report's pages live over a store, full-text search, adding articles from
the browser, and a JSON API under ``/api/`` whose shapes are the CLI's ``--json`` shapes.

Imported only by ``newsprism serve`` (and by those who call ``create_app``): ``import newsprism``
never loads Starlette.
"""
from .app import create_app

__all__ = ["create_app"]
