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

  // Search in either script: a query typed in the other script is folded into this
  // site's script before the search sees it (capture phase runs before Material's).
  var map = window.EDITION_SCRIPT_MAP && window.EDITION_SCRIPT_MAP[script === "zh-Hans" ? "hans" : "hant"];
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += map[text[i]] || text[i];
    // the thesis spaces numbers from Han text ("1996 年"), and so does its index
    return out.replace(/(\d)(?=[\u3400-\u9fff])/g, "$1 ").replace(/([\u3400-\u9fff])(?=\d)/g, "$1 ");
  }
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!map || event.isComposing || !field.matches || !field.matches("[data-md-component=search-query]")) return;
    var folded = fold(field.value);
    if (folded !== field.value) {
      var caret = field.selectionStart;
      field.value = folded;
      field.setSelectionRange(caret, caret);
    }
  }, true);

  // Material's search overlay is a role="dialog" without a name; it takes its field's
  // ("搜尋"), so assistive technology announces what opened.
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
    var field = dialog.querySelector("[data-md-component=search-query]");
    if (field && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", field.getAttribute("aria-label"));
  });
})();
