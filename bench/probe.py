#!/usr/bin/env python3
"""A legitimate client for bench/flood.sh: one GET every --interval seconds on a fixed schedule.

Probe k is due at start + k * interval and is handed, at that moment, to whichever of
--connections keep-alive connections is free (a browser holds six per host); when all are busy it
waits for one. Its latency is measured from the due time, not from when it was actually sent, so
a slow answer cannot hide the delay of the probes queued behind it (coordinated omission; wrk2
and HdrHistogram correct the same way). The connections are opened from --source, so the proxy
sees this client at an address the flood does not use. A connection is reopened after a failure;
a request that finds its kept-alive connection closed by the server is retried once on a new one,
as browsers do.

A probe is served when a 2xx answer arrives within --timeout of its due time. Anything else fails:
another status (a 429, a 403), a connection error, no answer in time, or a probe already past its
deadline when a connection frees up (it is never sent). In the percentiles a failed probe counts
as --timeout, as slow as anything the client would wait for.

Prints one line: served=<percent> p50=<ms> p99=<ms> probes=<count> failed=<count>.
"""
import argparse
import hashlib
import html
import itertools
import re
import sys
import urllib.parse
import http.client
import queue
import socket
import threading
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--address", default="127.0.0.1", help="where the proxy listens")
    parser.add_argument("--source", default="127.0.0.2", help="the local address the probe connects from")
    parser.add_argument("--host", default="site.test", help="Host header")
    parser.add_argument("--path", default="/1k.bin")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--interval", type=float, default=0.02)
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--connections", type=int, default=6, help="requests in flight at most")
    parser.add_argument("--cookie", help="a Cookie header value to send (a challenge's clearance, say)")
    parser.add_argument("--solve-challenge", action="store_true",
                        help="first pass the proof-of-work page as a browser would, from --source, and send its clearance")
    return parser.parse_args()


class Probe:
    """Sends probes; each thread of the pool keeps its own connection."""

    def __init__(self, args):
        self.args = args
        self.headers = {"Host": args.host}
        if args.cookie:
            self.headers["Cookie"] = args.cookie
        self.local = threading.local()

    def _connect(self, timeout):
        connection = http.client.HTTPConnection(
            self.args.address, self.args.port, timeout=timeout, source_address=(self.args.source, 0))
        connection.connect()
        # One small request at a time: Nagle's delay would only add to the figure.
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.local.connection = connection

    def open(self, timeout):
        """Opens this thread's connection ahead of the first probe; a failure is left to the probes."""
        try:
            self._connect(timeout)
        except OSError:
            self.local.connection = None

    def _drop(self):
        connection = getattr(self.local, "connection", None)
        if connection is not None:
            connection.close()
        self.local.connection = None

    def once(self, due):
        """Sends the probe due at `due`; returns its latency in seconds, or None when it failed."""
        deadline = due + self.args.timeout
        connection = getattr(self.local, "connection", None)
        reused = connection is not None and connection.sock is not None
        for attempt in range(2):
            try:
                served = self._send(deadline)
                return time.monotonic() - due if served else None
            except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
                self._drop()
                if not reused or attempt == 1:
                    return None
            except (OSError, http.client.HTTPException):
                self._drop()
                return None
        return None

    def _send(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        connection = getattr(self.local, "connection", None)
        if connection is None or connection.sock is None:
            self._connect(remaining)
            connection = self.local.connection
        else:
            connection.sock.settimeout(remaining)
        connection.request("GET", self.args.path, headers=self.headers)
        response = connection.getresponse()
        response.read()
        if response.will_close:
            self._drop()
        return 200 <= response.status < 300 and time.monotonic() <= deadline


def solve_challenge(args):
    """Does what the challenge page's script does: reads the form, finds the counter, posts it; returns the clearance cookie."""
    connection = http.client.HTTPConnection(args.address, args.port, timeout=10, source_address=(args.source, 0))
    connection.request("GET", args.path, headers={"Host": args.host})
    page = connection.getresponse().read().decode()
    token = html.unescape(re.search(r'name="token" value="([^"]*)"', page).group(1))
    difficulty = int(re.search(r'data-difficulty="(\d+)"', page).group(1))
    back = html.unescape(re.search(r'name="return" value="([^"]*)"', page).group(1))
    counter = next(c for c in itertools.count()
                   if hashlib.sha256(f"{token}{c}".encode()).hexdigest().startswith("0" * difficulty))
    body = urllib.parse.urlencode({"token": token, "counter": counter, "return": back})
    connection.request("POST", "/.within/appliance/challenge", body=body,
                       headers={"Host": args.host, "Content-Type": "application/x-www-form-urlencoded"})
    answer = connection.getresponse()
    answer.read()
    cookie = answer.getheader("Set-Cookie")
    if answer.status != 303 or not cookie:
        sys.exit(f"the challenge was not passed: {answer.status}")
    connection.close()
    return cookie.split(";")[0]


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, -(-len(sorted_values) * fraction // 1))
    return sorted_values[int(rank) - 1]


def main():
    args = parse_args()
    if args.solve_challenge:
        args.cookie = solve_challenge(args)
    probe = Probe(args)
    count = int(args.seconds / args.interval)
    # Started up front and fed through a queue, so a due probe goes to the first idle connection at
    # once; a pool that adds threads only when it believes none is idle would queue it instead.
    due_times = queue.Queue()
    results = []

    # Connections are opened before the schedule starts, as a browser's are by the time it asks for
    # more: opening one is not what the probes measure.
    connected = threading.Barrier(args.connections + 1)

    def work():
        probe.open(args.timeout)
        connected.wait()
        while (due := due_times.get()) is not None:
            results.append(probe.once(due))

    workers = [threading.Thread(target=work, daemon=True) for _ in range(args.connections)]
    for worker in workers:
        worker.start()
    connected.wait()
    start = time.monotonic()
    for k in range(count):
        due = start + k * args.interval
        now = time.monotonic()
        if now < due:
            time.sleep(due - now)
        due_times.put(due)
    for _ in workers:
        due_times.put(None)
    for worker in workers:
        worker.join()
    failed = sum(1 for latency in results if latency is None)
    latencies = sorted(args.timeout if latency is None else latency for latency in results)
    served = 100.0 * (count - failed) / count
    print(f"served={served:.2f} p50={percentile(latencies, 0.50) * 1000:.2f} "
          f"p99={percentile(latencies, 0.99) * 1000:.2f} probes={count} failed={failed}")


if __name__ == "__main__":
    main()
