#!/usr/bin/env python3
"""The conformance run: schemathesis checks a running reference backend (started with `--dev`) against
`contract/openapi.yaml`, once signed in as a purchaser and once as an administrator, with every check, the seed
and the bounded examples of `schemathesis.toml`. Exits non-zero when either run reports a failure.

usage: run.py BASE_URL PAYMENTS_URL     (`cargo xtask conformance` starts the backend and calls this)

Reports (JUnit, NDJSON) go to `target/conformance/<user>/`.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
USERS = ["asa.ostrom@contoso.se", "li.wei@contoso.com"]
MAX_EXAMPLES = os.environ.get("MAX_EXAMPLES", "15")


def sign_in(base: str, email: str) -> tuple[str, str]:
    """A fresh session of `email` on data as loaded at start: its cookie and its CSRF token."""
    requests.post(f"{base}/dev/reset", timeout=30).raise_for_status()
    answer = requests.get(f"{base}/dev/sign-in", params={"user": email}, allow_redirects=False, timeout=30)
    session = answer.cookies.get("ssp_session")
    if answer.status_code != 303 or not session:
        sys.exit(f"signing in as {email} failed: {answer.status_code}")
    me = requests.get(f"{base}/api/v1/me", cookies={"ssp_session": session}, timeout=30)
    me.raise_for_status()
    return session, me.json()["csrf_token"]


def main() -> int:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    base, payments = (url.rstrip("/") for url in sys.argv[1:])
    schemathesis = Path(sys.executable).parent / "schemathesis"
    subprocess.run([schemathesis, "--version"], check=True)
    failed = []
    for email in USERS:
        label = email.split("@")[0]
        reports = ROOT / "target" / "conformance" / label
        reports.mkdir(parents=True, exist_ok=True)
        session, csrf = sign_in(base, email)
        # What hooks.py reads: the API, the session, its CSRF token and the payments origin.
        env = dict(
            os.environ,
            SSP_BASE=base,
            SSP_SESSION=session,
            SSP_CSRF=csrf,
            PAYMENTS_URL=payments,
            PYTHONPATH=str(HERE),
            SCHEMATHESIS_HOOKS="hooks",
        )
        command = [
            schemathesis, "--config-file", HERE / "schemathesis.toml", "run", ROOT / "contract" / "openapi.yaml",
            "--url", base, "--exclude-tag", "dev", "--checks", "all", "--max-examples", MAX_EXAMPLES,
            "--continue-on-failure", "--report", "junit,ndjson", "--report-dir", reports, "--no-color",
        ]
        started = time.monotonic()
        print(f"\n== conformance as {email}", flush=True)
        code = subprocess.run([str(part) for part in command], env=env, cwd=reports.parent).returncode
        print(f"== {email}: exit {code} in {time.monotonic() - started:.1f} s", flush=True)
        # hooks.py gives `DELETE /api/v1/session` a session of its own: the run's must still be signed in.
        still = requests.get(f"{base}/api/v1/me", cookies={"ssp_session": session}, timeout=30).status_code
        if still != 200:
            print(f"== {email}: the run's own session ended during the run (GET /me: {still})", flush=True)
            code = code or 1
        if code != 0:
            failed.append(email)
    if failed:
        print(f"conformance failures as {', '.join(failed)} (reports under target/conformance/)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
