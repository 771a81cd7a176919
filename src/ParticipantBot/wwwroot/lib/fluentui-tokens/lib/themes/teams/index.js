export { teamsLightTheme, teamsLightV21Theme } from "./lightTheme.js";
export { teamsDarkTheme, teamsDarkV21Theme } from "./darkTheme.js";
export { teamsHighContrastTheme } from "./highContrastTheme.js";
