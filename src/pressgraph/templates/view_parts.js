/* pressgraph view, the parts with no state: text elements, the side panel of a node or an
   edge, and the style of nodes and edges revealed later. Untrusted text is only set with
   textContent. */
var PressgraphParts = (function () {
  "use strict";
  var LINKS_MAX = 50;  // neighbour links listed in the panel
  var POSITION = "holds position at";

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }
  function textTip(text) {
    var tip = document.createElement("div");
    tip.textContent = text;
    return tip;
  }

  function tooltipOf(data, node) {  // as view_styles.tooltip
    var info = data.details[node.id];
    var text = (info && info.rows.length ? info.rows[0][1] : node.label).split(/\s+/).filter(Boolean).join(" ");
    var most = data.styles.tooltip_max;
    return data.types[node.ptype] + ": " + (text.length <= most ? text : text.slice(0, most) + "\u2026");
  }
  function styledNode(data, node) {  // a node not drawn yet, styled as view_styles.node_options does
    var style = data.styles.nodes[node.ptype];
    var size = Math.round(10 * (10 + 4 * Math.sqrt(node.degree))) / 10;
    return Object.assign({}, node, { shape: style.shape, color: style.colour, font: { size: style.font },
      size: size, sizes: { degree: size, betweenness: 10 }, betweenness: null, community: null,
      colours: { type: style.colour, community: data.styles.no_community }, title: tooltipOf(data, node) });
  }
  function styledEdge(data, edge) {  // an edge not drawn yet, styled as view_styles.edge_options does
    var style = data.styles.edges[edge.relation];
    var found = Object.assign({}, style, edge, { arrows: "arrows" in style ? style.arrows : "to",
      title: edge.label ? edge.relation + ": " + edge.label : edge.relation });
    if (edge.weight !== undefined) { found.width = Math.min(1 + edge.weight, 8); }
    return found;
  }

  function evidenceBlock(ev) {
    var quote = element("blockquote", null, "pg-evidence");
    quote.appendChild(document.createTextNode(ev.before));
    quote.appendChild(element("mark", ev.anchor));
    quote.appendChild(document.createTextNode(ev.after));
    if (ev.article) { quote.appendChild(element("span", "\u2014 " + ev.article, "pg-source")); }
    return quote;
  }

  /* The links to a node's neighbours (or an edge's ends): `found` maps each one's id to the
     relation; `go(id)` is called when one is clicked; `heading` defaults to "Neighbours". */
  function neighbourLinks(data, found, go, heading) {
    var ids = Object.keys(found).filter(function (id) { return data.details[id]; });
    ids.sort(function (a, b) {
      var x = data.details[a].label.toLowerCase(), y = data.details[b].label.toLowerCase();
      return x < y ? -1 : x > y ? 1 : (a < b ? -1 : 1);
    });
    var box = element("section", null, "pg-neighbours");
    box.appendChild(element("h3", (heading || "Neighbours") + " (" + ids.length + ")"));
    var list = element("ul", null, "pg-links");
    ids.slice(0, LINKS_MAX).forEach(function (id) {
      var info = data.details[id];
      var button = element("button", info.label + " (" + data.types[info.type] + ", " + found[id] + ")", "pg-link");
      button.type = "button";
      button.setAttribute("data-node", id);
      button.addEventListener("click", function () { go(id); });
      list.appendChild(element("li")).appendChild(button);
    });
    if (ids.length > LINKS_MAX) { list.appendChild(element("li", "\u2026 and " + (ids.length - LINKS_MAX) + " more")); }
    box.appendChild(list);
    return box;
  }

  /* Fill the panel with one node's details: badge, name, rows, `extra` (an element or null),
     the sections with their evidence, `links` (an element or null), and the IRI. */
  function fillDetails(panel, info, typeLabel, colour, rows, extra, links) {
    var badge = element("span", typeLabel, "pg-type");
    badge.style.background = colour;
    panel.appendChild(badge);
    panel.appendChild(element("h2", info.label));
    var list = element("dl", null, "pg-rows");
    rows.forEach(function (row) {
      list.appendChild(element("dt", row[0]));
      list.appendChild(element("dd", row[1]));
    });
    panel.appendChild(list);
    if (extra) { panel.appendChild(extra); }
    info.sections.forEach(function (section) {
      panel.appendChild(element("h3", section.heading));
      var items = element("ul", null, "pg-items");
      section.items.forEach(function (item) {
        var li = element("li", item.text || null);
        item.evidence.forEach(function (ev) { li.appendChild(evidenceBlock(ev)); });
        items.appendChild(li);
      });
      panel.appendChild(items);
    });
    if (links) { panel.appendChild(links); }
    if (info.iri) { panel.appendChild(element("p", info.iri, "pg-iri")); }
  }

  function evidenceOf(info) {  // every evidence span of a claim's details
    var found = [];
    info.sections.forEach(function (section) {
      if (section.heading !== "Evidence") { return; }
      section.items.forEach(function (item) { found = found.concat(item.evidence); });
    });
    return found;
  }
  /* The evidence of an edge, from its ends' details: a position's title and spans (the
     person's positions held at that organization), or a claim's spans (for "appears in",
     those in that article when they say so). */
  function edgeSections(data, edge) {
    var from = data.details[edge.from];
    var to = data.details[edge.to];
    if (!from) { return []; }
    if (edge.relation === POSITION) {
      var items = [];
      from.sections.forEach(function (section) {
        if (section.heading !== "Positions") { return; }
        section.items.forEach(function (item) {
          if ((item["with"] || []).indexOf(edge.to) >= 0) { items.push(item); }
        });
      });
      return items.length ? [{ heading: "Position", items: items }] : [];
    }
    if (edge.relation !== "claimed by" && edge.relation !== "appears in") { return []; }
    var found = evidenceOf(from);
    var here = found.filter(function (ev) { return to && ev.article === to.label; });
    if (edge.relation === "appears in" && here.length) { found = here; }
    return found.length ? [{ heading: "Evidence", items: [{ text: "", evidence: found }] }] : [];
  }
  /* Fill the panel with one edge's details: its relation, its ends, title or label,
     confidence and evidence, then `links` (an element or null). */
  function fillEdge(panel, data, edge, links) {
    function name(id) { return data.details[id] ? data.details[id].label : id; }
    var rows = [["From", name(edge.from)], ["To", name(edge.to)]];
    if (edge.label) { rows.push([edge.relation === POSITION ? "Title" : "Label", edge.label]); }
    if (typeof edge.confidence === "number") { rows.push(["Confidence", edge.confidence.toFixed(2)]); }
    var info = { label: name(edge.from) + " \u2192 " + name(edge.to), iri: "",
      sections: edgeSections(data, edge) };
    var style = data.styles.edges[edge.relation];
    fillDetails(panel, info, edge.relation, style ? style.color : "#888888", rows, null, links);
  }

  return { element: element, textTip: textTip, styledNode: styledNode, styledEdge: styledEdge,
    neighbourLinks: neighbourLinks, fillDetails: fillDetails, fillEdge: fillEdge };
})();
