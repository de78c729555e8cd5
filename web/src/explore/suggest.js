// A search box with suggestions as you type (Query.search, folded, kind
// shown), an ARIA combobox: arrows move, Enter picks, Escape closes.
import { gql, searchQuery } from "./api.js";
import { kinds } from "./style.js";

const kindLabel = Object.fromEntries(kinds.map((k) => [k.kind, k]));

export function attachSuggest(input, list, onPick) {
  let hits = [];
  let active = -1;
  let timer = 0;
  let seq = 0;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function render() {
    list.replaceChildren(...hits.map((h, i) => {
      const li = document.createElement("li");
      li.id = `${list.id}-${i}`;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === active));
      li.className = "suggestion" + (i === active ? " active" : "");
      const k = kindLabel[h.entity.kind] || { label: h.entity.kind, color: "#777" };
      const badge = document.createElement("span");
      badge.className = "kind";
      badge.style.background = k.color;
      badge.textContent = k.label;
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = h.entity.name;
      li.append(name, badge);
      li.addEventListener("mousedown", (e) => {
        e.preventDefault();
        pick(i);
      });
      return li;
    }));
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    if (active >= 0) input.setAttribute("aria-activedescendant", `${list.id}-${active}`);
    else input.removeAttribute("aria-activedescendant");
  }

  function pick(i) {
    const h = hits[i];
    if (!h) return;
    input.value = h.entity.name;
    input.dataset.id = h.entity.id;
    close();
    onPick(h.entity);
  }

  async function lookup() {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) {
      hits = [];
      render();
      return;
    }
    try {
      const data = await gql(searchQuery, { q });
      if (mine !== seq) return;
      hits = data.search;
      active = hits.length ? 0 : -1;
      render();
    } catch {
      if (mine === seq) close();
    }
  }

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  list.setAttribute("role", "listbox");
  input.addEventListener("input", () => {
    delete input.dataset.id;
    clearTimeout(timer);
    timer = setTimeout(lookup, 120);
  });
  input.addEventListener("keydown", async (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!hits.length) return;
      e.preventDefault();
      active = (active + (e.key === "ArrowDown" ? 1 : -1) + hits.length) % hits.length;
      render();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (list.hidden || !hits.length) {
        clearTimeout(timer);
        await lookup();
      }
      pick(active >= 0 ? active : 0);
    } else if (e.key === "Escape" && !list.hidden) {
      e.stopPropagation();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
}
