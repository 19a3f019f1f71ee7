/* Running sums next to the cells (optional: the server checks the split). */
(function () {
  var form = document.getElementById("budget-form");
  var quarterMonths = {q1: [1, 2, 3], q2: [4, 5, 6], q3: [7, 8, 9], q4: [10, 11, 12]};
  function cents(name) {
    var el = form.elements[name];
    var v = el ? parseFloat(String(el.value).replace(/,/g, "")) : NaN;
    return isNaN(v) ? 0 : Math.round(v * 100);
  }
  function show(cell, label, sum, target) {
    var el = form.querySelector('[data-sum="' + cell + '"]');
    if (!el) return;
    var diff = sum - target;
    el.textContent = label + " " + (sum / 100).toFixed(2) + (diff ? " (" + (diff > 0 ? "+" : "") + (diff / 100).toFixed(2) + ")" : " ✓");
    el.style.color = diff ? "var(--danger)" : "var(--ok)";
  }
  function update() {
    var qsum = 0;
    Object.keys(quarterMonths).forEach(function (q) {
      var msum = quarterMonths[q].reduce(function (s, m) { return s + cents("m" + m); }, 0);
      show(q, form.dataset.labelMonths, msum, cents(q));
      qsum += cents(q);
    });
    show("quarters", form.dataset.labelQuarters, qsum, cents("total"));
  }
  form.addEventListener("input", update);
  update();
})();
