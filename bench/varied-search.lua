-- wrk script: a different search each time (two words, a filter, a page), for bench/compare.sh and bench/alternate.sh.
-- Each thread, and each run, draws its own sequence: unseeded, wrk's threads all drew the same one, so
-- half the requests repeated another thread's search and were answered from the shared-page cache.
local words = {"counselling", "food", "housing", "mental", "health", "youth", "domestic", "abuse", "crisis", "debt",
  "legal", "advice", "bereavement", "drug", "alcohol", "lonely", "family", "women", "men", "lgbt", "student",
  "night", "listening", "peer", "support", "group", "therapy", "anxiety", "sleep", "money"}
local filters = {"", "&free=yes", "&open=now", "&age=young-people", "&channel=phone", "&country=GB"}
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("seed", os.time() * 100 + threads)
end
init = function(args)
  math.randomseed(seed)
end
request = function()
  return wrk.format("GET", "/support?q=" .. words[math.random(#words)] .. "+" .. words[math.random(#words)]
    .. filters[math.random(#filters)] .. "&page=" .. math.random(3))
end
