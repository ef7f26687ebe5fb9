/**
 * Dates as docker/metadata-action renders `{{date 'FORMAT' tz='Zone'}}`: Moment.js format tokens,
 * in an IANA time zone (UTC when none is named), from the platform's Intl data. Pure.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const TOKENS =
  /\[([^\]]*)\]|YYYY|YY|Q|Mo|MMMM|MMM|MM|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|do|d|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x|WW|W/g

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0')

function ordinal(n: number): string {
  const tens = n % 100
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'
  return `${n}${suffix}`
}

/** The wall-clock time in `zone`, as a Date whose UTC fields read it, and the offset in minutes. */
function inZone(date: Date, zone: string): { wall: Date; offset: number } {
  let parts: Intl.DateTimeFormatPart[]
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric'
    }).formatToParts(date)
  } catch {
    throw new Error(`unknown time zone "${zone}" (an IANA name such as Europe/London or UTC)`)
  }
  const get = (type: string): number => Number(parts.find(p => p.type === type)?.value ?? 0)
  const wallMs = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second')
  )
  const wall = new Date(wallMs + date.getUTCMilliseconds())
  return { wall, offset: Math.round((wall.getTime() - date.getTime()) / 60000) }
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+'
  const m = Math.abs(minutes)
  return `${sign}${pad(Math.floor(m / 60))}${colon ? ':' : ''}${pad(m % 60)}`
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const day = t.getUTCDay() || 7
  t.setUTCDate(t.getUTCDate() + 4 - day)
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1)
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7)
}

/**
 * Renders `date` with a Moment.js format in `zone`. Without a format, Moment's default: ISO 8601
 * to the second, `Z` for UTC, else the offset (`+09:00`).
 */
export function formatDate(date: Date, format: string | undefined, zone = 'UTC'): string {
  const { wall: w, offset } = inZone(date, zone)
  const fmt = format ?? (offset === 0 ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ')
  const year = w.getUTCFullYear()
  const month = w.getUTCMonth()
  const day = w.getUTCDate()
  const weekday = w.getUTCDay()
  const hour = w.getUTCHours()
  const dayOfYear = Math.floor((Date.UTC(year, month, day) - Date.UTC(year, 0, 1)) / 86400000) + 1
  const h12 = hour % 12 || 12
  const ms = w.getUTCMilliseconds()
  const values: Record<string, () => string> = {
    YYYY: () => pad(year, 4),
    YY: () => pad(year % 100),
    Q: () => String(Math.floor(month / 3) + 1),
    M: () => String(month + 1),
    Mo: () => ordinal(month + 1),
    MM: () => pad(month + 1),
    MMM: () => (MONTHS[month] as string).slice(0, 3),
    MMMM: () => MONTHS[month] as string,
    D: () => String(day),
    Do: () => ordinal(day),
    DD: () => pad(day),
    DDD: () => String(dayOfYear),
    DDDD: () => pad(dayOfYear, 3),
    d: () => String(weekday),
    do: () => ordinal(weekday),
    dd: () => (DAYS[weekday] as string).slice(0, 2),
    ddd: () => (DAYS[weekday] as string).slice(0, 3),
    dddd: () => DAYS[weekday] as string,
    H: () => String(hour),
    HH: () => pad(hour),
    h: () => String(h12),
    hh: () => pad(h12),
    k: () => String(hour || 24),
    kk: () => pad(hour || 24),
    m: () => String(w.getUTCMinutes()),
    mm: () => pad(w.getUTCMinutes()),
    s: () => String(w.getUTCSeconds()),
    ss: () => pad(w.getUTCSeconds()),
    S: () => String(Math.floor(ms / 100)),
    SS: () => pad(Math.floor(ms / 10)),
    SSS: () => pad(ms, 3),
    A: () => (hour < 12 ? 'AM' : 'PM'),
    a: () => (hour < 12 ? 'am' : 'pm'),
    Z: () => offsetText(offset, true),
    ZZ: () => offsetText(offset, false),
    X: () => String(Math.floor(date.getTime() / 1000)),
    x: () => String(date.getTime()),
    W: () => String(isoWeek(w)),
    WW: () => pad(isoWeek(w))
  }
  return fmt.replace(TOKENS, (token: string, literal?: string) =>
    literal !== undefined ? literal : (values[token]?.() ?? token)
  )
}
