export { createLightTheme } from "./createLightTheme.js";
export { createDarkTheme } from "./createDarkTheme.js";
export { createTeamsDarkTheme } from "./createTeamsDarkTheme.js";
export { createHighContrastTheme } from "./createHighContrastTheme.js";
