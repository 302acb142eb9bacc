// vCard files (.vcf: one card or thousands, as iPhone, Android, Google and Outlook export them) as a table
// the rest of the import already knows: one row per card, numbered from 1 as the cards come; a Name column,
// then one column per kind of number ("Mobile phone", "Home phone", "Fax", a second "Mobile phone 2", an
// iPhone's own label), in the order the kinds first appear. The header is made here, so it is not guessed.
import type { RowBatch } from './delimited';
import { RowBatcher } from './rowBatches';
import { RowCounter, type RowCounts } from './rowCounter';
import { logicalLines, type Property, parseProperty, unescapeText } from './vcardLines';

export interface VCardSummary extends RowCounts {
  /** Name, then the number columns. */
  header: string[];
  /** VERSION values seen, e.g. ["3.0"]. */
  versions: string[];
}

/** What a TEL's TYPE parameters (and an iPhone's X-ABLabel) make of its column name. */
export function telKind(types: readonly string[], label: string | null): string {
  // An iPhone's own labels come as "_$!<Mobile>!$_"; a label a person typed comes as it is.
  if (label && !/^_\$!<.*>!\$_$/.test(label)) return `Phone (${label})`;
  const t = new Set(types.map((type) => type.toLowerCase()));
  const place = t.has('home') ? 'Home ' : t.has('work') ? 'Work ' : '';
  if (t.has('fax')) return place ? `${place}fax` : 'Fax';
  if (t.has('pager')) return 'Pager';
  if (t.has('cell') || t.has('mobile') || t.has('iphone')) return 'Mobile phone';
  if (t.has('main')) return 'Main phone';
  return place ? `${place}phone` : 'Phone';
}

interface Card {
  name: string;
  tels: { kind: { types: string[]; group: string | null }; value: string }[];
  labels: Map<string, string>;
}

const newCard = (): Card => ({ name: '', tels: [], labels: new Map() });

function nameOf(property: Property): string {
  const value = unescapeText(property.value);
  if (property.name === 'FN') return value.trim();
  // N: family;given;additional;prefix;suffix
  const [family = '', given = ''] = value.split(';');
  return `${given} ${family}`.trim();
}

/** Reads every card of `text`, handing over batches of rows; returns the header and what it found. */
export function parseVCards(
  text: string,
  onBatch: (batch: RowBatch) => void,
  { maxRows, batchCells }: { maxRows: number; batchCells?: number },
): VCardSummary {
  const header = ['Name'];
  const columnOf = new Map<string, number>();
  const versions = new Set<string>();
  const batches = new RowBatcher(onBatch, batchCells);
  const counter = new RowCounter(maxRows, (row, cells) => batches.add(row, cells));
  /** The card's row: its name, each number in its kind's column (a second of a kind in "… 2"). */
  const rowOf = (card: Card): string[] => {
    const cells = [card.name];
    const seen = new Map<string, number>();
    for (const tel of card.tels) {
      const kind = telKind(tel.kind.types, tel.kind.group ? (card.labels.get(tel.kind.group) ?? null) : null);
      const nth = (seen.get(kind) ?? 0) + 1;
      seen.set(kind, nth);
      const column = nth === 1 ? kind : `${kind} ${nth}`;
      let index = columnOf.get(column);
      if (index === undefined) {
        index = header.push(column) - 1;
        columnOf.set(column, index);
      }
      while (cells.length < index) cells.push('');
      cells[index] = tel.value;
    }
    return cells;
  };

  let card: Card | null = null;
  let depth = 0;
  let found = false;
  for (const line of logicalLines(text)) {
    const property = parseProperty(line);
    if (!property) continue;
    const value = property.value.trim();
    if (property.name === 'BEGIN' && /^vcard$/i.test(value)) {
      // A card inside a card (2.1's AGENT) belongs to the outer one and is not read on its own.
      if (depth++ === 0) card = newCard();
      continue;
    }
    if (property.name === 'END' && /^vcard$/i.test(value)) {
      if (depth > 0 && --depth === 0 && card) {
        found = true;
        if (!counter.add(rowOf(card))) break;
        card = null;
      }
      continue;
    }
    if (!card || depth !== 1) continue;
    if (property.name === 'VERSION') versions.add(value);
    else if (property.name === 'TEL' && value) {
      card.tels.push({ kind: { types: property.params.get('TYPE') ?? [], group: property.group }, value });
    } else if (property.name === 'X-ABLABEL' && property.group) {
      card.labels.set(property.group, unescapeText(value));
    } else if ((property.name === 'FN' || (property.name === 'N' && !card.name)) && value) {
      card.name = nameOf(property);
    }
  }
  // A last card without its END:VCARD (a file cut short) still counts.
  if (card && depth > 0 && !counter.counts.tooMany) {
    found = true;
    counter.add(rowOf(card));
  }
  batches.flush();
  if (!found) throw new Error('It holds no vCard (BEGIN:VCARD … END:VCARD).');
  return { ...counter.counts, header, versions: [...versions].sort() };
}

/** A .vcf by its name, or text that starts like a vCard. */
export const isVCard = (name: string, text: string) =>
  /\.(vcf|vcard)$/i.test(name) || /^\s*BEGIN:VCARD/i.test(text.slice(0, 1024));
