"""python -m countersign_verify: offline checks of checkpoints and exported chains."""

import argparse
import json
import sys
from pathlib import Path

from .chain import BrokenChain, verify_events, verify_proof
from .signing import BadCheckpoint, load_public_key, verify


def _json(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m countersign_verify", description=__doc__)
    sub = parser.add_subparsers(dest="what", required=True)
    one = sub.add_parser("checkpoint", help="check checkpoint files' signatures")
    one.add_argument("files", nargs="+")
    one.add_argument("--public-key", required=True, help="PEM file or base64 of the raw key")
    chain = sub.add_parser("chain", help="check an exported chain and its inclusion proof")
    chain.add_argument("export")
    chain.add_argument("--public-key", required=True)
    chain.add_argument("--checkpoint", help="require the proof to be against this checkpoint")
    args = parser.parse_args(argv)
    key_text = Path(args.public_key).read_bytes() if Path(args.public_key).exists() \
        else args.public_key.encode()
    public = load_public_key(key_text)
    try:
        if args.what == "checkpoint":
            for name in args.files:
                cp = _json(name)
                verify(cp, public)
                print(f"OK {name}: signed root {cp['root']} over {cp['subjects']} chains, "
                      f"{cp['events']} events up to seq {cp['last_seq']}")
            return 0
        export = _json(args.export)
        head = verify_events(export)
        print(f"OK chain {export['subject_kind']}:{export['subject_id']}: "
              f"{len(export['events'])} events, head {head}")
        cp = verify_proof(export, public)
        if args.checkpoint and _json(args.checkpoint)["root"] != cp["root"]:
            raise BrokenChain("the proof is against another checkpoint than the one given")
        print(f"OK included in checkpoint {cp['created_at']} (root {cp['root']})")
        return 0
    except (BadCheckpoint, BrokenChain, KeyError, ValueError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
