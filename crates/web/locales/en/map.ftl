# The commissioner's interactive gap map (commissioner_map.rs, static/map.js) and the demo areas
# named on the find page when a postcode is not in the demo gazetteer.
map-heading = { $need }: carers and services within { $km } km
map-need-language = { $name } speakers
map-need-cuisine = People who want { $name } cooking
map-need-diet = People who keep { $name } food rules
map-need-faith_practice = People who need: { $name }
map-need-service = People who need: { $name }
map-need-experience = People who need a carer experienced with: { $name }
map-need-join = { $first } and { $second }
map-legend-title = Gap in each area
map-legend-count = { $count ->
    [one] 1 area
   *[other] { $count } areas
}
map-caveats-title = Read these figures with care
map-caveat-method = Supply is counted at one point in each area. People are Census 2021 residents, not people who use care.
map-caveat-syl = Sylheti has no census category of its own: the figure is everyone whose main language is Bengali (with Sylheti and Chatgaya).
map-caveat-hak = Hakka is counted with other Chinese languages in the census: there is no figure for Hakka speakers, so only supply is shown.
map-caveat-nan = Min Nan (Hokkien) is counted with other Chinese languages in the census: there is no figure for it, so only supply is shown.
map-caveat-zho = "Chinese, dialect not stated" is not a census category: choose Cantonese or Mandarin for a figure.
map-caveat-kurdish = The census counts Kurdish as one language: the figure is every Kurdish speaker, Kurmanji and Sorani together.
map-caveat-prs = Dari has no census category: the figure is Persian or Farsi speakers, which Dari speakers may have answered.
map-caveat-pnb = Western Punjabi has no census category of its own: the figure is every Panjabi speaker.
map-caveat-twi = Twi is counted inside Akan: the figure is every Akan speaker.
map-caveat-language-none = The census has no separate figure for this language, so only supply is shown.
map-caveat-halal = Halal: everyone who gave their religion as Muslim is counted as needing halal food.
map-caveat-kosher = Kosher: everyone who gave their religion as Jewish is counted, though not all keep kosher.
map-caveat-diet-none = The census has no figure for this food rule, so only supply is shown.
map-caveat-cuisine = Cooking: the figure counts speakers of the main language of the cuisine's community.
map-caveat-pakistani = Pakistani cooking: the figure counts speakers of Urdu and of Pakistani Pahari (with Mirpuri and Potwari).
map-caveat-cuisine-none = The census has no figure tied to this cuisine, so only supply is shown.
map-caveat-faith-none = Religion alone does not say who needs a faith practice: there is no census figure, so only supply is shown.
map-caveat-service-none = The census has no figure for services or experience, so only supply is shown.
map-interactive = Interactive map
map-keys = Keyboard: Tab to the map, then arrow keys move it and + and − zoom; the area under the cross in the middle is described beside the map. In the table, "Show on map" goes to an area. Escape clears.
map-zoom-london = Zoom to London
map-zoom-all = Show every area
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-show-on-map = Show on map
map-details-title = Area
map-details-empty = Point at an area, or choose "Show on map" in the table.
map-detail-demand = People
map-detail-demand-in-reach = People with a carer or service in reach
map-detail-share = Share of people in reach
map-detail-carers = Carers in reach
map-detail-providers = Services in reach
map-detail-nearest = Nearest carer or service
map-detail-nearest-none = none within 150 km
map-detail-band = Gap
map-detail-sectors = Postcode sectors
map-detail-unknown = not known
map-col-share = In reach
map-census-figure = Census figure used: { $category } ({ $table })
map-failed = The interactive map could not be loaded; the map below shows the same figures.
find-demo-areas = This is a demonstration with carers in a few areas only. Try a postcode in one of them:
