"""Makes one HTTPS request and reports what happened, so the outbound fence can be observed.

The URL comes from the event ({"url": "https://..."}) or, failing that, from the TARGET_URL
environment variable. A blocked destination shows up as a DNS failure or a timeout.
"""
import os
import socket
import time
import urllib.error
import urllib.request

REQUEST_TIMEOUT_SECONDS = 5


def lambda_handler(event, context):
    url = (event or {}).get("url") or os.environ["TARGET_URL"]
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=REQUEST_TIMEOUT_SECONDS) as response:
            outcome = {"reachable": True, "status": response.status}
    except urllib.error.HTTPError as error:
        # The server answered, so the network let the request through.
        outcome = {"reachable": True, "status": error.code}
    except (urllib.error.URLError, socket.timeout, OSError) as error:
        reason = getattr(error, "reason", error)
        outcome = {"reachable": False, "error": f"{type(reason).__name__}: {reason}"}
    outcome["url"] = url
    outcome["elapsedSeconds"] = round(time.monotonic() - started, 2)
    print(outcome)
    return outcome
