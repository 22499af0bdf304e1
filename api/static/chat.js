// The website chatbot: asks /v1/answer with channel "chat". All text goes in via textContent, never
// innerHTML, so neither a question nor an answer can inject markup.
(function () {
  "use strict";
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const button = document.getElementById("send");
  const list = document.getElementById("messages");

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeUrl(url) {
    try {
      const parsed = new URL(url, window.location.href);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function showAnswer(data) {
    const item = el("li", "answer");
    if (data.status === "answered" && data.answer) {
      data.answer.text.split(/\n{2,}/).forEach(function (part, i) {
        item.appendChild(el("p", i === 0 ? "title" : "", part));
      });
      const sources = el("div", "sources");
      sources.appendChild(el("span", "", "Bron: "));
      data.sources.forEach(function (source, i) {
        const href = safeUrl(source.url);
        const label = source.title + " – " + source.section;
        const link = href ? el("a", "source", label) : el("span", "source", label);
        if (href) { link.href = href; link.rel = "noopener"; link.target = "_blank"; }
        if (i > 0) sources.appendChild(document.createTextNode(" · "));
        sources.appendChild(link);
      });
      item.appendChild(sources);
    }
    if (data.referral) {
      const ref = el("p", "referral", data.status === "answered" ? "Verder helpen: " + data.referral.how
                                                                 : data.referral.how);
      item.appendChild(ref);
      if (data.status !== "answered") item.classList.add("no-answer");
    }
    list.appendChild(item);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const question = input.value.trim();
    if (!question) return;
    list.appendChild(el("li", "question", question));
    input.value = "";
    button.disabled = true;
    fetch("/v1/answer", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: question, channel: "chat" })
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) {
          const message = data && data.error ? data.error.message : "Er ging iets mis.";
          list.appendChild(el("li", "error", message));
        } else {
          showAnswer(data);
        }
      });
    }).catch(function () {
      list.appendChild(el("li", "error", "De verbinding is mislukt. Probeer het later opnieuw."));
    }).finally(function () {
      button.disabled = false;
      input.focus();
      list.lastChild.scrollIntoView({ block: "end" });
    });
  });
})();
