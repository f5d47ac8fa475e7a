// Hover highlighting for the actor graph: an actor, its links and its neighbours stand out.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  if (!svg) { return; }
  var edges = Array.prototype.slice.call(svg.querySelectorAll(".edge"));
  var nodes = Array.prototype.slice.call(svg.querySelectorAll(".node"));
  var byId = {};
  nodes.forEach(function (n) { byId[n.getAttribute("data-id")] = n; });

  function focus(id) {
    svg.classList.add("focus");
    byId[id].classList.add("near");
    edges.forEach(function (e) {
      var s = e.getAttribute("data-s"), t = e.getAttribute("data-t");
      if (s === id || t === id) {
        e.classList.add("near");
        if (byId[s]) { byId[s].classList.add("near"); }
        if (byId[t]) { byId[t].classList.add("near"); }
      }
    });
  }

  function clear() {
    svg.classList.remove("focus");
    svg.querySelectorAll(".near").forEach(function (el) { el.classList.remove("near"); });
  }

  nodes.forEach(function (n) {
    var id = n.getAttribute("data-id");
    n.addEventListener("mouseenter", function () { focus(id); });
    n.addEventListener("focus", function () { focus(id); });
    n.addEventListener("mouseleave", clear);
    n.addEventListener("blur", clear);
  });
}());
