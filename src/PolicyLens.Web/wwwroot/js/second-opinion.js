// Polls a running second opinion and reloads the page when it is done, so the comparison appears.
// Without JavaScript the page's meta refresh does the same, a little slower.
(function () {
    "use strict";
    var root = document.querySelector("[data-review-status]");
    if (!root) return;
    var url = root.getAttribute("data-review-status");
    var bar = document.querySelector("[data-review-progress]");
    var label = document.querySelector("[data-review-label]");

    function poll() {
        fetch(url, { headers: { "Accept": "application/json" }, cache: "no-store" })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { setTimeout(poll, 2000); return; }
                if (bar) { bar.max = Math.max(1, s.total); bar.value = s.done; }
                if (label) {
                    label.textContent = s.done + " van " + s.total + " passages (" + s.cached + " uit eerdere antwoorden, " + s.failed + " mislukt)";
                }
                if (s.finished) { window.location.reload(); return; }
                setTimeout(poll, 1000);
            })
            .catch(function () { setTimeout(poll, 2000); });
    }
    setTimeout(poll, 500);
})();
