// The benchmark's six queries (issue #4), and the q lines that build its trade table in a session of
// their own (the page's worker, where the generated columns cannot be handed over).
export const QUERIES: [string, string][] = [
  ['Q1', 'select avg price by stock from trade'],
  ['Q2', 'select first date, last date, amount wavg price by stock, date.week from trade where date within 1998.02.28 1998.03.31'],
  ['Q3', '`price xasc trade'],
  ['Q4', 'select count i by stock, date from trade'],
  ['Q5', 'exec sum price*amount from trade where price within 10 20'],
  ['Q6', 'select from trade where stock=`Alcatel, price>50'],
];

export const tradeScript = (n: number): string[] => [
  'stock:([name:`Alcatel`Alstom`AirFrance`FranceTelecom`Snecma`Supra] industry:`telecom`engineering`aviation`telecom`aviation`consulting)',
  `n:${n}; trade:([]stock:\`stock$n?exec name from stock; price:n?100.0; amount:100*10+n?20; exchange:5+n?2.0; date:1998.01.01+n?449)`,
  '`date xasc `trade',
];
