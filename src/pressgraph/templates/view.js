/* pressgraph view: the page's state, its controls, reveal, and the details panel of a node
   or an edge (the stateless pieces are in view_parts.js and view_filters.js). Untrusted text
   is only set with textContent. */
(function () {
  "use strict";
  var parts = PressgraphParts;
  var filters = PressgraphFilters;
  var element = parts.element;
  var DIM = "rgba(200,200,200,0.35)";
  var DIM_FONT = "#c8c8c8";
  var FONT = "#222222";
  var EDGE_FONT = "#343434";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var baseEdgeColour = {};
  var baseFontSize = {};
  var more = { nodes: {}, edges: [] };

  function prepareNode(node) {
    baseFontSize[node.id] = node.font && node.font.size ? node.font.size : 14;
    if (typeof node.title === "string") { node.title = parts.textTip(node.title); }
    return node;
  }
  function prepareEdge(edge, id) {
    edge.id = id;
    baseEdgeColour[id] = edge.color;
    if (typeof edge.title === "string") { edge.title = parts.textTip(edge.title); }
    return edge;
  }

  PG_NODES.forEach(prepareNode);
  PG_EDGES.forEach(function (edge, index) { prepareEdge(edge, "e" + index); });
  data.more.nodes.forEach(function (node) { more.nodes[node.id] = node; });
  more.edges = data.more.edges.map(function (edge, index) { edge.id = "m" + index; return edge; });

  var nodes = new vis.DataSet(PG_NODES);
  var edges = new vis.DataSet(PG_EDGES);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, PG_OPTIONS);
  var physicsButton = document.getElementById("pg-physics");
  var physicsOn = !data.precomputed;
  var view = { size: "degree", colour: "type" };
  var state;

  function emptyState() {
    return { query: "", type: "", article: "", kind: "", roles: [], confidence: 0, hops: 1 };
  }
  state = emptyState();

  function setPhysics(on) {
    physicsOn = on;
    network.setOptions({ physics: { enabled: on } });
    physicsButton.textContent = "Physics: " + (on ? "on" : "off");
    physicsButton.setAttribute("aria-pressed", on ? "true" : "false");
  }
  function stabilized() {
    setPhysics(false);
    document.body.setAttribute("data-stabilized", "true");
  }
  if (!PG_NODES.length) { stabilized(); }
  else if (data.precomputed) { network.once("afterDrawing", stabilized); }
  else { network.once("stabilizationIterationsDone", stabilized); }
  physicsButton.addEventListener("click", function () { setPhysics(!physicsOn); });

  function nodeLook(node, mark) {
    var base = node.colours[view.colour];
    var dim = mark === "dim";
    return {
      color: dim ? DIM : (mark === "match" ? { background: base, border: "#111111" } : base),
      borderWidth: mark === "match" ? 4 : 1, size: node.sizes[view.size],
      font: { color: dim ? DIM_FONT : FONT, size: baseFontSize[node.id] }
    };
  }

  function apply() {
    var inArticle = filters.articlesOf(state.article, data.clusters);  // one, or a cluster's
    var all = nodes.get();
    var allEdges = edges.get();
    var visible = {};
    all.forEach(function (node) { if (filters.passes(node, state, inArticle)) { visible[node.id] = true; } });
    var query = state.query.trim().toLowerCase();
    var hits = query ? all.filter(function (n) { return visible[n.id] && filters.matches(n, query); })
      .map(function (n) { return n.id; }) : [];
    var hitSet = {};
    hits.forEach(function (id) { hitSet[id] = true; });
    var near = filters.within(hits, allEdges, state, visible);
    var nearCount = 0;
    nodes.update(all.map(function (node) {
      var mark = !query ? "" : hitSet[node.id] ? "match" : (near[node.id] && visible[node.id]) ? "neighbour" : "dim";
      if (mark === "neighbour") { nearCount += 1; }
      return Object.assign({ id: node.id, hidden: !visible[node.id], pgState: mark }, nodeLook(node, mark));
    }));
    edges.update(allEdges.map(function (edge) {
      var shown = filters.edgeShown(edge, state, visible);
      var lit = !query || (near[edge.from] && near[edge.to] && shown);
      return { id: edge.id, hidden: !shown, pgDim: !lit, color: lit ? baseEdgeColour[edge.id] : DIM,
        font: { color: lit ? EDGE_FONT : DIM_FONT } };
    }));
    var count = Object.keys(visible).length;
    var status = document.getElementById("pg-status");
    status.setAttribute("data-visible", String(count));
    status.setAttribute("data-matches", String(hits.length));
    var text = count + " of " + all.length + " nodes shown";
    if (query) { text += " \u00b7 " + hits.length + " match(es), " + nearCount + " neighbour(s)"; }
    status.textContent = text;
    listMore(query);
  }

  function listMore(query) {
    var section = document.getElementById("pg-more");
    var list = document.getElementById("pg-more-list");
    list.replaceChildren();
    var found = !query ? [] : Object.keys(more.nodes).sort().filter(function (id) {
      return !nodes.get(id) && filters.matches(more.nodes[id], query);
    });
    found.slice(0, 25).forEach(function (id) {
      var button = element("button", more.nodes[id].label + " (" + data.types[more.nodes[id].ptype] + ")");
      button.type = "button";
      button.setAttribute("data-node", id);
      button.addEventListener("click", function () { reveal([id]); network.selectNodes([id]); showDetails(id); });
      list.appendChild(element("li")).appendChild(button);
    });
    if (found.length > 25) { list.appendChild(element("li", "\u2026 and " + (found.length - 25) + " more")); }
    section.hidden = !found.length;
    section.setAttribute("data-count", String(found.length));
  }

  function hiddenNeighbours(id) {
    var out = [];
    more.edges.forEach(function (edge) {
      var other = edge.from === id ? edge.to : edge.to === id ? edge.from : null;
      if (other && more.nodes[other] && !nodes.get(other) && out.indexOf(other) < 0) { out.push(other); }
    });
    return out.sort();
  }

  function reveal(ids) {
    ids.forEach(function (id, index) {
      if (nodes.get(id) || !more.nodes[id]) { return; }
      var anchor = more.edges.map(function (e) { return e.from === id ? e.to : e.to === id ? e.from : null; })
        .filter(function (other) { return other && nodes.get(other); })[0];
      var at = anchor ? network.getPosition(anchor) : { x: 0, y: 0 };
      var angle = index * 2.39996;
      nodes.add(prepareNode(Object.assign(parts.styledNode(data, more.nodes[id]), {
        x: at.x + 90 * Math.cos(angle), y: at.y + 90 * Math.sin(angle) })));
    });
    more.edges.forEach(function (edge) {
      if (!edges.get(edge.id) && nodes.get(edge.from) && nodes.get(edge.to)) {
        edges.add(prepareEdge(parts.styledEdge(data, edge), edge.id));
      }
    });
    apply();
  }

  function analyticsRows(id) {
    var node = nodes.get(id);
    if (!node) { return []; }
    var rows = [["Degree", String(node.degree)]];
    if (node.betweenness !== null) { rows.push(["Betweenness", node.betweenness.toFixed(4)]); }
    if (node.community !== null) { rows.push(["Community", String(node.community + 1)]); }
    return rows;
  }

  function neighbours(id) {  // every neighbour, drawn or not, with the relation to it
    var found = {};
    edges.get().concat(more.edges).forEach(function (edge) {
      var other = edge.from === id ? edge.to : edge.to === id ? edge.from : null;
      if (other && other !== id && !found[other]) { found[other] = edge.relation; }
    });
    return found;
  }
  function goTo(id) {  // a neighbour's link: draw it if it is not, select it, show its details
    if (!nodes.get(id)) { reveal([id]); }
    network.selectNodes([id]);
    network.focus(id, { animation: false });
    showDetails(id);
  }

  function clearPanel() {
    var panel = document.getElementById("pg-details");
    panel.replaceChildren();
    panel.removeAttribute("data-node");
    panel.removeAttribute("data-edge");
    return panel;
  }
  function showDetails(id) {
    var panel = clearPanel();
    var info = id ? data.details[id] : null;
    if (!info) { panel.appendChild(element("p", "Click a node or an edge to see its details and evidence.", "pg-hint")); return; }
    var hidden = hiddenNeighbours(id);
    var expand = null;
    if (hidden.length) {
      expand = element("button", "Show " + hidden.length + " more neighbour(s)", "pg-expand");
      expand.type = "button";
      expand.addEventListener("click", function () { reveal(hidden); showDetails(id); });
    }
    var colour = nodes.get(id) ? nodes.get(id).colours[view.colour] : "#888888";
    var links = parts.neighbourLinks(data, neighbours(id), goTo);
    parts.fillDetails(panel, info, data.types[info.type], colour, info.rows.concat(analyticsRows(id)), expand, links);
    panel.setAttribute("data-node", id);
  }

  function showEdge(id) {  // an edge's relation, ends (as links), title, confidence, evidence
    var edge = edges.get(id);
    if (!edge) { showDetails(null); return; }
    var panel = clearPanel();
    var ends = {};
    ends[edge.from] = "from";
    ends[edge.to] = "to";
    parts.fillEdge(panel, data, edge, parts.neighbourLinks(data, ends, goTo, "Ends"));
    panel.setAttribute("data-edge", id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { showDetails(null); }
  });
  network.on("doubleClick", function (params) { if (params.nodes.length) { reveal(hiddenNeighbours(params.nodes[0])); } });

  function bind(id, key, eventName, read) {
    var control = document.getElementById(id);
    if (!control) { return; }
    control.addEventListener(eventName, function () { state[key] = read ? read(control) : control.value; apply(); });
  }
  bind("pg-search", "query", "input");
  bind("pg-filter-type", "type", "change");
  bind("pg-filter-article", "article", "change");
  bind("pg-filter-kind", "kind", "change");
  bind("pg-hops", "hops", "change", function (c) { return Number(c.value); });
  bind("pg-filter-confidence", "confidence", "input", function (c) {
    document.getElementById("pg-confidence-value").textContent = Number(c.value).toFixed(2);
    return Number(c.value);
  });
  bind("pg-filter-role", "roles", "change", function (c) {
    return Array.prototype.map.call(c.querySelectorAll("input:checked"), function (box) { return box.value; });
  });
  ["size", "colour"].forEach(function (key) {
    var control = document.getElementById("pg-" + key);
    control.addEventListener("change", function () { view[key] = control.value; apply(); });
  });
  document.getElementById("pg-reset").addEventListener("click", function () {
    ["pg-search", "pg-filter-type", "pg-filter-article", "pg-filter-kind"].forEach(function (id) {
      document.getElementById(id).value = "";
    });
    document.getElementById("pg-hops").value = "1";
    document.querySelectorAll("#pg-filter-role input").forEach(function (box) { box.checked = false; });
    var range = document.getElementById("pg-filter-confidence");
    if (range) { range.value = "0"; document.getElementById("pg-confidence-value").textContent = "0.00"; }
    state = emptyState();
    network.unselectAll();
    showDetails(null);
    apply();
  });

  apply();
  window.pressgraph = { network: network, nodes: nodes, edges: edges, showDetails: showDetails,
    showEdge: showEdge, apply: apply, reveal: reveal, more: more };
})();
