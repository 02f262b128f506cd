// The guided session player. The server sends the day's exercises with their steps (sets,
// reps, holds, side changes, rests: the core's timer plan) in the #session-plan data block;
// this script only walks through them: one start/pause control, a countdown, beeps, spoken
// cues when the person turns them on, the screen kept awake, and each exercise ticked off
// through the same endpoint as the "Mark as done" forms, without reloading the page.
// Without JavaScript the player stays hidden and the forms work as they always did.
(function () {
  "use strict";
  var data = document.getElementById("session-plan");
  var player = document.querySelector("[data-player]");
  if (!data || !player) { return; }
  var plan = JSON.parse(data.textContent);
  var VOICE_KEY = "spinewise.voice";

  var el = {
    exercise: player.querySelector("[data-player-exercise]"),
    picture: player.querySelector("[data-player-picture]"),
    now: player.querySelector(".player-now"),
    step: player.querySelector("[data-player-step]"),
    clock: player.querySelector("[data-player-clock]"),
    rep: player.querySelector("[data-player-rep]"),
    progress: player.querySelector("[data-player-progress]"),
    bar: player.querySelector("[data-player-bar]"),
    toggle: player.querySelector("[data-player-toggle]"),
    skip: player.querySelector("[data-player-skip]"),
    voice: player.querySelector("[data-player-voice]"),
    finished: player.querySelector("[data-player-finished]")
  };

  var queue = [];        // the exercises this run walks through
  var exIndex = 0;       // which of them is on
  var stepIndex = 0;     // which step of it (0 is "get ready")
  var left = 0;          // seconds left in the step
  var repShown = 0;
  var running = false;
  var started = false;
  var last = 0;
  var ticking = null;
  var lock = null;
  var audio = null;

  // --- Small helpers -------------------------------------------------------------------

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function spoken(text) {
    // "hold 20s" reads better as "hold 20 seconds"; a dash is a pause.
    return text.replace(/(\d+)s\b/g, "$1 seconds").replace(/\s+—\s+/g, ", ");
  }

  function voiceOn() {
    try { return window.localStorage.getItem(VOICE_KEY) === "on"; } catch (err) { return false; }
  }

  function say(text) {
    if (!voiceOn() || !("speechSynthesis" in window)) { return; }
    try {
      window.speechSynthesis.cancel();
      var utterance = new window.SpeechSynthesisUtterance(spoken(text));
      utterance.lang = document.documentElement.lang || "en";
      window.speechSynthesis.speak(utterance);
    } catch (err) { /* no voice on this device */ }
  }

  function beep(high) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = high ? 880 : 660;
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.35);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.35);
    } catch (err) { /* no sound on this device */ }
    if (navigator.vibrate) { navigator.vibrate(high ? [150, 80, 150] : 150); }
  }

  // The screen stays on while the session runs (a 90-second hold is long for a phone).
  function holdScreen() {
    if (!running || lock || !("wakeLock" in navigator)) { return; }
    navigator.wakeLock.request("screen").then(function (sentinel) {
      lock = sentinel;
      sentinel.addEventListener("release", function () { lock = null; });
    }).catch(function () { /* refused: battery saver, or the page is hidden */ });
  }

  function letScreenSleep() {
    if (lock) { lock.release().catch(function () {}); lock = null; }
  }

  // --- Ticking exercises off -----------------------------------------------------------

  function cardFor(id) { return document.querySelector("[data-card='" + id + "']"); }

  function showTick(card, done, waiting) {
    if (!card) { return; }
    var form = card.querySelector("[data-tick-form]");
    var state = form.querySelector(".tick-state");
    var button = form.querySelector("button[type=submit]");
    card.classList.toggle("is-done", done);
    form.querySelector("input[name=done]").value = done ? "0" : "1";
    state.hidden = !done;
    state.textContent = waiting ? "✓ Done (waiting to be sent)" : "✓ Done";
    button.firstChild.nodeValue = done ? "Undo" : "Mark as done";
    button.classList.toggle("button-quiet", done);
    plan.exercises.forEach(function (ex) { if (ex.id === card.dataset.card) { ex.done = done; } });
    if (!running && plan.exercises.every(function (ex) { return ex.done; })) {
      showDone("All done for today. Nice work.");
    }
  }

  function sendTick(form) {
    var card = form.closest("[data-card]");
    var done = form.querySelector("input[name=done]").value === "1";
    var body = new URLSearchParams(new FormData(form)).toString();
    var outbox = window.SpinewiseOutbox;
    if (!window.fetch) { form.submit(); return; }
    window.fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      if (!response.ok) { throw new Error("refused"); }
      showTick(card, done, false);
      if (outbox) { outbox.refreshKept(window.location.pathname); }
    }).catch(function () {
      if (!navigator.onLine && outbox) {
        // Ticking twice is harmless, so the tick is simply sent again when back online.
        outbox.add({
          kind: "tick", url: form.action, body: body,
          headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
          label: (done ? "Ticked: " : "Unticked: ") + card.querySelector("h2").textContent
        });
        showTick(card, done, true);
      } else {
        form.submit(); // the plain form still works: let the server say what went wrong
      }
    });
  }

  document.querySelectorAll("[data-tick-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      sendTick(form);
    });
  });

  function tick(ex) {
    var card = cardFor(ex.id);
    var form = card && card.querySelector("[data-tick-form]");
    if (form && form.querySelector("input[name=done]").value === "1") { sendTick(form); }
  }

  // --- The player ----------------------------------------------------------------------

  function stepsOf(ex) {
    var ready = {
      kind: "ready",
      label: "Get ready: " + ex.name + " (" + ex.dosage + ")",
      seconds: plan.ready_seconds
    };
    return [ready].concat(ex.steps);
  }

  function current() { return stepsOf(queue[exIndex])[stepIndex]; }

  function showExercise() {
    var ex = queue[exIndex];
    var position = plan.exercises.indexOf(ex) + 1;
    el.exercise.textContent = "Exercise " + position + " of " + plan.exercises.length + ": " +
      ex.name + " · " + ex.dosage;
    var picture = cardFor(ex.id) && cardFor(ex.id).querySelector("picture");
    el.picture.textContent = "";
    if (picture) { el.picture.appendChild(picture.cloneNode(true)); }
  }

  function announceStep() {
    var step = current();
    el.step.textContent = step.label;
    el.now.setAttribute("data-kind", step.kind);
    repShown = 0;
    var cue = step.label;
    if (step.kind === "ready" && exIndex > 0) { cue = "Well done. Next: " + queue[exIndex].name; }
    if (step.kind === "switch") { cue = "Change sides"; }
    say(cue);
  }

  function showClock() {
    var step = current();
    el.clock.textContent = clock(left);
    var done = step.seconds > 0 ? 1 - left / step.seconds : 1;
    el.bar.style.width = Math.round(Math.min(1, Math.max(0, done)) * 100) + "%";
    var counted = step.kind === "work" && step.reps && step.seconds_per_rep;
    el.rep.hidden = !counted;
    if (counted) {
      var rep = Math.min(step.reps, Math.floor((step.seconds - left) / step.seconds_per_rep) + 1);
      el.rep.textContent = "Rep " + rep + " of " + step.reps;
      if (rep !== repShown) {
        if (rep > 1) { say(String(rep)); }  // the pace, for someone not looking
        repShown = rep;
      }
    }
  }

  function stopClock() {
    if (ticking) { window.clearInterval(ticking); ticking = null; }
  }

  // The day's exercises are done: the check-in is the next thing to do.
  function showDone(text) {
    el.finished.hidden = false;
    el.toggle.textContent = "Start the session again";
    el.toggle.classList.remove("button-large");
    el.toggle.classList.add("button-quiet");
    el.skip.hidden = true;
    el.rep.hidden = true;
    el.clock.hidden = true;
    el.progress.hidden = true;
    el.picture.textContent = "";
    el.exercise.textContent = "All " + plan.exercises.length + " exercises are ticked off.";
    el.now.setAttribute("data-kind", "done");
    el.step.textContent = text;
  }

  function showFinished() {
    stopClock();
    running = false;
    started = false;
    letScreenSleep();
    showDone("All done for today. Nice work. Next, a one-minute check-in.");
    say("All done for today. Nice work.");
  }

  function nextExercise(completed) {
    if (completed) { tick(queue[exIndex]); }
    exIndex += 1;
    if (exIndex >= queue.length) {
      beep(true);
      showFinished();
      var link = el.finished.querySelector("a");
      if (link) { link.focus(); }
      return false;
    }
    stepIndex = 0;
    left = current().seconds;
    showExercise();
    announceStep();
    return true;
  }

  function advance() {
    var steps = stepsOf(queue[exIndex]);
    var carry = left; // zero or a little below: keeps the total time honest
    if (stepIndex + 1 >= steps.length) {
      if (!nextExercise(true)) { return false; }
    } else {
      stepIndex += 1;
      left = current().seconds;
      announceStep();
    }
    left += carry;
    beep(current().kind === "work");
    return true;
  }

  function frame() {
    var now = Date.now();
    left -= (now - last) / 1000;
    last = now;
    while (left <= 0) {
      if (!advance()) { return; }
    }
    showClock();
  }

  function run() {
    running = true;
    last = Date.now();
    stopClock();
    ticking = window.setInterval(frame, 250);
    el.toggle.textContent = "Pause";
    el.skip.hidden = false;
    el.clock.hidden = false;
    el.progress.hidden = false;
    holdScreen();
    showClock();
  }

  function pause(why) {
    running = false;
    stopClock();
    letScreenSleep();
    el.toggle.textContent = "Resume";
    el.step.textContent = why || "Paused. " + current().label;
    if (window.speechSynthesis) { try { window.speechSynthesis.cancel(); } catch (err) {} }
  }

  function start() {
    var todo = plan.exercises.filter(function (ex) { return !ex.done; });
    queue = todo.length ? todo : plan.exercises.slice();
    exIndex = 0;
    stepIndex = 0;
    left = current().seconds;
    started = true;
    el.finished.hidden = true;
    el.toggle.classList.add("button-large");
    el.toggle.classList.remove("button-quiet");
    showExercise();
    announceStep();
    beep(false);
    run();
  }

  el.toggle.addEventListener("click", function () {
    if (!started) { start(); } else if (running) { pause(); } else {
      el.step.textContent = current().label;
      run();
    }
  });

  el.skip.addEventListener("click", function () {
    if (!started) { return; }
    if (nextExercise(false)) {
      last = Date.now();
      showClock();
    }
  });

  function showVoice() {
    el.voice.setAttribute("aria-pressed", voiceOn() ? "true" : "false");
  }
  el.voice.addEventListener("click", function () {
    var on = !voiceOn();
    try { window.localStorage.setItem(VOICE_KEY, on ? "on" : "off"); } catch (err) { /* private */ }
    showVoice();
    if (on) { say("Spoken cues on."); } else if (window.speechSynthesis) { window.speechSynthesis.cancel(); }
  });
  if (!("speechSynthesis" in window)) { el.voice.hidden = true; }

  // The browser lets go of the wake lock when the page is hidden (another app, the lock
  // button): it is asked for again when the page comes back. The clock counts real time,
  // so the session is where it should be.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && running) {
      holdScreen();
      frame();
    }
  });

  // Ticks made offline on an earlier visit: shown as done, and waiting to be sent.
  if (window.SpinewiseOutbox) {
    window.SpinewiseOutbox.pending().forEach(function (item) {
      if (item.kind !== "tick") { return; }
      var fields = new URLSearchParams(item.body);
      var card = cardFor(fields.get("exercise"));
      var form = card && card.querySelector("[data-tick-form]");
      if (form && form.action === item.url) { showTick(card, fields.get("done") === "1", true); }
    });
  }

  showVoice();
  player.hidden = false;
  if (plan.exercises.every(function (ex) { return ex.done; })) {
    showDone("All done for today. Nice work.");
  }
}());
