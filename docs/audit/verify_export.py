#!/usr/bin/env python3
"""Verifies an audit export (JSON lines from GET /api/audit/events with Accept: application/x-ndjson) offline.

Needs only Python 3's standard library, none of the platform's code. For every line it recomputes

    link = SHA-256( bytes.fromhex(previous) || canonical bytes of the event )

where the canonical bytes are the UTF-8 text of these values joined by "\\n" (no final newline):

    mentor-platform/event-chain/v1, position, eventId, aggregateType, aggregateId, sequenceNumber, timestamp,
    payloadType, payloadRevision, stored.payload (base64, as exported), stored.metadataSha256

(a null value is the empty string), and checks that it equals the line's chain.link; that each line's
chain.previous is the link of the line before (lines sorted by chain.number); that the chain numbers have no gap
(unless --allow-gaps, for exports filtered by type, actor, platform or correlation); and, with --anchor, that the
first line's previous link is the link you noted from an earlier export or from GET /api/audit/verify ("head").
The readable "payload" of a line is the stored payload with personal fields redacted: compare its amounts and ids
with base64-decoded stored.payload, which is what the link covers.

Exit status 0: the export is intact; 1: it is not (the first problem is printed); 2: bad usage or input.

    python3 verify_export.py events.ndjson [--anchor <64 hex digits>] [--allow-gaps]
"""
import base64
import hashlib
import json
import sys

VERSION = "mentor-platform/event-chain/v1"
GENESIS = "0" * 64


def text(value):
    return "" if value is None else str(value)


def canonical(line):
    stored = line["stored"]
    values = [VERSION, text(line["position"]), text(line["eventId"]), text(line["aggregateType"]),
              text(line["aggregateId"]), text(line["sequenceNumber"]), text(line["timestamp"]),
              text(line["payloadType"]), text(line["payloadRevision"]), text(stored["payload"]),
              text(stored["metadataSha256"])]
    return "\n".join(values).encode("utf-8")


def link(previous, line):
    digest = hashlib.sha256()
    digest.update(bytes.fromhex(previous))
    digest.update(canonical(line))
    return digest.hexdigest()


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    allow_gaps = "--allow-gaps" in argv
    anchor = None
    if "--anchor" in argv:
        index = argv.index("--anchor")
        if index + 1 >= len(argv):
            print("--anchor needs a link (64 hex digits)", file=sys.stderr)
            return 2
        anchor = argv[index + 1].lower()
        args = [a for a in args if a != argv[index + 1]]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    lines = []
    with open(args[0], encoding="utf-8") as export:
        for number, raw in enumerate(export, start=1):
            if raw.strip():
                try:
                    lines.append(json.loads(raw))
                except json.JSONDecodeError as error:
                    print(f"line {number} is not JSON: {error}", file=sys.stderr)
                    return 2
    lines.sort(key=lambda line: line["chain"]["number"])
    previous_line = None
    for line in lines:
        chain = line["chain"]
        where = f"chain number {chain['number']} (position {line['position']})"
        base64.b64decode(line["stored"]["payload"], validate=True)
        if previous_line is None:
            if anchor is not None and chain["previous"] != anchor:
                print(f"BROKEN at {where}: its previous link is not the anchor {anchor}")
                return 1
            if chain["number"] == 1 and chain["previous"] != GENESIS:
                print(f"BROKEN at {where}: the first link's previous must be {GENESIS}")
                return 1
        else:
            consecutive = chain["number"] == previous_line["chain"]["number"] + 1
            if not consecutive and not allow_gaps:
                print(f"INCOMPLETE before {where}: chain numbers "
                      f"{previous_line['chain']['number'] + 1}..{chain['number'] - 1} are missing")
                return 1
            if consecutive and chain["previous"] != previous_line["chain"]["link"]:
                print(f"BROKEN at {where}: its previous link is not the link of the line before")
                return 1
        computed = link(chain["previous"], line)
        if computed != chain["link"]:
            print(f"BROKEN at {where}: recomputed link {computed} differs from the exported {chain['link']}")
            return 1
        previous_line = line
    if lines:
        print(f"OK: {len(lines)} events, chain numbers {lines[0]['chain']['number']}.."
              f"{lines[-1]['chain']['number']}, last link {lines[-1]['chain']['link']}")
    else:
        print("OK: the export is empty")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
