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

  // Renamed reference keys: an old fragment (#shanghai) has its own anchor beside the
  // entry (data-key names the current key, from source/citations/renamed-keys.toml), so it
  // lands there without JavaScript; here the address moves to the current key, which
  // :target, the copy of the link and the script switch then carry on.
  function forwardFormerKey() {
    var id = decodeURIComponent(location.hash.slice(1));
    var old = id && document.getElementById(id);
    if (!old || !old.classList.contains("bib-former-key")) return;
    history.replaceState(null, "", "#" + old.dataset.key);
    var entry = document.getElementById(old.dataset.key);
    if (entry) entry.scrollIntoView();
  }
  forwardFormerKey();
  window.addEventListener("hashchange", forwardFormerKey);
})();
