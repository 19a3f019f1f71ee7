/* Page behaviour without inline script (the Content-Security-Policy allows scripts from this
   site only): confirmations, a select that submits its form or opens the chosen page. */
(function () {
  "use strict";
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
