"""Alert sinks: a JSON-lines file, a webhook with bounded retries, email through SMTP (a tiny
local SMTP server on a socket), and one failing sink never stopping the others."""
from __future__ import annotations

import json
import socket
import threading
import time

import pytest

from newsprism.watch import Alert
from newsprism.watch.sinks import JsonlSink, LogSink, MailSink, WebhookSink, deliver, parse_smtp

ALERTS = [Alert(key="new-event:e2", kind="new-event", message="new event in story “Dam”: “Dam fails”",
                raised_at="2026-12-04T12:00:00+00:00", story="s1", event="e2", articles=("a1",)),
          Alert(key="contested-claim:c1", kind="contested-claim", message="contested claim", event="e2")]


def test_sinks_jsonl_appends_one_line_per_alert(tmp_path):
    path = tmp_path / "out" / "alerts.jsonl"
    sink = JsonlSink(path)
    sink.send(ALERTS[:1])
    sink.send(ALERTS[1:])
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [Alert.from_dict(line) for line in lines] == ALERTS


def test_sinks_log_one_line_each():
    lines: list[str] = []
    LogSink(lines.append).send(ALERTS)
    assert lines[0] == "alert: new-event: new event in story “Dam”: “Dam fails”" and len(lines) == 2


def test_sinks_webhook_retries_5xx_then_delivers(feeds):
    feeds.post_statuses = [503, 500]
    WebhookSink(feeds.url("/hook"), pause=0.01).send(ALERTS[:1])
    posts = [r for r in feeds.requests if r.method == "POST"]
    assert len(posts) == 3 and json.loads(posts[-1].body)["key"] == "new-event:e2"
    assert posts[-1].headers["Content-Type"] == "application/json"


def test_sinks_webhook_gives_up_bounded(feeds):
    feeds.post_statuses = [400]
    with pytest.raises(RuntimeError, match="1 of 1"):
        WebhookSink(feeds.url("/hook"), pause=0.01).send(ALERTS[:1])  # refused: not asked again
    feeds.post_delay = 1.0  # a receiver that hangs
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="2 of 2"):
        WebhookSink(feeds.url("/hook"), attempts=2, timeout=0.2, pause=0.01).send(ALERTS)
    assert time.monotonic() - started < 2.5
    assert len([r for r in feeds.requests if r.method == "POST"]) == 5


class FakeSMTP:
    """Just enough SMTP on 127.0.0.1 to receive one message."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.commands: list[str] = []
        self.data = b""
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn, conn.makefile("rb") as reader:
            conn.sendall(b"220 fake ESMTP\r\n")
            while line := reader.readline():
                command = line.decode().strip()
                self.commands.append(command.split(" ")[0].upper())
                if command.upper() == "DATA":
                    conn.sendall(b"354 go on\r\n")
                    while (chunk := reader.readline()) != b".\r\n":
                        self.data += chunk
                    conn.sendall(b"250 queued\r\n")
                elif command.upper() == "QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 ok\r\n")


def test_sinks_mail_sends_one_message_per_round():
    server = FakeSMTP()
    MailSink("127.0.0.1", server.port, ["desk@example.org"], sender="watch@example.org").send(ALERTS)
    server.thread.join(5)
    text = server.data.decode()
    assert server.commands[:3] == ["EHLO", "MAIL", "RCPT"] and server.commands[-1] == "QUIT"
    assert "Subject: newsprism: 2 alerts" in text and "To: desk@example.org" in text
    assert "contested-claim:c1" in text


def test_sinks_one_failing_sink_does_not_stop_the_others(tmp_path, closed_port):
    path = tmp_path / "alerts.jsonl"
    reported: list[str] = []
    problems = deliver(ALERTS, [MailSink("127.0.0.1", closed_port, ["x@example.org"], timeout=1), JsonlSink(path)],
                       reported.append)
    assert len(problems) == 1 and problems[0].startswith("alerts not delivered to email")
    assert len(path.read_text().splitlines()) == 2 and reported


def test_sinks_parse_smtp():
    assert parse_smtp("mail.example.org:2525") == ("mail.example.org", 2525)
    assert parse_smtp("localhost") == ("localhost", 25)
    with pytest.raises(ValueError):
        parse_smtp("host:notaport")


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
