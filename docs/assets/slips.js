// The author's slips (span.sic, the reading in data-corr): the reading, its kind and
// certainty on hover, focus and tap; and a page switch 原文 ⇄ 校讀 that shows the readings
// in place, remembered in the browser.  The default is always the author's text.
(function () {
  var marks = document.querySelectorAll("article .sic[data-corr]");
  if (!marks.length) return;
  var SETTING = "edition-slips";

  // One tooltip for the page, placed under the mark it describes (never clipped by a table).
  var tip = document.createElement("div");
  tip.className = "sic-tip";
  tip.id = "sic-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var shown = null;

  function show(mark) {
    shown = mark;
    tip.textContent = mark.getAttribute("aria-label");
    tip.hidden = false;
    var rect = mark.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    tip.style.top = (window.scrollY + rect.bottom + 6) + "px";
    tip.style.left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
    mark.setAttribute("aria-describedby", "sic-tip");
    mark.setAttribute("aria-expanded", "true");
  }
  function hide() {
    if (!shown) return;
    shown.removeAttribute("aria-describedby");
    shown.setAttribute("aria-expanded", "false");
    tip.hidden = true;
    shown = null;
  }

  // One set of listeners for the page, not six per mark: nothing is written into the text at
  // load, so a long page is not restyled for its marks before the reader touches one.
  function markOf(event) {
    return (event.target.closest && event.target.closest("article .sic[data-corr]")) || null;
  }
  document.addEventListener("mouseover", function (event) {
    var mark = markOf(event);
    if (mark && mark !== shown && !mark.contains(event.relatedTarget)) show(mark);
  });
  document.addEventListener("mouseout", function (event) {
    var mark = markOf(event);
    if (mark && !mark.contains(event.relatedTarget) && document.activeElement !== mark) hide();
  });
  document.addEventListener("focusin", function (event) { var mark = markOf(event); if (mark) show(mark); });
  document.addEventListener("focusout", function (event) { if (markOf(event)) hide(); });
  document.addEventListener("click", function (event) {
    var mark = markOf(event);
    if (mark) { if (shown === mark && document.activeElement !== mark) hide(); else show(mark); }
    else if (shown) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); return; }
    var mark = markOf(event);
    if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); shown === mark ? hide() : show(mark); }
  });

  // 原文 ⇄ 校讀: the readings written in place of the author's characters (and back).
  function apply(reading) {
    marks.forEach(function (mark) {
      if (!("sic" in mark.dataset)) mark.dataset.sic = mark.textContent;  // the author's, for the switch back and the citer
      mark.textContent = reading ? mark.dataset.corr : mark.dataset.sic;
    });
    document.documentElement.classList.toggle("slips-reading", reading);
    button.setAttribute("aria-pressed", reading ? "true" : "false");
  }
  function saved() {
    try { return localStorage.getItem(SETTING) === "reading"; } catch (e) { return false; }
  }
  // The switch is in the page's HTML (scripts/hooks/slips_switch.py), hidden there and shown
  // by slips.css from the first paint when scripts run: made here, its insertion among the
  // article's blocks restyled the whole article.
  var bar = document.querySelector("article .slips-switch");
  var button = bar && bar.querySelector(".slips-switch__button");
  if (!button) return;
  bar.hidden = false;
  button.addEventListener("click", function () {
    var reading = button.getAttribute("aria-pressed") !== "true";
    try { localStorage.setItem(SETTING, reading ? "reading" : "author"); } catch (e) { /* file:// or private mode */ }
    apply(reading);
  });
  if (saved()) apply(true);
})();
