-- The request mix for run.sh: the two routes of the benchmark app, alternating, with ids that
-- change on every request (a raw-URI label would create a series per id; a template does not).
-- Each wrk thread runs its own copy of this script.

local n = 0

request = function()
  n = n + 1
  if n % 2 == 0 then
    return wrk.format("GET", "/products/" .. (n % 1000))
  end
  return wrk.format("GET", "/orders/" .. (n % 97) .. "/lines/" .. (n % 7))
end

-- One machine-readable line for run.sh; the human-readable report (--latency) comes before it.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
