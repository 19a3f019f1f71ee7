// Generated template forms (workflows/forms): a field with a visibility condition shows only
// while the condition holds on the values typed so far. The server applies the same rule
// (workflows/forms/rules.py `holds`): a hidden field keeps no value whatever is sent.
(function () {
  "use strict";
  function valueOf(form, key) {
    var inputs = form.querySelectorAll("[name='" + key + "']");
    if (!inputs.length) return null;
    if (inputs[0].type === "checkbox") {
      return Array.prototype.filter.call(inputs, function (i) { return i.checked; })
        .map(function (i) { return i.value; });
    }
    return inputs[0].value;
  }
  function blank(v) { return v === null || v === "" || (Array.isArray(v) && !v.length); }
  function holds(cond, form) {
    if (!cond) return true;
    if (cond.all) return cond.all.every(function (c) { return holds(c, form); });
    if (cond.any) return cond.any.some(function (c) { return holds(c, form); });
    var v = valueOf(form, cond.field), op = cond.op || "eq", t = cond.value;
    if (op === "filled") return !blank(v);
    if (op === "empty") return blank(v);
    if (op === "in") return Array.isArray(t) && (Array.isArray(v)
      ? v.some(function (x) { return t.indexOf(x) >= 0; }) : t.indexOf(v) >= 0);
    if (op === "eq" || op === "ne") {
      var same = Array.isArray(v) ? v.indexOf(String(t)) >= 0 : String(v) === String(t);
      return op === "eq" ? same : !same;
    }
    var a = parseFloat(String(v).replace(/,/g, "")), b = parseFloat(t);
    if (isNaN(a) || isNaN(b)) return false;
    return {gt: a > b, gte: a >= b, lt: a < b, lte: a <= b}[op] || false;
  }
  function refresh(form) {
    form.querySelectorAll("[data-visible-when]").forEach(function (el) {
      var cond;
      try { cond = JSON.parse(el.getAttribute("data-visible-when")); } catch (e) { return; }
      el.hidden = !holds(cond, form);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.form-generated").forEach(function (form) {
      refresh(form);
      form.addEventListener("input", function () { refresh(form); });
      form.addEventListener("change", function () { refresh(form); });
    });
  });
})();
