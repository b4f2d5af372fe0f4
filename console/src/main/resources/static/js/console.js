// Every htmx request carries the page's CSRF token, as the forms do.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// Language tabs: one panel shown at a time, arrow keys move between tabs; without script every panel shows.
// A panel holding an error opens first.
function setUpTabs(root) {
  var tabs = Array.prototype.slice.call(root.querySelectorAll('[role="tab"]'));
  function select(tab, focus) {
    tabs.forEach(function (t) {
      var selected = t === tab;
      t.setAttribute("aria-selected", selected ? "true" : "false");
      t.tabIndex = selected ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !selected;
    });
    if (focus) {
      tab.focus();
    }
  }
  tabs.forEach(function (tab, i) {
    tab.addEventListener("click", function () { select(tab, false); });
    tab.addEventListener("keydown", function (event) {
      var next = event.key === "ArrowRight" ? i + 1 : event.key === "ArrowLeft" ? i - 1
        : event.key === "Home" ? 0 : event.key === "End" ? tabs.length - 1 : null;
      if (next !== null) {
        event.preventDefault();
        select(tabs[(next + tabs.length) % tabs.length], true);
      }
    });
  });
  var withError = tabs.filter(function (t) {
    return document.getElementById(t.getAttribute("aria-controls")).querySelector(".field-error");
  })[0];
  select(withError || tabs[0], false);
}
document.addEventListener("DOMContentLoaded", function () {
  Array.prototype.forEach.call(document.querySelectorAll("[data-tabs]"), setUpTabs);
});
