# The PA market report: /commissioner/market (docs/market.md). Joined after pa.ftl.

market-link = PA market report: PAs and providers by area, language, service and agency
market-title = PA market report
market-intro = Live personal assistants (PAs) and care providers, counted in the local authority where they are based. Counts only: no PA is named or placed.
market-filter-view = Table
market-filter-authority = Local authority
market-filter-language = Language
market-all = All
market-show = Show
market-view-language = By authority and language
market-view-service = By authority and service
market-view-agency = By authority and support agency
market-view-ethnicity = PAs by ethnic group, against the Census
market-download-csv = Download CSV
market-download-geojson = Download GeoJSON (map)
market-suppression-title = Why some numbers show as "<5"
market-suppression = When a number of PAs would be between 1 and 4, we show "<5" so that nobody can be recognised. When a hidden number could be worked out from a total, the next smallest number beside it is hidden as well. Provider numbers are shown in full: providers are organisations, and are named below.
market-snapshot-since = Changes are since the snapshot of { $date }.
market-snapshot-none = There is no earlier snapshot yet, so there are no changes to show.
market-total = In total: { $pas } PAs and { $providers } providers.
market-col-authority = Local authority
market-col-language = Language
market-col-service = Service
market-col-agency = Support agency
market-col-ethnicity = Ethnic group
market-col-pas = PAs
market-col-providers = Providers
market-col-census = Share of residents (Census 2021)
market-col-trend = Change
market-trend-up = { $n ->
    [one] up by one since the last snapshot
   *[other] up by { $n } since the last snapshot
}
market-trend-down = { $n ->
    [one] down by one since the last snapshot
   *[other] down by { $n } since the last snapshot
}
market-trend-same = no change since the last snapshot
market-trend-unknown = cannot be compared: a number is hidden
market-not-recorded = Not recorded
market-no-agency = No agency
market-organisations-title = Providers speaking each language, by area
