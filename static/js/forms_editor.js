// The template editor's field list (workflows/forms, the draft of a template): the fields'
// common settings (key, type, labels, required, help) as a form, written back into the JSON
// definition below it on every change. Everything else a field has (choices, table columns,
// min/max, conditions) is kept as it is and edited in the JSON; the server checks the JSON on
// save either way, so this is a convenience, never a second set of rules.
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function label(obj, lang) {
    if (obj && typeof obj === "object") return obj[lang] || "";
    return lang === "zh" ? (obj || "") : "";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("field-editor");
    var area = document.getElementById("id_definition");
    var textNode = document.getElementById("field-editor-text");
    if (!box || !area || !textNode || area.readOnly) return;
    var t = JSON.parse(textNode.textContent);
    var state = null;
    var body = el("div", {"class": "table-scroll"});
    var note = el("p", {"class": "hint", text: t.more});
    var broken = el("p", {"class": "error", text: t.broken, hidden: ""});
    var add = el("button", {type: "button", "data-testid": "field-add", text: t.add});
    box.appendChild(broken);
    box.appendChild(body);
    var addRow = el("p", {}, [add]);  // hidden as a block: a button's display wins over [hidden]
    box.appendChild(addRow);
    box.appendChild(note);
    box.hidden = false;

    function parse() {
      try {
        var d = JSON.parse(area.value);
        if (!d || typeof d !== "object" || Array.isArray(d)) return null;
        if (!Array.isArray(d.fields)) d.fields = [];
        return d;
      } catch (e) { return null; }
    }

    function write() {
      area.value = JSON.stringify(state, null, 2);
    }

    function setLabel(f, name, lang, value) {
      var current = f[name];
      var obj = current && typeof current === "object" ? current
        : {zh: typeof current === "string" ? current : "", en: ""};
      obj[lang] = value;
      if (!obj.zh && !obj.en) delete f[name]; else f[name] = obj;
    }

    function input(f, i, kind, value, onChange) {
      var attrs = {"aria-label": t[kind] + " " + (i + 1), "data-col": kind};
      var node;
      if (kind === "type") {
        node = el("select", attrs, t.types.map(function (pair) {
          var o = el("option", {value: pair[0], text: pair[1] + " (" + pair[0] + ")"});
          if (pair[0] === value) o.selected = true;
          return o;
        }));
      } else if (kind === "required") {
        attrs.type = "checkbox";
        node = el("input", attrs);
        node.checked = !!value;
      } else {
        attrs.type = "text";
        node = el("input", attrs);
        node.value = value || "";
      }
      node.addEventListener(kind === "required" || kind === "type" ? "change" : "input",
        function () {
          onChange(kind === "required" ? node.checked : node.value);
          write();
        });
      return el("td", {}, [node]);
    }

    function move(i, by) {
      var j = i + by;
      if (j < 0 || j >= state.fields.length) return;
      var f = state.fields.splice(i, 1)[0];
      state.fields.splice(j, 0, f);
      write();
      render();
    }

    function render() {
      body.textContent = "";
      var head = el("tr", {}, ["key", "type", "label_zh", "label_en", "required", "help"]
        .map(function (k) { return el("th", {text: t[k]}); }).concat([el("th", {})]));
      var rows = state.fields.map(function (f, i) {
        if (!f || typeof f !== "object") return el("tr", {});
        var tools = el("td", {"class": "c-act"}, [
          el("button", {type: "button", "class": "link", title: t.up, "aria-label": t.up,
                        text: "↑"}),
          el("button", {type: "button", "class": "link", title: t.down,
                        "aria-label": t.down, text: "↓"}),
          el("button", {type: "button", "class": "link", title: t.remove,
                        "aria-label": t.remove, text: "✕"})]);
        var b = tools.querySelectorAll("button");
        b[0].addEventListener("click", function () { move(i, -1); });
        b[1].addEventListener("click", function () { move(i, 1); });
        b[2].addEventListener("click", function () {
          state.fields.splice(i, 1); write(); render();
        });
        return el("tr", {"data-testid": "field-row"}, [
          input(f, i, "key", f.key, function (v) { f.key = v; }),
          input(f, i, "type", f.type, function (v) { f.type = v; }),
          input(f, i, "label_zh", label(f.label, "zh"),
                function (v) { setLabel(f, "label", "zh", v); }),
          input(f, i, "label_en", label(f.label, "en"),
                function (v) { setLabel(f, "label", "en", v); }),
          input(f, i, "required", f.required, function (v) {
            if (v) f.required = true; else delete f.required;
          }),
          input(f, i, "help", label(f.help, "zh"),
                function (v) { setLabel(f, "help", "zh", v); }),
          tools]);
      });
      body.appendChild(el("table", {"class": "list field-list"}, [
        el("thead", {}, [head]), el("tbody", {}, rows)]));
    }

    function load() {
      var d = parse();
      broken.hidden = d !== null;
      body.hidden = addRow.hidden = note.hidden = d === null;
      if (d === null) return;
      state = d;
      render();
    }

    add.addEventListener("click", function () {
      var n = state.fields.length + 1;
      state.fields.push({key: "field" + n, type: "text", label: {zh: "", en: ""}});
      write();
      render();
      var keys = body.querySelectorAll("[data-col='key']");
      if (keys.length) keys[keys.length - 1].focus();
    });
    // the JSON stays the source: typing in it reloads the list
    area.addEventListener("input", load);
    load();
  });
})();
