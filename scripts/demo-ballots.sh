#!/usr/bin/env bash
# Demo only: lets N of the seeded demo members (the roster's 2nd … N+1st, member02 … ) vote on the
# vote that is open now, so the quick tour in README.md reaches the 参加测评人数下限 without N
# browsers. The admin issues each of them a personal link (which ends only their own earlier
# sign-ins) and each signs in with it, as a member's phone does. Works on a single vote (varied
# choices) and on a 测评表 (a choice per item). Needs the Development demo accounts and a live sitting.
#   scripts/demo-ballots.sh [count=20] [base=http://localhost:5080] [password=Inquiry-Demo-2026]
set -euo pipefail
count=${1:-20}; base=${2:-http://localhost:5080}; password=${3:-Inquiry-Demo-2026}
jar=$(mktemp -d /tmp/inquirylive-demo.XXXXXX); trap 'rm -rf "$jar"' EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
curl -sf -c "$jar/admin" -H 'content-type: application/json' \
  -d "{\"userName\":\"admin\",\"password\":\"$password\"}" "$base/api/auth/login" >/dev/null
session=$(curl -sf "$base/api/sessions" | json 'd[0]["id"]')
members=$(curl -sf -b "$jar/admin" "$base/api/sessions/$session/members" | json '" ".join(str(m["id"]) for m in d if m["groupId"] is None)')
voted=0; i=0
for id in $members; do
  i=$((i + 1)); [ "$i" -eq 1 ] && continue; [ "$i" -gt $((count + 1)) ] && break
  token=$(curl -sf -b "$jar/admin" -X POST "$base/api/sessions/$session/members/$id/link" | json 'd["token"]')
  curl -sf -c "$jar/m$id" -b "$jar/m$id" -H 'content-type: application/json' -d "{\"token\":\"$token\"}" \
    "$base/api/members/sign-in" >/dev/null || { echo "member $id could not sign in (is the sitting live?)" >&2; continue; }
  body=$(curl -sf -b "$jar/m$id" "$base/api/sessions/$session/polls/current" | python3 -c '
import json, sys, uuid
view = json.load(sys.stdin); poll = view.get("poll"); i = int(sys.argv[1])
levels = ["satisfied", "satisfied", "basicallySatisfied", "satisfied", "dissatisfied"]
if not poll or poll["state"] != "open" or view["hasVoted"]: sys.exit(3)
ballot = {"ballotId": str(uuid.uuid4())}
if poll["kind"] == "sheet": ballot["choices"] = [{"itemId": it["id"], "choice": levels[(i + n) % 5]} for n, it in enumerate(poll["items"])]
else: ballot["choice"] = levels[i % 5]
print(poll["id"] + " " + json.dumps(ballot))' "$i") || { echo "no open vote (or member $id voted already)" >&2; continue; }
  poll=${body%% *}; ballot=${body#* }
  curl -sf -b "$jar/m$id" -H 'content-type: application/json' -d "$ballot" \
    "$base/api/sessions/$session/polls/$poll/ballots" >/dev/null && voted=$((voted + 1))
done
echo "$voted demo members voted"
