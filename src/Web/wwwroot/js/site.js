// The only script of the site (the CSP allows no inline scripts): buttons marked data-print open the print dialog.
document.addEventListener("click", function (event) {
  var target = event.target;
  if (target instanceof Element && target.closest("[data-print]")) {
    window.print();
  }
});
