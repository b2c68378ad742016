"""Schemathesis hooks: fill in the values only a live client can know.

The schema can describe the *shape* of these values but not which ones the server holds right now, so a
generated value is replaced, just before the request is sent, by the one a real client would send:

- `If-Match`: the resource's current `etag`, read with a GET of that resource (as the app does).
- `Idempotency-Key`: a fresh random UUID per request (one key per intended change).
- `card_token` / `security_code_token`: a fresh single-use token minted by the payments origin
  (`POST {PAYMENTS_URL}/v1/tokens`, as the hosted card fields do), for the stored card's brand.
- `reason` of a cancellation: one of the codes `GET /api/v1/cancellation-reasons` lists.
- `payment_method_id` of `PUT …/billing-profiles/{id}/payment-method`: one of the person's stored cards.
- The session of `DELETE /api/v1/session` (signing out): a throwaway session of the same person, signed in
  for that request, so the run's own session is never ended.

Only values generated as *valid* are touched: a header the negative case mutated, or a body generated as
invalid, keeps its value, so the server's rejection of it is still what the checks see. A value that cannot
be looked up (unknown id: the server answers 404 anyway) is left as generated. The payments origin mints at
most 120 tokens a minute per address, so a run waits out its 429s (Retry-After) rather than send a bad token.

Environment (set by run.py): SSP_BASE (API base URL), SSP_SESSION (session cookie), SSP_CSRF (its CSRF token),
PAYMENTS_URL.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
import zlib

import requests
import schemathesis
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import negated_parameters

BASE = os.environ["SSP_BASE"].rstrip("/")
SESSION = os.environ["SSP_SESSION"]
CSRF = os.environ["SSP_CSRF"]
PAYMENTS = os.environ["PAYMENTS_URL"].rstrip("/")

_http = requests.Session()
_http.cookies.set("ssp_session", SESSION)

# Test card of the payments origin (Visa, passes Luhn); security codes per brand.
_CARD = {"number": "4111111111111111", "security_code": "123"}
_CODE = {"visa": "123", "mastercard": "123", "amex": "1234"}

# Operation path -> the GET whose answer carries the etag of the resource the change is computed from.
_ETAG_SOURCE = {
    "/api/v1/subscriptions/{id}/quantity": "parent",
    "/api/v1/subscriptions/{id}/cancel": "parent",
    "/api/v1/subscriptions/{id}/reactivate": "parent",
    "/api/v1/billing-profiles/{id}/payment-method": "parent",
    "/api/v1/payment-methods/{id}": "self",
}


def _get(path: str):
    response = _http.get(BASE + path, timeout=10)
    return response.json() if response.status_code == 200 else None


def _mint(payload: dict) -> str | None:
    # The tokenize endpoint takes 120 requests a minute from one address: wait out a 429 (Retry-After).
    for _ in range(30):
        response = _http.post(
            PAYMENTS + "/v1/tokens", json=payload, headers={"Sec-Fetch-Site": "same-origin"}, timeout=10
        )
        if response.status_code == 201:
            return response.json()["token"]
        if response.status_code != 429:
            break
        time.sleep(float(response.headers.get("Retry-After", "1")))
    print(f"hooks.py: minting a card token failed: {response.status_code} {response.text}", file=sys.stderr)
    return None


def _throwaway_session() -> tuple[str, str]:
    """A new session of the run's person (its cookie and CSRF token), for a request that ends it."""
    email = _get("/api/v1/me")["email"]
    answer = requests.get(f"{BASE}/dev/sign-in", params={"user": email}, allow_redirects=False, timeout=10)
    cookie = answer.cookies["ssp_session"]
    me = requests.get(f"{BASE}/api/v1/me", cookies={"ssp_session": cookie}, timeout=10)
    return cookie, me.json()["csrf_token"]


def _spare_the_session(case) -> None:
    """Gives a request a throwaway session where it carries the run's own session and CSRF token (the tool puts
    them in the case's cookies and headers)."""
    cookies, headers = case.cookies or {}, case.headers or {}
    if cookies.get("ssp_session") != SESSION and headers.get("X-CSRF-Token") != CSRF:
        return
    cookie, csrf = _throwaway_session()
    if cookies.get("ssp_session") == SESSION:
        cookies["ssp_session"] = cookie
    if headers.get("X-CSRF-Token") == CSRF:
        headers["X-CSRF-Token"] = csrf


def _positive(case, location) -> bool:
    meta = case.meta
    return meta is None or not meta.is_negative_at(location)


def _pick(options: list[str], seed: str) -> str:
    # Deterministic choice, so a fixed --seed reproduces the same requests.
    return options[zlib.crc32(seed.encode()) % len(options)]


@schemathesis.hook
def before_call(context, case, kwargs):
    path = case.formatted_path
    if case.path == "/api/v1/session":
        _spare_the_session(case)
    headers = case.headers
    if headers:
        mutated = {name.lower() for name, location in negated_parameters(case.meta) if location == ParameterLocation.HEADER}
        if "Idempotency-Key" in headers and "idempotency-key" not in mutated:
            headers["Idempotency-Key"] = str(uuid.uuid4())
        source = _ETAG_SOURCE.get(case.path)
        if "If-Match" in headers and "if-match" not in mutated and source:
            resource = _get(path.rsplit("/", 1)[0] if source == "parent" else path)
            if resource and "etag" in resource:
                headers["If-Match"] = resource["etag"]

    body = case.body
    if not isinstance(body, dict) or not _positive(case, ParameterLocation.BODY):
        return
    if case.path == "/api/v1/payment-methods" and "card_token" in body:
        body["card_token"] = _mint(_CARD) or body["card_token"]
    elif case.path == "/api/v1/payment-methods/{id}" and "security_code_token" in body:
        card = _get(path)  # an unknown card is 404 whatever the token
        if card:
            token = _mint({"security_code": _CODE[card["brand"]], "brand": card["brand"]})
            body["security_code_token"] = token or body["security_code_token"]
    elif case.path == "/api/v1/subscriptions/{id}/cancel" and isinstance(body.get("reason"), str):
        codes = [reason["code"] for reason in _get("/api/v1/cancellation-reasons") or []]
        if codes and body["reason"] not in codes:
            body["reason"] = _pick(codes, body["reason"])
    elif case.path == "/api/v1/billing-profiles/{id}/payment-method" and isinstance(body.get("payment_method_id"), str):
        cards = [card["id"] for card in _get("/api/v1/payment-methods") or []]
        if cards and body["payment_method_id"] not in cards:
            body["payment_method_id"] = _pick(cards, body["payment_method_id"])
