/* pressgraph view: search, filters, details panel. Untrusted text is only set with textContent. */
(function () {
  "use strict";
  var DIM = "rgba(200,200,200,0.35)";
  var DIM_FONT = "#c8c8c8";
  var FONT = "#222222";
  var EDGE_FONT = "#343434";
  var data = JSON.parse(document.getElementById("pg-data").textContent);
  var baseColour = {};
  var baseEdgeColour = {};
  var baseFontSize = {};

  function textTip(text) {
    var tip = document.createElement("div");
    tip.textContent = text;
    return tip;
  }

  PG_NODES.forEach(function (node) {
    baseColour[node.id] = node.color;
    baseFontSize[node.id] = node.font && node.font.size ? node.font.size : 14;
    if (typeof node.title === "string") { node.title = textTip(node.title); }
  });
  PG_EDGES.forEach(function (edge, index) {
    edge.id = "e" + index;
    baseEdgeColour[edge.id] = edge.color;
    if (typeof edge.title === "string") { edge.title = textTip(edge.title); }
  });

  var nodes = new vis.DataSet(PG_NODES);
  var edges = new vis.DataSet(PG_EDGES);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, PG_OPTIONS);
  var physicsButton = document.getElementById("pg-physics");
  var physicsOn = true;
  var state = { query: "", type: "", article: "", kind: "" };

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
  if (PG_NODES.length) { network.once("stabilizationIterationsDone", stabilized); } else { stabilized(); }
  physicsButton.addEventListener("click", function () { setPhysics(!physicsOn); });

  function passesFilters(node) {
    if (state.type && node.ptype !== state.type) { return false; }
    if (state.article && node.articles.indexOf(state.article) < 0) { return false; }
    if (state.kind && node.ptype === "claim" && node.kind !== state.kind) { return false; }
    return true;
  }

  function matches(node, query) {
    var names = node.names.concat([node.label]);
    return names.some(function (name) { return name.toLowerCase().indexOf(query) >= 0; });
  }

  function neighbours(ids) {
    var near = {};
    ids.forEach(function (id) {
      network.getConnectedNodes(id).forEach(function (other) { near[other] = true; });
    });
    return near;
  }

  function apply() {
    var all = nodes.get();
    var visible = {};
    all.forEach(function (node) { if (passesFilters(node)) { visible[node.id] = true; } });
    var query = state.query.trim().toLowerCase();
    var hits = query ? all.filter(function (n) { return visible[n.id] && matches(n, query); })
      .map(function (n) { return n.id; }) : [];
    var hitSet = {};
    hits.forEach(function (id) { hitSet[id] = true; });
    var near = neighbours(hits);
    var nearCount = 0;
    nodes.update(all.map(function (node) {
      var mark = !query ? "" : hitSet[node.id] ? "match" : (near[node.id] && visible[node.id]) ? "neighbour" : "dim";
      if (mark === "neighbour") { nearCount += 1; }
      var dim = mark === "dim";
      return {
        id: node.id, hidden: !visible[node.id], pgState: mark,
        color: dim ? DIM : (mark === "match" ? { background: baseColour[node.id], border: "#111111" } : baseColour[node.id]),
        borderWidth: mark === "match" ? 4 : 1,
        font: { color: dim ? DIM_FONT : FONT, size: baseFontSize[node.id] }
      };
    }));
    edges.update(edges.get().map(function (edge) {
      var shown = visible[edge.from] && visible[edge.to];
      var lit = !query || ((hitSet[edge.from] || hitSet[edge.to]) && shown);
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
  }

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }

  function evidenceBlock(ev) {
    var quote = element("blockquote", null, "pg-evidence");
    quote.appendChild(document.createTextNode(ev.before));
    quote.appendChild(element("mark", ev.anchor));
    quote.appendChild(document.createTextNode(ev.after));
    if (ev.article) { quote.appendChild(element("span", "\u2014 " + ev.article, "pg-source")); }
    return quote;
  }

  function showDetails(id) {
    var panel = document.getElementById("pg-details");
    panel.replaceChildren();
    var info = data.details[id];
    if (!info) { panel.appendChild(element("p", "Click a node to see its details and evidence.", "pg-hint")); return; }
    var badge = element("span", data.types[info.type], "pg-type");
    badge.style.background = baseColour[id];
    panel.appendChild(badge);
    panel.appendChild(element("h2", info.label));
    var rows = element("dl", null, "pg-rows");
    info.rows.forEach(function (row) {
      rows.appendChild(element("dt", row[0]));
      rows.appendChild(element("dd", row[1]));
    });
    panel.appendChild(rows);
    info.sections.forEach(function (section) {
      panel.appendChild(element("h3", section.heading));
      var list = element("ul", null, "pg-items");
      section.items.forEach(function (item) {
        var li = element("li", item.text || null);
        item.evidence.forEach(function (ev) { li.appendChild(evidenceBlock(ev)); });
        list.appendChild(li);
      });
      panel.appendChild(list);
    });
    panel.appendChild(element("p", info.iri, "pg-iri"));
    panel.setAttribute("data-node", id);
  }

  network.on("click", function (params) { showDetails(params.nodes.length ? params.nodes[0] : null); });

  function bind(id, key, eventName) {
    var control = document.getElementById(id);
    control.addEventListener(eventName, function () { state[key] = control.value; apply(); });
  }
  bind("pg-search", "query", "input");
  bind("pg-filter-type", "type", "change");
  bind("pg-filter-article", "article", "change");
  bind("pg-filter-kind", "kind", "change");
  document.getElementById("pg-reset").addEventListener("click", function () {
    ["pg-search", "pg-filter-type", "pg-filter-article", "pg-filter-kind"].forEach(function (id) {
      document.getElementById(id).value = "";
    });
    state = { query: "", type: "", article: "", kind: "" };
    network.unselectAll();
    showDetails(null);
    apply();
  });

  apply();
  window.pressgraph = { network: network, nodes: nodes, edges: edges, showDetails: showDetails, apply: apply };
})();
