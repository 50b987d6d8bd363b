// Drag-and-drop for the upload form: a progressive enhancement; the plain file input works without it.
(function () {
    "use strict";
    var zone = document.querySelector("[data-dropzone]");
    if (!zone) return;
    var input = zone.querySelector("input[type=file]");
    var list = zone.querySelector("[data-file-list]");
    var summary = zone.querySelector("[data-file-summary]");
    if (!input) return;

    function showFiles() {
        if (summary) {
            var n = input.files.length;
            summary.textContent = n === 0 ? "Nog geen bestand gekozen." : n === 1 ? "1 bestand gekozen:" : n + " bestanden gekozen:";
        }
        if (!list) return;
        list.textContent = "";
        for (var i = 0; i < input.files.length; i++) {
            var li = document.createElement("li");
            li.textContent = input.files[i].name;
            list.appendChild(li);
        }
    }

    ["dragenter", "dragover"].forEach(function (name) {
        zone.addEventListener(name, function (e) {
            e.preventDefault();
            zone.classList.add("dragover");
        });
    });
    ["dragleave", "drop"].forEach(function (name) {
        zone.addEventListener(name, function (e) {
            e.preventDefault();
            zone.classList.remove("dragover");
        });
    });
    zone.addEventListener("drop", function (e) {
        if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length > 0) {
            input.files = e.dataTransfer.files;
            showFiles();
        }
    });
    input.addEventListener("change", showFiles);
})();
