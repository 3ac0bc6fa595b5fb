// "Prepare a memo": the interview as a form (templates/site/prepare.md.j2). Questions a reader cannot
// need stay hidden (no "hours held" unless someone was held); answers are checked here with the reasons
// in the reader's language, then sent to `huquq serve` on this computer (generator/server.py), which
// checks them again and answers with the memo, the notice or the matter file. Nothing is kept here.
(function () {
  "use strict";
  var form = document.getElementById("huquq-prepare");
  if (!form) return;
  var labels = JSON.parse(document.getElementById("huquq-prepare-labels").textContent);
  var token = form.getAttribute("data-huquq-token");
  var status = document.getElementById("huquq-prepare-status");
  var formError = document.getElementById("huquq-prepare-error");
  var loadInput = document.getElementById("huquq-load");
  var keep = {};  // what a loaded matter file carried that the form does not show (issues, cite, exclude)
  var MAX_FILE = 1024 * 1024;

  function lang() { return document.documentElement.getAttribute("data-ui") || "ru"; }

  function word(key, values) {
    var texts = labels[key] || {};
    var text = texts[lang()] || texts.ru || texts.en || key;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(values[name]); });
    return text;
  }

  function all(selector, within) { return Array.prototype.slice.call((within || form).querySelectorAll(selector)); }

  // --- what is shown ----------------------------------------------------------------------------
  function gate(id) {
    var checked = form.querySelector('input[name="gate:' + id + '"]:checked');
    return !!checked && checked.value === "yes";
  }

  function update() {
    all(".huquq-section").forEach(function (section) {
      var gates = (section.getAttribute("data-ask-if") || "").split(" ").filter(Boolean);
      var shown = gates.every(gate);
      section.hidden = !shown;
      section.disabled = !shown;  // a hidden section sends nothing and is not checked
    });
    all(".huquq-circumstance-field").forEach(function (field) {
      var box = field.querySelector('input[type="checkbox"]');
      var values = field.querySelector(".huquq-values");
      if (values) { values.hidden = !box.checked; values.disabled = !box.checked; }
    });
  }

  var server = !!token && location.protocol !== "file:";
  if (!server) {
    document.getElementById("huquq-prepare-offline").hidden = false;
    all('button, input[type="file"]', document.querySelector(".huquq-prepare")).forEach(function (el) { el.disabled = true; });
  }
  var memoLanguage = form.elements.memo_language;
  memoLanguage.value = lang();
  form.addEventListener("change", update);
  update();

  // --- checking ---------------------------------------------------------------------------------
  function showError(name, message) {
    var box = document.getElementById((name.indexOf(".") < 0 ? "f-" : "") + name + "-error");
    var input = form.elements[name];
    if (box) { box.textContent = message; box.hidden = !message; }
    var inputs = input && input.length !== undefined && !input.tagName ? Array.prototype.slice.call(input) : [input];
    inputs.forEach(function (el) { if (el && el.setAttribute) el.setAttribute("aria-invalid", message ? "true" : "false"); });
  }

  function clearErrors() {
    all(".huquq-error").forEach(function (box) { box.textContent = ""; box.hidden = true; });
    all('[aria-invalid="true"]').forEach(function (el) { el.setAttribute("aria-invalid", "false"); });
  }

  function value(name) {
    var el = form.elements[name];
    if (!el) return "";
    if (el.tagName) return el.value;
    var checked = Array.prototype.filter.call(el, function (r) { return r.checked; })[0];
    return checked ? checked.value : "";
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }

  function collect() {
    var data = { lang: lang(), memo_language: memoLanguage.value, matter: {}, gates: {}, circumstances: {}, keep: keep };
    all("#huquq-about [name]").forEach(function (el) {
      if (el.name !== "memo_language") data.matter[el.name] = el.value;
    });
    all("[data-gate]").forEach(function (field) { data.gates[field.getAttribute("data-gate")] = gate(field.getAttribute("data-gate")); });
    all(".huquq-section").forEach(function (section) {
      if (section.hidden) return;
      all(".huquq-circumstance-field", section).forEach(function (field) {
        var id = field.getAttribute("data-circumstance");
        if (!field.querySelector('input[type="checkbox"]').checked) return;
        var values = {};
        all("[data-field]", field).forEach(function (valueField) {
          var name = valueField.getAttribute("data-field");
          var raw = value(name);
          if (raw !== "") values[name.slice(id.length + 1)] = raw === "yes" ? true : raw === "no" ? false : raw;
        });
        data.circumstances[id] = values;
      });
    });
    return data;
  }

  function check(data) {
    var problems = [];
    var date = data.matter.date;
    if (!date) problems.push(["date", word("interview.error.required")]);
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push(["date", word("interview.error.date")]);
    else if (date > today()) problems.push(["date", word("interview.error.future")]);
    // Each yes/no that opens questions is answered: none is "no" until the volunteer says so, lest a
    // detention go without its questions because a default was left.
    all("[data-gate]").forEach(function (field) {
      var id = field.getAttribute("data-gate");
      if (!form.querySelector('input[name="gate:' + id + '"]:checked')) problems.push(["gate:" + id, word("interview.error.required")]);
    });
    Object.keys(data.circumstances).forEach(function (id) {
      all('[data-circumstance="' + id + '"] [data-field]').forEach(function (field) {
        var name = field.getAttribute("data-field");
        var raw = value(name).trim();
        var input = form.elements[name];
        var low = input && input.min || "0", high = input && input.max || "…";
        if (!raw) {
          // A number field holding what is not a number reads as empty: say what is wrong with it.
          if (input && input.validity && input.validity.badInput) problems.push([name, word("interview.error.number", { low: low, high: high })]);
          else if (field.hasAttribute("data-required")) problems.push([name, word("interview.error.required")]);
          return;
        }
        if (input && input.type === "number") {
          var n = Number(raw);
          if (!/^\d+$/.test(raw) || (input.min && n < Number(input.min)) || (input.max && n > Number(input.max))) {
            problems.push([name, word("interview.error.number", { low: low, high: high })]);
          }
        }
        if (input && input.type === "date" && raw > today()) problems.push([name, word("interview.error.future")]);
      });
    });
    return problems;
  }

  function report(problems) {
    problems.forEach(function (problem) { showError(problem[0], problem[1]); });
    formError.textContent = word("prepare.fix");
    formError.hidden = false;
    var first = form.elements[problems[0][0]];
    first = first && !first.tagName ? first[0] : first;
    if (first && first.focus) first.focus();
  }

  // --- talking to huquq serve -------------------------------------------------------------------
  function post(address, data) {
    return fetch(address, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", "X-Huquq-Token": token },
      body: JSON.stringify(data)
    }).catch(function () { throw new Error(word("prepare.unreachable")); }).then(function (response) {
      if (response.ok) return response;
      return response.text().then(function (text) {
        var reason = text, field = null;
        try { var json = JSON.parse(text); reason = json.error; field = json.field; } catch (e) { /* plain text */ }
        var error = new Error(word("prepare.refused", { reason: reason.trim() }));
        error.field = field; error.reason = reason;
        throw error;
      });
    });
  }

  function download(response) {
    var disposition = response.headers.get("Content-Disposition") || "";
    var match = /filename="([^"]+)"/.exec(disposition);
    var name = match ? match[1] : "huquq.docx";
    return response.blob().then(function (blob) {
      var url = URL.createObjectURL(blob);
      var link = document.createElement("a");
      link.href = url; link.download = name; link.hidden = true;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
      return name;
    });
  }

  function failed(error) {
    status.textContent = "";
    if (error.field) { showError(error.field, error.reason); report([[error.field, error.reason]]); return; }
    formError.textContent = error.message;
    formError.hidden = false;
  }

  function ready() {
    clearErrors();
    var data = collect();
    var problems = check(data);
    if (problems.length) { report(problems); return null; }
    if (!Object.keys(data.circumstances).length && !(keep.issues || []).length) {
      formError.textContent = word("prepare.nothing");
      formError.hidden = false;
      return null;
    }
    return data;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!server) return;
    var data = ready();
    if (!data) return;
    status.textContent = word("prepare.working");
    var names = {};
    post("/api/memo", data).then(download).then(function (name) {
      names.memo = name;
      return post("/api/notice", data).then(download);
    }).then(function (name) {
      names.notice = name;
      status.textContent = word("prepare.done", names);
    }).catch(failed);
  });

  document.getElementById("huquq-save-matter").addEventListener("click", function () {
    if (!server) return;
    var data = ready();
    if (!data) return;
    post("/api/matter", data).then(download).then(function (name) {
      status.textContent = word("prepare.saved", { name: name });
    }).catch(failed);
  });

  // --- an earlier matter file, loaded back ---------------------------------------------------------
  function fill(data) {
    form.reset();
    Object.keys(data.matter || {}).forEach(function (name) {
      if (form.elements[name]) form.elements[name].value = data.matter[name] || "";
    });
    memoLanguage.value = ["tg", "ru", "en"].indexOf(data.memo_language) >= 0 ? data.memo_language : "ru";
    Object.keys(data.gates || {}).forEach(function (id) {
      var radio = form.querySelector('input[name="gate:' + id + '"][value="' + (data.gates[id] ? "yes" : "no") + '"]');
      if (radio) radio.checked = true;
    });
    Object.keys(data.circumstances || {}).forEach(function (id) {
      var box = document.getElementById("c-" + id);
      if (!box) return;
      box.checked = true;
      var values = data.circumstances[id] || {};
      Object.keys(values).forEach(function (valueId) {
        var name = id + "." + valueId, raw = values[valueId];
        var text = raw === true ? "yes" : raw === false ? "no" : String(raw);
        var el = form.elements[name];
        if (!el) return;
        if (el.tagName) { el.value = text; return; }
        Array.prototype.forEach.call(el, function (radio) { radio.checked = radio.value === text; });
      });
    });
    keep = data.keep || {};
    update();
  }

  loadInput.addEventListener("change", function () {
    var file = loadInput.files[0];
    if (!file || !server) return;
    clearErrors();
    if (file.size > MAX_FILE) { formError.textContent = word("prepare.too_big"); formError.hidden = false; return; }
    file.text().then(function (text) {
      return post("/api/read-matter", { text: text, name: file.name, lang: lang() });
    }).then(function (response) { return response.json(); }).then(function (data) {
      fill(data);
      status.textContent = word("prepare.loaded", { name: file.name });
    }).catch(failed).then(function () { loadInput.value = ""; });
  });
})();
