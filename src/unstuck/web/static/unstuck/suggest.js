// Type-ahead for job-title search: a progressive enhancement of <form class="search-form"
// data-suggest="URL">. Without JavaScript the form submits to the results page as usual.
//
// Follows the ARIA 1.2 combobox pattern with a listbox popup: the input keeps the focus,
// Up/Down move through the suggestions (aria-activedescendant), Enter opens the highlighted
// occupation (or submits the search when none is highlighted), Escape closes the list. A
// status region says how many suggestions there are.
(function () {
  "use strict";

  var DELAY_MS = 150;

  function enhance(form) {
    var input = form.querySelector("input[name=q]");
    var endpoint = form.getAttribute("data-suggest");
    if (!input || !endpoint || !window.fetch) return;

    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggested occupations");
    list.hidden = true;

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    var row = input.parentNode;
    row.parentNode.insertBefore(list, row.nextSibling);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;

    function setActive(index) {
      var options = list.children;
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      setActive(-1);
    }

    function open() {
      if (!items.length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function show(results) {
      items = results;
      list.textContent = "";
      results.forEach(function (r, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "suggestion";
        var title = document.createElement("span");
        title.className = "suggestion-title";
        title.textContent = r.title;
        li.appendChild(title);
        if (r.matched && r.matched.toLowerCase() !== r.title.toLowerCase()) {
          var via = document.createElement("span");
          via.className = "suggestion-via";
          via.textContent = "“" + r.matched + "”";
          li.appendChild(via);
        }
        // mousedown, not click: it fires before the input's blur closes the list.
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = r.url;
        });
        list.appendChild(li);
      });
      setActive(-1);
      if (results.length) {
        open();
        status.textContent = results.length + " suggestion" + (results.length === 1 ? "" : "s") +
          ". Use the up and down arrows to choose one, or press Enter to search.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (pending) pending.abort();
      if (query.length < 2) {
        show([]);
        return;
      }
      pending = new AbortController();
      fetch(endpoint + "?q=" + encodeURIComponent(query), {
        signal: pending.signal,
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) show(data.results || []); })
        .catch(function () { /* aborted or offline: the form still works */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!items.length) return;
        event.preventDefault();
        if (list.hidden) open();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next >= items.length) next = 0;
        if (next < 0) next = items.length - 1;
        setActive(next);
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          window.location.href = items[active].url;
        }
      }
    });

    input.addEventListener("blur", close);
    input.addEventListener("focus", function () { if (input.value.trim().length >= 2) open(); });
  }

  var forms = document.querySelectorAll("form.search-form[data-suggest]");
  for (var i = 0; i < forms.length; i++) enhance(forms[i]);
})();
