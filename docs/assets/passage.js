// Passages: a ¶ link on every citable passage that copies its link and citation, a 「引用此段」
// popover for a selection, and a locator line appended when more than a sentence is copied.
// Every word and every citation comes from the page (div.passage-cite and the cite box,
// written by the build from source/metadata.toml: scripts/edition/write/cite_formats.py).
(function () {
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  // The day the reader reads the page, as GB/T 7714 writes an access date.
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
  }

  // The cite box's citations of this edition name the page's address and the access date.
  document.querySelectorAll(".cite-online[data-page]").forEach(function (box) {
    var values = { url: new URL(box.dataset.page, location.href).href, accessed: today() };
    box.querySelectorAll("pre > code").forEach(function (code) { code.textContent = fill(code.textContent, values); });
    box.hidden = false;
  });

  var data = document.querySelector(".passage-cite");
  var article = document.querySelector("article.md-content__inner");
  if (!data || !article) return;
  var words = data.dataset;
  var PASSAGE = '[id^="p-"], [id^="li-"], [id^="fn:"], figure[id^="table-"], figure[id^="figure-"]';
  var SETTING = "edition-copy-locator";
  var popover = null, copied = null;

  // The ¶ links are in the HTML (scripts/hooks/passage_links.py, and print_page.py for the
  // print page); tests/e2e/test_passages.py checks every passage has one.

  function inArticle(range) {
    var node = range.commonAncestorContainer;
    return article.contains(node) && !data.contains(node) && !(popover && popover.contains(node))
      && !(copied && copied.contains(node));
  }

  // The printed page of a boundary point: the last page-N marker at or before it.
  function pageAt(container, offset) {
    var point = document.createRange();
    point.setStart(container, offset);
    var page = null;
    article.querySelectorAll(".page-start[data-page]").forEach(function (marker) {
      if (point.comparePoint(marker, 0) <= 0) page = marker.dataset.page;
    });
    return page;
  }

  function passageAt(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    var passage = element && element.closest(PASSAGE);
    if (passage && article.contains(passage)) return passage.id;
    var heading = null;
    var point = document.createRange();
    point.setStart(node, 0);
    article.querySelectorAll("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]").forEach(function (h) {
      if (point.comparePoint(h, 0) <= 0) heading = h.id;
    });
    return heading;
  }

  // Pages, link and citations of a selection.
  // The pages the selected characters lie on: a page marker at an edge of the selection,
  // with nothing selected between it and that edge, does not count.
  function pagesOf(range) {
    var first = pageAt(range.startContainer, range.startOffset);
    var last = pageAt(range.endContainer, range.endOffset) || first;
    var markers = article.querySelectorAll(".page-start[data-page]");
    markers.forEach(function (marker, index) {
      if (!range.intersectsNode(marker)) return;
      var head = document.createRange();
      head.setStart(range.startContainer, range.startOffset);
      head.setEndBefore(marker);
      if (!head.toString().trim()) first = marker.dataset.page;
      var tail = document.createRange();
      tail.setStartAfter(marker);
      tail.setEnd(range.endContainer, range.endOffset);
      if (!tail.toString().trim() && marker.dataset.page === last && index > 0) last = markers[index - 1].dataset.page;
    });
    return [first, Number(last) < Number(first) ? first : last];
  }

  // The citation data of the part a point lies in: the last one before it (the print page
  // holds every chapter, each with its own).
  function citationAt(container, offset) {
    var point = document.createRange();
    point.setStart(container, offset);
    var found = data;
    document.querySelectorAll(".passage-cite").forEach(function (element) {
      if (point.comparePoint(element, 0) <= 0) found = element;
    });
    return found.dataset;
  }

  function describe(range) {
    var pages = pagesOf(range);
    var first = pages[0], last = pages[1];
    var id = passageAt(range.startContainer);
    var cite = citationAt(range.startContainer, range.startOffset);
    var values = { first: first, last: last, part: cite.part, accessed: today(),
                   url: location.href.split("#")[0] + (id ? "#" + id : "") };
    var span = first === last ? "One" : "Range";
    return {
      first: first, last: last, url: values.url,
      gbt: fill(cite["gbt" + span], values),
      apa: fill(cite["apa" + span], values),
      gbtOnline: fill(cite["gbtOnline" + span], values),
      apaOnline: fill(cite["apaOnline" + span], values),
      locator: fill(cite["locator" + span], values)
    };
  }

  // Text taken away keeps the notes apart from the words: each marker written as the plain
  // text writes it (［註103］, not a bare 103 glued to the sentence), the ¶ links and the
  // notes' back-links left out.
  var LEFT_OUT = ".passage-link, .footnote-backref";
  function notesApart(fragment) {
    fragment.querySelectorAll("a.footnote-ref").forEach(function (ref) {
      var marker = ref.parentElement && ref.parentElement.matches("sup") ? ref.parentElement : ref;
      marker.replaceWith(fill(words.note, { n: ref.textContent.trim() }));
    });
    fragment.querySelectorAll(LEFT_OUT).forEach(function (element) { element.remove(); });
    return fragment;
  }

  // A fragment's text with its paragraphs' line breaks, as the browser copies a selection:
  // laid out off screen for a moment.
  function rendered(fragment) {
    var box = document.createElement("div");
    box.style.cssText = "position:fixed;left:-10000px;top:0;width:40em;white-space:normal";
    box.appendChild(fragment);
    document.body.appendChild(box);
    var text = box.innerText;
    box.remove();
    return text;
  }

  // The selection as copied, when it holds a note marker or a link to leave out; null when
  // it holds neither, and the browser's own text stands.
  function copiedText(range) {
    var fragment = range.cloneContents();
    if (!fragment.querySelector("a.footnote-ref, " + LEFT_OUT)) return null;
    return rendered(notesApart(fragment));
  }

  // Quotation marks nested in a quotation: 「」 inside 「」 become 『』 (and 『』 「」).
  function nested(text) {
    var swap = { "「": "『", "」": "』", "『": "「", "』": "」" };
    return text.replace(/[「」『』]/g, function (mark) { return swap[mark]; });
  }

  // The author's text as selected, with 〔sic〕 after each slip it touches (span.sic).
  function quotedText(range) {
    var fragment = range.cloneContents();
    fragment.querySelectorAll(".sic").forEach(function (mark) {
      if (mark.dataset.sic) mark.textContent = mark.dataset.sic;  // shown as 校讀: quote the author
      mark.after("〔sic〕");
    });
    var text = rendered(notesApart(fragment)).trim();
    var start = range.startContainer.parentElement, end = range.endContainer.parentElement;
    var inside = start && start.closest(".sic");
    if (inside && inside === (end && end.closest(".sic"))) {  // within one slip
      text = (inside.dataset.sic || text) + "〔sic〕";
    }
    return text;
  }

  function quotation(range) {
    var where = describe(range);
    return "「" + nested(quotedText(range)) + "」\n\n"
      + words.labelGbt + where.gbt + "\n"
      + words.labelApa + where.apa + "\n"
      + words.labelUrl + where.url + "\n";
  }

  function locatorOn() {
    try { return localStorage.getItem(SETTING) !== "off"; } catch (e) { return true; }
  }

  // More than a sentence: a sentence end with text after it, or a long stretch of text.
  function moreThanASentence(text) {
    return /[。！？!?；](?=\s*\S)/.test(text.trim()) || text.trim().length > 60;
  }

  // One copy handler for both: the popover's text when it asked, else the locator line.
  var pending = null;
  document.addEventListener("copy", function (event) {
    var text = pending;
    pending = null;
    if (text === null) {
      var selection = document.getSelection();
      if (!selection.rangeCount) return;
      var range = selection.getRangeAt(0);
      if (!inArticle(range)) return;
      var apart = copiedText(range);
      var plain = apart === null ? selection.toString() : apart;
      var locator = locatorOn() && moreThanASentence(plain);
      if (apart === null && !locator) return;  // the browser's own copy, with its HTML
      text = plain + (locator ? "\n\n" + describe(range).locator + "\n" : "");
    }
    event.clipboardData.setData("text/plain", text);
    event.preventDefault();
  });

  // The popover: placed in the text right after the selected passage.
  popover = document.createElement("div");
  popover.className = "passage-popover";
  popover.hidden = true;
  popover.innerHTML = '<button type="button" class="passage-popover__cite"></button>'
    + '<label class="passage-popover__setting"><input type="checkbox"> <span></span></label>'
    + '<span class="passage-popover__notes"></span>';
  var button = popover.querySelector("button");
  var checkbox = popover.querySelector("input");
  button.textContent = words.labelCite;
  popover.querySelector("label span").textContent = words.labelSetting;
  popover.querySelector(".passage-popover__notes").textContent = words.labelNotes;
  checkbox.checked = locatorOn();
  checkbox.addEventListener("change", function () {
    try { localStorage.setItem(SETTING, checkbox.checked ? "on" : "off"); } catch (e) { /* private mode */ }
  });
  // keep the reader's selection when the popover is clicked
  popover.addEventListener("mousedown", function (event) {
    if (event.target !== checkbox) event.preventDefault();
  });

  var chosen = null;
  button.addEventListener("click", function () {
    if (!chosen) return;
    pending = quotation(chosen);
    var done = document.execCommand("copy");
    if (!done && navigator.clipboard) navigator.clipboard.writeText(pending);
    pending = null;
    button.textContent = words.labelCited;
    setTimeout(function () { button.textContent = words.labelCite; }, 1500);
  });

  function place(range) {
    var end = range.endContainer.nodeType === 1 ? range.endContainer : range.endContainer.parentElement;
    var block = end.closest(PASSAGE);
    if (!block) {
      block = end;
      while (block.parentElement && block.parentElement !== article) block = block.parentElement;
    }
    if (block.matches('li[id^="li-"]')) block = block.parentElement;  // after the whole list
    if (block.matches("li")) block.appendChild(popover);  // a note: inside its own item
    else if (block.nextElementSibling !== popover) block.after(popover);
    var rects = range.getClientRects();
    var rect = rects[rects.length - 1] || range.getBoundingClientRect();
    var origin = (popover.offsetParent || document.body).getBoundingClientRect();
    popover.style.top = (rect.bottom - origin.top + 6) + "px";
    // near the selection's end, but whole on the screen: measured at the left edge first
    popover.style.left = "0px";
    var room = Math.min(origin.width, document.documentElement.clientWidth - origin.left) - popover.offsetWidth;
    popover.style.left = Math.max(0, Math.min(rect.right - origin.left - 40, room)) + "px";
  }

  function update() {
    var selection = document.getSelection();
    var range = selection.rangeCount ? selection.getRangeAt(0) : null;
    if (range && !range.collapsed && inArticle(range) && selection.toString().trim()) {
      chosen = range.cloneRange();
      popover.hidden = false;
      place(range);
    } else if (!popover.contains(document.activeElement)) {
      popover.hidden = true;
    }
  }
  var timer = null;
  document.addEventListener("selectionchange", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  // Keyboard: with a selection, Tab goes to the popover first, Escape closes it.
  document.addEventListener("keydown", function (event) {
    if (popover.hidden) return;
    if (event.key === "Escape") { popover.hidden = true; chosen = null; }
    if (event.key === "Tab" && !event.shiftKey && chosen && !popover.contains(document.activeElement)) {
      event.preventDefault();
      button.focus();
    }
  });
  // ¶: following it still names the passage in the address; it also copies the passage's
  // link and its citation of this edition, and says so (role=status: read out as well).
  copied = document.createElement("div");
  copied.className = "passage-copied";
  copied.setAttribute("role", "status");
  copied.setAttribute("aria-live", "polite");
  function citePassage(passage) {
    var range = document.createRange();
    range.selectNodeContents(passage);
    var where = describe(range);
    var text = words.labelUrl + where.url + "\n" + words.labelGbt + where.gbtOnline + "\n"
      + words.labelApa + where.apaOnline + "\n";
    pending = text;
    var done = document.execCommand("copy");
    if (!done && navigator.clipboard) navigator.clipboard.writeText(text);
    pending = null;
    copied.textContent = "";
    if (passage.matches("li")) passage.appendChild(copied);
    else if (passage.nextElementSibling !== copied) passage.after(copied);
    // written once the live region stands in its new place, so that it is read out
    setTimeout(function () { copied.textContent = words.labelLinkCopied + "\n" + text.trim(); }, 50);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.passage-link");
    var passage = link && article.contains(link) && link.parentElement.closest(PASSAGE);
    if (passage) citePassage(passage);
    else if (!copied.contains(event.target)) copied.textContent = "";
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") copied.textContent = "";
  });
})();
