export { teamsDarkTheme, teamsDarkV21Theme, teamsHighContrastTheme, teamsLightTheme, teamsLightV21Theme } from "./teams/index.js";
export { webDarkTheme, webLightTheme } from "./web/index.js";
