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
  // At click time the place is where the reader is now: the fragment's target while it is
  // on the screen, else the passage at the top of the screen (ids are the same in both
  // scripts); at the top of the page, no fragment.
  var PASSAGE = '[id^="p-"], [id^="li-"], [id^="fn:"], figure[id^="table-"], figure[id^="figure-"]';
  function placeOnScreen() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      var box = target.getBoundingClientRect();
      if (box.bottom > 0 && box.top < innerHeight) return location.hash;
    }
    if (scrollY < 1) return "";
    var passage = passageAtTop(PASSAGE);
    return passage ? "#" + passage.id : location.hash;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.script-switch__link");
    if (!link) return;
    remember(link.dataset.script);
    link.href = link.href.split("#")[0] + placeOnScreen();
  });

  // The search results' scroll box is a Tab stop only while it holds results: empty, it was
  // a blank stop right after the search box.
  var resultBox = document.querySelector(".md-search__scrollwrap");
  var resultList = resultBox && resultBox.querySelector(".md-search-result__list");
  if (resultList && window.MutationObserver) {
    var stopWhenFilled = function () { resultBox.tabIndex = resultList.children.length ? 0 : -1; };
    stopWhenFilled();
    new MutationObserver(stopWhenFilled).observe(resultList, {childList: true});
  }

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
  // instead, and the page is scrolled back to them: at load (reload, Back from another page)
  // and on Back and Forward within the page (after a note, a table, a ¶ link, a result of a
  // search on the same page), which the browser no longer restores once it is told not to.
  var passageAtTop = function () { return null; };  // the passage at the top of the screen, of the given kinds if one is
  if ("scrollRestoration" in history) {
    history.scrollRestoration = "manual";
    passageAtTop = function (kinds) {
      var header = document.querySelector(".md-header");
      var article = document.querySelector("article");
      if (!article) return null;
      var box = article.getBoundingClientRect(), x = box.left + box.width / 2;
      var top = header ? header.getBoundingClientRect().bottom : 0;
      for (var y = Math.max(top, 0) + 2; y < innerHeight; y += 16) {  // a margin between blocks is no passage
        var hit = document.elementFromPoint(x, y);
        var passage = hit && hit.closest && ((kinds && hit.closest(kinds)) || hit.closest("article [id]"));
        if (passage) return passage;
      }
      return null;
    };
    // Not while the search or the navigation drawer is open over the text: on a phone Material
    // then fixes the page at its top beneath them (data-md-scrolllock, until it has scrolled it
    // back; the place was kept before they opened).
    var overlaid = function () {
      return document.body.hasAttribute("data-md-scrolllock") || ["__search", "__drawer"].some(function (id) {
        var toggle = document.getElementById(id);
        return toggle && toggle.checked;
      });
    };
    var keepPlace = function () {
      if (overlaid()) return;
      var passage = passageAtTop();
      // Nothing of the text at the top (an overlay still fading out over it): the passage kept
      // before stays, rather than a bare offset that lands elsewhere once paragraphs are laid out.
      var kept = history.state && history.state.editionPlace;
      if (!passage && kept && kept.id) return;
      var state = {};
      for (var key in history.state || {}) state[key] = history.state[key];
      state.editionPlace = passage ? {id: passage.id, top: passage.getBoundingClientRect().top} : {y: scrollY};
      try { history.replaceState(state, ""); } catch (e) { /* a state the browser refuses */ }
    };
    // Scrolled to, then held there for a few frames: the paragraphs that come near the
    // screen take their real heights in the next frames and move what follows them.
    // Let go as soon as the reader moves the page.
    var holding = 0;
    var restorePlace = function (place) {
      var passage = place.id && document.getElementById(place.id);
      if (!passage) {
        if (place.y !== undefined) window.scrollTo(0, place.y);
        return;
      }
      var run = ++holding, frames = 0;
      var letGo = function () { if (run === holding) holding++; };
      ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (type) {
        window.addEventListener(type, letGo, {once: true, passive: true});
      });
      var hold = function () {
        if (run !== holding) return;
        var off = passage.getBoundingClientRect().top - place.top;
        if (Math.abs(off) >= 1) window.scrollBy(0, off);
        if (++frames < 10) requestAnimationFrame(hold);
      };
      hold();
    };
    // Kept once the scrolling stops (a state written while the page is being left is not
    // kept by Chromium on reload).
    var placeTimer = 0;
    window.addEventListener("scroll", function () {
      clearTimeout(placeTimer);
      placeTimer = setTimeout(keepPlace, 150);
    }, {passive: true});
    window.addEventListener("pagehide", keepPlace);
    // Kept when a link within the page is followed, before the page moves: the entry Back
    // returns to holds the line the reader left, not where the scrolling last stopped.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (link && link.hash && link.origin === location.origin && link.pathname === location.pathname
          && link.search === location.search) keepPlace();
    }, true);
    // Back and Forward within the page: the entry's own place, else its fragment (an entry
    // whose place was never kept).  A link followed: its new entry keeps where it landed.
    var traversed = false;
    window.addEventListener("popstate", function (event) {
      var place = event.state && event.state.editionPlace;
      traversed = Boolean(place);
      if (place) restorePlace(place);
    });
    window.addEventListener("hashchange", function () {
      if (traversed) { traversed = false; return; }
      keepPlace();  // a link followed (and the page reloaded at once)
    });
    var arrival = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    var place = history.state && history.state.editionPlace;
    if (!place || !arrival || arrival.type === "navigate") {
      var target = arrival && arrival.type !== "navigate" && location.hash
        && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) target.scrollIntoView();  // what the browser does when it has no place to restore
      window.addEventListener("load", function () { setTimeout(keepPlace); });  // a fragment is scrolled to with no scroll event
    } else restorePlace(place);
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
    // On a phone the pop-up is what a tap gives: a way on to the note itself, besides a second tap.
    var onward = document.createElement("a");
    onward.className = "edition-note-onward";
    onward.href = marker.hash;
    onward.textContent = (script === "zh-Hans" ? "移至注 " : "移至註 ") + marker.textContent.trim();
    var last = inner.lastElementChild || inner;
    last.append(" ", onward);
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
  // A tap has no hover: the first tap on a marker opens its pop-up (where the reader is, not
  // 27,000 px down at the note list), a second tap on it, or the link in the pop-up, goes on to
  // the note; a tap elsewhere closes it.  A mouse click or the keyboard goes to the note at once.
  var openBeforeTap = null;
  document.addEventListener("pointerdown", function (event) {
    if (event.pointerType === "mouse") return;
    var marker = markerOf(event.target);
    openBeforeTap = marker && marker === noteHost ? marker : null;
    if (!marker && !inNote(event.target)) closeNote();
  }, true);
  document.addEventListener("click", function (event) {
    var marker = markerOf(event.target);
    if (!marker || (event.pointerType !== "touch" && event.pointerType !== "pen")) return;
    if (openBeforeTap === marker) return;
    event.preventDefault();
    openNote(marker);
  });
  window.addEventListener("hashchange", closeNote);
})();
