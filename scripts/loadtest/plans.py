#!/usr/bin/env python3
"""Distinct support plans for the uncached match load test (issue 21, item 1).

    python3 scripts/loadtest/plans.py DATABASE.db COUNT OUT [SEED]

Writes COUNT `POST /v1/matches` bodies to OUT, one JSON document per line. Each body is one of
the fixture plans (fixtures/plans/*.json: real shapes of need, from dense city to rural) placed at
the postcode of a PA drawn at random from the database, so plans fall where people live, in
proportion to how many PAs live there: city centres, towns and the countryside alike. Each plan
also gets its own distance (3 to 30 km), hours and a shuffled subset of its preferred criteria,
so no two bodies are the same and no response can be served from a cache.

The database is read, never written (sqlite3 from Python's standard library).
"""

import json
import pathlib
import random
import sqlite3
import sys

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "plans"
# Lists of {code, priority} whose preferred entries a plan may drop.
PREFERENCE_LISTS = ("cuisines", "dietary_laws", "faith_practices", "services", "experience")


def templates():
    return [json.loads(p.read_text()) for p in sorted(FIXTURES.glob("*.json"))]


def postcodes(database, count, rng):
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        (high,) = conn.execute("SELECT max(id) FROM carers").fetchone()
        if high is None:
            sys.exit(f"{database} holds no PAs to place plans at")
        found = []
        while len(found) < count:
            ids = [rng.randint(1, high) for _ in range(count - len(found))]
            marks = ",".join("?" * len(ids))
            rows = conn.execute(f"SELECT postcode FROM carers WHERE id IN ({marks})", ids)
            found.extend(postcode for (postcode,) in rows)
        return found[:count]
    finally:
        conn.close()


def vary(template, postcode, rng):
    plan = json.loads(json.dumps(template))
    plan["postcode"] = postcode
    plan["max_distance_km"] = rng.choice([3, 5, 8, 10, 15, 20, 30])
    for name in PREFERENCE_LISTS:
        needs = plan.get(name)
        if not needs:
            continue
        kept = [n for n in needs if n.get("priority") == "required" or rng.random() < 0.75]
        rng.shuffle(kept)
        plan[name] = kept
    if "hours_per_week" in plan:
        plan["hours_per_week"]["hours"] = rng.randint(2, 40)
    return {"plan": plan, "limit": 20, "kinds": ["carer", "provider"]}


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    database, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) == 5 else 1)
    shapes = templates()
    bodies = set()
    with open(out, "w", encoding="utf-8") as f:
        for postcode in postcodes(database, count * 2, rng):
            body = json.dumps(vary(rng.choice(shapes), postcode, rng), separators=(",", ":"))
            if body in bodies:
                continue
            bodies.add(body)
            f.write(body + "\n")
            if len(bodies) == count:
                break
    if len(bodies) < count:
        sys.exit(f"only {len(bodies)} distinct plans")
    print(f"{len(bodies)} distinct plans from {len(shapes)} shapes written to {out}")


if __name__ == "__main__":
    main()
