// Real networks per region, with their published MCC/MNC (ITU-T E.212), for the embedded API's number lookup.
// A mobile number is given one of its region's mobile networks by a hash of the number (lookup.ts), so the
// same number always has the same carrier; a landline gets the region's incumbent fixed-line operator, which
// has no MCC/MNC. Regions missing here answer `carrier_name: null`, as a lookup without carrier data does.

export interface MobileNetwork {
  name: string;
  mcc: string;
  mnc: string;
}

export interface RegionCarriers {
  mobile: readonly MobileNetwork[];
  /** The incumbent fixed-line operator; null where the region's numbers do not tell landlines apart. */
  landline: string | null;
}

const net = (name: string, mcc: string, mnc: string): MobileNetwork => ({ name, mcc, mnc });

export const CARRIERS: Readonly<Record<string, RegionCarriers>> = {
  GB: {
    mobile: [
      net('Vodafone UK', '234', '15'),
      net('EE', '234', '30'),
      net('O2 UK', '234', '10'),
      net('Three UK', '234', '20'),
    ],
    landline: 'BT',
  },
  US: {
    mobile: [
      net('Verizon Wireless', '311', '480'),
      net('AT&T Mobility', '310', '410'),
      net('T-Mobile US', '310', '260'),
    ],
    landline: null,
  },
  CA: {
    mobile: [
      net('Rogers Wireless', '302', '720'),
      net('Bell Mobility', '302', '610'),
      net('TELUS Mobility', '302', '220'),
    ],
    landline: null,
  },
  DE: {
    mobile: [
      net('Telekom Deutschland', '262', '01'),
      net('Vodafone DE', '262', '02'),
      net('O2 Germany', '262', '03'),
    ],
    landline: 'Deutsche Telekom',
  },
  FR: {
    mobile: [
      net('Orange France', '208', '01'),
      net('SFR', '208', '10'),
      net('Bouygues Telecom', '208', '20'),
      net('Free Mobile', '208', '15'),
    ],
    landline: 'Orange France',
  },
  ES: {
    mobile: [net('Movistar', '214', '07'), net('Vodafone ES', '214', '01'), net('Orange Spain', '214', '03')],
    landline: 'Telefónica',
  },
  IT: {
    mobile: [net('TIM', '222', '01'), net('Vodafone IT', '222', '10'), net('WindTre', '222', '88')],
    landline: 'TIM',
  },
  NL: {
    mobile: [net('KPN', '204', '08'), net('Vodafone NL', '204', '04'), net('Odido', '204', '16')],
    landline: 'KPN',
  },
  IE: {
    mobile: [
      net('Vodafone Ireland', '272', '01'),
      net('Three Ireland', '272', '05'),
      net('eir', '272', '03'),
    ],
    landline: 'eir',
  },
  SE: {
    mobile: [
      net('Telia', '240', '01'),
      net('Tele2', '240', '07'),
      net('Tre', '240', '02'),
      net('Telenor Sverige', '240', '08'),
    ],
    landline: 'Telia',
  },
  AU: {
    mobile: [net('Telstra', '505', '01'), net('Optus', '505', '02'), net('Vodafone AU', '505', '03')],
    landline: 'Telstra',
  },
  JP: {
    mobile: [net('NTT Docomo', '440', '10'), net('SoftBank', '440', '20'), net('au (KDDI)', '440', '50')],
    landline: 'NTT',
  },
  IN: {
    mobile: [net('Airtel', '404', '10'), net('Vi (Vodafone Idea)', '404', '20')],
    landline: 'BSNL',
  },
  BR: {
    mobile: [net('Vivo', '724', '06'), net('Claro Brasil', '724', '05'), net('TIM Brasil', '724', '02')],
    landline: 'Oi',
  },
  MX: {
    mobile: [
      net('Telcel', '334', '020'),
      net('AT&T México', '334', '050'),
      net('Movistar México', '334', '030'),
    ],
    landline: 'Telmex',
  },
  NG: {
    mobile: [
      net('MTN Nigeria', '621', '30'),
      net('Airtel Nigeria', '621', '20'),
      net('Globacom', '621', '50'),
    ],
    landline: null,
  },
  ZA: {
    mobile: [net('Vodacom', '655', '01'), net('MTN South Africa', '655', '10'), net('Cell C', '655', '07')],
    landline: 'Telkom',
  },
  SG: {
    mobile: [net('Singtel', '525', '01'), net('StarHub', '525', '05'), net('M1', '525', '03')],
    landline: 'Singtel',
  },
};
