// Word popups on the reading page: hover, keyboard focus or tap on a word shows
// its forms, pinyin, definitions, HSK level and, for glossary terms, the curated
// rendering and explanation. All data comes from the page's JSON tables; text is
// inserted with textContent only, never as HTML.
(function () {
  "use strict";
  const words = JSON.parse(document.getElementById("yuedu-words").textContent);
  const terms = JSON.parse(document.getElementById("yuedu-terms").textContent);
  const popup = document.getElementById("word-popup");
  let current = null;

  function add(parent, tag, className, text, lang) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    if (lang) node.lang = lang;
    parent.appendChild(node);
    return node;
  }

  function fill(word) {
    popup.replaceChildren();
    const head = add(popup, "p", "popup-head");
    add(head, "span", "popup-hanzi", word.s, "zh-Hans");
    if (word.t !== word.s) add(head, "span", "popup-hanzi", word.t, "zh-Hant");
    add(head, "span", "popup-pinyin", word.p);
    if (word.h) add(head, "span", "popup-hsk", word.h >= 7 ? "HSK 7–9" : "HSK " + word.h);
    const term = word.g && terms[word.g];
    if (term) {
      const box = add(popup, "div", "popup-term");
      add(box, "p", "popup-term-english", term.english);
      if (term.explanation) add(box, "p", "popup-term-explanation", term.explanation);
      const link = add(box, "a", "popup-term-link", "More about this term");
      link.href = term.url;
    }
    const senses = term ? word.d.filter((d) => d !== term.english) : word.d;
    if (senses.length) {
      const list = add(popup, "ol", "popup-definitions");
      senses.slice(0, term ? 3 : 6).forEach((d) => add(list, "li", "", d));
    }
    if (correction && current && current.dataset.o !== undefined) {
      const button = add(popup, "button", "popup-correct", "Correct the reading here");
      button.type = "button";
      const target = current;
      button.addEventListener("click", () => openCorrection(target));
    }
  }

  // The article's owner may correct the reading of one occurrence.
  const correction = document.getElementById("correct-reading");
  let correcting = null; // the word being corrected (not form.target: that is the form's own attribute)

  function openCorrection(el) {
    const word = words[Number(el.dataset.k)];
    correction.querySelector(".correct-word").textContent = word.s;
    correction.querySelector(".correct-error").textContent = "";
    const input = correction.elements.pinyin;
    input.value = Array.from(el.querySelectorAll("rt"), (rt) => rt.textContent).join(" ");
    correcting = el;
    hide();
    const rect = el.getBoundingClientRect();
    correction.style.left = window.scrollX + rect.left + "px";
    correction.style.top = window.scrollY + rect.bottom + 6 + "px";
    correction.hidden = false;
    input.focus();
  }

  if (correction) {
    correction.querySelector(".correct-cancel").addEventListener("click", () => {
      correction.hidden = true;
      if (correcting) correcting.focus();
    });
    correction.addEventListener("submit", async (event) => {
      event.preventDefault();
      const el = correcting;
      const passage = el.closest(".passage").id.slice(2);
      const data = new FormData(correction);
      data.set("offset", el.dataset.o);
      data.set("text", Array.from(el.querySelectorAll("ruby"), (r) => r.firstChild.textContent).join(""));
      const response = await fetch(correction.dataset.url.replace("/0/", "/" + passage + "/"), {
        method: "POST", body: data, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin",
      });
      const result = await response.json().catch(() => ({ error: "The server did not answer; try again." }));
      if (!response.ok) {
        correction.querySelector(".correct-error").textContent = result.error || "Could not save.";
        return;
      }
      el.querySelectorAll("rt").forEach((rt, i) => { rt.textContent = result.pinyin[i]; });
      el.dataset.corrected = "true";
      correction.hidden = true;
      el.focus();
    });
  }

  function show(el) {
    const word = words[Number(el.dataset.k)];
    if (!word) return;
    if (current) current.removeAttribute("aria-describedby");
    current = el;
    fill(word);
    popup.hidden = false;
    document.dispatchEvent(new CustomEvent("yuedu:popup-open", { detail: { word: el, popup } }));
    el.setAttribute("aria-describedby", "word-popup");
    const rect = el.getBoundingClientRect();
    const width = popup.offsetWidth;
    const left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - width - 8));
    popup.style.left = left + "px";
    popup.style.top = window.scrollY + rect.bottom + 6 + "px";
  }

  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    popup.hidden = true;
  }

  const article = document.querySelector(".reading");
  article.addEventListener("mouseover", (e) => {
    const w = e.target.closest(".w");
    if (w && !popup.dataset.pinned) show(w);
  });
  article.addEventListener("focusin", (e) => { const w = e.target.closest(".w"); if (w) show(w); });
  article.addEventListener("click", (e) => { const w = e.target.closest(".w"); if (w) show(w); });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
  document.addEventListener("click", (e) => { if (!e.target.closest(".w") && !e.target.closest("#word-popup")) hide(); });
  // A word's popup stays while the pointer travels to it: moving over other words
  // on the way must not replace it.
  popup.addEventListener("mouseenter", () => { popup.dataset.pinned = "true"; });
  popup.addEventListener("mouseleave", () => { delete popup.dataset.pinned; });
})();
