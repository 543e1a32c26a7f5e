# carematch web pages: English (the reference catalogue; every other locale has the same ids).
# Placeables in { } are filled in by the server; keep them, translate the words around them.

## Page shell
site-name = carematch
site-tagline = Care that speaks your language
skip-to-content = Skip to main content
nav-find = Find care
nav-shortlist = My shortlist ({ $count })
nav-agency = For agencies
nav-commissioner = For commissioners
nav-help = Help
language-switcher = Language
footer-privacy = We never show a carer's home address, exact location or contact details to the public. What you type here is not stored.
footer-api = Open data and API

## Find care form
find-title = Find a carer or a community service
find-intro = Tell us where the person lives and what matters to them. We show personal assistants and local services who fit, and say why.
field-postcode = Postcode
field-postcode-hint = For example M13 0EG. Only the area is used to measure distance.
field-distance = How far away
distance-km = { $km } km
field-help = Help needed
field-languages = Languages they should speak
field-languages-must = Must speak one of these languages
field-languages-reads = They should also read it (letters, medicine labels)
field-dbs = For personal care, ask for a valid enhanced DBS check
field-food = Food
field-cuisines = Home cooking
field-diets = Food rules the carer must keep
field-medical-diets = Medical or texture diets the carer must cook for
field-faith = Faith practices to respect
field-gender = Carer gender for personal care
gender-any = No preference
field-gender-must = This is essential
field-more = Also important
field-lgbt = LGBT+ inclusive
field-remote = Support by phone or online is fine too (services far away can help)
field-client = The client's plan
field-hours = Hours of support a week
field-budget = Weekly budget (£)
field-budget-hint = With the hours a week: hours × the PA's hourly rate must fit the budget.
field-prefer = PAs the client knows and wants again (PA numbers, separated by commas)
field-block = PAs the client does not want (PA numbers, separated by commas)
field-when = When help is needed
part-morning = Morning
part-afternoon = Afternoon
part-evening = Evening
find-submit = Search
find-more-options = More choices

## Results
results-title = Results
results-count = { $count ->
    [one] One carer or service fits.
   *[other] { $count } carers and services fit.
}
results-none = Nobody fits every essential need yet.
results-considered = { $count } within reach were checked.
result-carer = Personal assistant
result-provider = Community service
result-distance = About { $km } km away
result-score = Fit { $percent }%
result-free = Free: { $when }
result-area = Based in { $area }
result-rate = £{ $rate } an hour
result-why = Why this result
outcome-met = Yes
outcome-partial = Partly
outcome-unmet = No
outcome-required = essential
relax-title = Not enough results? Try:
relax-distance = Show carers up to { $km } km away ({ $count } more)
relax-make-preferred = Make “{ $what }” a preference, not essential ({ $count } more)
error-title = Please check the form
error-postcode-missing = Enter a postcode.
error-postcode-invalid = “{ $postcode }” is not a UK postcode.
error-postcode-unknown = We do not know the postcode “{ $postcode }”.
error-loading = The directory is still loading. Please try again in a minute.
refused-title = This form could not be accepted
refused-body = For your safety, we only accept forms sent from this site’s own pages. This one was not, or it is out of date. Nothing was changed. Go back, reload the page and try again.
refused-back = Go back

## Criteria names (for the reasons)
crit-language = Language
crit-cuisine = Cooking
crit-diet = Food rules
crit-faith_practice = Faith practice
crit-faith = Shared faith
crit-carer_gender = Carer gender
crit-service = Help
crit-experience = Experience
crit-check = Check
crit-distance = Distance
crit-schedule = Free when needed
crit-hours_per_week = Hours a week
crit-max_hourly_rate = Hourly rate
crit-needed_by = Can start in time
crit-accepting_new_clients = Taking new clients
crit-carer_capacity = Has room for new clients
crit-weekly_budget = Weekly budget
crit-lgbt_inclusive = LGBT+ inclusive
crit-preferred_carer = A carer you named
crit-reads = Reads
crit-writes = Writes
crit-medical_diet = Medical diet
crit-delivery_mode = Works

## Reasons and relaxations (crates/web/src/reasons.rs): one message per kind of fact. English
## pages show the API's own sentences; these messages are the reference for translators.
## $who: female, male, provider (a provider's staff) or other (gender not known, or
## non-binary): use it where verbs or adjectives agree with the person. $gender: the gender
## asked for (female, male, non_binary) and $label its name.
crit-with-value = { $name }: { $value }
level-basic = basic
level-conversational = conversational
level-fluent = fluent
level-native = native
why-language-level = speaks { $language } ({ $level })
why-language = { $who ->
    [provider] staff speak { $language }
   *[other] speaks { $language }
}
why-language-related = { $who ->
    [provider] staff speak { $related } — confirm { $language }
   *[other] speaks { $related } — confirm { $language }
}
why-language-lower = speaks { $language } ({ $level }) — { $needed } needed
why-language-none = { $who ->
    [provider] staff do not speak { $language }
   *[other] does not speak { $language }
}
why-cuisine = cooks { $cuisine } home food
why-cuisine-not = does not list { $cuisine } cooking
why-diet = keeps { $diet } food rules
why-diet-not = does not list { $diet } food rules
why-practice = { $practice }
why-practice-not = does not list: { $practice }
why-service = offers { $service }
why-service-not = does not offer { $service }
why-experience = experienced with { $experience }
why-experience-not = no stated experience with { $experience }
why-faith = shares the person's faith ({ $faith })
why-faith-not = not stated as sharing the person's faith ({ $faith })
why-gender = { $label } carer
why-gender-not = not a { $label } carer
why-faith-provider = not applicable to a provider — ask about { $faith } staff
why-gender-provider = not applicable to a provider — ask for a { $label } carer
why-distance = { $km } km away
why-schedule-none = no availability recorded
why-schedule-not-free = not free at the times needed
why-free-days = { $days } { $periods }
why-schedule-all = free { $times } — covers all of the schedule
why-schedule-part = free { $times } — covers { $percent }% of the schedule
period-mornings = mornings
period-afternoons = afternoons
period-evenings = evenings
period-nights = nights
list-join = { $a }, { $b }
list-and = { $a } and { $b }
list-or = { $a } or { $b }
list-groups = { $a }, { $b }
why-start-arranged = starts by arrangement
why-hours-arranged = hours by arrangement
why-hours = { $free } hours a week free ({ $needed } needed)
why-hours-short = { $free } hours a week free — { $needed } needed
why-rate-unknown = hourly rate not published — ask
why-rate = £{ $rate } an hour
why-rate-over = £{ $rate } an hour — over the £{ $limit } limit
why-available-now = available now
why-available-from = available from { $date }
why-available-late = available from { $date } — needed by { $needed }
why-check-none = no { $check } recorded
why-check-valid = { $check } valid until { $date }
why-check-expired = { $check } expired on { $date }
why-accepting = accepting new clients (confirmed { $date })
why-accepting-lapsed = accepting flag not renewed since { $date } (lapses after { $days } days) — ask
why-accepting-not = not accepting new clients
why-reads = { $who ->
    [provider] staff read { $language }
   *[other] reads { $language }
}
why-reads-not = { $who ->
    [provider] staff do not read { $language }
   *[other] does not read { $language }
}
why-writes = { $who ->
    [provider] staff write { $language }
   *[other] writes { $language }
}
why-writes-not = { $who ->
    [provider] staff do not write { $language }
   *[other] does not write { $language }
}
why-medical-diet = cooks for a { $diet } diet
why-medical-diet-not = does not list a { $diet } diet
why-delivery = works: { $mode }
why-delivery-not = does not work: { $mode }
why-lgbt = LGBT+ inclusive
why-lgbt-not = not stated as LGBT+ inclusive
why-preferred-carer = a carer you named as preferred
why-remote = { $km } km away — works { $modes }
why-budget = £{ $cost } a week for { $hours } hours (budget £{ $budget })
why-budget-over = £{ $cost } a week for { $hours } hours — over the £{ $budget } budget
why-budget-unknown = hourly rate not published — ask about the weekly cost
why-criterion = { $what }
date-format = { $y }-{ $mm }-{ $dd }
date-unknown = an unknown date
relax-within = { $count } more within { $km } km
relax-hours = { $count } more with fewer than { $needed } hours a week free
relax-rate = { $count } more above £{ $limit } an hour or not publishing a rate
relax-needed-by = { $count } more available after { $date }
relax-language-dialect = { $count ->
    [one] { $count } speaks { $related } — confirm { $language }
   *[other] { $count } speak { $related } — confirm { $language }
}
relax-language-some-dialect = { $count } more without requiring { $language }, { $dialect } of whom speak { $related } — confirm { $language }
relax-language-level = { $count } more without requiring { $language } at { $level } level
relax-language = { $count } more without requiring { $language }
relax-accepting = { $count } more if providers not currently accepting new clients (or whose flag lapsed) were asked
relax-schedule = { $count } more who cover part of the schedule
relax-check = { $count } more without a valid { $check }
relax-capacity = { $count } more if you include PAs who are currently full
relax-budget = { $count } more over the £{ $budget } weekly budget or not publishing a rate
relax-without = { $count } more without requiring “{ $what }”

## Shortlist
shortlist-add = Add { $name } to my shortlist
shortlist-remove = Remove { $name } from my shortlist
shortlist-added = On your shortlist
shortlist-title = My shortlist
shortlist-empty = Your shortlist is empty. Add carers and services from your search results.
shortlist-share = Share this shortlist
shortlist-share-hint = Anyone with this link sees the same list. It holds no personal details.
shortlist-print = Print
shortlist-ask-title = Questions to ask the agency
shortlist-ask-free = Is { $name } still free at the times I need, and from when?
shortlist-ask-checks = Are { $name }’s checks (such as DBS) up to date?
shortlist-ask-food = Can { $name } cook the food I eat, keeping my food rules?
shortlist-ask-language = Does { $name } speak my language well enough for personal care?
shortlist-ask-contact = How do I contact { $name }, and who arranges the first meeting?
shortlist-contact = Contact
shortlist-gone = This entry is no longer listed.
shortlist-back = Back to search

## Sign in (agencies and commissioners)
login-title = Sign in
login-intro = Sign in with the API key your administrator gave you. The key is not stored in your browser; a session cookie is.
login-key = API key
login-submit = Sign in
login-bad-key = That key is not valid, or it has been revoked.
login-wrong-role = This key cannot open this page.
logout = Sign out

## Agency console
agency-title = Agency console
agency-signed-in = Signed in for { $agency }
agency-find-title = Find PAs for a client
agency-find-intro = Includes your PAs who are not listed publicly. Contact details are shown.
agency-carers-title = Your PAs ({ $count })
agency-col-name = Name
agency-col-postcode = Postcode
agency-col-languages = Languages
agency-col-public = Listed publicly
agency-col-faith-public = Faith shown publicly
agency-col-confirmed = Last confirmed
agency-col-actions = Actions
agency-delete = Delete { $name }
agency-deleted = { $name } was deleted.
agency-confirm = Confirm { $name } is still available
agency-col-accepting = Taking new clients
agency-accepting-lapsed = Lapsed (not confirmed in 90 days)
agency-mark-full = Mark { $name } as full
agency-mark-accepting = Mark { $name } as taking new clients
agency-list = List { $name } publicly
agency-unlist = Stop listing { $name } publicly
agency-faith-show = Show { $name }'s faith publicly (they agreed)
agency-faith-hide = Keep { $name }'s faith private
agency-updated = { $name } was updated.
agency-yes = Yes
agency-no = No
agency-upload-title = Upload a register (CSV)
agency-upload-intro = All or nothing: if any row has a problem, nothing is imported and every problem is listed.
agency-upload-file = CSV file
agency-upload-template = Download the template
agency-export-register = Download your register (CSV)
agency-export-register-note = The same columns as the template, ready to edit and upload again. It holds personal data: keep it safe.
agency-upload-submit = Upload
agency-upload-ok = { $count ->
    [one] One PA was imported.
   *[other] { $count } PAs were imported.
}
agency-upload-rejected = Nothing was imported. Fix these rows and upload again:
agency-upload-col-line = Line
agency-upload-col-column = Column
agency-upload-col-reason = Problem
agency-upload-missing = Choose a CSV file to upload.
agency-upload-too-large = The file is larger than 10 MB. Split it and upload each part.
agency-page = Page { $page } of { $pages }
page-previous = Previous
page-next = Next
contact-phone = Phone
contact-email = Email

## Commissioner map
map-title = Where is care missing?
map-intro = Each area is coloured by how many people who need this have a carer or service within reach.
map-need = Need
map-distance = Within
map-show = Show the map
map-download-geojson = Download GeoJSON
map-download-csv = Download CSV
map-table-title = Areas, largest gap first
map-col-area = Area
map-col-demand = People
map-col-carers = Carers
map-col-providers = Services
map-col-nearest = Nearest (km)
map-col-severity = Gap
map-sort = Sort by { $column }
map-no-authorities = No local authorities have been imported yet. Run carematch import authorities, boundaries and census first.
severity-none_in_reach = None in reach
severity-severe = Severe
severity-moderate = Moderate
severity-adequate = Adequate
severity-demand_unknown = Demand unknown
severity-no_demand = No demand

## Errors
not-found-title = Page not found
not-found-body = There is no page at this address.

## Vocabulary (one message per code: <list>-<code>)
cuisine-cantonese = Cantonese
cuisine-north_chinese = Northern Chinese
cuisine-vietnamese = Vietnamese
cuisine-filipino = Filipino
cuisine-punjabi = Punjabi
cuisine-gujarati = Gujarati
cuisine-bengali = Bengali and Sylheti
cuisine-pakistani = Pakistani
cuisine-south_indian = South Indian
cuisine-sri_lankan = Sri Lankan
cuisine-somali = Somali
cuisine-east_african = East African
cuisine-west_african = West African
cuisine-caribbean = Caribbean
cuisine-middle_eastern = Middle Eastern
cuisine-persian = Persian and Afghan
cuisine-kurdish = Kurdish
cuisine-turkish = Turkish
cuisine-greek_cypriot = Greek Cypriot
cuisine-polish = Polish
cuisine-eastern_european = Eastern European
cuisine-jewish = Jewish home cooking
cuisine-irish = Irish
cuisine-british = British
diet-halal = Halal
diet-kosher = Kosher
diet-vegetarian = Vegetarian
diet-vegan = Vegan
diet-jain = Jain (no root vegetables)
diet-no_pork = No pork
diet-no_beef = No beef
faith-buddhist = Buddhist
faith-christian = Christian
faith-hindu = Hindu
faith-jewish = Jewish
faith-muslim = Muslim
faith-sikh = Sikh
faith-other = Other religion
faith-none = No religion
faith_practice-prayer_times = Respects prayer times
faith_practice-fasting = Supports fasting
faith_practice-same_gender_personal_care = Same-gender personal care
faith_practice-modest_dress = Modest dress
faith_practice-ritual_washing = Ritual washing
faith_practice-religious_festivals = Religious festivals
faith_practice-accompany_to_worship = Accompanies to worship
service-personal_care = Personal care
service-meal_preparation = Meal preparation
service-domestic = Domestic help
service-shopping = Shopping
service-companionship = Companionship
service-medication_prompting = Medication prompting
service-accompany_appointments = Accompanying to appointments
service-night_support = Night support
service-live_in = Live-in care
service-respite = Respite
service-day_activities = Day activities
service-luncheon_club = Luncheon club
service-befriending = Befriending
service-advocacy = Advocacy
service-interpreting = Interpreting
service-peer_support = Peer support
service-support_planning = Support planning
service-direct_payment_support = Direct-payment support
medical_diet-diabetic = Diabetic (low sugar)
medical_diet-soft = Soft, easy to chew
medical_diet-pureed = Puréed
medical_diet-thickened_fluids = Thickened fluids
medical_diet-gluten_free = Gluten-free (coeliac)
medical_diet-low_salt = Low salt
medical_diet-low_fat = Low fat
medical_diet-dairy_free = Dairy-free
medical_diet-nut_free = Nut-free
medical_diet-renal = Renal (kidney) diet
delivery_mode-in_person = In person
delivery_mode-phone = By phone
delivery_mode-online = Online (video or chat)
experience-dementia = Dementia
experience-mental_health = Mental health
experience-physical_disability = Physical disability
experience-visual_impairment = Visual impairment
experience-hearing_impairment = Hearing impairment
experience-learning_disability = Learning disability
experience-autism = Autism
experience-stroke = Stroke
experience-end_of_life = End of life care
check-dbs_enhanced = Enhanced DBS check
check-right_to_work = Right to work
check-public_liability_insurance = Public liability insurance
check-first_aid = First aid
check-food_hygiene = Food hygiene
check-manual_handling = Manual handling
check-cqc_registered = CQC registered
provider_kind-micro_provider = Community micro-provider
provider_kind-charity = Charity or community group
provider_kind-home_care_agency = CQC-registered home-care agency
provider_kind-day_service = Day service
provider_kind-luncheon_club = Luncheon club
provider_kind-shared_lives = Shared Lives scheme
provider_kind-advocacy = Advocacy service
gender-female = Female
gender-male = Male
gender-non_binary = Non-binary
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

# A public profile page (/carers/{id}, /providers/{id}) whose record is not listed.
profile-missing-title = Not found
