// carematch: the commissioner's interactive gap map, drawn with the vendored Leaflet over the
// same report the page shows (fetched as GeoJSON). No tiles: the authorities' boundaries are the
// map. Without JavaScript (or if this fails) the server's SVG map and the table remain.
(function () {
  "use strict";

  // Colours per band: distinct lightness steps (CIE L* 20, 45, 75, 90, 76 and 100), so
  // the order reads in greyscale and for every kind of colour blindness; "none in reach" is
  // also hatched and "demand unknown" dotted (docs/gaps.md, "The interactive map").
  var FILL = {
    none_in_reach: "#67001f",
    severe: "#c2373a",
    moderate: "#f4a582",
    adequate: "#d1e5f0",
    demand_unknown: "#bababa",
    no_demand: "#ffffff"
  };
  var PATTERN = { none_in_reach: "url(#gap-hatch)", demand_unknown: "url(#gap-dots)" };
  var LONDON = [[51.28, -0.52], [51.70, 0.34]];
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  // Ray casting over one ring of [lon, lat] pairs.
  function inRing(lon, lat, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > lat) !== (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) { inside = !inside; }
    }
    return inside;
  }

  function inPolygon(lon, lat, rings) {
    if (!rings.length || !inRing(lon, lat, rings[0])) { return false; }
    for (var h = 1; h < rings.length; h++) { if (inRing(lon, lat, rings[h])) { return false; } }
    return true;
  }

  function contains(geometry, lon, lat) {
    if (!geometry) { return false; }
    if (geometry.type === "Polygon") { return inPolygon(lon, lat, geometry.coordinates); }
    if (geometry.type === "MultiPolygon") {
      return geometry.coordinates.some(function (p) { return inPolygon(lon, lat, p); });
    }
    return false;
  }

  function start(widget) {
    var strings = JSON.parse(widget.getAttribute("data-strings"));
    var words = strings.words;
    var lang = widget.getAttribute("data-lang") || "en";
    var number = new Intl.NumberFormat(lang);
    var percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
    var container = document.getElementById("gap-map");
    var body = document.getElementById("details-body");
    var table = document.getElementById("gap-table");
    var byCode = {};
    var selected = null;
    var returnTo = null;
    // Whether moves come from the keyboard on the map (then the area under the cross is
    // described), rather than from "Show on map" or a zoom button.
    var followCross = false;

    function km(n) { return words.km.replace("{km}", number.format(n)).replace(/\u2068|\u2069/g, ""); }

    function style(feature) {
      var band = feature.properties.severity;
      return {
        className: "gap-area gap-" + band,
        // A pattern as the fill attribute itself (a `url(#…)` in site.css would be resolved
        // against the stylesheet's address, not this page).
        fillColor: PATTERN[band] || FILL[band] || "#ffffff",
        fillOpacity: 1,
        // Mid-grey borders show on the darkest and the lightest fills alike.
        color: "#8a8a8a",
        weight: 1,
        dashArray: band === "no_demand" ? "3 2" : null
      };
    }

    function describe(p) {
      body.textContent = "";
      var heading = el("p", {}, "");
      var name = el("strong", { dir: "auto" }, p.name);
      heading.appendChild(name);
      if (p.region) { heading.appendChild(document.createTextNode(" (" + p.region + ")")); }
      body.appendChild(heading);
      var dl = el("dl", {});
      function row(label, value) {
        dl.appendChild(el("dt", {}, label));
        dl.appendChild(el("dd", {}, value));
      }
      var demand = p.demand !== null && p.demand !== undefined ? number.format(p.demand)
        : (p.demand_shown ? p.demand_shown : words.unknown);
      row(words.demand, demand);
      if (typeof p.demand_in_reach === "number") { row(words.demandInReach, number.format(p.demand_in_reach)); }
      if (typeof p.share_in_reach === "number") { row(words.share, percent.format(p.share_in_reach)); }
      row(words.carers, number.format(p.carers || 0));
      row(words.providers, number.format(p.providers || 0));
      row(words.nearest, typeof p.nearest_km === "number" ? km(p.nearest_km) : words.nearestNone);
      row(words.band, strings.bands[p.severity] || p.severity);
      if (typeof p.sectors === "number") { row(words.sectors, number.format(p.sectors)); }
      body.appendChild(dl);
    }

    function clearDetails() {
      body.textContent = "";
      body.appendChild(el("p", {}, words.empty));
    }

    function highlight(layer) {
      if (selected && selected !== layer) { geo.resetStyle(selected); }
      selected = layer;
      if (layer) {
        layer.setStyle({ color: "#000000", weight: 4, dashArray: null });
        layer.bringToFront();
        describe(layer.feature.properties);
      }
    }

    function clear() {
      if (selected) { geo.resetStyle(selected); }
      selected = null;
      clearDetails();
    }

    var map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      keyboard: true,
      keyboardPanDelta: 60,
      zoomSnap: 0.5,
      minZoom: 5,
      maxZoom: 13
    });
    L.control.zoom({ zoomInTitle: words.zoomIn, zoomOutTitle: words.zoomOut }).addTo(map);
    var geo;

    function show(data) {
      geo = L.geoJSON(data, {
        style: style,
        onEachFeature: function (feature, layer) {
          byCode[feature.properties.code] = layer;
          layer.on("mouseover", function () { describe(feature.properties); layer.setStyle({ weight: 3 }); });
          layer.on("mouseout", function () {
            if (layer !== selected) { geo.resetStyle(layer); }
            if (selected) { describe(selected.feature.properties); } else { clearDetails(); }
          });
          layer.on("click", function () { highlight(layer); });
        }
      });
      // The view first: Leaflet creates its SVG (where the patterns go) once the map has one.
      map.fitBounds(geo.getBounds());
      geo.addTo(map);
      addPatterns();
      addTableControls(data);
      addFigureNote(data);
    }

    // Hatching and dots for two bands, as SVG patterns in Leaflet's own SVG (the paths of
    // those bands are filled with them, see `style`).
    function addPatterns() {
      var svg = container.querySelector(".leaflet-overlay-pane svg");
      if (!svg) { return; }
      var defs = svgEl("defs", {});
      var hatch = svgEl("pattern", { id: "gap-hatch", width: "8", height: "8", patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
      hatch.appendChild(svgEl("rect", { width: "8", height: "8", fill: FILL.none_in_reach }));
      hatch.appendChild(svgEl("line", { x1: "0", y1: "0", x2: "0", y2: "8", stroke: "#ffffff", "stroke-width": "2" }));
      var dots = svgEl("pattern", { id: "gap-dots", width: "5", height: "5", patternUnits: "userSpaceOnUse" });
      dots.appendChild(svgEl("rect", { width: "5", height: "5", fill: FILL.demand_unknown }));
      dots.appendChild(svgEl("circle", { cx: "2.5", cy: "2.5", r: "1", fill: "#222222" }));
      defs.appendChild(hatch);
      defs.appendChild(dots);
      svg.insertBefore(defs, svg.firstChild);
    }

    // "Show on map" in each row (the list alternative to pointing), and a column for the share
    // of demand in reach when the report has one.
    function addTableControls(data) {
      if (!table) { return; }
      var props = {};
      data.features.forEach(function (f) { props[f.properties.code] = f.properties; });
      var withShare = data.features.some(function (f) { return typeof f.properties.share_in_reach === "number"; });
      if (withShare) {
        var headRow = table.querySelector("thead tr");
        headRow.insertBefore(el("th", { scope: "col" }, words.shareColumn), headRow.children[2]);
      }
      table.querySelectorAll("tbody tr[data-code]").forEach(function (tr) {
        var code = tr.getAttribute("data-code");
        var p = props[code];
        if (withShare) {
          var share = p && typeof p.share_in_reach === "number" ? percent.format(p.share_in_reach) : "—";
          tr.insertBefore(el("td", { "class": "num" }, share), tr.children[2]);
        }
        if (!byCode[code]) { return; }
        var button = el("button", { type: "button", "class": "show-on-map", "aria-describedby": "map-title" }, words.showOnMap);
        var label = el("span", { "class": "visually-hidden" }, " " + tr.querySelector("th").textContent);
        button.appendChild(label);
        button.addEventListener("click", function () {
          returnTo = button;
          followCross = false;
          var layer = byCode[code];
          map.fitBounds(layer.getBounds(), { maxZoom: 11, padding: [20, 20] });
          highlight(layer);
          container.focus();
        });
        tr.querySelector("th").appendChild(el("br", {}));
        tr.querySelector("th").appendChild(button);
      });
    }

    function addFigureNote(data) {
      var figure = data.carematch && data.carematch.demand_figure;
      var list = document.getElementById("map-caveats");
      if (!figure || !list || !figure.category) { return; }
      var text = words.censusFigure.replace("{category}", figure.category)
        .replace("{table}", figure.table || "").replace(/\u2068|\u2069/g, "");
      list.appendChild(el("li", {}, text));
    }

    // The view, as attributes (what the browser suite waits on).
    map.on("zoomend moveend", function () {
      var c = map.getCenter();
      container.setAttribute("data-zoom", String(map.getZoom()));
      container.setAttribute("data-center", c.lat.toFixed(4) + "," + c.lng.toFixed(4));
    });

    // Moving the map with the keyboard describes the area under the cross in its middle.
    container.addEventListener("keydown", function (event) {
      if (/^(Arrow(Up|Down|Left|Right)|\+|-|=|_)$/.test(event.key)) { followCross = true; }
    });
    map.on("moveend", function () {
      if (!followCross || document.activeElement !== container || !geo) { return; }
      var c = map.getCenter();
      var found = null;
      geo.eachLayer(function (layer) { if (!found && contains(layer.feature.geometry, c.lng, c.lat)) { found = layer; } });
      if (found) { highlight(found); } else { clear(); }
    });

    widget.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      clear();
      if (returnTo) { returnTo.focus(); returnTo = null; }
    });
    if (table) {
      table.addEventListener("keydown", function (event) { if (event.key === "Escape") { clear(); } });
    }

    document.getElementById("zoom-london").addEventListener("click", function () { followCross = false; map.fitBounds(LONDON); });
    document.getElementById("zoom-all").addEventListener("click", function () {
      followCross = false;
      if (geo) { map.fitBounds(geo.getBounds()); }
    });

    fetch(widget.getAttribute("data-geojson"), { credentials: "same-origin", headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) {
        show(data);
        widget.setAttribute("data-ready", "true");
      })
      .catch(function () {
        widget.hidden = true;
        var fallback = document.getElementById("map-fallback");
        if (fallback) {
          fallback.hidden = false;
          fallback.parentNode.insertBefore(el("p", { "class": "notice", role: "status" }, words.failed), fallback);
        }
      });
    return map;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var widget = document.getElementById("map-widget");
    if (!widget || typeof L === "undefined") { return; }
    widget.hidden = false;
    var fallback = document.getElementById("map-fallback");
    if (fallback) { fallback.hidden = true; }
    try {
      start(widget);
    } catch (e) {
      widget.hidden = true;
      if (fallback) { fallback.hidden = false; }
    }
  });
})();
