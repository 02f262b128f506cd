// Installable and offline: registers the service worker (/sw.js), asks it to keep the pages
// a plan page lists (#offline-urls), and runs the outbox: what was done with no network
// (a check-in, a tick) is kept on this device, shown as waiting, and sent when the network
// returns. Each check-in carries its own idempotency key, so a resend is never a second
// entry (the server answers "replayed" instead).
(function () {
  "use strict";
  var script = document.currentScript;
  var owner = script ? script.getAttribute("data-owner") || "" : "";
  var logoutUrl = script ? script.getAttribute("data-logout") || "" : "";
  var STORE = "spinewise.outbox";
  var sending = false;
  var notes = [];     // what happened to items sent from this page, shown once

  // --- The service worker ---------------------------------------------------------------

  // What a plan or session page asks the phone to keep (#offline-urls), or null.
  function keptList() {
    var block = document.getElementById("offline-urls");
    try { return block ? JSON.parse(block.textContent) : null; } catch (err) { return null; }
  }

  function keepPages() {
    var wanted = keptList();
    if (!wanted || !owner) { return; }
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) {
        registration.active.postMessage({
          type: "keep", urls: wanted.urls, start: wanted.start, owner: owner
        });
      }
    });
  }

  if ("serviceWorker" in navigator && script) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      // Marks on the page that the kept copies are ready (the browser tests wait for them).
      if (event.data && event.data.type === "kept") {
        document.documentElement.setAttribute("data-offline-ready", String(event.data.count));
      } else if (event.data && event.data.type === "refreshed") {
        document.documentElement.setAttribute("data-offline-refreshed", String(event.data.url));
      }
    });
    navigator.serviceWorker.register(script.getAttribute("data-sw"), { scope: "/" })
      .then(function () { if (navigator.onLine) { keepPages(); } })
      .catch(function () { /* not installable here (an old browser, private mode) */ });
  }

  // Pages kept for offline use are the person's own: they go when the person logs out.
  if (logoutUrl) {
    document.querySelectorAll("form[action='" + logoutUrl + "']").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.caches || form.dataset.forgotten) { return; }
        event.preventDefault();
        form.dataset.forgotten = "1";
        window.caches.delete("spinewise-pages").finally(function () { form.submit(); });
      });
    });
  }

  // --- The outbox -----------------------------------------------------------------------

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "[]"); } catch (err) { return []; }
  }

  function save(items) {
    try { window.localStorage.setItem(STORE, JSON.stringify(items)); } catch (err) { /* full */ }
  }

  function mine() {
    return load().filter(function (item) { return item.owner === owner; });
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  function csrfToken(fallback) {
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : fallback;
  }

  function statusBox() {
    var box = document.getElementById("outbox-status");
    if (!box) {
      var main = document.querySelector("main .wrap") || document.querySelector("main");
      if (!main) { return null; }
      box = document.createElement("div");
      box.id = "outbox-status";
      box.setAttribute("role", "status");
      box.tabIndex = -1;
      main.insertBefore(box, main.firstChild);
    }
    return box;
  }

  function paragraph(text, className) {
    var p = document.createElement("p");
    p.textContent = text;
    if (className) { p.className = className; }
    return p;
  }

  function render() {
    var items = mine();
    var quiet = !items.length && !notes.length;
    var box = quiet ? document.getElementById("outbox-status") : statusBox();
    if (!box) { return; }
    box.textContent = "";
    if (quiet) {
      box.className = "";
      return;
    }
    box.className = "outbox-status" + (items.length ? "" : " is-sent");
    notes.forEach(function (note) {
      box.appendChild(paragraph(note.text, note.alert ? "outbox-alert" : ""));
      if (note.link) {
        var a = document.createElement("a");
        a.href = note.link.href;
        a.textContent = note.link.text;
        box.appendChild(a);
      }
    });
    if (items.length) {
      box.appendChild(paragraph(
        items.length === 1 ? "1 thing waiting to be sent:" : items.length + " things waiting to be sent:"
      ));
      var list = document.createElement("ul");
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = item.label + (item.problem ? " (not sent: " + item.problem + ")" : "");
        list.appendChild(li);
      });
      box.appendChild(list);
      box.appendChild(paragraph(navigator.onLine
        ? "Sending now."
        : "Kept on this device. It is sent when you are back online."));
    }
  }

  function add(item) {
    item.id = item.id || newKey();
    item.owner = owner;
    item.created = new Date().toISOString();
    var items = load();
    items.push(item);
    save(items);
    render();
    return item;
  }

  function drop(id) {
    save(load().filter(function (item) { return item.id !== id; }));
  }

  function mark(id, problem) {
    save(load().map(function (item) {
      if (item.id === id) { item.problem = problem; }
      return item;
    }));
  }

  function problemOf(response) {
    return response.json().then(function (body) {
      var errors = (body && body.errors) || [];
      return errors.length
        ? errors.map(function (e) { return e.field + ": " + e.message; }).join("; ")
        : (body && body.detail) || "refused";
    }).catch(function () { return "refused (" + response.status + ")"; });
  }

  function sendOne(item) {
    var headers = Object.assign({}, item.headers || {});
    var body = item.body;
    if (item.kind === "checkin") {
      headers["X-CSRFToken"] = csrfToken(item.csrf);
    } else {
      var fresh = csrfToken("");
      if (fresh) { body = body.replace(/csrfmiddlewaretoken=[^&]*/, "csrfmiddlewaretoken=" + encodeURIComponent(fresh)); }
    }
    return window.fetch(item.url, {
      method: "POST", body: body, headers: headers, credentials: "same-origin"
    }).then(function (response) {
      if (response.ok) {
        drop(item.id);
        if (item.kind !== "checkin") { return; }
        return response.json().then(function (answer) {
          notes.push({ text: item.label + ": sent." });
          if (answer && answer.triage) {
            notes.push({
              alert: true,
              text: "About the warning sign you reported: " + answer.triage.advice,
              link: { href: "/guides/when-to-get-help/", text: "When to get help" }
            });
          }
        });
      }
      if (response.status === 401 || response.status === 403) {
        mark(item.id, "log in again to send it");
        return;
      }
      return problemOf(response).then(function (problem) { mark(item.id, problem); });
    });
  }

  function flush() {
    if (sending || !navigator.onLine || !window.fetch) { return Promise.resolve(); }
    var waiting = mine().filter(function (item) { return !item.problem; });
    if (!waiting.length) { render(); return Promise.resolve(); }
    sending = true;
    render();
    var chain = Promise.resolve();
    waiting.forEach(function (item) {
      chain = chain.then(function () { return sendOne(item); }).catch(function () {
        // The network went again: the item stays, the next "online" sends it.
      });
    });
    return chain.then(function () {
      sending = false;
      render();
      var box = document.getElementById("outbox-status");
      if (box && notes.length) { box.focus(); }
    });
  }

  function sendWhenOnline() {
    // One tab at a time sends (the idempotency key covers a race anyway).
    if (navigator.locks) {
      navigator.locks.request("spinewise-outbox", flush);
    } else {
      flush();
    }
  }

  // --- A check-in made offline ----------------------------------------------------------

  function numberOf(form, name, parse) {
    var field = form.querySelector("[name=" + name + "]:checked") ||
      form.querySelector("input[name=" + name + "]:not([type=radio]):not([type=checkbox])");
    if (!field || field.value.trim() === "") { return null; }
    var value = parse(field.value);
    return isNaN(value) ? field.value : value;
  }

  function checkinFrom(form) {
    var entry = {
      day: form.querySelector("[name=day]").value,
      pain: numberOf(form, "pain", parseInt),
      worst: numberOf(form, "worst", parseInt),
      sessions_done: numberOf(form, "sessions_done", parseInt) || 0,
      sitting_hours: numberOf(form, "sitting_hours", parseFloat),
      flare_up: Boolean(form.querySelector("[name=flare_up]:checked")),
      note: (form.querySelector("[name=note]") || { value: "" }).value.trim(),
      new_red_flags: Array.prototype.map.call(
        form.querySelectorAll("[name=new_red_flags]:checked"), function (box) { return box.value; }
      )
    };
    if (form.querySelector("[name=leg_pain]")) { entry.leg_pain = numberOf(form, "leg_pain", parseInt); }
    return entry;
  }

  function dayLabel(iso) {
    var parts = iso.split("-");
    var day = new Date(Number(parts[0]), Number(parts[1]) - 1, Number(parts[2]));
    return isNaN(day) ? iso : day.toLocaleDateString("en-GB", {
      weekday: "long", day: "numeric", month: "long"
    });
  }

  function localToday() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
      String(now.getDate()).padStart(2, "0");
  }

  document.querySelectorAll("form[data-offline-checkin]").forEach(function (form) {
    // A check-in page kept from an earlier day defaults to that day: offline, "today" is
    // the phone's today (a page asked for a given day keeps it).
    var day = form.querySelector("[name=day]");
    if (!navigator.onLine && day && !/[?&]day=/.test(window.location.search) && day.value < localToday()) {
      day.value = localToday();
    }
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) { return; } // online, the form is sent as usual
      event.preventDefault();
      var entry = checkinFrom(form);
      if (entry.pain === null || !entry.day) {
        notes = [{ alert: true, text: "Choose the day and your pain right now before saving." }];
        render();
        statusBox().focus();
        return;
      }
      var key = newKey();
      notes = [];
      if (entry.new_red_flags.length) {
        // The verdict needs the server; until then, say plainly what to do.
        notes.push({
          alert: true,
          text: "You ticked a warning sign. It cannot be checked without a connection: if it " +
            "is serious or getting worse, get medical help now, do not wait for the app.",
          link: { href: "/guides/when-to-get-help/", text: "When to get help" }
        });
      }
      add({
        id: key,
        kind: "checkin",
        url: form.getAttribute("data-offline-checkin"),
        body: JSON.stringify(entry),
        headers: { "Content-Type": "application/json", "Idempotency-Key": key },
        csrf: csrfToken(""),
        label: "Check-in for " + dayLabel(entry.day)
      });
      statusBox().focus();
      window.scrollTo(0, 0);
    });
  });

  // A plan page kept from an earlier day and opened offline says which day it shows (its
  // "today" is the day it was saved), and links today's session when the phone kept it.
  function keptUrls() {
    var wanted = keptList();
    return (wanted && wanted.urls) || [];
  }

  if (!navigator.onLine) {
    document.querySelectorAll("[data-page-day]").forEach(function (section) {
      var shown = section.getAttribute("data-page-day");
      var today = localToday();
      if (!shown || shown >= today) { return; }
      var note = document.createElement("div");
      note.className = "outbox-status";
      note.setAttribute("role", "status");
      note.setAttribute("data-stale-plan", "");
      note.appendChild(paragraph(
        "You are offline, so this is your plan as it was on " + dayLabel(shown) + ". " +
        "It updates when you are back online."
      ));
      var session = keptUrls().filter(function (url) {
        return url.indexOf("/session/" + today + "/") !== -1;
      })[0];
      if (session) {
        var link = document.createElement("a");
        link.href = session;
        link.textContent = "Open today's session (kept on this phone)";
        var line = document.createElement("p");
        line.appendChild(link);
        note.appendChild(line);
      }
      // The card describes the day it was saved: say so, rather than "today".
      var heading = section.querySelector("h2");
      if (heading) { heading.textContent = dayLabel(shown); }
      section.querySelectorAll("[data-day-link]").forEach(function (link) {
        link.textContent = "Open the session for " + dayLabel(shown);
        link.classList.add("button-quiet");
      });
      section.insertBefore(note, heading ? heading.nextSibling : section.firstChild);
    });
  }

  function refreshKept(url) {
    if (!("serviceWorker" in navigator) || !navigator.serviceWorker.controller) { return; }
    navigator.serviceWorker.controller.postMessage({ type: "refresh", url: url });
  }

  window.SpinewiseOutbox = { add: add, flush: sendWhenOnline, pending: mine, refreshKept: refreshKept };
  window.addEventListener("online", sendWhenOnline);
  window.addEventListener("offline", render);
  render();
  sendWhenOnline();
}());
