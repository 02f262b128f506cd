// Hold/rep timer for each exercise card. The plan of steps (work, rest, change sides)
// comes from the server in data-timer; this script only counts down, beeps and vibrates.
(function () {
  "use strict";
  var audio = null;

  function beep(high) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = high ? 880 : 660;
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.4);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.4);
    } catch (err) { /* no sound on this device */ }
    if (navigator.vibrate) { navigator.vibrate(high ? [200, 100, 200] : 200); }
  }

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function setUp(box) {
    var steps = JSON.parse(box.getAttribute("data-timer") || "[]");
    if (!steps.length) { return; }
    var label = box.querySelector(".timer-label");
    var face = box.querySelector(".timer-clock");
    var start = box.querySelector("[data-timer-start]");
    var pause = box.querySelector("[data-timer-pause]");
    var reset = box.querySelector("[data-timer-reset]");
    var index = 0, left = steps[0].seconds, ticking = null, last = 0;

    function show() {
      var step = steps[index];
      var text = step.label;
      if (step.kind === "work" && step.reps && step.seconds_per_rep) {
        var done = Math.min(step.reps, Math.floor((step.seconds - left) / step.seconds_per_rep) + 1);
        text += " · rep " + done + " of " + step.reps;
      }
      label.textContent = text;
      face.textContent = clock(left);
      box.setAttribute("data-kind", step.kind);
    }
    function stop() {
      if (ticking) { window.clearInterval(ticking); ticking = null; }
      start.disabled = false;
      pause.disabled = true;
    }
    function frame() {
      var now = Date.now();
      left -= (now - last) / 1000;
      last = now;
      if (left <= 0) {
        index += 1;
        if (index >= steps.length) {
          stop();
          index = steps.length - 1;
          left = 0;
          label.textContent = "Finished. Tick it off below.";
          face.textContent = "0:00";
          beep(true);
          start.textContent = "Start again";
          index = -1;
          return;
        }
        left = steps[index].seconds;
        beep(steps[index].kind === "work");
      }
      show();
    }
    start.addEventListener("click", function () {
      if (index === -1) { index = 0; left = steps[0].seconds; start.textContent = "Start timer"; }
      last = Date.now();
      beep(true);
      ticking = window.setInterval(frame, 250);
      start.disabled = true;
      pause.disabled = false;
      reset.disabled = false;
      show();
    });
    pause.addEventListener("click", function () { stop(); start.textContent = "Resume"; });
    reset.addEventListener("click", function () {
      stop();
      index = 0;
      left = steps[0].seconds;
      start.textContent = "Start timer";
      show();
      label.textContent = "Ready when you are";
    });
    box.hidden = false;
    face.textContent = clock(left);
  }

  document.querySelectorAll("[data-timer]").forEach(setUp);
}());
