"""A Content-Security-Policy <meta> for every page we write: even if markup slipped past every check,
the browser would run only our own scripts, load nothing from other hosts, and send no form anywhere.

Inline scripts (Material's few lines of set-up, our embed snippet's example) are allowed by their
SHA-256 hash, computed from the finished page. A <meta> policy cannot set frame-ancestors; pages are
meant to be embedded anyway.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(
    r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL
)
_DATA_TYPES = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    # Material and our snippet set style attributes; styles cannot run code.
    "style-src": "'self' 'unsafe-inline'",
    # Material's icons are data: SVGs in its stylesheet.
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "worker-src": "'self' blob:",
    "frame-src": "'self'",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
}


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for script in _INLINE_SCRIPT.finditer(html):
        if "src=" in script["attributes"].lower() or _DATA_TYPES.search(script["attributes"]):
            continue
        digest = base64.b64encode(hashlib.sha256(script["body"].encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def content_security_policy(html: str) -> str:
    """The policy of one page: our own scripts, and the page's inline scripts by their hashes."""
    policy = dict(POLICY)
    policy["script-src"] = " ".join([POLICY["script-src"], *inline_script_hashes(html)])
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def add_content_security_policy(html: str) -> str:
    """The page with its policy as the first thing after <meta charset>, before any script or link."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    found = _CHARSET.search(html)
    if found is None:
        raise ValueError('page has no <meta charset="utf-8"> to put the Content-Security-Policy after')
    return html[: found.end()] + "\n    " + meta + html[found.end() :]
