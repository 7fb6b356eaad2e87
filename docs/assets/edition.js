// The edition's small behaviours; each works without the others.
(function () {
  var meta = document.querySelector('meta[name="edition-script"]');
  var script = meta ? meta.content : "zh-Hant";

  // Script switch: the link is built with the page's path (it works without JavaScript);
  // here it also carries the fragment (#fn:45, #page-102) — kept in its href, so a click,
  // a middle click or a copied link all keep the place — and remembers the choice.
  function remember(choice) {
    try { localStorage.setItem("edition-script", choice); } catch (e) { /* file:// or private mode */ }
  }
  remember(script);
  var links = document.querySelectorAll("a.script-switch__link");
  function carryFragment() {
    links.forEach(function (link) { link.href = link.href.split("#")[0] + location.hash; });
  }
  carryFragment();
  window.addEventListener("hashchange", carryFragment);
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.script-switch__link");
    if (!link) return;
    remember(link.dataset.script);
    carryFragment();
  });

  // Material's search overlay is a role="dialog" without a name; it takes its field's
  // ("搜尋"), so assistive technology announces what opened.
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
    var field = dialog.querySelector("[data-md-component=search-query]");
    if (field && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  });
})();
