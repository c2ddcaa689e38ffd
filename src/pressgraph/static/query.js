// The query page of `pressgraph serve`: YASGUI on this server's endpoint, the catalogue's
// queries as examples, and a link that draws the current query's result as a graph.
(function () {
  "use strict";
  const examples = JSON.parse(document.getElementById("pg-examples").textContent);
  const endpoint = new URL("sparql", document.baseURI).href;

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null,
    populateFromUrl: false,
    // No autocompleter that asks a web service (classes and properties come from LOV).
    yasqe: { autocompleters: ["variables"] },
  });
  window.pressgraphQuery = yasgui;

  const first = yasgui.getTab();
  if (first && examples.length) {
    first.setQuery(examples[0].query);
    first.setName(examples[0].name);
  }

  document.querySelectorAll("button[data-example]").forEach((button) => {
    button.addEventListener("click", () => {
      const example = examples[Number(button.dataset.example)];
      const tab = yasgui.addTab(true, { name: example.name, yasqe: { value: example.query } },
                                { avoidDuplicateTabs: true });
      tab.setQuery(example.query);
    });
  });

  const view = document.getElementById("pg-view");
  view.addEventListener("click", () => {
    const tab = yasgui.getTab();
    view.href = "view?query=" + encodeURIComponent(tab ? tab.getQuery() : "");
  });
})();
