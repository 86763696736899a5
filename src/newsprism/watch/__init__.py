"""Watch: feeds polled politely all day, new items ingested once, analysis re-run, alerts raised.

The records (``newsprism.watch.records``) are light and read by the store; the watcher itself
is imported on use.
"""
