// The playground page: a tiny Teams-like client. It sends real Bot Framework activities to
// /api/messages (message, and invoke adaptiveCard/action for Action.Execute), with a
// serviceUrl that points at the fake connector on this server, and polls the connector's
// transcript to show what the bot posted or updated.
(function () {
  "use strict";
  // Set from /playground/config: the server owns the channel id (the demo links it to a case).
  var CONVERSATION_ID = null;
  var state = { config: null, user: null, since: 0, rendered: {}, overrides: {}, refreshed: {} };
  var $ = function (id) { return document.getElementById(id); };

  function uid() { return "pg-act-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10); }

  function activity(type, extra) {
    var u = state.user;
    var a = {
      type: type,
      id: uid(),
      timestamp: new Date().toISOString(),
      channelId: "msteams",
      serviceUrl: state.config.serviceUrl,
      from: { id: u.id, name: u.name, aadObjectId: u.aadObjectId },
      recipient: { id: state.config.bot.id, name: state.config.bot.name },
      conversation: { id: CONVERSATION_ID, conversationType: "channel", tenantId: state.config.tenant, isGroup: true },
      channelData: { tenant: { id: state.config.tenant }, channel: { id: CONVERSATION_ID } },
      locale: "en-GB"
    };
    for (var k in extra) a[k] = extra[k];
    return a;
  }

  function post(path, body) {
    return fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (r) { return r.text().then(function (t) { return { status: r.status, body: t ? JSON.parse(t) : null }; }); });
  }

  function sendText(text) {
    var botName = state.config.bot.name;
    var a = activity("message", {
      text: "<at>" + botName + "</at> " + text,
      entities: [{ type: "mention", text: "<at>" + botName + "</at>", mentioned: { id: state.config.bot.id, name: botName } }]
    });
    post("/playground/typed", { id: a.id, conversationId: CONVERSATION_ID, fromId: state.user.id, fromName: state.user.name, text: text });
    return post("/api/messages", a).then(poll);
  }

  function execute(messageId, action, trigger) {
    var a = activity("invoke", {
      name: "adaptiveCard/action",
      replyToId: messageId,
      value: { action: { type: "Action.Execute", verb: action.verb, data: action.data }, trigger: trigger || "manual" }
    });
    if (!trigger) $("status").textContent = "Sending " + action.verb + " as " + state.user.name + "…";
    return post("/api/messages", a).then(function (res) {
      var body = res.body || {};
      if (body.type === "application/vnd.microsoft.card.adaptive") {
        // A form the user is filling in stays until they act on it, as a user-specific view would.
        state.overrides[messageId] = { card: body.value, user: state.user.id, isForm: JSON.stringify(body.value).indexOf('"Input.') >= 0 && JSON.stringify(body.value).indexOf("Save ") >= 0 };
        // An automatic refresh must not wipe what the status line says about the person's own action.
        if (!trigger) $("status").textContent = "";
        if (state.rendered[messageId]) draw(state.rendered[messageId]);
      } else if (body.type === "application/vnd.microsoft.activity.message") {
        if (!trigger) $("status").textContent = "";
        showRefusal(messageId, body.value);
      } else {
        $("status").textContent = "The bot answered " + res.status;
      }
      return poll();
    });
  }

  function showRefusal(messageId, text) {
    var el = document.querySelector('[data-id="' + messageId + '"] .refusal');
    if (el) el.textContent = text;
  }

  // A minimal Markdown subset (bold, code) as Teams shows it; text is HTML-escaped first.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    var html = String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>").replace(/`([^`]+)`/g, "<code>$1</code>").replace(/\n/g, "<br>")
      // Teams shows <at>Name</at> as a highlighted @mention.
      .replace(/&lt;at&gt;([^&]*)&lt;\/at&gt;/g, '<strong class="mention">@$1</strong>');
    result.outputHtml = html;
    result.didProcess = true;
  };

  // Text colours that pass WCAG AA (4.5:1) on the card's white background: the library's
  // defaults do not (its orange "warning" is 2.42:1, its blue "accent" 3.44:1). Subtle text
  // is solid too, because the defaults' alpha makes it lighter still.
  var COLOURS = {
    "default": { "default": "#242424", subtle: "#616161" },
    dark: { "default": "#000000", subtle: "#424242" },
    light: { "default": "#FFFFFF", subtle: "#FFFFFF" },
    accent: { "default": "#0F6CBD", subtle: "#0F548C" },
    good: { "default": "#0E700E", subtle: "#0E700E" },
    warning: { "default": "#9D5A00", subtle: "#8A4B00" },
    attention: { "default": "#C4314B", subtle: "#A4262C" }
  };
  var HOST_CONFIG = {
    fontFamily: "Segoe UI, system-ui, sans-serif",
    containerStyles: { "default": { foregroundColors: COLOURS }, emphasis: { foregroundColors: COLOURS } },
    // A TextBlock of style "heading" gets role=heading; without a level it is invalid ARIA.
    // Level 3: the page's own headings are level 2, and a card sits inside the conversation.
    textBlock: { headingLevel: 3 }
  };

  // The library labels a filtered (type-ahead) choice set's wrapper, not the text box a
  // screen reader lands on: give the box its field's label too.
  function labelFilteredChoiceSets(root) {
    var boxes = root.querySelectorAll("input.ac-choiceSetInput-filtered");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.getAttribute("aria-labelledby")) continue;
      var wrapper = box.closest("[aria-labelledby]");
      if (wrapper) box.setAttribute("aria-labelledby", wrapper.getAttribute("aria-labelledby"));
    }
    return root;
  }

  function renderCard(messageId, json) {
    var card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(HOST_CONFIG);
    card.onExecuteAction = function (action) {
      if (action instanceof AdaptiveCards.ExecuteAction) {
        var data = Object.assign({}, action.data || {});
        // Teams merges the card's inputs into the action's data.
        var inputs = card.getAllInputs();
        for (var i = 0; i < inputs.length; i++) if (inputs[i].id && inputs[i].value !== undefined && !(typeof inputs[i].value === "number" && isNaN(inputs[i].value))) data[inputs[i].id] = String(inputs[i].value);
        execute(messageId, { verb: action.verb, data: data });
      } else if (action instanceof AdaptiveCards.OpenUrlAction && /^https?:\/\//.test(action.url || "")) {
        // "Add to calendar": Teams opens the link in the browser, which downloads the .ics.
        window.open(action.url, "_blank", "noopener");
      }
    };
    card.parse(json);
    state.live = state.live || {};
    state.live[messageId] = card;
    return labelFilteredChoiceSets(card.render());
  }

  // A form someone is filling in keeps what they typed when its message is drawn again (an
  // update from the outbox, a poll): the values go back into the card's JSON before it renders.
  function keepTypedValues(messageId, json) {
    var live = state.live && state.live[messageId];
    if (!live) return json;
    var typed = {};
    live.getAllInputs().forEach(function (input) {
      if (input.id && input.value !== undefined && input.value !== null && !(typeof input.value === "number" && isNaN(input.value))) typed[input.id] = input.value;
    });
    (function walk(node) {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== "object") return;
      if (typeof node.type === "string" && node.type.indexOf("Input.") === 0 && node.id && Object.prototype.hasOwnProperty.call(typed, node.id)) node.value = typed[node.id];
      Object.keys(node).forEach(function (k) { walk(node[k]); });
    })(json);
    return json;
  }

  function draw(m) {
    var el = document.querySelector('[data-id="' + m.id + '"]');
    if (!el) {
      el = document.createElement("div");
      el.className = "msg" + (m.fromId === (state.user && state.user.id) ? " mine" : "");
      el.setAttribute("data-id", m.id);
      $("messages").appendChild(el);
    }
    el.innerHTML = "";
    var from = document.createElement("div");
    from.className = "from";
    from.textContent = m.fromName + (m.updated ? " (updated)" : "");
    el.appendChild(from);
    var override = state.overrides[m.id];
    var cards = (m.attachments || []).filter(function (a) { return a.contentType === "application/vnd.microsoft.card.adaptive"; });
    if (override && override.user === state.user.id) cards = [{ content: override.isForm ? keepTypedValues(m.id, override.card) : override.card }];
    if (cards.length) {
      cards.forEach(function (a) { el.appendChild(renderCard(m.id, a.content)); });
      // Like Teams: a card whose refresh lists this user is refreshed automatically (user-specific view).
      var refresh = !override && cards[0].content && cards[0].content.refresh;
      var key = m.id + "/" + m.seq + "/" + state.user.id;
      if (refresh && refresh.action && (refresh.userIds || []).indexOf(state.user.id) >= 0 && !state.refreshed[key]) {
        state.refreshed[key] = true;
        execute(m.id, { verb: refresh.action.verb, data: refresh.action.data || {} }, "automatic");
      }
    } else {
      var t = document.createElement("div");
      t.textContent = m.text;
      el.appendChild(t);
    }
    var refusal = document.createElement("div");
    refusal.className = "refusal";
    el.appendChild(refusal);
    state.rendered[m.id] = m;
  }

  function poll() {
    return fetch("/playground/messages?conversationId=" + encodeURIComponent(CONVERSATION_ID) + "&since=" + state.since)
      .then(function (r) { return r.json(); })
      .then(function (list) {
        list.forEach(function (m) {
          state.since = Math.max(state.since, m.seq);
          // A fresh post or update from the bot wins over a card shown from an invoke response.
          if (state.overrides[m.id] && !state.overrides[m.id].isForm) delete state.overrides[m.id];
          draw(m);
        });
        if (list.length) $("messages").scrollTop = $("messages").scrollHeight;
      });
  }

  function redrawAll() {
    state.overrides = {};
    Object.keys(state.rendered).forEach(function (id) { draw(state.rendered[id]); });
  }

  fetch("/playground/config").then(function (r) { return r.json(); }).then(function (config) {
    state.config = config;
    CONVERSATION_ID = config.conversationId;
    config.users.forEach(function (u) {
      var o = document.createElement("option");
      o.value = u.id;
      o.textContent = u.name + " (" + u.role + ")";
      $("user").appendChild(o);
    });
    state.user = config.users[0];
    $("user").addEventListener("change", function () {
      state.user = config.users.filter(function (u) { return u.id === $("user").value; })[0];
      redrawAll();
    });
    $("compose").addEventListener("submit", function (e) {
      e.preventDefault();
      var text = $("text").value.trim();
      if (!text) return;
      $("text").value = "";
      sendText(text);
    });
    $("nudge").addEventListener("click", function () {
      post("/playground/nudge-pass", { asOf: $("asof").value || undefined }).then(function (res) {
        $("status").textContent = "Nudge pass: " + (res.body ? res.body.nudges : 0) + " nudge(s) queued, " + (res.body ? res.body.delivered : 0) + " message(s) delivered.";
        return poll();
      });
    });
    // Default "as of" three weeks ahead: far enough for the ICPC deadline's first nudges.
    // Nudges go out on working days, so a weekend default moves to the Monday.
    var asOf = new Date(Date.now() + 21 * 864e5);
    while (asOf.getUTCDay() === 0 || asOf.getUTCDay() === 6) asOf = new Date(asOf.getTime() + 864e5);
    $("asof").value = asOf.toISOString().slice(0, 10);
    setInterval(poll, 1000);
    poll();
    document.body.setAttribute("data-ready", "true");
  });
})();
