/* pressgraph view, the parts with no state: text elements, the side panel, and the style of
   nodes and edges revealed later. Untrusted text is only set with textContent. */
var PressgraphParts = (function () {
  "use strict";
  var LINKS_MAX = 50;  // neighbour links listed in the panel

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

  /* The links to a node's neighbours: `found` maps each neighbour's id to the relation;
     `go(id)` is called when one is clicked. */
  function neighbourLinks(data, found, go) {
    var ids = Object.keys(found).filter(function (id) { return data.details[id]; });
    ids.sort(function (a, b) {
      var x = data.details[a].label.toLowerCase(), y = data.details[b].label.toLowerCase();
      return x < y ? -1 : x > y ? 1 : (a < b ? -1 : 1);
    });
    var box = element("section", null, "pg-neighbours");
    box.appendChild(element("h3", "Neighbours (" + ids.length + ")"));
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
    panel.appendChild(element("p", info.iri, "pg-iri"));
  }

  return { element: element, textTip: textTip, styledNode: styledNode, styledEdge: styledEdge,
    neighbourLinks: neighbourLinks, fillDetails: fillDetails };
})();
