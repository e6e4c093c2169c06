// What no answer may ever carry: a stack trace or a file path, SQL or a driver error, an HTML error page.
export const STACK = /\bat [\w.<>]+ \(?[^)\s]+\.(?:js|ts):\d+|node_modules|\/work\/|\/home\/|\/usr\/|[A-Z]:\\\\/;
export const SQL = /\bER_[A-Z_]{3,}|\bSQL syntax\b|\bSELECT\s.+\sFROM\b|\bINSERT INTO\b|\bUPDATE\s\S+\sSET\b|\bQueryFailedError\b|\bmysql\b|\bmariadb\b/i;
export const HTML = /<html|<pre|<!DOCTYPE/i;
export const leaks = (text: string): string | null => STACK.exec(text)?.[0] ?? SQL.exec(text)?.[0] ?? HTML.exec(text)?.[0] ?? null;
