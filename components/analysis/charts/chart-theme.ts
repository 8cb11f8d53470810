/** Colours canvas/SVG charts cannot read from CSS variables, per colour scheme. */
export const chartThemes = {
  light: {
    text: '#566070',
    grid: '#eef0f4',
    border: '#dfe3e9',
    tooltip: '#ffffff',
    accent: '#2563eb',
    neutral: '#8a94a6',
    danger: '#c8242b',
  },
  dark: {
    text: '#9ba5b4',
    grid: '#1e2736',
    border: '#283246',
    tooltip: '#131a26',
    accent: '#60a5fa',
    neutral: '#7b8699',
    danger: '#ff7a7a',
  },
} as const;

/** Distinct line colours for overlaid series (comparison, multi-line indicators). */
export const seriesPalette = {
  light: ['#2563eb', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'],
  dark: ['#60a5fa', '#fbbf24', '#a78bfa', '#22d3ee', '#f472b6', '#a3e635'],
} as const;
