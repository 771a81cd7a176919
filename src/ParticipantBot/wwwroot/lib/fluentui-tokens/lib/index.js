export { teamsDarkTheme, teamsDarkV21Theme, teamsHighContrastTheme, teamsLightTheme, teamsLightV21Theme, webDarkTheme, webLightTheme } from "./themes/index.js";
export { createDarkTheme, createHighContrastTheme, createLightTheme, createTeamsDarkTheme } from "./utils/index.js";
export { themeToTokensObject } from "./themeToTokensObject.js";
export { tokens } from "./tokens.js";
export { typographyStyles } from "./global/index.js";
