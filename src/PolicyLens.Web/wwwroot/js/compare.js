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
// The compare matrix: while it is wider than its box, show the scroll hint and a shadow on the
// side where more columns wait, so a phone user knows the columns are there, not cut off.
(function () {
    "use strict";
    var region = document.querySelector("[data-scroll-region]");
    var hint = document.getElementById("scroll-hint");
    if (!region) return;
    function update() {
        var overflow = region.scrollWidth > region.clientWidth + 1;
        region.classList.toggle("more-right", overflow && region.scrollLeft + region.clientWidth < region.scrollWidth - 1);
        if (hint) hint.classList.toggle("visible", overflow);
    }
    region.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    update();
})();
