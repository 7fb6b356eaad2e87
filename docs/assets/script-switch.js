// Keep the reader's place when switching script: carry the fragment, remember the choice.
(function () {
  function remember(script) {
    try { localStorage.setItem("edition-script", script); } catch (e) { /* file:// or private mode */ }
  }
  var current = document.querySelector('meta[name="edition-script"]');
  if (current) remember(current.content);
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
