"""Regenerate README.md's screenshots (docs/img/*.png) from a running, seeded demo.

    make run                    # in one terminal
    make screenshots            # in another (URL=http://127.0.0.1:8000 by default)

Chromium: Debian's /usr/bin/chromium, or CHROMIUM_PATH. Each image is kept under 200 KB."""

import argparse
import os
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "img"
LIMIT = 200 * 1024
VIEWPORT = {"width": 1200, "height": 720}


def log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    with page.expect_navigation():
        page.locator(f"button.persona[value='{username}']").click()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    base = parser.parse_args().url.rstrip("/")
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        context = browser.new_context(locale="en-US", viewport=VIEWPORT)
        page = context.new_page()

        # The inbox of a regional manager: what waits for a decision.
        log_in(page, base, "east_mgr")
        page.goto(f"{base}/inbox/")
        page.screenshot(path=str(OUT / "inbox.png"))

        # A request's route: its flow diagram and timeline, as the submitter sees them.
        log_in(page, base, "east_rep1")
        # (a claim the line manager approved, now at finance's voucher review)
        page.goto(f"{base}/requests/")
        row = page.locator("table.list tbody tr").filter(
            has_text=re.compile(r"BX-\d{4}-\d+")).filter(has_text="voucher review").first
        with page.expect_navigation():
            row.locator("a[href*='/requests/']").first.click()
        page.set_viewport_size({"width": VIEWPORT["width"], "height": 1130})
        page.screenshot(path=str(OUT / "request-route.png"), full_page=False)
        browser.close()

    too_big = [f for f in OUT.glob("*.png") if f.stat().st_size > LIMIT]
    for f in sorted(OUT.glob("*.png")):
        print(f"{f.relative_to(OUT.parent.parent)}: {f.stat().st_size // 1024} KB")
    if too_big:
        print(f"over {LIMIT // 1024} KB: {', '.join(f.name for f in too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
