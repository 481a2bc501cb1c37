// The reading page: word popups (hover, keyboard focus or tap), reading settings
// (remembered per account or in this browser), tone colours, read aloud, and the
// owner's reading corrections. All data comes from the page's JSON tables; text is
// inserted with textContent only, never as HTML.
(function () {
  "use strict";
  // Entries are compact lists (see reader/rendering.py WordTable).
  const words = JSON.parse(document.getElementById("yuedu-words").textContent).map((e) => (
    { s: e[0], t: e[1] || e[0], p: e[2].split(" "), d: e[3], h: e[4], g: e[5] }
  ));
  const terms = JSON.parse(document.getElementById("yuedu-terms").textContent);
  const ui = JSON.parse(document.getElementById("yuedu-ui").textContent);
  const article = document.querySelector(".reading");
  const popup = document.getElementById("word-popup");
  const popupBody = popup.querySelector(".popup-body");
  const popupActions = popup.querySelector(".popup-actions");
  const STORE = "yuedu-reading";
  let current = null;
  let zhVoice = null;
  // Every word is a stop in the tab order, in reading order.
  article.querySelectorAll(".w").forEach((w) => { w.tabIndex = 0; });

  function add(parent, tag, className, text, lang) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    if (lang) node.lang = lang;
    parent.appendChild(node);
    return node;
  }

  // ---- tones -------------------------------------------------------------
  const TONE_MARKS = { "\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4 };
  function tone(syllable) {
    for (const ch of syllable.normalize("NFD")) if (TONE_MARKS[ch]) return TONE_MARKS[ch];
    return syllable ? 5 : 0;
  }

  // One reading per character of the word occurrence (a corrected one carries its own).
  function readingsOf(el) {
    if (el.dataset.p) return JSON.parse(el.dataset.p);
    const word = words[Number(el.dataset.k)];
    return word ? word.p : [];
  }

  function colourWord(el) {
    const readings = readingsOf(el);
    const rubies = el.querySelectorAll("ruby");
    if (rubies.length) {
      rubies.forEach((ruby, i) => { ruby.dataset.tone = tone(readings[i] || ""); });
      return;
    }
    if (el.dataset.toned) return;
    // Plain text: one span per character (Array.from keeps astral characters whole).
    const chars = Array.from(el.textContent);
    el.replaceChildren(...chars.map((ch, i) => {
      const span = document.createElement("span");
      span.textContent = ch;
      span.dataset.tone = tone(readings[i] || "");
      return span;
    }));
    el.dataset.toned = "1";
  }

  function pinyinNode(parent, readings) {
    const node = add(parent, "span", "popup-pinyin");
    readings.filter(Boolean).forEach((syllable, i) => {
      if (i) node.appendChild(document.createTextNode(" "));
      add(node, "span", "", syllable).dataset.tone = tone(syllable);
    });
    return node;
  }

  // ---- popup -------------------------------------------------------------
  function fill(el, word) {
    popupBody.replaceChildren();
    popupActions.replaceChildren();
    const head = add(popupBody, "p", "popup-head");
    add(head, "span", "popup-hanzi", word.s, "zh-Hans");
    if (word.t !== word.s) add(head, "span", "popup-hanzi", word.t, "zh-Hant");
    const readings = readingsOf(el);
    if (article.dataset.pinyin === "off") {
      const reveal = add(head, "button", "popup-reveal link", ui.showPinyin);
      reveal.type = "button";
      reveal.addEventListener("click", () => { reveal.replaceWith(pinyinNode(document.createDocumentFragment(), readings)); });
    } else {
      pinyinNode(head, readings);
    }
    add(head, "span", "popup-hsk", word.h ? (word.h >= 7 ? "HSK 7–9" : "HSK " + word.h) : ui.notHsk);
    const term = word.g && terms[word.g];
    if (term) {
      const box = add(popupBody, "div", "popup-term");
      add(box, "p", "popup-term-english", term.english);
      if (term.explanation) add(box, "p", "popup-term-explanation", term.explanation, "en");
      const link = add(box, "a", "popup-term-link", ui.more);
      link.href = term.url;
    }
    const senses = term ? word.d.filter((d) => d !== term.english) : word.d;
    if (senses.length) {
      const list = add(popupBody, "ol", "popup-definitions");
      list.lang = "en";
      senses.slice(0, term ? 3 : 6).forEach((d) => add(list, "li", "", d));
    }
    if (zhVoice) {
      const listen = add(popupActions, "button", "popup-listen", ui.listen);
      listen.type = "button";
      listen.addEventListener("click", () => speak(wordText(el)));
    }
    // Corrections store the citation tone: offered only while the stored readings are shown.
    if (correction && el.dataset.o !== undefined && article.dataset.sandhi !== "1") {
      const button = add(popupActions, "button", "popup-correct", ui.correct);
      button.type = "button";
      button.addEventListener("click", () => openCorrection(el));
    }
  }

  function show(el) {
    const word = words[Number(el.dataset.k)];
    if (!word) return;
    if (current) current.removeAttribute("aria-describedby");
    current = el;
    fill(el, word);
    popup.hidden = false;
    el.setAttribute("aria-describedby", "word-popup");
    const rect = el.getBoundingClientRect();
    const width = popup.offsetWidth;
    const left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - width - 8));
    popup.style.left = left + "px";
    popup.style.top = window.scrollY + rect.bottom + 6 + "px";
    // Other features (saved words) add their buttons to .popup-actions here.
    document.dispatchEvent(new CustomEvent("yuedu:popup-open", { detail: { word: el, popup: popup } }));
  }

  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    popup.hidden = true;
  }

  // The characters of a word as shown (without its ruby readings).
  function wordText(el) {
    const rubies = el.querySelectorAll("ruby");
    return rubies.length ? Array.from(rubies, (r) => r.firstChild.textContent).join("") : el.textContent;
  }

  article.addEventListener("mouseover", (e) => {
    const w = e.target.closest(".w");
    if (w && !popup.dataset.pinned && w !== current) show(w);
  });
  let quietFocus = false; // focus given back to a word after Escape does not reopen its popup
  article.addEventListener("focusin", (e) => {
    const w = e.target.closest(".w");
    if (w && !quietFocus) show(w);
    quietFocus = false;
  });
  article.addEventListener("click", (e) => { const w = e.target.closest(".w"); if (w) show(w); });
  article.addEventListener("keydown", (e) => {
    const w = e.target.closest(".w");
    if (!w || (e.key !== "Enter" && e.key !== " ")) return;
    // Enter moves into the popup, to its link and buttons.
    e.preventDefault();
    if (current !== w) show(w);
    const first = popup.querySelector("a, button");
    if (first) first.focus();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || popup.hidden) return;
    const back = popup.contains(document.activeElement) ? current : null;
    hide();
    if (back) { quietFocus = true; back.focus(); }
  });
  document.addEventListener("click", (e) => {
    // A control the popup replaced while handling this click is no longer in the page: not a click outside.
    if (e.target.isConnected && !e.target.closest(".w") && !popup.contains(e.target)) hide();
  });
  // A word's popup stays while the pointer travels to it: moving over other words
  // on the way must not replace it.
  popup.addEventListener("mouseenter", () => { popup.dataset.pinned = "true"; });
  popup.addEventListener("mouseleave", () => { delete popup.dataset.pinned; });

  // ---- the owner's reading corrections ------------------------------------
  const correction = document.getElementById("correct-reading");
  let correcting = null; // the word being corrected (not form.target: that is the form's own attribute)

  function openCorrection(el) {
    const word = words[Number(el.dataset.k)];
    correction.querySelector(".correct-word").textContent = word.s;
    correction.querySelector(".correct-error").textContent = "";
    const input = correction.elements.pinyin;
    input.value = readingsOf(el).join(" ");
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
      data.set("text", el.dataset.x);
      const response = await fetch(correction.dataset.url.replace("/0/", "/" + passage + "/"), {
        method: "POST", body: data, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin",
      }).catch(() => null);
      const result = response ? await response.json().catch(() => ({ error: ui.noAnswer })) : { error: ui.noAnswer };
      if (!response || !response.ok) {
        correction.querySelector(".correct-error").textContent = result.error || ui.notSaved;
        return;
      }
      el.dataset.p = JSON.stringify(result.pinyin);
      el.querySelectorAll("rt").forEach((rt, i) => { rt.textContent = result.pinyin[i]; });
      if (article.classList.contains("tones")) colourWord(el);
      el.dataset.corrected = "true";
      correction.hidden = true;
      el.focus();
    });
  }

  // ---- reading settings ----------------------------------------------------
  // pinyin and script change the markup (a reload with the stable query
  // parameters); size, spacing and tone colours are classes, applied at once.
  const settingsForm = document.querySelector(".settings-form");
  const rendered = { pinyin: article.dataset.pinyin, script: article.dataset.script, sandhi: article.dataset.sandhi };
  const saveUrl = article.dataset.saveUrl;

  function readForm() {
    const f = settingsForm.elements;
    return {
      pinyin: f.pinyin.value, script: f.script.value, size: f.size.value, spacing: f.spacing.value,
      tones: f.tones.checked ? "1" : "0", sandhi: f.sandhi.checked ? "1" : "0",
    };
  }

  function applyClasses(o) {
    ["size-s", "size-m", "size-l", "size-xl", "spacing-tight", "spacing-normal", "spacing-loose"].forEach((c) => article.classList.remove(c));
    article.classList.add("size-" + o.size, "spacing-" + o.spacing);
    article.classList.toggle("tones", o.tones === "1");
    popup.classList.toggle("tones", o.tones === "1");
    if (o.tones === "1") article.querySelectorAll(".w").forEach(colourWord);
    // hover and off render the same markup: only the popup differs.
    if (o.pinyin !== "ruby" && rendered.pinyin !== "ruby") {
      article.dataset.pinyin = o.pinyin;
      article.classList.remove("pinyin-hover", "pinyin-off");
      article.classList.add("pinyin-" + o.pinyin);
    }
  }

  function needsReload(o) {
    return o.script !== rendered.script || o.sandhi !== rendered.sandhi || (o.pinyin === "ruby") !== (rendered.pinyin === "ruby");
  }

  function reloadWith(o) {
    const url = new URL(window.location.href);
    url.searchParams.set("pinyin", o.pinyin);
    url.searchParams.set("script", o.script);
    url.searchParams.set("sandhi", o.sandhi);
    window.location.assign(url.toString());
  }

  async function save(o) {
    if (!saveUrl) {
      try { localStorage.setItem(STORE, JSON.stringify(o)); } catch (err) { /* private mode: this page only */ }
      return;
    }
    const data = new FormData(document.getElementById("preferences-csrf"));
    Object.entries(o).forEach(([k, v]) => data.set(k, v));
    const response = await fetch(saveUrl, { method: "POST", body: data, credentials: "same-origin" }).catch(() => null);
    if (!response || !response.ok) settingsForm.querySelector(".settings-note").textContent = ui.settingsNotSaved;
  }

  if (settingsForm) {
    settingsForm.querySelector(".settings-apply").hidden = true;
    settingsForm.addEventListener("change", async () => {
      const o = readForm();
      await save(o);
      if (needsReload(o)) reloadWith(o); else applyClasses(o);
    });
    settingsForm.addEventListener("submit", (e) => { e.preventDefault(); });
    // Anonymous readers: settings from this browser, unless the URL chose them.
    const params = new URLSearchParams(window.location.search);
    let stored = null;
    if (!saveUrl) { try { stored = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (err) { stored = null; } }
    if (stored) {
      const o = Object.assign(readForm(), stored);
      ["pinyin", "script", "size", "spacing", "tones", "sandhi"].forEach((k) => { if (params.has(k)) o[k] = params.get(k); });
      const f = settingsForm.elements;
      if ([...f.pinyin.options].some((opt) => opt.value === o.pinyin)) f.pinyin.value = o.pinyin;
      if ([...f.script.options].some((opt) => opt.value === o.script)) f.script.value = o.script;
      if ([...f.size.options].some((opt) => opt.value === o.size)) f.size.value = o.size;
      if ([...f.spacing.options].some((opt) => opt.value === o.spacing)) f.spacing.value = o.spacing;
      f.tones.checked = o.tones === "1";
      f.sandhi.checked = o.sandhi === "1";
      const chosen = readForm();
      if (needsReload(chosen)) reloadWith(chosen); else applyClasses(chosen);
    } else if (article.classList.contains("tones")) {
      article.querySelectorAll(".w").forEach(colourWord);
    }
  }

  // ---- read aloud ----------------------------------------------------------
  // Only with a Mandarin voice; the controls do not exist without one.
  function pickVoice() {
    if (!("speechSynthesis" in window)) return null;
    const voices = window.speechSynthesis.getVoices().filter((v) => /^(zh|cmn)/i.test(v.lang));
    // zh-HK voices speak Cantonese; prefer Mandarin ones.
    const wanted = article.dataset.script === "tw" ? /TW/i : /CN|Hans|cmn/i;
    return voices.find((v) => wanted.test(v.lang)) || voices.find((v) => !/HK|yue/i.test(v.lang)) || voices[0] || null;
  }

  function speak(text) {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = zhVoice;
    utterance.lang = zhVoice.lang;
    window.speechSynthesis.speak(utterance);
  }

  function passageText(passage) {
    return Array.from(passage.childNodes).map((node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      if (node.classList && node.classList.contains("w")) return wordText(node);
      if (node.classList && (node.classList.contains("speak") || node.classList.contains("pending-note"))) return "";
      return node.textContent;
    }).join("");
  }

  function enableSpeech() {
    if (zhVoice) return;
    zhVoice = pickVoice();
    if (!zhVoice) return;
    article.querySelectorAll(".passage").forEach((passage) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "speak";
      button.setAttribute("aria-label", ui.readPassage);
      button.title = ui.readPassage;
      button.textContent = "🔊";
      button.addEventListener("click", () => speak(passageText(passage)));
      passage.prepend(button);
    });
  }

  if ("speechSynthesis" in window) {
    enableSpeech();
    window.speechSynthesis.addEventListener("voiceschanged", enableSpeech);
  }
})();
