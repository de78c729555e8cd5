// The explorer's state, held in the URL so that a view can be shared:
// /explore?focus=person:claudia-sheinbaum&depth=2&asOf=2025-11-01&expand=...

const lists = ["types", "kinds", "expand", "hide", "pin"];

export function defaults() {
  return {
    focus: "", depth: 1, direction: "BOTH", types: [], kinds: [], limit: 100, asOf: "",
    expand: [], hide: [], pin: [], from: "", to: "", k: 3,
  };
}

export function readURL(search = location.search) {
  const p = new URLSearchParams(search);
  const s = defaults();
  for (const [key, value] of p) {
    if (!(key in s)) continue;
    if (lists.includes(key)) s[key] = value.split(",").map((v) => v.trim()).filter(Boolean);
    else if (typeof s[key] === "number") s[key] = Number(value) || s[key];
    else s[key] = value;
  }
  s.depth = Math.min(Math.max(s.depth, 1), 4);
  s.limit = Math.min(Math.max(s.limit, 1), 500);
  s.k = Math.min(Math.max(s.k, 1), 50);
  if (!["BOTH", "OUT", "IN"].includes(s.direction)) s.direction = "BOTH";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.asOf)) s.asOf = "";
  return s;
}

export function writeURL(s) {
  const d = defaults();
  const p = new URLSearchParams();
  for (const key of Object.keys(d)) {
    const v = s[key];
    if (Array.isArray(v) ? v.length === 0 : v === d[key] || v === "") continue;
    p.set(key, Array.isArray(v) ? v.join(",") : String(v));
  }
  const q = p.toString().replace(/%3A/gi, ":").replace(/%2C/gi, ",");
  const url = location.pathname + (q ? "?" + q : "");
  if (url !== location.pathname + location.search) history.replaceState(null, "", url);
}
