/* A contract's product lines: each line's value and the total, as typed (optional: the server
   computes both again when the form is saved). */
(function () {
  var section = document.getElementById("lines");
  if (!section) return;
  function num(el) {
    var v = el ? parseFloat(String(el.value).replace(/,/g, "")) : NaN;
    return isNaN(v) ? null : v;
  }
  function money(v) {
    return "¥" + v.toLocaleString("en-US", {minimumFractionDigits: 2, maximumFractionDigits: 2});
  }
  function update() {
    var total = 0, complete = true, any = false;
    section.querySelectorAll("[data-line]").forEach(function (line) {
      var product = line.querySelector("select[name$='-product']");
      var out = line.querySelector("[data-line-value]");
      var del = line.querySelector("input[name$='-DELETE']");
      var q = num(line.querySelector("input[name$='-quantity']"));
      var p = num(line.querySelector("input[name$='-unit_price']"));
      var d = num(line.querySelector("input[name$='-discount']")) || 0;
      var opt = product && product.selectedOptions[0];
      if (p === null && opt && opt.dataset.price) p = parseFloat(opt.dataset.price);
      var typed = (product && product.value) || q !== null;
      if (!typed || (del && del.checked)) { out.textContent = "—"; return; }
      any = true;
      if (q === null || p === null || !product.value) { out.textContent = "—"; complete = false; return; }
      var cents = Math.round(q * p * (100 - d));  /* in fen */
      var v = Math.round(cents) / 100;
      out.textContent = money(v);
      total += v;
    });
    var out = section.querySelector("[data-lines-total]");
    if (out) out.textContent = any && complete ? money(total) : "—";
  }
  section.addEventListener("input", update);
  section.addEventListener("change", update);
  update();
})();
