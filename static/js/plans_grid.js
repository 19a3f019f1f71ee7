/* Running totals as you type (the server checks everything again on save). */
(function () {
  var form = document.getElementById("grid-form");
  function cents(input) {
    var v = parseFloat(String(input.value).replace(/,/g, ""));
    return isNaN(v) ? 0 : Math.round(v * 100);
  }
  function fmt(c) {
    return (c / 100).toLocaleString(undefined, {minimumFractionDigits: 2, maximumFractionDigits: 2});
  }
  function rowMonths(tr) {
    var m = [0,0,0,0,0,0,0,0,0,0,0,0];
    tr.querySelectorAll("input[data-m]").forEach(function (i) { m[+i.dataset.m - 1] = cents(i); });
    return m;
  }
  function fill(tr, months, marks) {
    var q = [0,0,0,0], y = 0;
    months.forEach(function (c, i) { q[Math.floor(i / 3)] += c; y += c; });
    tr.querySelectorAll("td[data-m]").forEach(function (td) {
      var i = +td.dataset.m - 1; td.textContent = fmt(months[i]);
      if (marks) td.classList.toggle("bad", marks[i]);
    });
    tr.querySelectorAll("[data-q]").forEach(function (td) { td.textContent = fmt(q[+td.dataset.q - 1]); });
    var ycell = tr.querySelector("[data-y]"); if (ycell) ycell.textContent = fmt(y);
    return y;
  }
  function update() {
    var company = [0,0,0,0,0,0,0,0,0,0,0,0];
    form.querySelectorAll("tr.region[data-row]").forEach(function (tr) {
      var region = tr.dataset.region, rm = rowMonths(tr), people = [0,0,0,0,0,0,0,0,0,0,0,0];
      fill(tr, rm);
      rm.forEach(function (c, i) { company[i] += c; });
      form.querySelectorAll('tr.person[data-region="' + region + '"]').forEach(function (p) {
        var pm = rowMonths(p); fill(p, pm); pm.forEach(function (c, i) { people[i] += c; });
      });
      var total = form.querySelector('tr.total[data-total="' + region + '"]');
      if (total) fill(total, people, people.map(function (c, i) { return c !== rm[i]; }));
    });
    var crow = form.querySelector("tr[data-company]");
    var year = fill(crow, company), target = cents(form.elements.target);
    crow.querySelector("[data-y]").classList.toggle("bad", year !== target);
    var hint = form.querySelector('[data-sum="company"]'), diff = year - target;
    hint.textContent = form.dataset.labelRegions + " " + fmt(year) + (diff ? " (" + (diff > 0 ? "+" : "") + fmt(diff) + ")" : " ✓");
    hint.style.color = diff ? "var(--danger)" : "var(--ok)";
  }
  form.addEventListener("input", update);
})();
