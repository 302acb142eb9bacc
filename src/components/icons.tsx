// A few inline icons (text glyphs render at the mercy of the system's fonts).
const common = {
  viewBox: '0 0 24 24',
  width: 22,
  height: 22,
  'aria-hidden': true,
  fill: 'currentColor',
} as const;

export function SearchIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M10.5 3a7.5 7.5 0 0 1 5.96 12.05l4.24 4.25-1.4 1.4-4.25-4.24A7.5 7.5 0 1 1 10.5 3Zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z" />
    </svg>
  );
}

export function InboxIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M4 4h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Zm1 2v.4l7 4.7 7-4.7V6H5Zm14 2.8-6.45 4.32a1 1 0 0 1-1.1 0L5 8.8V18h14V8.8Z" />
    </svg>
  );
}
