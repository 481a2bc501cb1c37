// Long imports are annotated in the background: show how far it has got and
// reload once it is done, unless the reader has started scrolling (then offer it).
(function () {
  "use strict";
  var status = document.querySelector(".annotation-progress");
  if (!status) return;
  var bar = status.querySelector("progress");
  var count = status.querySelector(".annotation-count");
  // The words this script writes, in the interface language (the page's "yuedu-ui" table).
  var ui = JSON.parse(document.getElementById("yuedu-ui").textContent);
  function toGo(n) {
    return ui.passagesToGo[n === 1 ? "one" : "other"].replace("%(counter)s", String(n));
  }
  function poll() {
    fetch(status.dataset.url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        bar.max = data.total;
        bar.value = data.annotated;
        if (!data.done) {
          count.textContent = toGo(data.total - data.annotated);
          window.setTimeout(poll, 1000);
        } else if (window.scrollY < 50) {
          window.location.reload();
        } else {
          status.innerHTML = "";
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = ui.pinyinReady;
          button.addEventListener("click", function () { window.location.reload(); });
          status.appendChild(button);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
