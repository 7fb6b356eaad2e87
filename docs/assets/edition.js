// The edition's small behaviours; each works without the others.
(function () {
  var meta = document.querySelector('meta[name="edition-script"]');
  var script = meta ? meta.content : "zh-Hant";

  // Script switch: carry the fragment (#fn:45, #page-102) and remember the choice.
  function remember(choice) {
    try { localStorage.setItem("edition-script", choice); } catch (e) { /* file:// or private mode */ }
  }
  remember(script);
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.script-switch__link");
    if (!link) return;
    remember(link.dataset.script);
    if (location.hash) {
      event.preventDefault();
      location.href = link.href.split("#")[0] + location.hash;
    }
  });

  // Material's search overlay is a role="dialog" without a name; it takes its field's
  // ("搜尋"), so assistive technology announces what opened.
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
    var field = dialog.querySelector("[data-md-component=search-query]");
    if (field && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  });
})();
