// The website chatbot: asks /v1/answer with channel "chat". Questions go in via textContent, never innerHTML.
// The answer's HTML (already cleaned by the API with an allow-list) is parsed in an inert document and built
// again from an allow-list of elements here: only text, paragraphs, lists, tables, emphasis and http(s), mailto
// and tel links reach the page, so no answer can inject markup either.
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

  function safeUrl(url, schemes) {
    try {
      const parsed = new URL(url, window.location.href);
      return (schemes || ["https:", "http:"]).indexOf(parsed.protocol) >= 0 ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  const ALLOWED = { P: "p", STRONG: "strong", B: "strong", EM: "em", I: "em", UL: "ul", OL: "ol", LI: "li",
    TABLE: "table", THEAD: "thead", TBODY: "tbody", TR: "tr", TH: "th", TD: "td", BR: "br", CODE: "code",
    BLOCKQUOTE: "blockquote", H1: "h3", H2: "h3", H3: "h4", H4: "h4", H5: "h4", H6: "h4", A: "a" };

  // A node of the answer's HTML, built again from the allow-list; anything else keeps only its text.
  function rebuild(node) {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const tag = ALLOWED[node.tagName];
    const out = tag ? document.createElement(tag) : document.createDocumentFragment();
    if (tag === "a") {
      const href = safeUrl(node.getAttribute("href") || "", ["https:", "http:", "mailto:", "tel:"]);
      if (href) {
        out.href = href;
        if (href.indexOf("http") === 0) { out.target = "_blank"; out.rel = "noopener noreferrer"; }
      }
    }
    if (tag === "th") out.scope = node.parentNode && node.parentNode.parentNode &&
      node.parentNode.parentNode.tagName === "THEAD" ? "col" : "row";
    node.childNodes.forEach(function (child) {
      const built = rebuild(child);
      if (built) out.appendChild(built);
    });
    return out;
  }

  // A paragraph that is only bold text: how the answer marks an article's title and a section's heading.
  function boldLine(node) {
    return node.tagName === "P" && node.children.length === 1 && node.children[0].tagName === "STRONG" &&
      node.textContent.trim() === node.children[0].textContent.trim() ? node.textContent.trim() : null;
  }

  function paragraphs(text) {
    return (text || "").split(/\n{2,}/).map(function (part) { return part.trim(); })
      .filter(function (part) { return part !== ""; });
  }

  // The answer's blocks (one per part of the question, split by a rule): the article's title, its short answer in a
  // box (the nodes between the title and the first section heading), then the sections with their headings.
  function showBody(item, data) {
    const doc = new DOMParser().parseFromString(data.answer.html || "", "text/html");  // inert: nothing runs
    const titles = new Set(data.sources.map(function (source) { return source.title; }));
    const headings = new Set(data.sources.map(function (source) { return source.section; }));
    let short = null;
    let blockStart = true;
    let shown = false;
    let block = 0;
    Array.prototype.forEach.call(doc.body.children, function (node) {
      if (node.tagName === "HR") {
        blockStart = true;
        return;
      }
      const line = boldLine(node);
      if (line !== null && (blockStart || titles.has(line))) {
        if (shown) item.appendChild(el("hr", "part-break"));
        // one question, a second article close to it (not a part of the question): say so before its title
        // (after the one answer, or after the blocks of the question's parts)
        if (shown && block >= Math.max(1, (data.parts || []).length)) {
          item.appendChild(el("p", "also", "Misschien zoekt u ook:"));
        }
        block += 1;
        item.appendChild(el("h2", "title", line));
        short = el("div", "short");
        short.setAttribute("aria-label", "Kort antwoord");
        item.appendChild(short);
        blockStart = false;
        shown = true;
        return;
      }
      if (line !== null && headings.has(line)) {
        short = null;
        item.appendChild(el("h3", "heading", line));
        return;
      }
      const built = rebuild(node);
      if (built) (short || item).appendChild(built);
    });
    item.querySelectorAll("div.short").forEach(function (box) {
      if (!box.textContent.trim()) box.remove();
    });
    if (!shown) paragraphs(data.answer.text).forEach(function (part) { item.appendChild(el("p", "", part)); });
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
