// The files bench:import-parse chooses on the Import screen, generated: a plain 100,000-row CSV of mixed
// formats, a 100,000-contact Google Contacts export (two phone columns, some " ::: " cells, quoted notes and
// addresses over several lines) and a 50,000-card vCard 3.0 file (several TELs a card, iPhone labels,
// folded lines, a few photos). UK numbers, all distinct but for the duplicates planted on purpose.

/** Row i of the plain CSV: a UK number in one of five formats; every 20th invalid, every 25th a repeat. */
function plainCell(i: number): string {
  if (i % 20 === 7) return i % 40 === 7 ? 'n/a' : `+44 20 79${i % 10}`;
  const n = i % 25 === 3 ? i - 3 : i; // a duplicate of an earlier row
  const line = String(n % 10_000).padStart(4, '0');
  const exchange = 7000 + Math.floor(n / 10_000); // (020) 7000–7009: valid London numbers
  switch (n % 5) {
    case 0:
      return `+44 20 ${exchange} ${line}`;
    case 1:
      return `0044 20 ${exchange} ${line}`;
    case 2:
      return `(020) ${exchange} ${line}`;
    case 3:
      return `020${exchange}${line}`;
    default:
      return `tel:+44-20-${exchange}-${line}`;
  }
}

export function plainCsv(rows: number): string {
  const lines = ['name,phone,note'];
  for (let i = 0; i < rows; i++) {
    lines.push(`Person ${i},"${plainCell(i)}",${i % 3 === 0 ? '"two\nlines"' : ''}`);
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const mobile = (i: number) => `07400 ${String(i).padStart(6, '0')}`;
const landline = (i: number) => `020 ${7000 + Math.floor(i / 10_000)} ${String(i % 10_000).padStart(4, '0')}`;

const GOOGLE_HEADER =
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,' +
  'Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,' +
  'Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,' +
  'Phone 2 - Value,Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,' +
  'Address 1 - PO Box,Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address';

/**
 * Contact i: a mobile in Phone 1 (every 10th with a second mobile after " ::: ", every 50th none at all),
 * a landline in Phone 2 for two in five (every 25th repeating an earlier contact's mobile instead).
 */
export function googleCsv(contacts: number): string {
  const lines = [GOOGLE_HEADER];
  for (let i = 0; i < contacts; i++) {
    const phone1 = i % 50 === 49 ? '' : i % 10 === 3 ? `${mobile(i)} ::: ${mobile(contacts + i)}` : mobile(i);
    const phone2 = i % 25 === 7 ? `+44 ${mobile(i - 5).slice(1)}` : i % 5 < 2 ? landline(i) : '';
    const notes = i % 7 === 0 ? '"Prefers texts,\nnot calls"' : '';
    const address =
      i % 5 === 0
        ? `Home,"${i} High Street\nLondon\nSW1A 1AA",${i} High Street,London,,,SW1A 1AA,GB,`
        : ',,,,,,,,';
    lines.push(
      `Person,,${i},,,,,,,,,,,1980-04-02,${notes},,* myContacts,* Home,p${i}@example.com,` +
        `${phone1 ? 'Mobile' : ''},${phone1},${phone2 ? 'Home' : ''},${phone2},${address}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const PHOTO = `PHOTO;ENCODING=b;TYPE=JPEG:${'/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U'.repeat(12)}`;
/** Folded at 75 characters, continuation lines starting with a space (RFC 6350 3.2). */
const fold = (line: string) => line.match(/.{1,74}/g)?.join('\r\n ') ?? line;

/** Card i: a mobile; a home number for every other card; work for every 10th; iPhone label for every 20th. */
export function vcards(cards: number): string {
  const out: string[] = [];
  for (let i = 0; i < cards; i++) {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${i};Person;;;`, `FN:Person ${i}`];
    lines.push(`EMAIL;TYPE=INTERNET;TYPE=HOME:p${i}@example.com`, `TEL;TYPE=CELL:${mobile(i)}`);
    if (i % 2 === 0) lines.push(`TEL;TYPE=HOME:${landline(i)}`);
    if (i % 10 === 3) lines.push(`TEL;TYPE=WORK,VOICE:+44 ${landline(cards + i).slice(1)}`);
    if (i % 20 === 5) lines.push(`item1.TEL;type=pref:${mobile(cards + i)}`, 'item1.X-ABLabel:Clinic');
    if (i % 9 === 0)
      lines.push(fold(`NOTE:Met at the clinic\\, prefers texts to calls. ${'A long note. '.repeat(8)}`));
    if (i % 50 === 0) lines.push(fold(PHOTO));
    lines.push('END:VCARD');
    out.push(lines.join('\r\n'));
  }
  return `${out.join('\r\n')}\r\n`;
}
