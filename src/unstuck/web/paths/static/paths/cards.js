// Path cards: on a wide screen every card opens with its details; on a phone each card is its
// fit, kind and readiness in two lines, opened one at a time. Without JavaScript the cards
// stay collapsed and open with a tap, which loses nothing.
(function () {
  var wide = window.matchMedia("(min-width: 48rem)");
  function apply() {
    document.querySelectorAll("details[data-open-wide]").forEach(function (d) {
      if (wide.matches) d.open = true;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", apply);
  } else {
    apply();
  }
})();
