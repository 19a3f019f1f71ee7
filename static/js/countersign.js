/* Page behaviour without inline script (the Content-Security-Policy allows scripts from this
   site only): confirmations, a select that submits its form or opens the chosen page. */
document.documentElement.classList.add("js");

(function () {
  "use strict";
  /* On a phone the top menu is one line: the menu button opens the rest. */
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-menu-toggle]");
    if (toggle) {
      var open = toggle.closest(".topbar").classList.toggle("menu-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      return;
    }
    /* an open drop-down of the top menu closes when one clicks anywhere else */
    document.querySelectorAll("details.navgroup[open]").forEach(function (group) {
      if (!group.contains(event.target)) group.open = false;
    });
    var link = event.target.closest("a[data-open-details]");
    if (link) {
      var details = document.getElementById(link.dataset.openDetails);
      if (details) details.open = true;
    }
  });
  /* A link to the flow diagram (#diagram) opens it. */
  function openFromHash() {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openFromHash);
  document.addEventListener("DOMContentLoaded", openFromHash);
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var needed = form.dataset.requireChecked;
    if (needed && !document.querySelector('input[name="' + needed + '"]:checked')) {
      window.alert(form.dataset.noneChecked || "");
      event.preventDefault();
      return;
    }
    var question = (button && button.dataset.confirm) || form.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("input[data-select-all]")) {
      document.querySelectorAll('input[name="' + el.dataset.selectAll + '"]').forEach(
        function (box) { box.checked = el.checked; });
    } else if (el.matches("select[data-autosubmit]") && el.form) {
      el.form.submit();
    } else if (el.matches("select[data-navigate]")) {
      window.location.href = el.value;
    }
  });
})();

/* Choosing a customer on the contract form shows its credit position in place: the "Check
   credit" answer is fetched and only its credit box is taken; nothing typed is judged or lost
   (the button does the same without JavaScript, as a page load). */
(function () {
  "use strict";
  var select = document.querySelector("[data-check-credit]");
  if (!select || !window.fetch) return;
  // A button pressed while the answer is on its way (save, submit, preview) leaves the page
  // and cancels the fetch: that is no failure to fall back from by pressing "Check credit".
  var leaving = false;
  select.form.addEventListener("submit", function () { leaving = true; });
  window.addEventListener("beforeunload", function () { leaving = true; });
  select.addEventListener("change", function () {
    var form = select.form, data = new FormData(form);
    data.set("action", "check");
    // not form.action: the form's buttons are named "action", which that property returns
    var url = form.getAttribute("action") || window.location.pathname;
    fetch(url, {method: "POST", body: data, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("credit");
        if (fresh) document.getElementById("credit").innerHTML = fresh.innerHTML;
      })
      .catch(function () {
        if (!leaving) form.querySelector("button[value=check]").click();
      });
  });
})();
