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

  // The reader's place on reload and Back: the browser would restore the scroll offset, but
  // the paragraphs laid out only near the screen (edition.css, content-visibility) keep an
  // estimated height until then, so the same offset lands a few lines to a screen away.  The
  // passage at the top of the screen and its distance from it are kept in the history entry
  // instead, and the page is scrolled back to them.
  if ("scrollRestoration" in history) {
    history.scrollRestoration = "manual";
    var passageAtTop = function () {
      var header = document.querySelector(".md-header");
      var article = document.querySelector("article");
      if (!article) return null;
      var box = article.getBoundingClientRect(), x = box.left + box.width / 2;
      var top = header ? header.getBoundingClientRect().bottom : 0;
      for (var y = Math.max(top, 0) + 2; y < innerHeight; y += 16) {  // a margin between blocks is no passage
        var hit = document.elementFromPoint(x, y);
        var passage = hit && hit.closest && hit.closest("article [id]");
        if (passage) return passage;
      }
      return null;
    };
    var keepPlace = function () {
      var passage = passageAtTop();
      var state = {};
      for (var key in history.state || {}) state[key] = history.state[key];
      state.editionPlace = passage ? {id: passage.id, top: passage.getBoundingClientRect().top} : {y: scrollY};
      try { history.replaceState(state, ""); } catch (e) { /* a state the browser refuses */ }
    };
    // Kept once the scrolling stops (a state written while the page is being left is not
    // kept by Chromium on reload).
    var placeTimer = 0;
    window.addEventListener("scroll", function () {
      clearTimeout(placeTimer);
      placeTimer = setTimeout(keepPlace, 150);
    }, {passive: true});
    window.addEventListener("pagehide", keepPlace);
    window.addEventListener("hashchange", keepPlace);  // a link followed and the page reloaded at once
    var arrival = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    var place = history.state && history.state.editionPlace;
    if (!place || !arrival || arrival.type === "navigate") {
      var target = arrival && arrival.type !== "navigate" && location.hash
        && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();  // what the browser does when it has no place to restore
      window.addEventListener("load", function () { setTimeout(keepPlace); });  // a fragment is scrolled to with no scroll event
    } else {
      var passage = place.id && document.getElementById(place.id);
      if (passage) {
        // Scrolled to, then held there for a few frames: the paragraphs that come near the
        // screen take their real heights in the next frames and move what follows them.
        // Let go as soon as the reader moves the page.
        var frames = 0;
        var letGo = function () { frames = 10; };
        ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) {
          window.addEventListener(type, letGo, {once: true, passive: true});
        });
        var hold = function () {
          if (frames >= 10) return;
          var off = passage.getBoundingClientRect().top - place.top;
          if (Math.abs(off) >= 1) window.scrollBy(0, off);
          if (++frames < 10) requestAnimationFrame(hold);
        };
        hold();
      } else if (place.y !== undefined) window.scrollTo(0, place.y);
    }
  }

  // Note pop-ups: the note beside its marker on hover or focus, drawn as Material's
  // content.footnote.tooltips draws it (its markup, classes, placement and timing), but made
  // when a marker is first pointed at.  Material's mounts a pop-up and its watchers for every
  // marker at load (273 on the print page), on the main thread a phone needs for the text.
  var DELAY = 250, note = null, noteHost = null, noteTimer = 0;
  function markerOf(target) {
    return target && target.closest ? target.closest("a.footnote-ref") : null;
  }
  function closeNote() {
    if (!note) return;
    var node = note;
    noteHost.removeAttribute("aria-controls");
    noteHost.removeAttribute("aria-haspopup");
    note = noteHost = null;
    node.classList.remove("md-tooltip2--active");
    setTimeout(function () { node.remove(); }, DELAY);  // after the fade
  }
  function openNote(marker) {
    clearTimeout(noteTimer);
    if (marker === noteHost) return;
    var target = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
    if (!target) return;
    closeNote();
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.append.apply(inner, Array.prototype.slice.call(target.cloneNode(true).children));
    note = document.createElement("div");
    note.className = "md-tooltip2";
    note.id = "__tooltip2_note";
    note.setAttribute("role", "dialog");
    note.appendChild(inner);
    noteHost = marker;
    document.body.appendChild(note);
    var host = marker.getBoundingClientRect();
    var y = host.y >= innerHeight / 2 ? -16 - note.offsetHeight : 16 + host.height;
    note.style.setProperty("--md-tooltip-host-x", host.x + scrollX + "px");
    note.style.setProperty("--md-tooltip-host-y", host.y + scrollY + "px");
    note.style.setProperty("--md-tooltip-x", host.width / 2 + "px");
    note.style.setProperty("--md-tooltip-y", y + "px");
    note.classList.add(y < 0 ? "md-tooltip2--top" : "md-tooltip2--bottom");
    marker.setAttribute("aria-controls", note.id);
    marker.setAttribute("aria-haspopup", "dialog");
    var shown = note;
    requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }
  function leaveSoon() {
    clearTimeout(noteTimer);
    noteTimer = setTimeout(closeNote, DELAY);
  }
  function inNote(target) { return note && target && note.contains(target); }
  document.addEventListener("mouseover", function (event) {
    var marker = markerOf(event.target);
    if (marker) openNote(marker);
    else if (inNote(event.target)) clearTimeout(noteTimer);
  });
  document.addEventListener("mouseout", function (event) {
    if ((markerOf(event.target) || inNote(event.target)) && !inNote(event.relatedTarget)
        && markerOf(event.relatedTarget) !== noteHost) leaveSoon();
  });
  document.addEventListener("focusin", function (event) {
    var marker = markerOf(event.target);
    if (marker) openNote(marker);
    else if (inNote(event.target)) clearTimeout(noteTimer);
  });
  document.addEventListener("focusout", function (event) {
    if ((markerOf(event.target) || inNote(event.target)) && !inNote(event.relatedTarget)) leaveSoon();
  });
})();
