// The edition's search worker: exact substring search over the whole text, in either script.
//
// It speaks Material's search worker protocol, so the theme's search box, keyboard
// shortcut, result list and highlighting stay as readers know them:
//   SETUP {config, docs} → READY;  QUERY "text" → RESULT {items}
// docs are the pages written by scripts/hooks/search_terms.py: the text as the reader
// sees it (blocks joined by "\n") and marks (offset, kind, link target, printed page).
// Every occurrence is one hit, ranked exact string first, then folded (other script) and
// all-words matches; within each, the thesis's own pages (those that stand on printed
// pages) in the thesis's order, then the edition's (home, lists, 勘誤表, report); within
// a page, the order of its text.  The hits are shown grouped by page (see search below).
// self.EDITION_SCRIPT_FORMS: OpenCC's character groups.  Named from this script's own URL:
// from file://, a shim (iframe-worker) runs the worker inside a page, where relative URLs
// follow the page and importScripts returns before the script has run.
importScripts(new URL("script-map.js", self.document && document.currentScript ? document.currentScript.src : location.href).href);

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var NOTE = 2;
var BEFORE = 30, AFTER = 60; // characters of context around a hit
var HAN = /^[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]$/u;
var DIGIT = /^[0-9]$/;
var pages = [], labels = {};

function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\\/-]/g, "\\$&"); }
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function escapeHTML(text) {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, function (c) { return ENTITIES[c]; }) : text;
}

// One query word as a pattern: each character matches all its forms in either script;
// a digit next to a Han character matches with or without the thesis's space (1996年).
function wordPattern(word) {
  var chars = Array.from(word), out = "";
  var FORMS = self.EDITION_SCRIPT_FORMS || {}; // read late: a file:// shim loads script-map.js asynchronously
  for (var i = 0; i < chars.length; i++) {
    var previous = chars[i - 1], char = chars[i];
    if (previous && ((DIGIT.test(previous) && HAN.test(char)) || (HAN.test(previous) && DIGIT.test(char)))) out += " ?";
    out += FORMS[char] ? "[" + FORMS[char] + "]" : escapeRegExp(char);
  }
  return out;
}

function lastAtOrBefore(sorted, offset, key) { // binary search: last entry whose key ≤ offset
  var low = 0, high = sorted.length - 1, found = -1;
  while (low <= high) {
    var middle = (low + high) >> 1;
    if (key(sorted[middle]) <= offset) { found = middle; low = middle + 1; } else high = middle - 1;
  }
  return found;
}

function setup(data) {
  labels = data.config.labels || {};
  pages = data.docs.map(function (doc) {
    var blocks = [0];
    for (var i = doc.text.indexOf("\n"); i !== -1; i = doc.text.indexOf("\n", i + 1)) blocks.push(i + 1);
    // the edition's own pages (home, lists, 勘誤表, report) stand on no printed page
    var ofTheBook = doc.marks.some(function (mark) { return mark[3] !== null && mark[3] !== undefined; });
    return { doc: doc, blocks: blocks, readings: doc.readings || [], edition: ofTheBook ? 0 : 1 };
  });
}

function blockAt(page, offset) {
  var index = lastAtOrBefore(page.blocks, offset, function (start) { return start; });
  var start = page.blocks[index], next = page.blocks[index + 1];
  return { start: start, end: next === undefined ? page.doc.text.length : next - 1 };
}

// A slip's reading line repeats a few characters of the block above it around the reading:
// a match there counts only where it touches the reading and the same few characters as
// the author wrote them hold no match (else it is the block's own hit, counted already).
function repeatsItsBlock(page, start, length, single) {
  var line = page.readings[lastAtOrBefore(page.readings, start, function (r) { return r[0]; })];
  if (!line || start >= line[3]) return false;
  if (start + length <= line[1] || start >= line[2]) return true;
  var text = page.doc.text, written = text.slice(line[0], line[1]) + line[4] + text.slice(line[2], line[3]);
  return single.test(written);
}

function isReadingLine(page, start) {
  var line = page.readings[lastAtOrBefore(page.readings, start, function (r) { return r[0]; })];
  return !!line && line[0] === start;
}

function findHits(words, query) {
  var patterns = words.map(wordPattern);
  var phrase = new RegExp(patterns.join("\\s*"), "giu");
  var each = patterns.map(function (pattern) { return new RegExp(pattern, "iu"); });
  var single = new RegExp(patterns.join("\\s*"), "iu");
  var hits = [];
  pages.forEach(function (page, order) {
    var text = page.doc.text, found = {}, match;
    phrase.lastIndex = 0;
    while ((match = phrase.exec(text))) {
      if (repeatsItsBlock(page, match.index, match[0].length, single)) continue;
      hits.push({ page: order, start: match.index, length: match[0].length, tier: match[0] === query ? 0 : 1 });
      found[blockAt(page, match.index).start] = true;
    }
    // several words: a block that holds them all, apart, is a partial match
    if (words.length > 1) page.blocks.forEach(function (start) {
      if (found[start] || isReadingLine(page, start)) return;  // its words are the block's above
      var block = text.slice(start, blockAt(page, start).end), words = [];
      for (var i = 0; i < each.length; i++) {
        var word = block.match(each[i]);
        if (!word) return;
        words.push([start + word.index, word[0].length]);
      }
      words.sort(function (a, b) { return a[0] - b[0]; });
      hits.push({ page: order, start: words[0][0], words: words, tier: 2 });
    });
  });
  hits.forEach(function (hit) {
    var marks = pages[hit.page].doc.marks;
    hit.mark = marks[Math.max(0, lastAtOrBefore(marks, hit.start, function (mark) { return mark[0]; }))] || [0, 1, "", null];
  });
  hits.sort(function (a, b) {
    return a.tier - b.tier || pages[a.page].edition - pages[b.page].edition || a.page - b.page || a.start - b.start;
  });
  return hits;
}

// The hit in its context, marked; for a partial match, each word in its own context.
// The marked strings are the terms Material's highlighter looks for on the target page.
function snippet(page, hit) {
  var text = page.doc.text, block = blockAt(page, hit.start), terms = {}, html = "", end = -1;
  var words = hit.words || [[hit.start, hit.length]];
  var before = words.length > 1 ? BEFORE / 3 : BEFORE, after = words.length > 1 ? AFTER / 3 : AFTER;
  words.forEach(function (word) {
    var from = Math.max(block.start, word[0] - before, end), to = Math.min(block.end, word[0] + word[1] + after);
    var found = text.substr(word[0], word[1]);
    if (from > end) html += from > block.start ? "…" : "";
    html += escapeHTML(text.slice(from, word[0])) + "<mark>" + escapeHTML(found) + "</mark>";
    end = Math.max(word[0] + word[1], to);
    html += escapeHTML(text.slice(word[0] + word[1], end));
    terms[found] = true;
  });
  return { text: "<p>" + html + (end < block.end ? "…" : "") + "</p>", terms: terms };
}

function fill(template, values) {
  return (template || "").replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
}

function title(page, mark) {
  var parts = [];
  if (mark[3] !== null && mark[3] !== undefined) parts.push((labels.page || "{}").replace("{}", mark[3]));
  if (mark[1] === NOTE && mark[2].indexOf("fn:") === 0) parts.push((labels.note || "{}").replace("{}", mark[2].slice(3)));
  return parts.join(" · ") || page.doc.title;
}

// Grouped by page (Material's convention): each page that holds the query once, in the
// order of its best hit, titled with its count; its first BEST hits shown, the rest behind
// Material's "N more on this page" (a hit scored below its page's score goes there).
var BEST = 3;
function search(value) {
  var query = value.normalize("NFC").trim().replace(/\s+/g, " ");
  var words = query.split(" ").filter(Boolean);
  if (!words.length) return { items: [] };
  var hits = findHits(words, query), groups = [], byPage = {};
  hits.forEach(function (hit) {
    var page = pages[hit.page], group = byPage[hit.page];
    if (!group) {
      group = byPage[hit.page] = [{ location: page.doc.location, title: "", text: "", score: 1, terms: {}, page: page }];
      groups.push(group);
    }
    var shown = snippet(page, hit), anchor = hit.mark[2];
    group.push({
      location: page.doc.location + (anchor ? "#" + anchor : ""),
      title: title(page, hit.mark), text: shown.text, terms: shown.terms, score: group.length <= BEST ? 1 : 0
    });
  });
  groups.forEach(function (group) {  // the page's title carries its count
    group[0].title = fill(labels.page_hits, { title: group[0].page.doc.title, hits: group.length - 1 });
    delete group[0].page;
  });
  var summary = hits.length ? fill(labels.summary, { hits: hits.length, pages: groups.length }) : fill(labels.none, { query: query });
  return { items: groups, summary: summary, query: query };  // query: which answer the page shows
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    setup(message.data);
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    self.postMessage({ type: RESULT, data: search(message.data) });
  }
});
