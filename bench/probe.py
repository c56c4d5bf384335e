#!/usr/bin/env python3
"""A legitimate client for bench/flood.sh: one GET every --interval seconds on a fixed schedule.

Probe k is due at start + k * interval. Its latency is measured from that due time, not from when
it was actually sent, so a slow answer cannot hide the delay of the probes queued behind it
(coordinated omission; wrk2 and HdrHistogram correct the same way). Requests go one at a time over
one keep-alive connection (reopened after any failure; a request that finds the kept-alive
connection closed is retried once on a new one, as browsers do) from --source, so the proxy sees
this client at an address the flood does not use.

A probe is served when a 2xx answer arrives within --timeout of its due time. Anything else fails:
another status (a 429, a 403), a connection error, no answer in time, or a probe that is already
past its deadline when the one before it finishes (it is never sent). In the percentiles a failed
probe counts as --timeout, as slow as anything the client would wait for.

Prints one line: served=<percent> p50=<ms> p99=<ms> probes=<count> failed=<count>.
"""
import argparse
import http.client
import socket
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
    parser.add_argument("--cookie", help="a Cookie header value to send (a challenge's clearance, say)")
    return parser.parse_args()


class Probe:
    def __init__(self, args):
        self.args = args
        self.headers = {"Host": args.host}
        if args.cookie:
            self.headers["Cookie"] = args.cookie
        self.connection = None

    def _connect(self, timeout):
        self.connection = http.client.HTTPConnection(
            self.args.address, self.args.port, timeout=timeout, source_address=(self.args.source, 0))
        self.connection.connect()
        # One small request at a time: Nagle's delay would only add to the figure.
        self.connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _drop(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def once(self, deadline):
        """Sends one request; True when a 2xx answer (fully read) arrives before the deadline."""
        reused = self.connection is not None and self.connection.sock is not None
        try:
            return self._send(deadline)
        except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
            # A kept-alive connection the server had already closed: browsers retry once on a new
            # one, and so does the probe, within the same deadline.
            self._drop()
            if not reused:
                return False
        except (OSError, http.client.HTTPException):
            self._drop()
            return False
        try:
            return self._send(deadline)
        except (OSError, http.client.HTTPException):
            self._drop()
            return False

    def _send(self, deadline):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        if self.connection is None or self.connection.sock is None:
            self._connect(remaining)
        else:
            self.connection.sock.settimeout(remaining)
        self.connection.request("GET", self.args.path, headers=self.headers)
        response = self.connection.getresponse()
        response.read()
        if response.will_close:
            self._drop()
        return 200 <= response.status < 300 and time.monotonic() <= deadline


def percentile(sorted_values, fraction):
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, -(-len(sorted_values) * fraction // 1))
    return sorted_values[int(rank) - 1]


def main():
    args = parse_args()
    probe = Probe(args)
    count = int(args.seconds / args.interval)
    latencies = []
    failed = 0
    start = time.monotonic()
    for k in range(count):
        due = start + k * args.interval
        now = time.monotonic()
        if now < due:
            time.sleep(due - now)
        if probe.once(due + args.timeout):
            latencies.append(time.monotonic() - due)
        else:
            failed += 1
            latencies.append(args.timeout)
    latencies.sort()
    served = 100.0 * (count - failed) / count
    print(f"served={served:.2f} p50={percentile(latencies, 0.50) * 1000:.2f} "
          f"p99={percentile(latencies, 0.99) * 1000:.2f} probes={count} failed={failed}")


if __name__ == "__main__":
    main()
