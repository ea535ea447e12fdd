/** Business dates (statement dates, the year in certNo, the date in orderNo) are Asia/Shanghai. */
const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of the instant in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  return SHANGHAI_DATE.format(at);
}

export function shanghaiYear(at: Date): number {
  return Number(shanghaiDate(at).slice(0, 4));
}
