/* pressgraph view, the filters and the search with no state of their own: which nodes and
   edges pass the filters, which names match, and what lies within N hops. `state` is the
   page's filter state; `inArticle` the articles of the article or duplicate-cluster filter. */
var PressgraphFilters = (function () {
  "use strict";
  var AGENTS = { person: true, organization: true };

  function unsure(confidence, state) {
    return state.confidence > 0 && confidence !== null && confidence !== undefined &&
      confidence < state.confidence;
  }
  function passes(node, state, inArticle) {
    if (state.type && node.ptype !== state.type) { return false; }
    if (state.article && !node.articles.some(function (a) { return inArticle[a]; })) { return false; }
    if (state.kind && node.ptype === "claim" && node.kind !== state.kind) { return false; }
    if (state.roles.length && AGENTS[node.ptype] &&
        !node.roles.some(function (code) { return state.roles.indexOf(code) >= 0; })) { return false; }
    return !unsure(node.confidence, state);
  }
  function edgeShown(edge, state, visible) {
    return !unsure(edge.confidence, state) && !!visible[edge.from] && !!visible[edge.to];
  }
  function matches(node, query) {
    var names = node.names.concat([node.label]);
    return names.some(function (name) { return name.toLowerCase().indexOf(query) >= 0; });
  }

  /* The nodes within `hops` of the `hits` through shown edges, as a set (the hits included). */
  function within(hits, allEdges, state, visible) {
    var next = {};
    allEdges.forEach(function (edge) {
      if (!edgeShown(edge, state, visible)) { return; }
      (next[edge.from] = next[edge.from] || []).push(edge.to);
      (next[edge.to] = next[edge.to] || []).push(edge.from);
    });
    var seen = {};
    var frontier = hits.slice();
    hits.forEach(function (id) { seen[id] = true; });
    for (var step = 0; step < state.hops; step += 1) {
      var reached = [];
      frontier.forEach(function (id) {
        (next[id] || []).forEach(function (other) {
          if (!seen[other]) { seen[other] = true; reached.push(other); }
        });
      });
      frontier = reached;
    }
    return seen;
  }

  /* The articles the article filter keeps: one article, or every copy in a duplicate cluster. */
  function articlesOf(choice, clusters) {
    var found = {};
    var cluster = Object.prototype.hasOwnProperty.call(clusters, choice);
    (cluster ? clusters[choice] : [choice]).forEach(function (a) { found[a] = true; });
    return found;
  }

  return { passes: passes, edgeShown: edgeShown, matches: matches, within: within,
    articlesOf: articlesOf };
})();
