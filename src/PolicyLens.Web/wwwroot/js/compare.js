// "Select all" for the plan checkboxes on the compare page.
(function () {
    "use strict";
    var toggle = document.querySelector("[data-select-all]");
    if (!toggle) return;
    toggle.addEventListener("change", function () {
        document.querySelectorAll("input[name=ids]").forEach(function (box) { box.checked = toggle.checked; });
    });
})();
