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

})();
