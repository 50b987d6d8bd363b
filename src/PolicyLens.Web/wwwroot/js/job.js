// Polls the job's status and moves on to the report as soon as the work is done.
// Without JavaScript the page's meta refresh does the same, a little slower.
(function () {
    "use strict";
    var root = document.querySelector("[data-job-status]");
    if (!root) return;
    var url = root.getAttribute("data-job-status");
    var bar = document.querySelector("[data-job-progress]");
    var label = document.querySelector("[data-job-label]");

    function poll() {
        fetch(url, { headers: { "Accept": "application/json" }, cache: "no-store" })
            .then(function (r) { return r.ok ? r.json() : null; })
            .then(function (s) {
                if (!s) { setTimeout(poll, 2000); return; }
                if (bar) { bar.max = s.total; bar.value = s.done; }
                if (label) { label.textContent = s.done + " van " + s.total + " bestanden verwerkt"; }
                if (s.done >= s.total) { window.location.assign(s.next); return; }
                setTimeout(poll, 700);
            })
            .catch(function () { setTimeout(poll, 2000); });
    }
    setTimeout(poll, 400);
})();
