-- wrk script: a different search each time (two words, a filter, a page), for bench/compare.sh and bench/alternate.sh
local words = {"counselling", "food", "housing", "mental", "health", "youth", "domestic", "abuse", "crisis", "debt",
  "legal", "advice", "bereavement", "drug", "alcohol", "lonely", "family", "women", "men", "lgbt", "student",
  "night", "listening", "peer", "support", "group", "therapy", "anxiety", "sleep", "money"}
local filters = {"", "&free=yes", "&open=now", "&age=young-people", "&channel=phone", "&country=GB"}
request = function()
  return wrk.format("GET", "/support?q=" .. words[math.random(#words)] .. "+" .. words[math.random(#words)]
    .. filters[math.random(#filters)] .. "&page=" .. math.random(3))
end
