import { createElement } from "react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { ThemedProvider } from "../../../src/taskpane/components/ThemedProvider";
import { markup } from "../../support/markup";

/** Office as the pane sees it, with the theme's body background. */
function officeWith(bodyBackgroundColor: string | undefined) {
  (globalThis as { Office?: unknown }).Office = {
    context: { officeTheme: bodyBackgroundColor ? { bodyBackgroundColor } : undefined },
    EventType: {},
  };
}

const rendered = () =>
  markup(createElement(ThemedProvider, null, createElement("p", null, "pane")));
const background = (html: string) => /--colorNeutralBackground1: ?([^;]+);/.exec(html)?.[1];

describe("the pane follows Office's theme", () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);

  test("a dark body background (luminance below 128) gives the dark theme", () => {
    officeWith("#1F1F1F");
    expect(background(rendered())).toBe(webDarkTheme.colorNeutralBackground1);
    officeWith("404040"); // 64: dark, written without #
    expect(background(rendered())).toBe(webDarkTheme.colorNeutralBackground1);
  });

  test("a light background, an unreadable one or none gives the light theme", () => {
    // #818181 has luminance 129.
    for (const colour of ["#FFFFFF", "#818181", "white", undefined]) {
      officeWith(colour);
      expect(background(rendered())).toBe(webLightTheme.colorNeutralBackground1);
    }
  });

  test("the pane's content is inside the provider", () => {
    officeWith(undefined);
    expect(rendered()).toContain("<p>pane</p>");
  });
});
