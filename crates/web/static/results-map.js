// carematch: the results on a map, drawn when the person opens "Show these results on a map".
// Leaflet (vendored) is loaded then, not with the page. Each result sits at its outward code's
// centroid (never a person's address), numbered as in the list; the areas are the local
// authorities' boundaries, so no tiles are fetched from anywhere. Markers are keyboard stops:
// Enter goes to the result's card in the list, which stays the way to read every detail.
(function () {
  "use strict";
  var box = document.getElementById("results-map");
  if (!box) { return; }
  var details = box.closest("details");
  var started = false;

  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      node.onload = resolve;
      node.onerror = reject;
      document.head.appendChild(node);
    });
  }

  function draw(data, areas) {
    var L = window.L;
    var map = L.map(box, { keyboard: true, zoomSnap: 0.5, attributionControl: false });
    // The view first: Leaflet draws a layer (and gives its element) only on a map with a view.
    var bounds = data.results.map(function (r) { return [r.lat, r.lon]; });
    if (data.centre) { bounds.push(data.centre); }
    if (bounds.length) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 }); } else { map.setView([52.5, -1.5], 6); }
    L.geoJSON(areas, { style: { color: "#505a5f", weight: 1, fillColor: "#f3f2f1", fillOpacity: 1 }, interactive: false }).addTo(map);
    if (data.centre) {
      L.circleMarker(data.centre, { radius: 6, color: "#1b1b1b", weight: 3, fillOpacity: 0, interactive: false }).addTo(map);
    }
    data.results.forEach(function (r) {
      var marker = L.circleMarker([r.lat, r.lon], { radius: 11, color: "#0b4f6c", weight: 2, fillColor: "#ffffff", fillOpacity: 1 })
        .bindTooltip(String(r.n), { permanent: true, direction: "center", className: "result-number" })
        .addTo(map);
      var path = marker.getElement();
      if (path) {
        path.setAttribute("tabindex", "0");
        path.setAttribute("role", "link");
        path.setAttribute("aria-label", r.n + ". " + r.name + ", " + r.label);
        path.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); window.location.hash = r.anchor; }
        });
      }
      marker.on("click", function () { window.location.hash = r.anchor; });
    });
    box.setAttribute("data-drawn", String(data.results.length));
  }

  function start() {
    if (started) { return; }
    started = true;
    load("link", { rel: "stylesheet", href: box.getAttribute("data-leaflet-css") })
      .then(function () { return load("script", { src: box.getAttribute("data-leaflet-js") }); })
      .then(function () {
        return Promise.all([
          fetch(box.getAttribute("data-points")).then(function (r) { return r.json(); }),
          fetch(box.getAttribute("data-areas")).then(function (r) { return r.json(); })
        ]);
      })
      .then(function (both) { draw(both[0], both[1]); })
      .catch(function () { box.setAttribute("data-drawn", "failed"); });
  }

  if (details) {
    details.addEventListener("toggle", function () { if (details.open) { start(); } });
    if (details.open) { start(); }
  }
})();
