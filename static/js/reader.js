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
  }

  function show(el) {
    const word = words[Number(el.dataset.k)];
    if (!word) return;
    if (current) current.removeAttribute("aria-describedby");
    current = el;
    fill(word);
    popup.hidden = false;
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
  article.addEventListener("mouseover", (e) => { const w = e.target.closest(".w"); if (w) show(w); });
  article.addEventListener("focusin", (e) => { const w = e.target.closest(".w"); if (w) show(w); });
  article.addEventListener("click", (e) => { const w = e.target.closest(".w"); if (w) show(w); });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
  document.addEventListener("click", (e) => { if (!e.target.closest(".w") && !e.target.closest("#word-popup")) hide(); });
  popup.addEventListener("mouseleave", hide);
})();
