export { borderRadius } from "./borderRadius.js";
export { anchor, beige, berry, black, blackAlpha, blue, brass, bronze, brown, burgundy, charcoal, cornflower, cranberry, cyan, darkBlue, darkBrown, darkGreen, darkOrange, darkPurple, darkRed, darkTeal, forest, gold, grape, green, grey, grey10Alpha, grey12Alpha, grey14Alpha, hcButtonFace, hcButtonText, hcCanvas, hcCanvasText, hcDisabled, hcHighlight, hcHighlightText, hcHyperlink, hotPink, lavender, lightBlue, lightGreen, lightTeal, lilac, lime, magenta, marigold, mink, navy, orange, orchid, peach, pink, platinum, plum, pumpkin, purple, red, royalBlue, seafoam, silver, steel, teal, white, whiteAlpha, yellow } from "./colors.js";
export { curves } from "./curves.js";
export { durations } from "./durations.js";
export { fontFamilies, fontSizes, fontWeights, lineHeights } from "./fonts.js";
export { horizontalSpacings, verticalSpacings } from "./spacings.js";
export { strokeWidths } from "./strokeWidths.js";
export { typographyStyles } from "./typographyStyles.js";
