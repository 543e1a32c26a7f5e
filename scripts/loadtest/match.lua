-- wrk script: POST /v1/matches with a fixed mix of three support plans (from fixtures/plans,
-- copied here so the benchmark does not move when fixtures change): an urban Manchester plan, an
-- inner-London plan and a rural one. Requests cycle through them in order.
--
--   wrk -t2 -c32 -d20s --latency -s scripts/loadtest/match.lua http://127.0.0.1:8080

local bodies = {
  -- Manchester: Cantonese, M13 (01-cantonese-manchester-sight-loss.json)
  [==[{"plan":{"postcode":"M13 0EG","max_distance_km":8,"languages":[{"code":"yue","min_proficiency":"fluent","priority":"required"},{"code":"eng","min_proficiency":"basic","priority":"preferred"}],"cuisines":[{"code":"cantonese","priority":"required"}],"carer_gender":{"code":"male","priority":"preferred"},"services":[{"code":"meal_preparation","priority":"required"},{"code":"shopping","priority":"preferred"},{"code":"accompany_appointments","priority":"preferred"},{"code":"personal_care","priority":"preferred"}],"experience":[{"code":"visual_impairment","priority":"preferred"}],"schedule":{"slots":[{"day":"mon","start":"11:00","end":"13:30"},{"day":"tue","start":"11:00","end":"13:30"},{"day":"wed","start":"11:00","end":"13:30"},{"day":"thu","start":"11:00","end":"13:30"},{"day":"fri","start":"11:00","end":"13:30"},{"day":"mon","start":"17:00","end":"18:30"},{"day":"tue","start":"17:00","end":"18:30"},{"day":"wed","start":"17:00","end":"18:30"},{"day":"thu","start":"17:00","end":"18:30"},{"day":"fri","start":"17:00","end":"18:30"}],"priority":"preferred"},"hours_per_week":{"hours":20,"priority":"preferred"}},"limit":20,"kinds":["carer","provider"]}]==],
  -- London: Sylheti, halal, female carer, E1 (06-sylheti-tower-hamlets-woman.json)
  [==[{"plan":{"postcode":"E1 0AS","max_distance_km":4,"languages":[{"code":"syl","min_proficiency":"conversational","priority":"required"},{"code":"ben","priority":"preferred"}],"cuisines":[{"code":"bengali","priority":"preferred"}],"dietary_laws":[{"code":"halal","priority":"required"}],"faith_practices":[{"code":"same_gender_personal_care","priority":"required"},{"code":"prayer_times","priority":"preferred"},{"code":"fasting","priority":"preferred"}],"carer_gender":{"code":"female","priority":"required"},"services":[{"code":"personal_care","priority":"required"},{"code":"meal_preparation","priority":"preferred"},{"code":"accompany_appointments","priority":"preferred"}],"experience":[{"code":"stroke","priority":"preferred"}],"schedule":{"slots":[{"day":"mon","start":"08:00","end":"10:00"},{"day":"tue","start":"08:00","end":"10:00"},{"day":"wed","start":"08:00","end":"10:00"},{"day":"thu","start":"08:00","end":"10:00"},{"day":"fri","start":"08:00","end":"10:00"},{"day":"sat","start":"08:00","end":"10:00"},{"day":"sun","start":"08:00","end":"10:00"},{"day":"mon","start":"18:00","end":"20:00"},{"day":"tue","start":"18:00","end":"20:00"},{"day":"wed","start":"18:00","end":"20:00"},{"day":"thu","start":"18:00","end":"20:00"},{"day":"fri","start":"18:00","end":"20:00"},{"day":"sat","start":"18:00","end":"20:00"},{"day":"sun","start":"18:00","end":"20:00"}],"priority":"preferred"},"hours_per_week":{"hours":28,"priority":"preferred"}},"limit":20,"kinds":["carer","provider"]}]==],
  -- rural Lincolnshire coast: Bengali, halal, PE25 (10-bengali-widow-skegness.json)
  [==[{"plan":{"postcode":"PE25 1AL","max_distance_km":25,"languages":[{"code":"ben","min_proficiency":"conversational","priority":"preferred"}],"cuisines":[{"code":"bengali","priority":"preferred"}],"dietary_laws":[{"code":"halal","priority":"required"}],"faith_practices":[{"code":"fasting","priority":"preferred"}],"carer_gender":{"code":"female","priority":"preferred"},"services":[{"code":"meal_preparation","priority":"required"},{"code":"companionship","priority":"preferred"},{"code":"luncheon_club","priority":"preferred"},{"code":"shopping","priority":"preferred"}],"schedule":{"slots":[{"day":"tue","start":"11:00","end":"14:00"},{"day":"fri","start":"11:00","end":"14:00"}],"priority":"preferred"},"hours_per_week":{"hours":6,"priority":"preferred"}},"limit":20,"kinds":["carer","provider"]}]==],
}

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local requests = {}
local n = 0

function init(args)
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", "/v1/matches", nil, body)
  end
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end
