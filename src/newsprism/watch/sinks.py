"""Where alerts go: a log line, a JSON-lines file, a webhook, email.

Each sink gets the alerts a round stored (each alert once); a sink that fails is reported and
the others still get them. The alerts stay in the store whatever happens to a sink
(``newsprism alerts`` lists them). No sink blocks polling for long: the webhook makes a bounded
number of attempts, each with a timeout, and gives up early when the watcher is stopping.
"""
from __future__ import annotations

import json
import os
import smtplib
import threading
import time
from collections.abc import Callable, Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

import httpx

from .polite import user_agent
from .records import Alert

# Webhook: attempts per alert and seconds per attempt; the pause doubles between attempts
# (1 s, 2 s). At most ~3 x 5 s + 3 s per alert, whatever the receiver does.
WEBHOOK_ATTEMPTS = 3
WEBHOOK_TIMEOUT_S = 5.0
WEBHOOK_PAUSE_S = 1.0
SMTP_TIMEOUT_S = 10.0


class Sink(Protocol):
    name: str

    def send(self, alerts: Sequence[Alert]) -> None:
        """Deliver the alerts; raise on failure (the caller reports it and goes on)."""


class LogSink:
    """One line per alert (stderr by default)."""

    name = "log"

    def __init__(self, write: Callable[[str], None]):
        self.write = write

    def send(self, alerts: Sequence[Alert]) -> None:
        for alert in alerts:
            self.write(f"alert: {alert.kind}: {' '.join(alert.message.split())}")


class JsonlSink:
    """Appends each alert as one JSON line (flushed and synced: a reader tailing it sees whole lines)."""

    name = "jsonl"

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def send(self, alerts: Sequence[Alert]) -> None:
        if not alerts:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lines = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in alerts)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(lines)
            handle.flush()
            os.fsync(handle.fileno())


class WebhookSink:
    """POSTs each alert as JSON to ``url``, retrying 5xx, 429 and network errors a bounded number
    of times. The URL is the operator's own (often on the same host), so the address guard that
    protects fetching from strangers' URLs does not apply."""

    name = "webhook"

    def __init__(self, url: str, *, attempts: int = WEBHOOK_ATTEMPTS, timeout: float = WEBHOOK_TIMEOUT_S,
                 pause: float = WEBHOOK_PAUSE_S, stop: threading.Event | None = None,
                 client: httpx.Client | None = None):
        self.url = url
        self.attempts = attempts
        self.pause = pause
        self.stop = stop or threading.Event()
        self.client = client or httpx.Client(timeout=timeout, follow_redirects=False,
                                             headers={"User-Agent": user_agent()})

    def send(self, alerts: Sequence[Alert]) -> None:
        failed = [alert.key for alert in alerts if not self._post(alert)]
        if failed:
            raise RuntimeError(f"{self.url}: {len(failed)} of {len(alerts)} alert(s) not delivered")

    def _post(self, alert: Alert) -> bool:
        pause = self.pause
        for attempt in range(self.attempts):
            if attempt:
                if self.stop.wait(pause):
                    return False
                pause *= 2
            try:
                response = self.client.post(self.url, json=alert.to_dict())
            except httpx.HTTPError:
                continue
            if response.status_code < 300:
                return True
            if response.status_code < 500 and response.status_code != 429:
                return False  # the receiver refuses this alert: asking again will not help
        return False


class MailSink:
    """One email per round with every alert (plain text, the JSON attached inline)."""

    name = "email"

    def __init__(self, host: str, port: int, to: Sequence[str], *, sender: str = "newsprism@localhost",
                 timeout: float = SMTP_TIMEOUT_S):
        self.host, self.port, self.to, self.sender, self.timeout = host, port, list(to), sender, timeout

    def send(self, alerts: Sequence[Alert]) -> None:
        if not alerts:
            return
        message = EmailMessage()
        message["Subject"] = (f"newsprism: {alerts[0].message[:120]}" if len(alerts) == 1
                              else f"newsprism: {len(alerts)} alerts")
        message["From"] = self.sender
        message["To"] = ", ".join(self.to)
        body = "\n".join(f"- [{a.kind}] {a.message}" for a in alerts)
        message.set_content(body + "\n\n" + json.dumps([a.to_dict() for a in alerts], ensure_ascii=False, indent=2))
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            smtp.send_message(message)


def deliver(alerts: Sequence[Alert], sinks: Sequence[Sink], report: Callable[[str], None]) -> list[str]:
    """Send ``alerts`` to every sink; returns one line per sink that failed (also reported)."""
    problems = []
    for sink in sinks:
        started = time.monotonic()
        try:
            sink.send(alerts)
        except Exception as error:  # noqa: BLE001 - one sink must not stop the others or the watcher
            line = f"alerts not delivered to {sink.name}: {' '.join(str(error).split()) or type(error).__name__}"
            problems.append(line)
            report(f"{line} ({time.monotonic() - started:.1f} s)")
    return problems


def parse_smtp(value: str) -> tuple[str, int]:
    """``HOST:PORT`` (port 25 when omitted) as (host, port); ValueError when malformed."""
    host, sep, port = value.rpartition(":")
    if not sep:
        return value, 25
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"not HOST:PORT: {value!r}")
    return host.strip("[]"), int(port)
