-- wrk script: POST /v1/matches with distinct plans, one JSON body per line of the file named by
-- the PLANS environment variable (made by scripts/loadtest/plans.py). Each wrk thread starts at
-- its own place in the list and walks it in order, so with the match cache off every request is
-- matched and encoded afresh, as people's own plans are.
--
--   PLANS=target/loadtest/plans.jsonl wrk -t2 -c32 -d20s --latency -s scripts/loadtest/distinct.lua URL

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local requests = {}
local n = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end

function init(args)
  local path = os.getenv("PLANS")
  local file = assert(io.open(path, "r"), "PLANS must name a file of request bodies")
  for line in file:lines() do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("POST", "/v1/matches", nil, line)
    end
  end
  file:close()
  assert(#requests > 0, "no request bodies in " .. path)
  n = tonumber(offset) or 0
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end
