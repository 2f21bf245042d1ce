// What every page needs from a script, in place of Material's bundle (see overrides/main.html for why).
// Plain JavaScript, no framework, no request to another host. It keeps Material's HTML, classes and
// stored settings, so Material's stylesheets draw everything as before:
//   palette     the light/dark toggle, remembered as Material remembers it (localStorage "__palette")
//   clipboard   the copy buttons written into the page at build (scripts/rnnnotes/pagespeed.py)
//   scroll      the table of contents follows the reader, the address keeps the current section, the
//               header shows the page title past the heading, the back-to-top button appears on the way up
//   search      Material's own search worker (lunr), started when the reader first reaches for search;
//               results drawn as Material draws them, keyboard as in Material (/ s f, arrows, Enter, Esc)
//   highlight   a page opened from a search result marks the words searched for (?h=)
//   keys        p , and n . go to the previous and next page; details open when a link points inside
//   tabs        the bar under the selected content tab (pymdownx.tabbed)
// Nothing here reads layout while the page loads: positions are read on the first scroll, or when the
// browser reports a size (after its own layout).
(() => {
  "use strict";

  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const features = config.features || [];
  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const translate = (key, count) => config.translations[key].replace("#", count);
  const idle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 500 }) : setTimeout(fn, 50));

  function setToggle(name, value) {
    const input = $(`[data-md-toggle="${name}"]`);
    if (input && input.checked !== value) {
      input.checked = value;
      input.dispatchEvent(new Event("change"));
    }
  }
  const getToggle = (name) => Boolean($(`[data-md-toggle="${name}"]`)?.checked);

  // ------------------------------------------------------------------------------------------- palette
  // The head script (overrides/main.html) has already applied the stored palette, or the one whose media
  // query matches, and shown its toggle; this only switches.
  const palette = $("form[data-md-component=palette]");
  const paletteInputs = palette ? $$("input", palette) : [];

  function applyPalette(index, remember) {
    const input = paletteInputs[index];
    const color = {};
    for (const key of ["media", "scheme", "primary", "accent"]) {
      color[key] = input.getAttribute(`data-md-color-${key}`);
      document.body.setAttribute(`data-md-color-${key}`, color[key]);
    }
    input.checked = true;
    paletteInputs.forEach((other, i) => {
      const label = other.nextElementSibling;
      if (label instanceof HTMLLabelElement) label.hidden = i !== index;
    });
    const scheme = $("meta[name=color-scheme]");
    if (scheme) scheme.content = color.scheme === "slate" ? "dark" : "light";
    if (remember) __md_set("__palette", { index, color });
  }
  if (palette) {
    palette.addEventListener("change", (ev) => {
      const index = paletteInputs.indexOf(ev.target);
      if (index >= 0) applyPalette(index, true);
    });
    // Enter on the focused option moves on to the next palette, as Space does.
    palette.addEventListener("keydown", (ev) => {
      if (ev.key !== "Enter") return;
      ev.preventDefault();
      const next = (Math.max(0, paletteInputs.findIndex((input) => input.checked)) + 1) % paletteInputs.length;
      paletteInputs[next].click();
      paletteInputs[next].focus();
    });
    // Until the reader chooses, the page follows the system's preference, also when it changes.
    for (const [index, input] of paletteInputs.entries()) {
      const media = matchMedia(input.getAttribute("data-md-color-media"));
      media.addEventListener("change", () => {
        if (media.matches && !__md_get("__palette")) applyPalette(index, false);
      });
    }
  }

  // ----------------------------------------------------------------------------------------- clipboard
  const dialog = $("[data-md-component=dialog]");
  let dialogTimer;
  // A live region from the start, so that a screen reader announces what is written into it later.
  dialog?.querySelector(".md-dialog__inner").setAttribute("role", "status");
  function announce(message) {
    if (!dialog) return;
    const inner = $(".md-dialog__inner", dialog);
    inner.textContent = message;
    dialog.classList.add("md-dialog--active");
    clearTimeout(dialogTimer);
    dialogTimer = setTimeout(() => dialog.classList.remove("md-dialog--active"), 2000);
  }
  document.addEventListener("click", (ev) => {
    const button = ev.target instanceof Element && ev.target.closest("[data-clipboard-target]");
    if (!button) return;
    const target = $(button.getAttribute("data-clipboard-target"));
    if (!target) return;
    // Material's stylesheet hides what is not code (line numbers, annotations) while this is set.
    target.setAttribute("data-md-copying", "");
    const text = target.innerText.trimEnd();
    target.removeAttribute("data-md-copying");
    navigator.clipboard.writeText(text).then(() => {
      button.focus();
      announce(translate("clipboard.copied"));
    });
  });

  // -------------------------------------------------------------------------------------------- scroll
  const header = $("[data-md-component=header]");
  const headerTitle = $("[data-md-component=header-title]");
  const heading = $(".md-content h1");
  const top = $("[data-md-component=top]");
  const tocLinks = $$("[data-md-component=toc] a.md-nav__link[href^='#']");
  let sections = null; // [{links, offset}] in page order, measured when first needed
  let lastY = 0; // not scrollY: reading it at load would make the browser lay the page out then and there
  let upward = 0;
  let active = null;

  function measure() {
    const byId = new Map();
    for (const link of tocLinks) {
      const id = decodeURIComponent(link.hash.slice(1));
      if (!byId.has(id)) byId.set(id, []);
      byId.get(id).push(link);
    }
    sections = [];
    for (const [id, links] of byId) {
      const target = document.getElementById(id);
      if (target) sections.push({ links, offset: target.getBoundingClientRect().top + scrollY });
    }
    sections.sort((a, b) => a.offset - b.offset);
  }
  new ResizeObserver(() => (sections = null)).observe(document.body);

  function followToc(link) {
    const container = link.closest(".md-sidebar__scrollwrap");
    if (!container || !link.offsetHeight) return;
    container.scrollTo({ top: link.offsetTop - container.offsetTop - container.clientHeight / 2 });
  }

  function onScroll() {
    const y = scrollY;
    const headerHeight = header.offsetHeight;
    if (!sections) measure();

    // Table of contents: the sections scrolled past, and the last of them as the current one.
    const atEnd = y + innerHeight >= document.documentElement.scrollHeight - 1;
    let current = null;
    for (const section of sections) {
      // Reached once its heading is just under the header: a link to a section puts the heading 3.6rem
      // from the top (Material's scroll margin for a :target), a reader scrolling anywhere near there.
      const passed = atEnd || section.offset - y <= headerHeight * 1.5 + 16;
      for (const link of section.links) {
        link.classList.toggle("md-nav__link--passed", passed);
        link.classList.remove("md-nav__link--active");
      }
      if (passed) current = section;
    }
    if (current) for (const link of current.links) link.classList.add("md-nav__link--active");
    if (current !== active) {
      active = current;
      if (current && features.includes("toc.follow")) current.links.forEach(followToc);
    }

    // Header: the page title replaces the site name once the heading is out of sight.
    if (headerTitle && heading) {
      const box = heading.getBoundingClientRect();
      headerTitle.classList.toggle("md-header__title--active", box.height > 0 && box.bottom <= headerHeight);
    }

    // Back to top: shown while the reader scrolls up, away from the top. A few pixels up are not a reader
    // turning back (a touchpad's bounce, the browser holding the view when something above changes size).
    upward = y < lastY ? upward + lastY - y : 0;
    if (top) {
      const hidden = !(upward > 32 && y > 0);
      if (top.hidden !== hidden) {
        top.hidden = hidden;
        if (hidden) top.setAttribute("tabindex", "-1");
        else top.removeAttribute("tabindex");
      }
      const offset = `${headerHeight + 16}px`;
      if (top.style.top !== offset) top.style.top = offset;
    }
    lastY = y;
  }

  // The address follows the section being read, once scrolling stops, unless what it points at is in view.
  let trackTimer;
  function track() {
    clearTimeout(trackTimer);
    trackTimer = setTimeout(() => {
      const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target) {
        const box = target.getBoundingClientRect();
        if (box.bottom > 0 && box.top < innerHeight) return;
      }
      const url = new URL(location.href);
      url.hash = active ? active.links[0].hash : "";
      if (url.href !== location.href) history.replaceState(history.state, "", url.href);
    }, 250);
  }

  let scheduled = false;
  addEventListener(
    "scroll",
    () => {
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(() => {
          scheduled = false;
          onScroll();
        });
      }
      if (features.includes("navigation.tracking")) track();
    },
    { passive: true },
  );
  // Nothing to do until the page scrolls: at the top no section is passed, the header shows the site's name
  // and the button is hidden, as the HTML has them. A page opened further down (a link to a section, a
  // reload) gets a scroll event from the browser.
  if (top)
    top.addEventListener("click", (ev) => {
      ev.preventDefault();
      scrollTo({ top: 0 });
    });

  // --------------------------------------------------------------------------------- details, drawer
  function openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    const details = target && target.closest("details:not([open])");
    if (details) {
      details.open = true;
      target.scrollIntoView();
    }
  }
  // A link followed inside the page closes the phone's drawer and the search, also when the address does
  // not change (the section already in the address). A click that changes it fires both events: one timer.
  let closeTimer;
  const closePanels = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => {
      setToggle("drawer", false);
      setToggle("search", false);
    }, 125);
  };
  addEventListener("hashchange", () => {
    openTarget();
    closePanels();
  });
  document.addEventListener("click", (ev) => {
    if (ev.target instanceof Element && ev.target.closest("a[href^='#']")) closePanels();
  });
  openTarget();
  addEventListener("beforeprint", () =>
    $$("details:not([open])").forEach((d) => {
      d.dataset.rnPrinted = "";
      d.open = true;
    }),
  );
  addEventListener("afterprint", () =>
    $$("details[data-rn-printed]").forEach((d) => {
      d.open = false;
      delete d.dataset.rnPrinted;
    }),
  );

  // ------------------------------------------------------------------------------------- content tabs
  // Material's stylesheet underlines the selected tab (pymdownx.tabbed) with a bar placed by a script
  // (--md-indicator-x, --md-indicator-width). It is placed when the browser reports the tab row's size,
  // which comes after layout, so nothing is measured early, and again at every change of tab or size.
  function placeIndicator(labels) {
    const set = labels.closest(".tabbed-set");
    const index = $$(":scope > input", set).findIndex((input) => input.checked);
    const label = labels.children[index];
    if (!label) return;
    labels.style.setProperty("--md-indicator-x", `${label.offsetLeft}px`);
    labels.style.setProperty("--md-indicator-width", `${label.offsetWidth}px`);
  }
  const tabRows = new ResizeObserver((entries) => entries.forEach((entry) => placeIndicator(entry.target)));
  function watchTabs(root) {
    for (const labels of $$(".tabbed-set > .tabbed-labels", root)) {
      tabRows.observe(labels);
      labels.parentElement.addEventListener("change", () => placeIndicator(labels));
    }
  }
  watchTabs(document);

  // -------------------------------------------------------------------------------------------- search
  const search = $("[data-md-component=search]");
  const query = $("[data-md-component=search-query]");
  const result = $("[data-md-component=search-result]");
  let worker = null;
  let ready = false;
  let index = null;
  let sent = null;

  function fetchIndex() {
    index ??= fetch(new URL("search/search_index.json", base)).then((response) => {
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      return response.json();
    });
    return index;
  }

  function startSearch() {
    if (worker || !search) return;
    worker = new Worker(new URL(config.search, location.href));
    worker.addEventListener("message", ({ data: message }) => {
      if (message.type === 1) {
        ready = true;
        sendQuery();
      } else if (message.type === 3) {
        renderResults(message.data.items);
      }
    });
    fetchIndex().then(({ config: searchConfig, docs }) =>
      worker.postMessage({ type: 0, data: { config: searchConfig, docs, options: { suggest: false } } }),
    );
  }

  function sendQuery() {
    if (!ready || query.value === sent) return;
    sent = query.value;
    worker.postMessage({ type: 2, data: sent });
  }

  function renderDocument(doc, { parent, teaser }) {
    const url = new URL(doc.location, base);
    if (features.includes("search.highlight")) {
      const terms = Object.entries(doc.terms).filter(([, found]) => found).map(([term]) => term);
      url.searchParams.set("h", terms.join(" "));
    }
    const link = document.createElement("a");
    link.href = url.href;
    link.className = "md-search-result__link";
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    article.dataset.mdScore = doc.score.toFixed(2);
    // Title and text come from the worker as HTML: the index's own text with <mark> around matches.
    let html = parent ? `<div class="md-search-result__icon md-icon"></div><h1>${doc.title}</h1>` : `<h2>${doc.title}</h2>`;
    if (teaser && doc.text.length) html += doc.text;
    article.innerHTML = html;
    if (doc.tags) {
      const nav = document.createElement("nav");
      nav.className = "md-tags";
      for (const tag of doc.tags) {
        const span = document.createElement("span");
        span.className = "md-tag";
        span.innerHTML = tag; // from the worker, like the title and text: the tag with <mark> around a match
        nav.append(span);
      }
      article.append(nav);
    }
    const missing = Object.keys(doc.terms).filter((term) => !doc.terms[term]);
    if (teaser && missing.length) {
      const p = document.createElement("p");
      p.className = "md-search-result__terms";
      p.append(`${translate("search.result.term.missing")}: `);
      missing.forEach((term, i) => {
        const del = document.createElement("del");
        del.textContent = term;
        p.append(...(i ? [" ", del] : [del]));
      });
      article.append(p);
    }
    link.append(article);
    return link;
  }

  function renderItem(group) {
    const docs = [...group];
    const threshold = docs[0].score;
    const parentIndex = Math.max(0, docs.findIndex((doc) => !doc.location.includes("#")));
    const [page] = docs.splice(parentIndex, 1);
    let cut = docs.findIndex((doc) => doc.score < threshold);
    if (cut === -1) cut = docs.length;
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    item.append(renderDocument(page, { parent: true, teaser: parentIndex === 0 && cut === 0 }));
    for (const doc of docs.slice(0, cut)) item.append(renderDocument(doc, { teaser: true }));
    const more = docs.slice(cut);
    if (more.length) {
      const details = document.createElement("details");
      details.className = "md-search-result__more";
      const summary = document.createElement("summary");
      summary.tabIndex = -1;
      const label = document.createElement("div");
      label.textContent =
        more.length === 1 ? translate("search.result.more.one") : translate("search.result.more.other", more.length);
      summary.append(label);
      details.append(summary, ...more.map((doc) => renderDocument(doc, { teaser: true })));
      item.append(details);
    }
    return item;
  }

  function renderResults(items) {
    const meta = result.firstElementChild;
    const list = result.lastElementChild;
    if (items.length === 0)
      meta.textContent = translate(query.value.length ? "search.result.none" : "search.result.placeholder");
    else if (items.length === 1) meta.textContent = translate("search.result.one");
    else meta.textContent = translate("search.result.other", items.length);
    list.replaceChildren(...items.map(renderItem));
  }

  if (search && query && result) {
    const list = result.lastElementChild;
    const toggle = $("[data-md-toggle=search]");
    const setOpen = (open) => {
      list.setAttribute("role", open ? "list" : "presentation");
      list.hidden = !open;
      // On a phone the page behind the open search does not scroll (Material's stylesheet fixes the body).
      if (open && !matchMedia("(min-width: 60em)").matches) {
        document.body.style.top = `-${scrollY}px`;
        document.body.setAttribute("data-md-scrolllock", "");
      } else if (document.body.hasAttribute("data-md-scrolllock")) {
        const y = -parseInt(document.body.style.top || "0", 10);
        document.body.removeAttribute("data-md-scrolllock");
        document.body.style.top = "";
        scrollTo(0, y);
      }
    };
    setOpen(false);
    toggle.addEventListener("change", () => setOpen(toggle.checked));

    for (const label of $$("[for=__search]")) {
      label.addEventListener("pointerenter", startSearch, { once: true });
      label.addEventListener("touchstart", startSearch, { once: true, passive: true });
    }
    $("header [for=__search]")?.addEventListener("click", () => query.focus());
    // Opened after the event that focused the box: a click on the header's search button focuses it
    // (so that a phone shows its keyboard) and then toggles the search itself, which must not undo this.
    query.addEventListener("focus", () => {
      startSearch();
      setTimeout(() => document.activeElement === query && setToggle("search", true));
    });
    query.addEventListener("input", sendQuery);
    query.form.addEventListener("reset", () => setTimeout(() => (query.focus(), sendQuery())));
    query.form.addEventListener("submit", (ev) => ev.preventDefault());
    search.addEventListener("click", (ev) => {
      if (ev.target instanceof Element && ev.target.closest("a")) setToggle("search", false);
    });

    const params = new URL(location.href).searchParams;
    if (params.has("q")) {
      query.value = params.get("q");
      setToggle("search", true);
      query.focus();
      toggle.addEventListener("change", function drop() {
        if (toggle.checked) return;
        const url = new URL(location.href);
        url.searchParams.delete("q");
        history.replaceState(history.state, "", url.href);
        toggle.removeEventListener("change", drop);
      });
    }
  }

  function searchKey(ev) {
    const focused = document.activeElement;
    switch (ev.key) {
      case "Enter": {
        if (focused !== query) return;
        const links = $$(":first-child [href]", result);
        const best = links.sort((a, b) => b.firstElementChild.dataset.mdScore - a.firstElementChild.dataset.mdScore)[0];
        if (best) best.click();
        ev.preventDefault();
        return;
      }
      case "Escape":
      case "Tab":
        setToggle("search", false);
        query.blur();
        return;
      case "ArrowUp":
      case "ArrowDown": {
        const stops = [query, ...$$(":not(details) > [href], summary, details[open] [href]", result)];
        const step = ev.key === "ArrowUp" ? -1 : 1;
        stops[(Math.max(0, stops.indexOf(focused)) + stops.length + step) % stops.length].focus();
        ev.preventDefault();
        return;
      }
      default:
        if (focused !== query) query.focus();
    }
  }

  function typesText(el, key) {
    if (el instanceof HTMLInputElement) return el.type !== "radio" || key.startsWith("Arrow");
    return el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement || Boolean(el?.isContentEditable);
  }

  addEventListener("keydown", (ev) => {
    if (ev.metaKey || ev.ctrlKey || ev.altKey || ev.isComposing) return;
    if (search && getToggle("search")) return searchKey(ev);
    const focused = document.activeElement;
    if (focused && focused !== document.body && typesText(focused, ev.key)) return;
    switch (ev.key) {
      case "f":
      case "s":
      case "/":
        if (!query) return;
        query.focus();
        query.select();
        setToggle("search", true);
        ev.preventDefault();
        return;
      case "p":
      case ",":
      case "n":
      case ".": {
        const link = $(`link[rel=${"p,".includes(ev.key) ? "prev" : "next"}]`);
        if (link) location.href = link.href;
        return;
      }
      case "Enter":
        if (focused instanceof HTMLLabelElement) focused.click();
    }
  });

  // ----------------------------------------------------------------------------------------- highlight
  // A page opened from a search result (?h=words) marks those words in its text, the way the index
  // splits words (its separator), once the index has arrived.
  const wanted = new URL(location.href).searchParams.get("h");
  const content = $("[data-md-component=content]");
  if (wanted && content && features.includes("search.highlight"))
    addEventListener("load", () =>
      idle(() => {
        const terms = wanted
          .replace(/[\s*+\-:~^]+/g, " ")
          .trim()
          .split(" ")
          .filter(Boolean)
          .map((term) => term.replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&"));
        if (!terms.length) return;
        const match = new RegExp(`(${terms.join("|")})`, "gi");
        const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
        const hits = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (parent.closest("math, script, style, mark, code") || !parent.offsetHeight) continue;
          match.lastIndex = 0;
          if (match.test(node.data)) hits.push(node);
        }
        for (const node of hits)
          node.replaceWith(
            ...node.data.split(match).map((part, i) => {
              if (i % 2 === 0) return part;
              const mark = document.createElement("mark");
              mark.setAttribute("data-md-highlight", "");
              mark.textContent = part;
              return mark;
            }),
          );
      }),
    );
})();
