// Reading progress on the reading page: a mark-read button after each passage
// (a real <button>, so Tab + Enter/Space work), optional automatic marking once a
// passage has been on screen long enough for its length, and "Save word" in the
// word popup. Every change goes through the JSON API; the buttons show what the
// server stored, and a failed request puts the button back and says so.
(function () {
  "use strict";
  const config = document.getElementById("progress-config");
  if (!config) return;
  const status = document.getElementById("progress-status");
  // The words this script writes, in the interface language (the page's "yuedu-ui" table).
  const ui = JSON.parse(document.getElementById("yuedu-ui").textContent);
  // "%(name)s" placeholders filled in; a {one, other} message picks its form by count.
  function format(message, values, count) {
    const text = typeof message === "string" ? message : message[count === 1 ? "one" : "other"];
    return text.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
  }
  const controls = new Map(); // passage id -> its button
  // The passages on this page (long articles are paginated), each followed by its control.
  const template = document.getElementById("passage-progress-template");
  document.querySelectorAll(".reading .passage[id^='p-']").forEach((passage) => {
    const box = template.content.firstElementChild.cloneNode(true);
    const id = Number(passage.id.slice(2));
    box.dataset.passage = String(id);
    passage.after(box);
    controls.set(id, box.querySelector("button"));
  });
  const read = new Set();
  // Learners read roughly 250 characters a minute; a passage counts as read after
  // being on screen for that long (at least 2 s), and only while the tab is visible.
  const MS_PER_CHAR = 240;
  const MIN_MS = 2000;

  function say(text) { status.textContent = text; }

  function show(id) {
    const button = controls.get(id);
    if (!button) return;
    const isRead = read.has(id);
    button.setAttribute("aria-pressed", String(isRead));
    button.textContent = isRead ? ui.readUndo : ui.markRead;
    button.closest(".passage-progress").classList.toggle("is-read", isRead);
  }

  async function post(url, body, json) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: Object.assign({ "X-CSRFToken": config.dataset.csrf }, json ? { "Content-Type": "application/json" } : {}),
      body: json ? JSON.stringify(body) : body,
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || ui.noAnswer);
    return data;
  }

  // Marks are sent one after another: a quick mark-then-undo must reach the
  // server in that order, and each answer's count then includes every earlier mark.
  let queue = Promise.resolve();

  function mark(id, isRead) {
    const before = read.has(id);
    if (isRead) read.add(id); else read.delete(id);
    show(id);
    queue = queue.then(async () => {
      try {
        const result = await post(config.dataset.markUrl, { passage: id, read: isRead }, true);
        say((result.read ? ui.markedRead : ui.markUndone) + " "
          + format(ui.articleRead, { read: result.article_read, total: result.article_total }, result.article_total));
      } catch (error) {
        if (before) read.add(id); else read.delete(id);
        show(id);
        say(format(ui.notSavedBecause, { error: error.message }));
      }
    });
  }

  controls.forEach((button, id) => {
    button.addEventListener("click", () => mark(id, !read.has(id)));
  });

  fetch(config.dataset.progressUrl, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((data) => {
      data.read.forEach((id) => read.add(id));
      controls.forEach((button, id) => { button.disabled = false; show(id); });
      if (config.dataset.autoMark === "true") watch();
    })
    .catch(() => say(ui.progressNotLoaded));

  function watch() {
    if (!("IntersectionObserver" in window)) return;
    const seen = new Map(); // passage id -> {since, total}
    function needed(el) { return Math.max(MIN_MS, Array.from(el.textContent.replace(/\s/g, "")).length * MS_PER_CHAR); }
    function settle(id, now) {
      const entry = seen.get(id);
      if (entry && entry.since !== null) { entry.total += now - entry.since; entry.since = now; }
      return entry;
    }
    const observer = new IntersectionObserver((entries) => {
      const now = performance.now();
      entries.forEach((entry) => {
        const id = Number(entry.target.id.slice(2));
        const state = settle(id, now) || { since: null, total: 0, need: needed(entry.target) };
        seen.set(id, state);
        // "On screen" means most of it is visible, or it fills most of the viewport.
        const visible = entry.intersectionRatio >= 0.6 || entry.intersectionRect.height >= 0.6 * window.innerHeight;
        state.since = visible && !document.hidden ? now : null;
      });
    }, { threshold: [0, 0.3, 0.6, 0.9, 1] });
    controls.forEach((_, id) => {
      const el = document.getElementById("p-" + id);
      if (el && !read.has(id)) observer.observe(el);
    });
    document.addEventListener("visibilitychange", () => {
      const now = performance.now();
      seen.forEach((state, id) => {
        settle(id, now);
        if (document.hidden) state.since = null;
      });
    });
    setInterval(() => {
      const now = performance.now();
      seen.forEach((state, id) => {
        settle(id, now);
        if (state.total >= state.need && !read.has(id)) {
          observer.unobserve(document.getElementById("p-" + id));
          seen.delete(id);
          mark(id, true);
        }
      });
    }, 500);
  }

  // "Save word" in the word popup (reader.js announces each popup it opens).
  function wordElement(detail) {
    if (detail && detail.word instanceof Element) return detail.word;
    return document.querySelector('.w[aria-describedby="word-popup"]');
  }

  // The word's character offset in its passage: the text before it, without
  // pinyin (<rt>), counted in characters (astral characters count once). The
  // script shown may differ from the stored one, but conversion keeps the length.
  function offsetOf(el, passage) {
    const walker = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest("rt, rp, .speak") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let offset = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (el.contains(node) || (el.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
      offset += Array.from(node.textContent).length;
    }
    return offset;
  }

  document.addEventListener("yuedu:popup-open", (event) => {
    const popup = (event.detail && event.detail.popup) || document.getElementById("word-popup");
    if (event.detail && event.detail.word instanceof Element) addSaveButton(popup, event.detail.word);
    // Otherwise find the word once the popup has finished opening (it marks its word then).
    else queueMicrotask(() => addSaveButton(popup, wordElement(event.detail)));
  });

  function addSaveButton(popup, el) {
    const passage = el && el.closest(".passage");
    if (!passage || !popup) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "popup-save";
    button.textContent = ui.saveWord;
    button.addEventListener("click", async () => {
      const data = new FormData();
      data.set("passage", passage.id.slice(2));
      data.set("offset", String(offsetOf(el, passage)));
      button.disabled = true;
      try {
        const result = await post(config.dataset.saveWordUrl, data, false);
        button.textContent = result.created ? ui.wordSaved : ui.wordAlreadySaved;
        say(format(ui.wordSavedTo, { word: result.word }));
      } catch (error) {
        button.disabled = false;
        say(format(ui.notSavedBecause, { error: error.message }));
        button.textContent = ui.saveWordAgain;
      }
    });
    (popup.querySelector(".popup-actions") || popup).appendChild(button);
  }
})();
