import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { ThemedProvider } from "./components/ThemedProvider";

Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(
    <ThemedProvider>
      <App />
    </ThemedProvider>
  );
});
