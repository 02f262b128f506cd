// Body map: tapping an area of the drawing ticks the matching checkbox, and ticked
// checkboxes light up their area. The checkboxes stay the real, accessible controls.
(function () {
  "use strict";
  var map = document.querySelector("[data-body-map]");
  if (!map) { return; }
  var form = map.closest("form");
  function inputFor(area) {
    return form.querySelector('input[data-area-input="' + area + '"]');
  }
  function paint() {
    map.querySelectorAll("[data-area]").forEach(function (region) {
      var input = inputFor(region.getAttribute("data-area"));
      region.classList.toggle("is-selected", Boolean(input && input.checked));
    });
  }
  map.classList.add("is-interactive");
  map.addEventListener("click", function (event) {
    var region = event.target.closest("[data-area]");
    if (!region) { return; }
    var input = inputFor(region.getAttribute("data-area"));
    if (input) {
      input.checked = !input.checked;
      paint();
    }
  });
  form.addEventListener("change", paint);
  paint();
}());
