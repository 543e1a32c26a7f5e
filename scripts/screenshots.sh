#!/usr/bin/env bash
# The README's screenshots (docs/img/journey-*.png): one or two per journey of the web pages,
# taken by the browser suite (.ci/browser, which writes every page of every journey at 390 and
# 1280 px in four languages), picked here and reduced to a 256-colour PNG when over 250 KB.
#
#   bash scripts/screenshots.sh              # runs the browser suite first
#   bash scripts/screenshots.sh target/shots # picks from a suite run's screenshot folder
#
# Needs ImageMagick's `convert` (or $CONVERT) only for shots over the size limit.
set -euo pipefail
cd "$(dirname "$0")/.."
shots=${1:-}
if [ -z "$shots" ]; then
  shots=$(pwd)/target/screenshots
  SCREENSHOT_DIR="$shots" bash .ci/browser
fi
limit=$((250 * 1024))
# Shots in the suite's folder, two a journey: a wide one and a phone or another language.
pick=(
  journey-find-en-1280 journey-find-ur-390
  journey-results-en-1280 journey-results-zh-Hant-390
  journey-results-map-en-1280 journey-results-map-so-390
  journey-profile-en-1280 journey-profile-ur-390
  journey-shortlist-en-1280 journey-shortlist-zh-Hant-390
  journey-enquire-en-1280 journey-enquiry-status-so-390 journey-inbox-zh-Hant-1280
  journey-vacancy-post-ur-390 journey-agency-vacancies-en-1280
  journey-agency-zh-Hant-390 journey-pa-edit-en-1280 journey-pa-edit-errors-ur-390
  agency agency-upload-report
  commissioner-map-en-1280 commissioner-map-zh-Hant-390
  journey-market-en-1280 journey-market-so-390
  journey-help-en-1280 journey-help-so-390
)
missing=0
for name in "${pick[@]}"; do
  from="$shots/$name.png"
  # pages.test.js's console shots keep the names the README always had.
  case "$name" in
    agency | agency-upload-report) to="docs/img/web-$name.png" ;;
    *) to="docs/img/$name.png" ;;
  esac
  if [ ! -f "$from" ]; then
    echo "missing: $from" >&2
    missing=1
    continue
  fi
  cp "$from" "$to"
  if [ "$(stat -c %s "$to")" -gt "$limit" ]; then
    "${CONVERT:-convert}" "$to" -colors 256 "PNG8:$to"
  fi
  size=$(stat -c %s "$to")
  [ "$size" -le "$limit" ] || { echo "$to: $size bytes, over 250 KB" >&2; missing=1; }
  echo "$to $((size / 1024)) KB"
done
exit "$missing"
