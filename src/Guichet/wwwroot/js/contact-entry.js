// Front-office contact forms (phone call, letter), progressive enhancement only:
// - the service search runs as you type: the form is posted to the search handler and the
//   results and their count are taken from the page it renders (the count is a live region);
// - Enter in the search box searches, Enter in another field saves. Without this script the
//   search button is the form's first button, so Enter searches and keeps what was typed.
(function () {
    "use strict";
    var form = document.querySelector("[data-contact-entry]");
    if (!form) return;
    var q = form.querySelector("#q");
    var find = form.querySelector("[data-find]");
    var save = form.querySelector("[data-save]");
    var results = form.querySelector("[data-service-results]");
    var count = document.getElementById("service-count");
    var timer = 0, sequence = 0;

    function search() {
        var data = new FormData(form);
        data.delete("scan"); // never upload the letter's scan while searching
        var mine = ++sequence;
        fetch(find.formAction, { method: "POST", body: data, credentials: "same-origin" })
            .then(function (r) { return r.text(); })
            .then(function (html) {
                if (mine !== sequence) return;
                var page = new DOMParser().parseFromString(html, "text/html");
                var found = page.querySelector("[data-service-results]");
                var said = page.getElementById("service-count");
                if (found) results.innerHTML = found.innerHTML;
                if (said) count.textContent = said.textContent;
            })
            .catch(function () { /* the search button still works */ });
    }

    q.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(search, 300);
    });

    form.addEventListener("keydown", function (e) {
        var t = e.target;
        if (e.key !== "Enter" || t.tagName !== "INPUT" || t.type === "submit" || t.type === "file") return;
        e.preventDefault();
        if (t === q) {
            window.clearTimeout(timer);
            search();
        } else {
            form.requestSubmit(save);
        }
    });
})();
