"""Ingest jobs started from the browser: one worker thread runs them in turn (one writer per
store), each job reporting its progress for the page that polls ``/api/jobs/{id}``.

A job ingests its URLs (and feeds, and uploaded files saved to a temporary folder), then runs the
incremental analysis, so new articles appear in their stories; then the app's snapshot is dropped.
"""
from __future__ import annotations

import secrets
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..model import Failure
from .state import Stores

KEEP_JOBS = 100  # finished jobs remembered for their status page; older ones are forgotten


@dataclass(slots=True)
class Job:
    id: str
    inputs: list[str]
    state: str = "queued"  # queued | ingesting | analyzing | done | failed
    stage: str = ""
    done: int = 0
    total: int | None = None
    ingested: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    error: str | None = None
    created: str = ""
    finished: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "state": self.state, "stage": self.stage, "done": self.done, "total": self.total,
                "inputs": list(self.inputs), "ingested": list(self.ingested), "duplicates": list(self.duplicates),
                "failed": list(self.failed), "error": self.error, "created": self.created,
                "finished": self.finished, "finished_ok": self.state == "done"}


class Jobs:
    def __init__(self, stores: Stores, *, allow_private: bool, max_bytes: int, language: Any = None,
                 analyze: bool = True):
        self.stores = stores
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.language = language
        self.analyze = analyze
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsprism-ingest")

    def start(self, inputs: list[str], shown: list[str], cleanup: Path | None = None) -> Job:
        job = Job(id=secrets.token_hex(8), inputs=shown, total=len(inputs), created=_now())
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
        self._pool.submit(self._run, job, inputs, cleanup)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job | None:
        """Block until the job has finished (tests and scripts); the job, or None if unknown."""
        deadline = time.monotonic() + timeout
        while (job := self.get(job_id)) is not None and job.state not in ("done", "failed"):
            if time.monotonic() > deadline:
                break
            time.sleep(0.05)
        return job

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, inputs: list[str], cleanup: Path | None) -> None:
        corpus, owned = self.stores.writer()
        try:
            job.state = "ingesting"

            def advance(source: str) -> None:
                job.done += 1
                job.stage = f"read {source}"

            def failed(failure: Failure) -> None:
                job.done += 1
                job.failed.append({"input": failure.source, "reason": failure.reason,
                                   "retryable": failure.retryable})

            report = corpus.ingest(inputs, allow_private=self.allow_private, max_bytes=self.max_bytes,
                                   on_progress=advance, on_failure=failed)
            job.ingested, job.duplicates = list(report.ingested), list(report.duplicates)
            self.stores.invalidate()
            if report.ingested and self.analyze:
                job.state, job.done, job.total = "analyzing", 0, None
                progress: Callable[[str, int, int], None] = lambda stage, done, total: _stage(job, stage, done, total)
                corpus.analyze(self.language, on_progress=progress)
            job.state = "done"
        except Exception as error:  # noqa: BLE001 - a job's failure is shown on its page, the server goes on
            job.state, job.error = "failed", " ".join(str(error).split()) or type(error).__name__
        finally:
            job.finished = _now()
            self.stores.invalidate()
            if owned:
                corpus.close()
            if cleanup is not None:
                shutil.rmtree(cleanup, ignore_errors=True)


def _stage(job: Job, stage: str, done: int, total: int) -> None:
    job.stage, job.done, job.total = stage, done, total


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
