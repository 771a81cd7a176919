export { webLightTheme } from "./lightTheme.js";
export { webDarkTheme } from "./darkTheme.js";
