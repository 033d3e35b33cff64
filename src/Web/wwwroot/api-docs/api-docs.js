// The local API browser: lists the operations of /openapi/v1.json and sends GET requests with the signed-in session.
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function render(doc) {
    var container = document.getElementById("api-operations");
    var paths = doc.paths || {};
    Object.keys(paths).sort().forEach(function (path) {
      var item = paths[path];
      ["get", "post", "put", "delete"].forEach(function (method) {
        var op = item[method];
        if (!op) { return; }
        var box = element("div", "operation");
        box.appendChild(element("span", "method " + method, method.toUpperCase()));
        box.appendChild(element("span", "path", " " + path));
        if (op.summary) { box.appendChild(element("div", "summary", op.summary)); }
        var parameters = (op.parameters || []).map(function (p) {
          return p.name + "（" + p.in + (p.required ? "，必填" : "") + "）";
        });
        if (op.requestBody) { parameters.push("JSON 正文"); }
        if (parameters.length) { box.appendChild(element("div", "params", "参数：" + parameters.join("、"))); }
        var codes = Object.keys(op.responses || {});
        if (codes.length) { box.appendChild(element("div", "params", "响应：" + codes.join("、"))); }
        container.appendChild(box);
      });
    });
    document.getElementById("api-status").textContent = (doc.info && doc.info.title ? doc.info.title + " " : "") + "共 " + container.children.length + " 个操作";
  }

  document.addEventListener("DOMContentLoaded", function () {
    fetch("/openapi/v1.json", { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function (error) { document.getElementById("api-status").textContent = "无法读取 OpenAPI 文档：" + error; });
    document.getElementById("api-try-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var path = document.getElementById("api-try-path").value;
      var result = document.getElementById("api-try-result");
      if (path.indexOf("/api/") !== 0) { result.textContent = "只能请求 /api/ 下的路径"; return; }
      fetch(path, { credentials: "same-origin" })
        .then(function (response) {
          return response.text().then(function (text) {
            var body = text;
            try { body = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON */ }
            result.textContent = response.status + " " + response.statusText + "\n" + body;
          });
        })
        .catch(function (error) { result.textContent = String(error); });
    });
  });
}());
