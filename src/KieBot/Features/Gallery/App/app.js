// The gallery Mini App: the user's generations in a grid, an item's page with its chain, and the chat's actions.
"use strict";
(() => {
  const tg = window.Telegram && window.Telegram.WebApp && window.Telegram.WebApp.initData ? window.Telegram.WebApp : null;
  const hash = new URLSearchParams(location.hash.slice(1));
  const initData = tg ? tg.initData : hash.get("tgWebAppData") || "";
  const $ = (id) => document.getElementById(id);
  const state = { lang: "en", kind: "", model: "", next: null, loading: false, done: false, models: [] };
  let words = window.galleryTexts.en;
  const t = (key, arg) => (words[key] || key).replace("{0}", arg === undefined ? "" : arg);

  function applyTheme() {
    let params = tg ? tg.themeParams : {};
    if (!tg && hash.get("tgWebAppThemeParams")) {
      try { params = JSON.parse(hash.get("tgWebAppThemeParams")); } catch { params = {}; }
    }
    const scheme = tg ? tg.colorScheme : hash.get("tgWebAppColorScheme") || (params.bg_color && luminance(params.bg_color) < 0.5 ? "dark" : "light");
    document.documentElement.dataset.theme = scheme === "dark" ? "dark" : "light";
    const vars = { bg_color: "--bg", text_color: "--text", hint_color: "--hint", link_color: "--link",
      button_color: "--button", button_text_color: "--button-text", secondary_bg_color: "--card" };
    for (const [name, css] of Object.entries(vars)) {
      if (/^#[0-9a-f]{6}$/i.test(params[name] || "")) document.documentElement.style.setProperty(css, params[name]);
    }
  }

  function luminance(hex) {
    const n = parseInt(hex.slice(1), 16);
    return (0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  }

  async function api(path, body) {
    const response = await fetch("/gallery/api/" + path, {
      method: body === undefined ? "GET" : "POST",
      headers: { Authorization: "tma " + initData, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 || response.status === 403) { deny(); throw new Error("denied"); }
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  }

  function deny() {
    for (const id of ["top", "list", "item"]) $(id).hidden = true;
    $("denied").querySelector("h1").textContent = t("deniedTitle");
    $("denied").querySelector("p").textContent = t("denied");
    $("denied").hidden = false;
  }

  function el(tag, props, ...children) {
    const node = Object.assign(document.createElement(tag), props || {});
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function toast(text) {
    $("toast").textContent = text;
    $("toast").hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { $("toast").hidden = true; }, 2500);
  }

  const stateText = (s) => t(s === "failed" ? "failed_state" : s);
  const credits = (c) => t("credits", c);

  function preview(card, big) {
    if (card.kind === "image" && card.thumb) return el("img", { className: "thumb", src: card.thumb, alt: card.prompt || card.model, loading: "lazy" });
    if (card.kind === "video" && card.media) return el("video", { className: "thumb", src: card.media + "#t=0.1", preload: "metadata", muted: true, playsInline: true, controls: big });
    if (card.kind === "audio" && card.media) {
      const box = el("div", { className: "audio" });
      box.append(card.thumb ? el("img", { className: "thumb", src: card.thumb, alt: card.model, loading: "lazy" }) : el("div", { className: "excerpt" }, "♪ " + (card.prompt || "")));
      box.append(el("audio", { src: card.media, controls: true, preload: "none" }));
      return box;
    }
    return el("div", { className: "excerpt" }, card.excerpt || card.prompt || card.model);
  }

  function tile(card) {
    const node = el("a", { className: "tile", href: "#" }, preview(card, false),
      el("div", { className: "caption" }, el("span", null, card.model + " · " + card.mode),
        card.state === "succeeded" ? null : el("span", { className: "state" }, stateText(card.state))));
    node.dataset.id = card.id;
    node.addEventListener("click", (e) => { if (e.target.tagName !== "AUDIO") { e.preventDefault(); openItem(card.id); } });
    return node;
  }

  async function loadPage() {
    if (state.loading || state.done) return;
    state.loading = true;
    const query = new URLSearchParams();
    if (state.kind) query.set("kind", state.kind);
    if (state.model) query.set("model", state.model);
    if (state.next) query.set("after", state.next);
    try {
      const page = await api("items?" + query);
      for (const card of page.items) $("grid").append(tile(card));
      state.next = page.next || null;
      state.done = !page.next;
      $("empty").hidden = $("grid").children.length > 0;
    } finally {
      state.loading = false;
    }
    if (!state.done && isVisible($("more"))) loadPage();
  }

  function isVisible(node) { return node.getBoundingClientRect().top < innerHeight + 400; }

  function restart() {
    $("grid").replaceChildren();
    Object.assign(state, { next: null, done: false });
    loadPage();
  }

  function filters() {
    const kinds = ["", "image", "video", "audio"];
    $("kinds").replaceChildren(...kinds.map((k) => {
      const b = el("button", { type: "button", textContent: t(k || "all") });
      b.dataset.kind = k;
      b.setAttribute("aria-pressed", String(state.kind === k));
      b.addEventListener("click", () => { state.kind = k; state.model = ""; filters(); restart(); });
      return b;
    }));
    const models = state.models.filter((m) => !state.kind || m.kind === state.kind);
    $("model").replaceChildren(el("option", { value: "", textContent: t("allModels") }),
      ...models.map((m) => el("option", { value: m.id, textContent: m.name, selected: m.id === state.model })));
  }

  function showList() {
    $("item").hidden = true;
    $("list").hidden = false;
    if (tg) tg.BackButton.hide();
  }

  function section(title, ...content) { return el("div", null, el("h2", null, title), ...content); }

  async function act(path, body) {
    try {
      await api(path, body);
      toast(t("sent"));
      if (tg) setTimeout(() => tg.close(), 600);
    } catch (e) {
      if (e.message !== "denied") toast(t("failed"));
    }
  }

  async function copy(text) {
    try { await navigator.clipboard.writeText(text); } catch {
      const area = el("textarea", { value: text });
      document.body.append(area); area.select(); document.execCommand("copy"); area.remove();
    }
    toast(t("copied"));
  }

  async function openItem(id) {
    const item = await api("items/" + encodeURIComponent(id));
    const card = item.card;
    const media = el("div", { className: "media" });
    for (const file of item.files) {
      if (file.kind === "image") media.append(el("img", { src: file.url, alt: card.model }));
      else if (file.kind === "video") media.append(el("video", { src: file.url, controls: true, playsInline: true, preload: "metadata" }));
      else media.append(el("div", null, file.cover ? el("img", { src: file.cover, alt: file.title || "" }) : null, el("audio", { src: file.url, controls: true, preload: "none" })));
    }
    if (item.files.length === 0) media.append(preview(card, true));
    const facts = el("dl");
    const fact = (k, v) => facts.append(el("dt", null, k), el("dd", null, v));
    fact(t("state"), stateText(card.state));
    fact(t("price"), credits(card.price));
    fact(t("date"), new Date(card.date).toLocaleString(state.lang));
    for (const s of item.settings) fact(s.name, s.value);
    const actions = el("div", { className: "actions" });
    const button = (text, onClick, cls) => { const b = el("button", { type: "button", textContent: text, className: cls || "" }); b.addEventListener("click", onClick); return b; };
    if (item.canResend) actions.append(button(t("send"), () => act("items/" + card.id + "/send", {}), "send"));
    if (item.canRepeat) actions.append(button(t("repeat"), () => act("items/" + card.id + "/repeat", {}), "repeat"));
    if (item.prompt) actions.append(button(t("copy"), () => copy(item.prompt), "plain copy"));
    const offers = el("div", { className: "actions followups" }, ...item.followUps.map((o) => button(o.label, () => act("items/" + card.id + "/follow-up", { data: o.data }), "plain")));
    const chain = (cards) => el("div", { className: "chain" }, ...cards.map(tile));
    $("item").replaceChildren(...[
      button(t("back"), showList, "plain back"),
      el("h2", null, card.model + " · " + card.mode), media,
      item.text ? el("div", { className: "prompt result-text" }, item.text) : null,
      item.prompt ? section(t("prompt"), el("div", { className: "prompt" }, item.prompt)) : null,
      facts, actions,
      item.followUps.length ? section(t("followUps"), offers) : null,
      item.parent ? el("div", { className: "parent" }, el("h2", null, t("parent")), chain([item.parent])) : null,
      item.children.length ? el("div", { className: "children" }, el("h2", null, t("children")), chain(item.children)) : null,
    ].filter(Boolean));
    $("list").hidden = true;
    $("item").hidden = false;
    scrollTo(0, 0);
    if (tg) { tg.BackButton.show(); }
  }

  async function start() {
    applyTheme();
    if (tg) { tg.ready(); tg.expand(); tg.BackButton.onClick(showList); }
    const me = await api("me");
    state.lang = me.language === "ru" ? "ru" : "en";
    words = window.galleryTexts[state.lang];
    document.documentElement.lang = state.lang;
    document.title = t("title");
    state.models = me.models;
    $("balance").textContent = t("balance", me.balance);
    $("topup").textContent = t("topup");
    $("topup").addEventListener("click", () => act("top-up", {}));
    $("empty").textContent = t("empty");
    $("model").addEventListener("change", () => { state.model = $("model").value; restart(); });
    filters();
    $("top").hidden = false;
    $("list").hidden = false;
    new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) loadPage(); }).observe($("more"));
    await loadPage();
  }

  start().catch((e) => { if (e.message !== "denied") { console.error(e); toast(t("failed")); } });
})();
