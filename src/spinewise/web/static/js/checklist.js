// Safety checklists: "None of these" and the items exclude each other. The server checks
// the same rule, so this only saves a round trip; nothing is ever ticked for the person.
(function () {
  "use strict";
  document.querySelectorAll("[data-checklist]").forEach(function (list) {
    var field = list.closest("fieldset");
    var none = field && field.querySelector("input[data-none]");
    if (!none) { return; }
    var items = list.querySelectorAll("input[type=checkbox]");
    none.addEventListener("change", function () {
      if (none.checked) { items.forEach(function (item) { item.checked = false; }); }
    });
    items.forEach(function (item) {
      item.addEventListener("change", function () {
        if (item.checked) { none.checked = false; }
      });
    });
  });
}());
