// Printing: open every <details> so folded tables and suggestions reach the paper, and
// restore them afterwards.
(function () {
    "use strict";
    var opened = [];
    window.addEventListener("beforeprint", function () {
        opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) { d.open = true; return true; });
    });
    window.addEventListener("afterprint", function () {
        opened.forEach(function (d) { d.open = false; });
        opened = [];
    });
})();
