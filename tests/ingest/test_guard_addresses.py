"""The address guard: which addresses are refused, and that hostnames are resolved first."""
from __future__ import annotations

import socket

import pytest

from newsprism.errors import FetchError, RefusedURL, UnsupportedInput
from newsprism.ingest.guard import address_problem, check_url


@pytest.mark.parametrize(("address", "problem"), [
    ("127.0.0.1", "loopback"), ("10.0.0.1", "private"), ("192.168.1.20", "private"),
    ("172.16.0.5", "private"), ("169.254.169.254", "link-local"), ("0.0.0.0", "unspecified"),
    ("224.0.0.251", "multicast"), ("240.0.0.1", "reserved"), ("100.64.0.1", "non-public"),
    ("::1", "loopback"), ("fe80::1%eth0", "link-local"), ("fd00::1", "private"), ("::", "unspecified"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.1.2.3", "private"), ("2002:7f00:0001::", "loopback"),
    ("64:ff9b::a9fe:a9fe", "link-local"),
    ("93.184.215.14", None), ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", None), ("8.8.8.8", None),
])
def test_guard_address_problem(address, problem):
    assert address_problem(address) == problem


def test_guard_hostname_resolving_to_private_refused():
    def resolve(host, port, type=0):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]

    with pytest.raises(RefusedURL, match="refused private address 10.0.0.7"):
        check_url("https://rebinding.example/", allow_private=False, resolve=resolve)


def test_guard_public_host_passes_and_allow_private_skips_resolution():
    check_url("https://news.example/", allow_private=False,
              resolve=lambda host, port, type=0: [(0, 0, 0, "", ("93.184.215.14", port))])

    def explode(*args, **kwargs):
        raise AssertionError("allow_private needs no lookup")

    check_url("http://10.0.0.1/", allow_private=True, resolve=explode)


def test_guard_unresolvable_host_is_retryable():
    def fail(*args, **kwargs):
        raise socket.gaierror(-2, "Name or service not known")

    with pytest.raises(FetchError, match="cannot resolve host nowhere.invalid"):
        check_url("http://nowhere.invalid/", allow_private=False, resolve=fail)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "gopher://x/", "http:///path-only", "http://host:99999/"])
def test_guard_unsupported_urls(url):
    with pytest.raises(UnsupportedInput):
        check_url(url, allow_private=False)
