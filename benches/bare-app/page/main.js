// Once the page is painted, the app is told (as CoachDesk's window tells its shell).
requestAnimationFrame(() =>
  setTimeout(() => window.__TAURI__.core.invoke("first_screen", { screen: "page" })),
);
