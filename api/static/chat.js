// The website chatbot: asks /v1/answer with channel "chat". All text goes in via textContent, never
// innerHTML, so neither a question nor an answer can inject markup.
(function () {
  "use strict";
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const button = document.getElementById("send");
  const list = document.getElementById("messages");
  let busy = false;

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

  function paragraphs(text) {
    return (text || "").split(/\n{2,}/).map(function (part) { return part.trim(); })
      .filter(function (part) { return part !== ""; });
  }

  // The answer text as before, without the short answer (it is shown on top): each block opens with the
  // article title and its short answer, then the supporting sections. Blocks may be split by a "---" line.
  function showBody(item, data) {
    const shorts = new Set(paragraphs(data.answer.short));
    const titles = new Set(data.sources.map(function (source) { return source.title; }));
    const headings = new Set(data.sources.map(function (source) { return source.section; }));
    let blockStart = true;
    let inShort = false;
    paragraphs(data.answer.text).forEach(function (part) {
      if (part === "---") {
        blockStart = true;
        return;
      }
      if (blockStart || titles.has(part)) {
        if (item.querySelector("p.title")) item.appendChild(el("hr", "part-break"));
        item.appendChild(el("p", "title", part));
        blockStart = false;
        inShort = true;
        return;
      }
      if (inShort && shorts.has(part)) return;  // the short answer right below the title
      inShort = false;
      item.appendChild(el("p", headings.has(part) ? "heading" : "", part));
    });
  }

  function showSources(item, sources) {
    const box = el("div", "sources");
    box.appendChild(el("span", "", "Bron: "));
    sources.forEach(function (source, i) {
      const href = safeUrl(source.url);
      const label = source.title + " – " + source.section;
      const link = href ? el("a", "source", label) : el("span", "source", label);
      if (href) { link.href = href; link.rel = "noopener"; link.target = "_blank"; }
      if (i > 0) box.appendChild(document.createTextNode(" · "));
      box.appendChild(link);
    });
    item.appendChild(box);
  }

  // One button per article; a click asks again with the article's title as the question.
  function showChoices(item, className, label, articles) {
    if (!articles || articles.length === 0) return;
    const box = el("div", className);
    box.appendChild(el("p", "choices-label", label));
    const row = el("div", "choices");
    articles.forEach(function (article) {
      const choice = el("button", "choice", article.title);
      choice.type = "button";
      choice.addEventListener("click", function () { ask(article.title); });
      row.appendChild(choice);
    });
    box.appendChild(row);
    item.appendChild(box);
  }

  function showAnswer(data) {
    const item = el("li", "answer");
    if (data.language && data.language !== "nl") {
      item.appendChild(el("p", "language-note", "Dit antwoord is in het Nederlands."));
    }
    if (data.status === "answered" && data.answer) {
      if (data.answer.short) item.appendChild(el("p", "short", data.answer.short));
      showBody(item, data);
      showSources(item, data.sources);
    }
    if (data.referral) {
      const ref = el("p", "referral", data.status === "answered" ? "Verder helpen: " + data.referral.how
                                                                 : data.referral.how);
      item.appendChild(ref);
      if (data.status !== "answered") item.classList.add("no-answer");
    }
    const offered = new Set();
    if (data.clarify) {
      showChoices(item, "clarify", data.clarify.question, data.clarify.choices);
      data.clarify.choices.forEach(function (choice) { offered.add(choice.article_id); });
    }
    showChoices(item, "alternatives", "Bedoelde u misschien:", (data.alternatives || []).filter(function (a) {
      return !offered.has(a.article_id);
    }));
    if (data.status === "answered" && data.answer) showFeedback(item, data.answer.id);
    list.appendChild(item);
  }

  // "Heeft dit antwoord u geholpen?": anonymous, counted as self-service on the FCR dashboard
  function showFeedback(item, answerId) {
    const box = el("div", "feedback");
    const label = el("span", "feedback-label", "Heeft dit antwoord u geholpen?");
    box.appendChild(label);
    [["Ja", true], ["Nee", false]].forEach(function (choice) {
      const b = el("button", "choice feedback-choice", choice[0]);
      b.type = "button";
      b.setAttribute("aria-label", choice[0] + ": dit antwoord heeft mij " + (choice[1] ? "" : "niet ") + "geholpen");
      b.addEventListener("click", function () {
        fetch("/v1/answers/" + encodeURIComponent(answerId) + "/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ helpful: choice[1], channel: "chat" })
        }).then(function (response) {
          box.textContent = response.ok
            ? (choice[1] ? "Dank u! Fijn dat het antwoord hielp." : "Dank u. Bel ons gerust als u nog vragen heeft.")
            : "Uw reactie kon niet worden opgeslagen.";
        }).catch(function () { box.textContent = "Uw reactie kon niet worden opgeslagen."; });
      });
      box.appendChild(b);
    });
    item.appendChild(box);
  }

  function ask(question) {
    if (busy) return;
    busy = true;
    button.disabled = true;
    list.appendChild(el("li", "question", question));
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
      busy = false;
      button.disabled = false;
      input.focus();
      list.lastChild.scrollIntoView({ block: "end" });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    const question = input.value.trim();
    if (!question || busy) return;
    input.value = "";
    ask(question);
  });
})();
