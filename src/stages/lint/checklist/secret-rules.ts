import { properties } from '../../dockerfile.js'
import { human, instructionsOf, keyword, startLine, type Hit, type Rule, type RuleContext } from './types.js'

/** Names that say they hold a credential: PASSWORD, GITHUB_TOKEN, API_KEY, AWS_SECRET_ACCESS_KEY, HTTP_AUTH… */
const SECRET_NAME =
  /(^|[_.-])(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|CREDENTIALS?)([_.-]|$)|(^|[_.-])AUTH$/i
/** Names that point at a secret rather than hold one, or are settings about one (`…_AUTH_ENABLED`). */
const NOT_A_SECRET =
  /[_.-](FILE|PATH|DIR|URL|URI|ENDPOINT|NAME|ID|TYPE|LENGTH|EXPIRY|ENABLED?|DISABLED?|MODE|METHOD|PROVIDER|HOST|PORT|TIMEOUT|REQUIRED)$/i

export const looksSecret = (name: string): boolean => SECRET_NAME.test(name) && !NOT_A_SECRET.test(name)

/** A value no credential has: a boolean, a number, or (for ENV) nothing at all. */
const SETTING = /^(true|false|yes|no|on|off|enabled|disabled|\d{1,6})$/i

/** `ARG NAME[=value]` and `ENV NAME=value …` pairs whose name looks like a secret and value could be one. */
function secretNames(i: Parameters<typeof properties>[0], kw: string): string[] {
  return properties(i)
    .filter(([name, value]) => looksSecret(name) && !SETTING.test(value.trim()))
    .filter(([, value]) => kw === 'ARG' || value.trim() !== '')
    .map(([name]) => name)
}

const secretRule: Rule = {
  id: 'OP014',
  level: 'warning',
  title: 'No ARG or ENV holds a secret',
  sameAs: ['DS031'],
  check(ctx: RuleContext): Hit[] {
    const hits: Hit[] = []
    const instructions = [
      ...ctx.df.ast.getInitialARGs(),
      ...[...instructionsOf(ctx.df.stages)].map(([i]) => i)
    ]
    for (const i of instructions) {
      const kw = keyword(i)
      if (kw !== 'ARG' && kw !== 'ENV') continue
      for (const name of secretNames(i, kw)) {
        const where =
          kw === 'ENV' ? 'is stored in the image for anyone who pulls it' : 'is recorded in the image history'
        hits.push({
          line: startLine(i),
          message: `${kw} ${name} on line ${human(startLine(i))} looks like a secret, and an ${kw} value ${where}: pass it with the secrets input and RUN --mount=type=secret,id=${name.toLowerCase()} instead`
        })
      }
    }
    return hits
  }
}

export const secretRules = [secretRule]
