// Report page: copy the summary as plain text, and mark tables that overflow their box so the
// scroll hint shows (and the box can be scrolled with the keyboard).
(function () {
    "use strict";
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var source = document.querySelector(button.getAttribute("data-copy"));
        var status = button.parentNode.querySelector("[data-copy-status]");
        if (!source || !navigator.clipboard) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            var text = Array.prototype.map.call(source.querySelectorAll("p"), function (p) { return p.textContent.trim(); }).join("\n\n");
            navigator.clipboard.writeText(text).then(function () {
                if (status) status.textContent = "De samenvatting staat op het klembord.";
            }, function () {
                if (status) status.textContent = "Kopiëren lukte niet; selecteer de tekst en kopieer die zelf.";
            });
        });
    });

    function markOverflow() {
        document.querySelectorAll("[data-scroll-hint]").forEach(function (box) {
            var overflows = box.scrollWidth > box.clientWidth + 1;
            box.classList.toggle("overflows", overflows);
            if (overflows) {
                box.setAttribute("tabindex", "0");
                box.setAttribute("role", "region");
                box.setAttribute("aria-label", "Tabel, schuif opzij voor alle kolommen");
            } else {
                box.removeAttribute("tabindex");
                box.removeAttribute("role");
                box.removeAttribute("aria-label");
            }
        });
    }
    markOverflow();
    window.addEventListener("resize", markOverflow);
    // A folded table (element × type) gets its size only when it is opened.
    document.querySelectorAll("details").forEach(function (d) { d.addEventListener("toggle", markOverflow); });
})();
