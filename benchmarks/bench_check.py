"""How fast tradecheck starts and checks: a script for the README's figures, not a test.

    python benchmarks/bench_check.py            # markdown table
    python benchmarks/bench_check.py --json     # machine-readable

Measures start-up (``Pipeline.load`` in a fresh process, median of 5), the in-process time
to check the seed article (``../shared/seed``; an own English + Icelandic sample when that is
absent), throughput on a ~1 MB text, and requests/s and latency through a real uvicorn.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "lavrov-visit-2021-03-19.is.txt"
sys.path.insert(0, str(REPO))

from service.pipeline import Pipeline  # noqa: E402
from service.settings import Settings  # noqa: E402

# Our own sample, used when the seed article is not beside the repository.
SAMPLE = """\
Published: 19 March 2021
Bilateral trade between China and Russia exceeded $107 billion last year, and China has been Russia's
largest trading partner for 11 consecutive years. The two ministers spoke for three hours.
Birtingartími: 19. mars 2021
Tvíhliða viðskipti Kína og Rússlands námu yfir 107 milljörðum Bandaríkjadala á síðasta ári og Kína hefur
verið stærsti viðskiptafélagi Rússlands í 11 ár í röð. Fundurinn stóð í fimm klukkustundir.
"""

# Load, then check one sentence per language: the first check may load lazily held word data.
STARTUP_CODE = (
    "import time; t = time.perf_counter(); "
    "from service.pipeline import Pipeline; p = Pipeline.load(); "
    "loaded = time.perf_counter() - t; "
    "p.check('Trade exceeded $1 billion in 2020.'); p.check('Viðskiptin námu 5 milljörðum króna árið 2020.'); "
    "print(loaded, time.perf_counter() - t)"
)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def sample_text() -> tuple[str, str]:
    if SEED.exists():
        return SEED.read_text(encoding="utf-8"), SEED.name
    return SAMPLE, "own sample (../shared absent)"


def bench_startup(runs: int = 5) -> dict[str, float]:
    loads, ready, wall = [], [], []
    for _ in range(runs):
        began = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", STARTUP_CODE], cwd=REPO, check=True, capture_output=True, text=True)
        wall.append(time.perf_counter() - began)
        load_s, ready_s = map(float, out.stdout.split()[-2:])
        loads.append(load_s)
        ready.append(ready_s)
    return {
        "startup_load_s": statistics.median(loads),
        "startup_first_checks_s": statistics.median(ready),
        "startup_process_s": statistics.median(wall),
    }


def bench_check(pipeline: Pipeline, text: str, runs: int) -> dict[str, float]:
    for _ in range(5):
        pipeline.check(text)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        pipeline.check(text)
        times.append(time.perf_counter() - began)
    return {"check_median_ms": statistics.median(times) * 1e3, "check_p95_ms": percentile(times, 0.95) * 1e3}


def bench_throughput(pipeline: Pipeline, text: str, size: int = 1_000_000, runs: int = 3) -> dict[str, float]:
    big = (text.rstrip("\n") + "\n\n") * max(1, size // len(text.encode("utf-8")))
    nbytes = len(big.encode("utf-8"))
    roomy = Pipeline(pipeline.registry, pipeline.reference, replace(pipeline.settings, max_text_bytes=nbytes + 1))
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        roomy.check(big, published=date(2021, 3, 19))
        times.append(time.perf_counter() - began)
    return {"throughput_bytes": nbytes, "throughput_mb_s": nbytes / 1e6 / statistics.median(times)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bench_http(text: str, requests: int, concurrency: int) -> dict[str, float]:
    port = _free_port()
    cmd = [sys.executable, "-m", "uvicorn", "service.api:create_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]  # fmt: skip
    server = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {server.returncode}")
            try:
                httpx.get(f"{base}/healthz", timeout=2).raise_for_status()
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError("uvicorn did not start within 120 s") from None
                time.sleep(0.2)
        body = {"text": text}

        def one(client: httpx.Client) -> float:
            began = time.perf_counter()
            client.post(f"{base}/v1/check", json=body, timeout=60).raise_for_status()
            return time.perf_counter() - began

        clients = [httpx.Client() for _ in range(concurrency)]
        try:
            for client in clients:
                one(client)  # warm-up, one per connection
            began = time.perf_counter()
            with ThreadPoolExecutor(concurrency) as pool:
                latencies = list(pool.map(lambda i: one(clients[i % concurrency]), range(requests)))
            elapsed = time.perf_counter() - began
        finally:
            for client in clients:
                client.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "http_requests": requests,
        "http_concurrency": concurrency,
        "http_requests_per_s": requests / elapsed,
        "http_latency_median_ms": statistics.median(latencies) * 1e3,
        "http_latency_p95_ms": percentile(latencies, 0.95) * 1e3,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    text, source = sample_text()
    results: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "sample": source,
        "sample_chars": len(text),
    }
    results["startup_runs"] = args.startup_runs
    results.update(bench_startup(args.startup_runs))
    pipeline = Pipeline.load(Settings.from_env())
    results["check_runs"] = args.runs
    results.update(bench_check(pipeline, text, args.runs))
    results.update(bench_throughput(pipeline, text))
    if not args.no_http:
        results.update(bench_http(text, args.requests, args.concurrency))
    return results


ROWS = [
    ("Start-up: import + `Pipeline.load` (fresh process, median of {startup_runs})", "startup_load_s", "{:.2f} s"),
    ("Start-up: import + load + first check in each language", "startup_first_checks_s", "{:.2f} s"),
    ("Start-up: whole process, interpreter included (median of {startup_runs})", "startup_process_s", "{:.2f} s"),
    ("Check {sample} ({sample_chars} chars), median of {check_runs}", "check_median_ms", "{:.2f} ms"),
    ("Check {sample}, p95", "check_p95_ms", "{:.2f} ms"),
    ("Throughput on {throughput_bytes} bytes", "throughput_mb_s", "{:.2f} MB/s"),
    (
        "HTTP: {http_requests} requests, {http_concurrency} threads, uvicorn 1 worker",
        "http_requests_per_s",
        "{:.0f} req/s",
    ),
    ("HTTP latency, median", "http_latency_median_ms", "{:.1f} ms"),
    ("HTTP latency, p95", "http_latency_p95_ms", "{:.1f} ms"),
]


def markdown(results: dict[str, Any]) -> str:
    lines = [f"Python {results['python']} on {results['machine']}", "", "| Measure | Value |", "|---|---|"]
    for label, key, fmt in ROWS:
        if key in results:
            lines.append(f"| {label.format(**results)} | {fmt.format(results[key])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a markdown table")
    parser.add_argument("--runs", type=int, default=200, help="in-process checks of the sample (default 200)")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--requests", type=int, default=300, help="HTTP requests (default 300)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (default 4)")
    parser.add_argument("--no-http", action="store_true", help="skip the uvicorn measurement")
    args = parser.parse_args(argv)
    results = run(args)
    print(json.dumps(results, indent=2) if args.json else markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
