// The explorer's API key form (the "Key" menu): a server that requires
// keys for reads answers UNAUTHENTICATED without one, and FORBIDDEN to a
// key that may not do what was asked. Either opens the form with a message
// that says which; a key entered there is kept in localStorage
// ("newsgraph.key", which GraphiQL reads too) and the view is redrawn.
import { apiKey, setKey, onAuthError } from "./api.js";

const $ = (id) => document.getElementById(id);

// authMessage explains an UNAUTHENTICATED or FORBIDDEN error to the user.
export function authMessage(err, haveKey) {
  if (err.code === "FORBIDDEN") {
    // Also a persisted-query allowlist's refusal: say what the server said.
    return `The server refused this request: ${err.message}. If a key with more rights would do, enter it here.`;
  }
  if (haveKey) {
    return "The server did not accept this key (UNAUTHENTICATED): it may be mistyped, revoked or expired. Enter another.";
  }
  return "This server requires an API key to read the graph (UNAUTHENTICATED). Enter one here.";
}

// attachKeyForm wires the Key menu; onChange runs after a key is entered
// or forgotten, to redraw with it.
export function attachKeyForm(onChange) {
  const menu = $("key-menu");
  const input = $("key");
  const message = $("key-message");
  const show = (text) => {
    message.textContent = text;
    message.hidden = !text;
    menu.classList.toggle("needed", Boolean(text));
  };
  input.value = apiKey();
  onAuthError((err) => {
    show(authMessage(err, Boolean(apiKey())));
    if (!menu.open) {
      menu.open = true;
      input.focus();
    }
  });
  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setKey(input.value.trim());
    show("");
    menu.open = false;
    onChange();
  });
  $("key-forget").addEventListener("click", () => {
    setKey("");
    input.value = "";
    show("");
    onChange();
  });
}
