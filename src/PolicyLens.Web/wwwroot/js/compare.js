// Plan checkboxes on the compare page: "Alle plannen" toggles every box and follows them;
// when every plan is ticked the form sends none, which the page reads as "all" (short links).
(function () {
    "use strict";
    var toggle = document.querySelector("[data-select-all]");
    if (!toggle) return;
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[name=ids]"));
    var allChecked = function () { return boxes.every(function (box) { return box.checked; }); };
    toggle.addEventListener("change", function () {
        boxes.forEach(function (box) { box.checked = toggle.checked; });
    });
    boxes.forEach(function (box) {
        box.addEventListener("change", function () { toggle.checked = allChecked(); });
    });
    var form = toggle.closest("form");
    if (form) form.addEventListener("submit", function () {
        if (allChecked()) boxes.forEach(function (box) { box.disabled = true; });
    });
    // Back/forward cache: re-enable boxes disabled by a previous submit.
    window.addEventListener("pageshow", function () { boxes.forEach(function (box) { box.disabled = false; }); });
})();
