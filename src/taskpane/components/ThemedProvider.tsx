import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";

/** Dark when Office's theme is dark: a dark body background means a dark theme. */
function isDark(): boolean {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#?[0-9a-f]{6}$/i.test(background)) return false;
  const hex = background.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

/** Follows the Office theme, and its changes where the host reports them. */
export function ThemedProvider({ children }: { children: ReactNode }) {
  const [dark, setDark] = useState(isDark);
  useEffect(() => {
    const handler = () => setDark(isDark());
    const document = Office.context?.document as
      | (Office.Document & { addHandlerAsync?: typeof Office.context.document.addHandlerAsync })
      | undefined;
    const eventType = (Office.EventType as unknown as Record<string, Office.EventType>)
      .OfficeThemeChanged;
    if (eventType && document?.addHandlerAsync) document.addHandlerAsync(eventType, handler);
  }, []);
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}
