-- wrk script for bench/lib/wrk.ts: sends the requests the benchmark made ahead, one after the other,
-- counts the answers per HTTP status and prints what wrk.ts needs as one line of JSON.
--
-- Arguments (after `--`): the requests file (a request a line: method, path, body, then header
-- names and values, all separated by tabs), this process's index and the number of processes.
-- Process i sends lines i, i + n, i + 2n …, so that across all processes no request goes out twice
-- (two bookings of one slot would be a conflict, not a booking). wrk.ts runs one thread a process.

local prepared = {}
local handed = 0
-- Globals, as done() reads them from the thread's Lua state through thread:get.
statuses = {}
ranOut = false

local function fields(line)
  local out, from = {}, 1
  while true do
    local tab = string.find(line, "\t", from, true)
    out[#out + 1] = string.sub(line, from, (tab or 0) - 1)
    if not tab then return out end
    from = tab + 1
  end
end

function init(args)
  local file, index, count = args[1], tonumber(args[2]), tonumber(args[3])
  local n = 0
  for line in io.lines(file) do
    if n % count == index then
      local f = fields(line)
      local headers = {}
      for h = 4, #f, 2 do headers[f[h]] = f[h + 1] end
      prepared[#prepared + 1] = wrk.format(f[1], f[2], headers, f[3] ~= "" and f[3] or nil)
    end
    n = n + 1
  end
  if #prepared == 0 then error("no requests for process " .. index .. " of " .. count .. " in " .. file) end
end

-- Starts over when the requests run out, rather than stopping early, so that the run lasts its
-- duration; wrk.ts says so, as the requests are then no longer all new.
function request()
  handed = handed + 1
  if handed > #prepared then ranOut = true end
  return prepared[(handed - 1) % #prepared + 1]
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

-- wrk's latency histogram, as wrk 4.1 lays it out: answers per microsecond of latency. It is read
-- through LuaJIT's FFI because wrk.ts needs it whole (to undo the correction wrk has applied to it,
-- see wrk-latency.ts), and reading it through latency(i) takes time quadratic in its range. The
-- layout is checked against what wrk reports itself.
local function histogram(latency)
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { uint64_t count; uint64_t limit; uint64_t min; uint64_t max; uint64_t data[]; } wrk_stats;
  ]]
  local stats = ffi.cast("wrk_stats**", latency)[0]
  local buckets, total = {}, 0
  for value = tonumber(stats.min), tonumber(stats.max) do
    local n = tonumber(stats.data[value])
    if n > 0 then
      buckets[#buckets + 1] = string.format("%d,%d", value, n)
      total = total + n
    end
  end
  if tonumber(stats.min) ~= latency.min or tonumber(stats.max) ~= latency.max or total ~= tonumber(stats.count) then
    error("wrk's latency histogram is not laid out as in wrk 4.1")
  end
  return table.concat(buckets, ",")
end

function done(summary, latency)
  local counts, ran_out = {}, false
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do counts[status] = (counts[status] or 0) + n end
    ran_out = ran_out or thread:get("ranOut")
  end
  local by_status = {}
  for status, n in pairs(counts) do by_status[#by_status + 1] = string.format('"%d":%d', status, n) end
  local e = summary.errors
  io.write(string.format(
    'wrk-result {"requests":%d,"durationUs":%d,"ranOut":%s,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"statuses":{%s},"latency":[%s]}\n',
    summary.requests, summary.duration, tostring(ran_out), e.connect, e.read, e.write, e.timeout,
    table.concat(by_status, ","), histogram(latency)))
end
